import { Link, useParams } from 'react-router';
import { isProblem } from '../../api/problem';
import { countOf, formatDate, formatDateTime, formatKroner } from '../../format';
import { awardStatusLabel, MESSAGES, OUTCOMES } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { DownloadButton } from '../../ui/DownloadButton';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Facts } from '../../ui/Table';
import { ApplicationFacts } from '../applications/SummaryPage';
import { DocumentsSection } from '../documents/DocumentsSection';
import type { Application } from '../applications/useApplications';
import { type Award, type Decision, useCase } from './useCase';
import { PaymentsSection } from '../payments/PaymentsSection';
import { LeadFinalAccountsSection } from '../payments/FinalAccountsSection';
import { CloseoutSection } from '../payments/CloseoutSection';
import { LeadAmendmentsSection } from '../payments/AmendmentsSection';

const STEPS = ['Indsendt', 'Under vurdering', 'Afgjort'] as const;

/** Which step the case has reached: 0 submitted, 1 being assessed, 2 decided. */
function stepOf(status: Application['status']): number {
  switch (status) {
    case 'awarded':
    case 'rejected':
      return 2;
    case 'in_assessment':
    case 'assessed':
      return 1;
    default:
      return 0;
  }
}

/** dkfds' step indicator, read-only: the steps behind are done (✓), the case's own is current. */
export function CaseSteps({ status }: { status: Application['status'] }) {
  const current = stepOf(status);
  const decided = current === 2;
  return (
    <nav aria-label="Sagens forløb" className="case-steps">
      <ol className="step-indicator">
        {STEPS.map((title, index) => {
          // Submitted and decided are reached once they are the case's step; being assessed is under way.
          const done = index < current || (index === current && (index === 0 || decided));
          return (
            <li key={title} className={index === current ? 'current' : index > current ? 'disabled' : undefined}>
              <div className="step" aria-current={index === current ? 'step' : undefined}>
                {done ? (
                  <span className="step-icon">
                    <Icon name="check" label={`Trin ${index + 1} gennemført`} />
                  </span>
                ) : (
                  <span className="step-number">
                    <span>{index + 1}</span>
                  </span>
                )}
                <div>
                  <span className="step-title">{title}</span>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function DecisionSection({ decision }: { decision: Decision }) {
  return (
    <section aria-labelledby="afgoerelse">
      <h2 id="afgoerelse">Afgørelse</h2>
      <Alert tone={decision.outcome === 'award' ? 'success' : 'error'} heading={OUTCOMES[decision.outcome]} testId="afgoerelse-udfald">
        <p>
          {decision.outcome === 'award'
            ? `Der er givet tilsagn om ${formatKroner(decision.amountOre ?? 0)}${decision.fullGrant ? ', hele det ansøgte beløb' : ` af ${formatKroner(decision.requestedOre)} ansøgt`}.`
            : 'Ansøgningen er afvist.'}
        </p>
      </Alert>
      <Facts
        caption="Afgørelsen"
        testId="afgoerelse"
        facts={[
          ['Afgørelse', OUTCOMES[decision.outcome]],
          decision.amountOre !== undefined ? ['Bevilget beløb', formatKroner(decision.amountOre)] : null,
          ['Ansøgt beløb', formatKroner(decision.requestedOre)],
          decision.startDate && decision.endDate ? ['Projektperiode', `${formatDate(decision.startDate)} – ${formatDate(decision.endDate)}`] : null,
          ['Truffet', formatDateTime(decision.decidedAt)],
          decision.decidedByName ? ['Truffet af', decision.decidedByName] : null,
          decision.legalBasis ? ['Hjemmel', decision.legalBasis] : null,
        ]}
      />
      <h3>Begrundelse</h3>
      <p className="pre-line" data-testid="begrundelse">
        {decision.rationale || 'Ansøgningen er imødekommet fuldt ud; afgørelsen er derfor ikke begrundet (forvaltningslovens § 22).'}
      </p>
      <h3>Klagevejledning</h3>
      <p className="pre-line" data-testid="klagevejledning">
        {decision.appealGuidance}
      </p>
      <p>
        <DownloadButton
          applicationId={decision.applicationId}
          document="letter"
          filename={`${decision.letterKind}-${decision.caseNumber}.pdf`}
          label={decision.letterKind === 'tilsagnsbrev' ? 'Hent tilsagnsbrevet (PDF)' : 'Hent afgørelsesbrevet (PDF)'}
        />
      </p>
    </section>
  );
}

function AwardSection({ award, applicationId }: { award: Award; applicationId: string }) {
  const extended = award.endDate !== award.originalEndDate;
  return (
    <section aria-labelledby="bevilling">
      <h2 id="bevilling">Bevilling</h2>
      <Facts
        caption="Bevillingen"
        testId="bevilling"
        facts={[
          ['Status', <StatusTag status={award.status} label={awardStatusLabel(award.status)} />],
          ['Beløb', formatKroner(award.amountOre)],
          ['Periode', `${formatDate(award.startDate)} – ${formatDate(award.endDate)}`],
          ['Slutdato', formatDate(award.endDate)],
          extended
            ? ['Oprindelig slutdato', `${formatDate(award.originalEndDate)} (forlænget ${countOf(award.approvedExtensionMonths, 'måned', 'måneder')})`]
            : null,
          award.closedReason ? ['Lukket', `${award.closedAt ? `${formatDate(award.closedAt)}: ` : ''}${award.closedReason}`] : null,
        ]}
      />
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

/** `/sager/:id`: one case, read-only: where it is, the decision and its letter, the award, the receipt. */
export function CasePage() {
  const { id = '' } = useParams();
  const { application, decision, award, loading, error } = useCase(id);

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
        {notFound ? <p data-testid="sagen-findes-ikke">{MESSAGES.notFoundCaseText}</p> : <ProblemAlert error={application.error} />}
        <p>
          <Link to="/">Tilbage til Mine sager</Link>
        </p>
      </Page>
    );
  }
  const app = application.data;
  const title = app.caseNumber ? `Sag ${app.caseNumber}` : 'Kladde';
  return (
    <Page title={title} heading={`${app.caseNumber ? `${app.caseNumber}: ` : ''}${app.title}`}>
      <p>
        Status: <StatusTag status={app.status} />
      </p>
      {app.status === 'draft' && (
        <Alert tone="info" heading="Ansøgningen er en kladde">
          <p>
            Den er ikke indsendt endnu. <Link to={`/ansoegninger/${app.id}/rediger`}>Ret og indsend ansøgningen</Link>
          </p>
        </Alert>
      )}
      {app.status === 'withdrawn' && (
        <Alert tone="info" heading="Ansøgningen er trukket tilbage">
          <p>Sagen behandles ikke videre.</p>
        </Alert>
      )}
      {app.status !== 'draft' && app.status !== 'withdrawn' && <CaseSteps status={app.status} />}

      {loading && <Loading text="Henter afgørelsen …" />}
      {error && !loading && <ProblemAlert error={error} heading="Afgørelsen kunne ikke hentes" />}
      {decision.data && <DecisionSection decision={decision.data} />}
      {award.data && <AwardSection award={award.data} applicationId={app.id} />}
      {award.data && <LeadAmendmentsSection award={award.data} />}
      {award.data && <PaymentsSection awardId={award.data.id} awardAmountOre={award.data.amountOre} role="project_lead" />}
      {award.data && <LeadFinalAccountsSection award={award.data} application={app} />}
      {award.data && <CloseoutSection award={award.data} applicationId={app.id} role="project_lead" />}

      {app.receipt && (
        <section aria-labelledby="kvittering">
          <h2 id="kvittering">Kvittering</h2>
          <p>
            Modtaget {app.receipt.receivedAtCopenhagen} med sagsnummer {app.receipt.caseNumber}.
          </p>
          <p>
            <Link to={`/ansoegninger/${app.id}/kvittering`}>Se kvitteringen</Link>{' '}
            <DownloadButton applicationId={app.id} document="receipt" filename={`kvittering-${app.receipt.caseNumber}.pdf`} label="Hent kvitteringen (PDF)" />
          </p>
        </section>
      )}

      <section aria-labelledby="ansoegning">
        <h2 id="ansoegning">Ansøgningen</h2>
        <ApplicationFacts application={app} />
      </section>

      {app.status !== 'draft' && (
        <section aria-labelledby="dokumenter">
          <h2 id="dokumenter">Dokumenter</h2>
          <DocumentsSection
            applicationId={app.id}
            caseNumber={app.caseNumber}
            caseFile
            // The award's documents (the auditor's statement for the final accounts) are uploaded here while it is open.
            upload={
              award.data && (award.data.status === 'active' || award.data.status === 'completed')
                ? { subject: { subjectType: 'award', subjectId: award.data.id }, kinds: ['auditor_statement', 'other'] }
                : undefined
            }
          />
        </section>
      )}
    </Page>
  );
}
