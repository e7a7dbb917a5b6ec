import { Link } from 'react-router';
import { useSession } from '../../api/session';
import type { components } from '../../api/schema';
import { countOf, formatDate, formatKroner } from '../../format';
import { REPORT_KINDS } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Table } from '../../ui/Table';
import { type Application, useMyApplications } from '../applications/useApplications';
import { useMunicipalityName } from '../reference/useReference';
import { type Award, useMyAwards, useMyReports } from '../cases/useCase';

type Report = components['schemas']['ReportResponse'];

const OPEN_REPORT = new Set(['due', 'returned']);

/** Where an application is read: a draft is edited, anything else is a case. */
export function applicationLink(application: Pick<Application, 'id' | 'status'>): string {
  return application.status === 'draft' ? `/ansoegninger/${application.id}/rediger` : `/sager/${application.id}`;
}

/** Each award's next report still to be sent (due or returned), the earliest first. */
function nextReports(reports: Report[]): Map<string, Report> {
  const next = new Map<string, Report>();
  for (const report of reports) {
    if (!OPEN_REPORT.has(report.status)) continue;
    const known = next.get(report.awardId);
    if (!known || report.dueDate < known.dueDate) next.set(report.awardId, report);
  }
  return next;
}

function Counts({ applications, awards }: { applications: Application[]; awards: Award[] }) {
  const count = (statuses: string[]) => applications.filter((application) => statuses.includes(application.status)).length;
  const facts = [
    countOf(count(['draft']), 'kladde', 'kladder'),
    countOf(count(['submitted', 'in_assessment', 'assessed']), 'indsendt ansøgning', 'indsendte ansøgninger'),
    countOf(count(['awarded', 'rejected']), 'afgjort ansøgning', 'afgjorte ansøgninger'),
    countOf(awards.filter((award) => award.status === 'active').length, 'aktiv bevilling', 'aktive bevillinger'),
  ];
  return (
    <ul className="case-counts nobullet-list" data-testid="optaelling" aria-label="Overblik">
      {facts.map((fact) => (
        <li key={fact}>{fact}</li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { user } = useSession();
  const kommune = useMunicipalityName(user?.municipalityCode);
  const applications = useMyApplications();
  const awards = useMyAwards();
  const reports = useMyReports();
  const isLead = user?.role === 'project_lead';

  const overdue = (reports.data ?? []).filter((report) => report.overdue);
  const next = nextReports(reports.data ?? []);
  const caseOfAward = new Map((awards.data ?? []).map((award) => [award.id, award.applicationId]));

  return (
    <Page title="Mine sager">
      <p className="font-lead">{kommune ? `Ansøgninger og bevillinger for ${kommune}.` : 'Dine ansøgninger og bevillinger.'}</p>
      {isLead && (
        <p>
          <Link to="/ansoegninger/ny" className="button button-primary">
            Start en ny ansøgning
          </Link>
        </p>
      )}

      {overdue.length > 0 && (
        <Alert tone="error" heading={`${countOf(overdue.length, 'rapport', 'rapporter')} er ikke indsendt til tiden`} testId="overskredet">
          <ul className="nobullet-list">
            {overdue.map((report) => (
              <li key={report.id}>
                <Link to={`/sager/${report.caseId}/rapporter/${report.id}`}>
                  {REPORT_KINDS[report.kind]} for {report.caseNumber} ({report.projectTitle})
                </Link>{' '}
                skulle være indsendt {formatDate(report.dueDate)}.
              </li>
            ))}
          </ul>
        </Alert>
      )}

      {applications.isPending || awards.isPending ? (
        <Loading text="Henter sager …" />
      ) : applications.error || awards.error ? (
        <ProblemAlert error={applications.error ?? awards.error} />
      ) : (
        <>
          <Counts applications={applications.data} awards={awards.data} />

          <h2>Ansøgninger</h2>
          {applications.data.length === 0 ? (
            <p>Der er ingen ansøgninger endnu.</p>
          ) : (
            <Table
              caption="Ansøgninger"
              testId="ansoegninger"
              rows={applications.data}
              rowKey={(application) => application.id}
              columns={[
                { header: 'Titel', cell: (application) => <Link to={applicationLink(application)}>{application.title || 'Uden titel'}</Link> },
                { header: 'Sagsnummer', cell: (application) => application.caseNumber ?? '–' },
                { header: 'Status', cell: (application) => <StatusTag status={application.status} /> },
                {
                  header: 'Indsendt',
                  cell: (application) => (application.submittedAt ? formatDate(application.submittedAt) : 'Ikke indsendt'),
                },
                { header: 'Ansøgt beløb', numeric: true, cell: (application) => formatKroner(application.requestedOre) },
              ]}
            />
          )}

          <h2>Bevillinger</h2>
          {reports.error && <ProblemAlert error={reports.error} heading="Rapporterne kunne ikke hentes" />}
          {awards.data.length === 0 ? (
            <p>Der er ingen bevillinger endnu.</p>
          ) : (
            <Table
              caption="Bevillinger"
              testId="bevillinger"
              rows={awards.data}
              rowKey={(award) => award.id}
              columns={[
                { header: 'Sag', cell: (award) => <Link to={`/sager/${award.applicationId}`}>{award.caseNumber}</Link> },
                { header: 'Projekt', cell: (award) => award.projectTitle },
                { header: 'Bevilget', numeric: true, cell: (award) => formatKroner(award.amountOre) },
                { header: 'Periode', cell: (award) => `${formatDate(award.startDate)} – ${formatDate(award.endDate)}` },
                { header: 'Status', cell: (award) => <StatusTag status={award.status} /> },
                {
                  header: 'Næste rapport',
                  cell: (award) => {
                    const report = next.get(award.id);
                    if (!report) return reports.isPending ? '…' : 'Ingen';
                    return (
                      <Link to={`/sager/${caseOfAward.get(award.id) ?? award.applicationId}/rapporter/${report.id}`}>
                        {REPORT_KINDS[report.kind]} {formatDate(report.dueDate)}
                        {report.overdue ? ' (overskredet)' : ''}
                      </Link>
                    );
                  },
                },
              ]}
            />
          )}
        </>
      )}
    </Page>
  );
}
