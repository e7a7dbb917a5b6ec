import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../format';
import { REPORT_KINDS } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Table } from '../../ui/Table';
import { CaseGate } from '../cases/CaseGate';
import { useAwardReports } from './useReports';

function Schedule({ applicationId, awardId }: { applicationId: string; awardId: string }) {
  const reports = useAwardReports(awardId);
  if (reports.isPending) return <Loading text="Henter rapporterne …" />;
  if (reports.error) return <ProblemAlert error={reports.error} />;
  if (reports.data.length === 0) {
    return (
      <Alert tone="info" heading="Ingen rapporter">
        <p>Bevillingen har ingen rapporter, der skal indsendes.</p>
      </Alert>
    );
  }
  return (
    <Table
      caption="Rapportplan"
      testId="rapportplan"
      rows={reports.data}
      rowKey={(report) => report.id}
      columns={[
        {
          header: 'Rapport',
          cell: (report) => (
            <Link to={`/sager/${applicationId}/rapporter/${report.id}`}>
              {REPORT_KINDS[report.kind]}
              {report.kind === 'status' ? ` ${report.sequence}` : ''}
            </Link>
          ),
        },
        { header: 'Frist', cell: (report) => formatDate(report.dueDate) },
        {
          header: 'Status',
          cell: (report) => (
            <>
              <StatusTag status={report.status} />
              {report.overdue && (
                <>
                  {' '}
                  <span className="badge badge-error">Overskredet</span>
                </>
              )}
            </>
          ),
        },
        { header: 'Indsendt', cell: (report) => (report.submittedAt ? formatDateTime(report.submittedAt) : '–') },
      ]}
    />
  );
}

/** `/sager/:id/rapporter`: the award's report schedule, each report to open, submit or resubmit. */
export function ReportsPage() {
  const { id = '' } = useParams();
  return (
    <CaseGate id={id} title="Rapporter" needsAward>
      {({ application, award }) => (
        <Page title={`Rapporter, ${application.caseNumber}`} heading="Rapporter">
          <p className="font-lead">
            {application.caseNumber}: {application.title}
          </p>
          <p>
            <Link to={`/sager/${application.id}`}>Tilbage til sagen</Link>
          </p>
          <Schedule applicationId={application.id} awardId={award!.id} />
        </Page>
      )}
    </CaseGate>
  );
}
