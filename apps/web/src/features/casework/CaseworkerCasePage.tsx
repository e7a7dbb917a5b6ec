import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { formatDate, formatDateTime, formatKroner, listOf } from '../../format';
import { awardStatusLabel, MESSAGES, ROLES } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { DownloadButton } from '../../ui/DownloadButton';
import { SelectField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Facts } from '../../ui/Table';
import { ApplicationFacts } from '../applications/SummaryPage';
import type { Application } from '../applications/useApplications';
import { CaseSteps, DecisionSection } from '../cases/CasePage';
import { type Award, useCase } from '../cases/useCase';
import { useExtensionRequests } from '../extensions/useExtensions';
import { useMunicipalities } from '../reference/useReference';
import { useAwardReports } from '../reports/useReports';
import { AccessRequestsSection } from '../access-requests/AccessRequestsSection';
import { PaymentsSection } from '../payments/PaymentsSection';
import { ReviewFinalAccountsSection } from '../payments/FinalAccountsSection';
import { CloseoutSection } from '../payments/CloseoutSection';
import { AmendmentsSection } from '../payments/AmendmentsSection';
import { DocumentsSection } from '../documents/DocumentsSection';
import { AwardTimeline } from './AwardTimeline';
import { useAssign, useCaseEvents, useCaseworkers, useVersions } from './useCasework';

/** What the caseworker can do next on the case, as one box at the top. */
function NextStep({ application, userId }: { application: Application; userId: string }) {
  const mine = application.assessorId === userId;
  switch (application.status) {
    case 'submitted':
      return (
        <Alert tone="info" heading="Ansøgningen venter på en vurdering">
          <p>
            <Link to={`/sager/${application.id}/vurdering`}>Start vurderingen</Link>
          </p>
        </Alert>
      );
    case 'in_assessment':
      return (
        <Alert tone="info" heading={mine ? 'Du er i gang med vurderingen' : 'Vurderingen er i gang'}>
          <p>
            {mine ? (
              <Link to={`/sager/${application.id}/vurdering`}>Fortsæt vurderingen</Link>
            ) : (
              <>
                {application.assessorName ?? 'En anden sagsbehandler'} vurderer ansøgningen.{' '}
                <Link to={`/sager/${application.id}/vurdering`}>Se vurderingen</Link>
              </>
            )}
          </p>
        </Alert>
      );
    case 'assessed':
      return mine ? (
        <Alert tone="warning" heading="En anden sagsbehandler skal træffe afgørelsen" testId="firoejne">
          <p>
            Du har selv vurderet ansøgningen, så du kan ikke træffe afgørelsen (firøjneprincippet).{' '}
            <Link to={`/sager/${application.id}/vurdering`}>Se vurderingen</Link>
          </p>
        </Alert>
      ) : (
        <Alert tone="info" heading="Vurderingen er afsluttet">
          <p>
            Vurderet af {application.assessorName ?? 'en anden sagsbehandler'}. <Link to={`/sager/${application.id}/afgoerelse`}>Træf afgørelse</Link>
          </p>
        </Alert>
      );
    default:
      return null;
  }
}

/** The caseworker assigned to the case, and the buttons that change it. */
function Assignment({ application, userId }: { application: Application; userId: string }) {
  const assign = useAssign(application.id);
  const caseworkers = useCaseworkers();
  const [chosen, setChosen] = useState('');
  const options = (caseworkers.data ?? []).filter((person) => person.id !== application.assigneeId).map((person) => ({ value: person.id, label: person.name }));
  return (
    <section aria-labelledby="tildeling">
      <h2 id="tildeling">Sagsbehandler</h2>
      <p data-testid="tildelt" role="status">
        {application.assigneeName ? (
          <>
            Sagen er tildelt <strong>{application.assigneeId === userId ? `dig (${application.assigneeName})` : application.assigneeName}</strong>
            {application.assignedAt ? ` den ${formatDateTime(application.assignedAt)}` : ''}.
          </>
        ) : (
          'Sagen er ikke tildelt nogen.'
        )}
      </p>
      {assign.error && <ProblemAlert error={assign.error} heading="Sagen kunne ikke tildeles" />}
      <div className="button-row">
        {application.assigneeId !== userId && (
          <button type="button" className="button button-primary" disabled={assign.isPending} onClick={() => assign.mutate(userId)}>
            Tildel mig sagen
          </button>
        )}
        {application.assigneeId && (
          <button type="button" className="button button-tertiary" disabled={assign.isPending} onClick={() => assign.mutate(null)}>
            Fjern tildelingen
          </button>
        )}
      </div>
      <form
        className="assign-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen) assign.mutate(chosen, { onSuccess: () => setChosen('') });
        }}
      >
        <SelectField
          name="assigneeId"
          label="Tildel sagen til en kollega"
          value={chosen}
          onChange={setChosen}
          placeholder="Vælg sagsbehandler"
          options={options}
        />
        <button type="submit" className="button button-secondary" disabled={!chosen || assign.isPending}>
          Tildel
        </button>
      </form>
    </section>
  );
}

function Trail({ applicationId }: { applicationId: string }) {
  const events = useCaseEvents(applicationId);
  if (events.isPending) return <Loading text="Henter sagsforløbet …" />;
  if (events.error) return <ProblemAlert error={events.error} heading="Sagsforløbet kunne ikke hentes" />;
  const items = events.data.pages.flatMap((page) => page.items);
  return (
    <>
      <ol className="timeline" data-testid="sagsforloeb">
        {items.map((event) => (
          <li key={event.id}>
            <span className="timeline-date">{formatDateTime(event.occurredAt)}</span>
            {event.summary}
            {event.actorName ? ` af ${event.actorName}` : ''}
            {event.actorRole ? <span className="text-muted"> ({ROLES[event.actorRole]?.toLowerCase() ?? event.actorRole})</span> : null}
          </li>
        ))}
      </ol>
      {events.hasNextPage && (
        <button type="button" className="button button-secondary" disabled={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
          {events.isFetchingNextPage ? 'Henter …' : 'Vis flere hændelser'}
        </button>
      )}
    </>
  );
}

function Versions({ applicationId }: { applicationId: string }) {
  const versions = useVersions(applicationId);
  if (versions.isPending) return <Loading text="Henter versionerne …" />;
  if (versions.error) return <ProblemAlert error={versions.error} heading="Versionerne kunne ikke hentes" />;
  if (versions.data.length === 0) return <p>Ansøgningen er ikke indsendt.</p>;
  return (
    <ol className="nobullet-list" data-testid="versioner">
      {versions.data.map((version) => (
        <li key={version.versionNo}>
          <details className="version">
            <summary>
              Version {version.versionNo}, indsendt {formatDateTime(version.submittedAt)}
              {version.submittedByName ? ` af ${version.submittedByName}` : ''}
            </summary>
            <Facts
              caption={`Version ${version.versionNo}`}
              facts={[
                ['Titel', version.title],
                ['Formål', <span className="pre-line">{version.purpose}</span>],
                version.requestedOre !== null ? ['Ansøgt beløb', formatKroner(version.requestedOre)] : null,
                version.plannedStart && version.plannedEnd
                  ? ['Projektperiode', `${formatDate(version.plannedStart)} – ${formatDate(version.plannedEnd)}`]
                  : null,
                [
                  'Aktiviteter',
                  <ul className="mt-0 mb-0">
                    {version.activities.map((activity, index) => (
                      <li key={index}>{activity}</li>
                    ))}
                  </ul>,
                ],
              ]}
            />
          </details>
        </li>
      ))}
    </ol>
  );
}

function AwardPart({ award, applicationId }: { award: Award; applicationId: string }) {
  const reports = useAwardReports(award.id);
  const requests = useExtensionRequests(award.id);
  return (
    <section aria-labelledby="bevilling">
      <h2 id="bevilling">Bevilling</h2>
      <p>
        <StatusTag status={award.status} label={awardStatusLabel(award.status)} /> {formatKroner(award.amountOre)}
      </p>
      {reports.error || requests.error ? (
        <ProblemAlert error={reports.error ?? requests.error} heading="Tidslinjen kunne ikke hentes" />
      ) : reports.data && requests.data ? (
        <AwardTimeline award={award} reports={reports.data} requests={requests.data} />
      ) : (
        <Loading text="Henter tidslinjen …" />
      )}
      <ul className="nobullet-list case-links">
        <li>
          <Link to={`/sager/${applicationId}/rapporter`}>Rapporter</Link>
        </li>
        <li>
          <Link to={`/sager/${applicationId}/forlaengelse`}>Forlængelse (COVID-19)</Link>
        </li>
      </ul>
    </section>
  );
}

/**
 * `/sager/:id` for a caseworker or an administrator: the case as the ministry works it. Where it is and
 * what comes next, who has it (assign to me or a colleague), the decision and the award's timeline,
 * the application as submitted with its versions, the whole case trail in words, and its documents.
 */
export function CaseworkerCasePage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const { application, decision, award, error } = useCase(id);
  const municipalities = useMunicipalities();
  const location = useLocation();
  // Arrived here from the decision page, having just decided: say that the letter went.
  const decidedNow = (location.state as { decided?: boolean } | null)?.decided === true;

  if (application.isPending) {
    return (
      <Page title="Sag">
        <Loading text="Henter sagen …" />
      </Page>
    );
  }
  if (application.error) {
    const notFound = isProblem(application.error) && application.error.status === 404;
    return (
      <Page title={notFound ? MESSAGES.notFoundCase : 'Sag'}>
        {notFound ? <p data-testid="sagen-findes-ikke">Sagen findes ikke.</p> : <ProblemAlert error={application.error} />}
        <p>
          <Link to="/">Tilbage til arbejdslisten</Link>
        </p>
      </Page>
    );
  }
  const app = application.data;
  const kommune = (code: string) => municipalities.data?.byCode.get(code) ?? code;
  return (
    <Page title={app.caseNumber ? `Sag ${app.caseNumber}` : 'Kladde'} heading={`${app.caseNumber ? `${app.caseNumber}: ` : ''}${app.title}`}>
      <p>
        <Link to="/">Tilbage til arbejdslisten</Link>
      </p>
      <p>
        Status: <StatusTag status={app.status} />
      </p>
      {app.status !== 'draft' && app.status !== 'withdrawn' && <CaseSteps status={app.status} />}
      {decidedNow && (
        <Alert tone="success" role="status" heading="Afgørelsen er truffet" testId="afgoerelse-sendt">
          <p>Afgørelsesbrevet er sendt til kommunens kontaktpersoner.</p>
        </Alert>
      )}
      {user?.role === 'caseworker' && <NextStep application={app} userId={user.id} />}
      <Facts
        caption="Sagen"
        testId="sagen"
        facts={[
          ['Kommune', app.municipalityName],
          ['Medansøgende kommuner', app.coApplicantCodes.length > 0 ? listOf(app.coApplicantCodes.map(kommune)) : 'Ingen'],
          ['Kontaktperson', app.contactUserName ?? 'Ikke angivet'],
          ['Ansøgt beløb', formatKroner(app.requestedOre)],
          app.submittedAt ? ['Modtaget', formatDateTime(app.submittedAt)] : null,
          app.assessorName ? ['Vurderet af', app.assessorName] : null,
        ]}
      />
      {user && user.role === 'caseworker' && <Assignment application={app} userId={user.id} />}
      {error && !application.error && <ProblemAlert error={error} heading="Afgørelsen kunne ikke hentes" />}
      {decision.data && <DecisionSection decision={decision.data} />}
      {award.data && <AwardPart award={award.data} applicationId={app.id} />}
      {award.data && user && (
        <AmendmentsSection award={award.data} applicationId={app.id} role={user.role} contact={{ id: app.contactUserId, name: app.contactUserName }} />
      )}
      {award.data && user && <PaymentsSection awardId={award.data.id} awardAmountOre={award.data.amountOre} role={user.role} />}
      {award.data && user && <ReviewFinalAccountsSection award={award.data} applicationId={app.id} role={user.role} />}
      {award.data && user && <CloseoutSection award={award.data} applicationId={app.id} role={user.role} />}

      <section aria-labelledby="ansoegning">
        <h2 id="ansoegning">Ansøgningen</h2>
        <ApplicationFacts application={app} />
        <h3>Versioner</h3>
        <Versions applicationId={app.id} />
      </section>

      <section aria-labelledby="dokumenter">
        <h2 id="dokumenter">Dokumenter og breve</h2>
        <ul className="nobullet-list">
          {app.receipt && (
            <li>
              <DownloadButton applicationId={app.id} document="receipt" filename={`kvittering-${app.receipt.caseNumber}.pdf`} label="Kvittering (PDF)" />
            </li>
          )}
          {decision.data && (
            <li>
              <DownloadButton
                applicationId={app.id}
                document="letter"
                filename={`${decision.data.letterKind}-${decision.data.caseNumber}.pdf`}
                label={decision.data.letterKind === 'tilsagnsbrev' ? 'Tilsagnsbrev (PDF)' : 'Afgørelsesbrev (PDF)'}
              />
            </li>
          )}
        </ul>
        <DocumentsSection
          applicationId={app.id}
          caseNumber={app.caseNumber}
          caseFile
          upload={user?.role === 'caseworker' ? { subject: { subjectType: 'application', subjectId: app.id }, kinds: ['letter', 'other'] } : undefined}
        />
      </section>

      {user && app.status !== 'draft' && <AccessRequestsSection applicationId={app.id} role={user.role} />}

      <section aria-labelledby="forloeb">
        <h2 id="forloeb">Sagsforløb</h2>
        <Trail applicationId={app.id} />
      </section>
    </Page>
  );
}
