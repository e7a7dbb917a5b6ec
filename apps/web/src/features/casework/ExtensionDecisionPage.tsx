import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { addMonths, countOf, formatDate, formatDateTime } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, FieldGroup, FormProblem, SelectField, TextArea } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { Facts } from '../../ui/Table';
import { CaseGate } from '../cases/CaseGate';
import type { Award } from '../cases/useCase';
import { type ExtensionRequest, useExtensionRequests } from '../extensions/useExtensions';
import { useProgramme } from '../reference/useReference';
import { useAwardReports } from '../reports/useReports';
import { AwardTimeline } from './AwardTimeline';
import { useDecideExtension } from './useCasework';

const LABELS: Record<string, string> = { outcome: 'Afgørelse', approvedMonths: 'Antal måneder', rationale: 'Begrundelse' };
const months = (count: number) => countOf(count, 'måned', 'måneder');

function DecisionForm({ award, request, onMonths }: { award: Award; request: ExtensionRequest; onMonths: (months: number | null) => void }) {
  const decide = useDecideExtension(award.id);
  const [outcome, setOutcome] = useState<'' | 'approve' | 'reject'>('');
  const [approved, setApproved] = useState(String(request.months));
  const [rationale, setRationale] = useState('');
  const choose = (next: 'approve' | 'reject', count = approved) => {
    setOutcome(next);
    onMonths(next === 'approve' ? Number(count) : null);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate(
          {
            requestId: request.id,
            body: {
              outcome: (outcome || 'approve') as 'approve' | 'reject',
              rationale: rationale.trim(),
              ...(outcome === 'approve' ? { approvedMonths: Number(approved) } : {}),
            },
          },
          { onSuccess: () => onMonths(null) },
        );
      }}
    >
      <h2>Afgør anmodningen</h2>
      <FormProblem error={decide.error} labels={(field) => LABELS[field] ?? field} />
      <FieldGroup name="outcome" legend="Afgørelse" error={errorOf(decide.error, 'outcome')}>
        {(
          [
            ['approve', 'Godkend forlængelsen (helt eller delvist)'],
            ['reject', 'Afslå forlængelsen'],
          ] as const
        ).map(([value, label]) => (
          <div className="form-group-radio" key={value}>
            <input
              type="radio"
              className="form-radio"
              id={`forlaengelse-${value}`}
              name="outcome"
              value={value}
              checked={outcome === value}
              onChange={() => choose(value)}
            />
            <label className="form-label" htmlFor={`forlaengelse-${value}`}>
              {label}
            </label>
          </div>
        ))}
      </FieldGroup>
      {outcome === 'approve' && (
        <SelectField
          name="approvedMonths"
          label="Antal måneder, der godkendes"
          hint={`Kommunen har søgt om ${months(request.months)}; du kan godkende færre.`}
          value={approved}
          onChange={(value) => {
            setApproved(value);
            onMonths(Number(value));
          }}
          options={Array.from({ length: request.months }, (_, index) => request.months - index).map((count) => ({
            value: String(count),
            label: months(count),
          }))}
          error={errorOf(decide.error, 'approvedMonths')}
        />
      )}
      {outcome === 'approve' && (
        <p data-testid="ny-slutdato">
          Slutdatoen flyttes fra {formatDate(award.endDate)} til <strong>{formatDate(addMonths(award.endDate, Number(approved)))}</strong>, og slutrapportens
          frist følger med.
        </p>
      )}
      <TextArea
        name="rationale"
        label="Begrundelse"
        hint={
          outcome === 'reject' || (outcome === 'approve' && Number(approved) < request.months)
            ? 'Afgørelsen giver ikke kommunen fuldt ud medhold: angiv de hovedhensyn, den bygger på (forvaltningslovens § 24).'
            : 'Sendes til kommunen med afgørelsen.'
        }
        value={rationale}
        onChange={setRationale}
        error={errorOf(decide.error, 'rationale')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={decide.isPending}>
          {decide.isPending ? 'Sender …' : 'Træf afgørelse'}
        </button>
      </div>
    </form>
  );
}

function RequestFacts({ request }: { request: ExtensionRequest }) {
  return (
    <Facts
      caption={`Anmodning om ${months(request.months)}`}
      facts={[
        ['Status', <StatusTag status={request.status} />],
        ['Ønsket forlængelse', months(request.months)],
        ['Søgt', `${formatDateTime(request.requestedAt)}${request.requestedByName ? ` af ${request.requestedByName}` : ''}`],
        ['Begrundelse', <span className="pre-line">{request.justification}</span>],
        request.approvedMonths !== null ? ['Godkendt', months(request.approvedMonths)] : null,
        request.endDateBefore && request.endDateAfter ? ['Slutdato', `${formatDate(request.endDateBefore)} → ${formatDate(request.endDateAfter)}`] : null,
        request.decidedAt ? ['Afgjort', `${formatDateTime(request.decidedAt)}${request.decidedByName ? ` af ${request.decidedByName}` : ''}`] : null,
        request.rationale ? ['Afgørelsens begrundelse', <span className="pre-line">{request.rationale}</span>] : null,
      ]}
    />
  );
}

function Extensions({ award }: { award: Award }) {
  const programme = useProgramme(award.programmeId);
  const requests = useExtensionRequests(award.id);
  const reports = useAwardReports(award.id);
  const [proposed, setProposed] = useState<number | null>(null);
  const error = programme.error ?? requests.error ?? reports.error;
  if (error) return <ProblemAlert error={error} />;
  if (!programme.data || !requests.data || !reports.data) return <Loading />;
  const pending = requests.data.find((request) => request.status === 'submitted');
  return (
    <>
      <Facts
        caption="Bevillingens datoer"
        testId="bevillingens-datoer"
        facts={[
          ['Oprindelig slutdato', formatDate(award.originalEndDate)],
          ['Godkendt forlængelse', months(award.approvedExtensionMonths)],
          ['Nuværende slutdato', <strong data-testid="nuvaerende-slutdato">{formatDate(award.endDate)}</strong>],
          ['Puljens grænse', months(programme.data.maxCovidExtensionMonths)],
          ['Kan forlænges endnu', months(award.extensionMonthsLeft)],
        ]}
      />
      <h2>Bevillingens tidslinje</h2>
      <AwardTimeline
        award={award}
        reports={reports.data}
        requests={requests.data}
        proposedEnd={pending && proposed ? { date: addMonths(award.endDate, proposed), months: proposed } : null}
      />
      {pending ? (
        <section aria-labelledby="venter">
          <h2 id="venter">Anmodning, der venter</h2>
          <RequestFacts request={pending} />
          <DecisionForm award={award} request={pending} onMonths={setProposed} />
        </section>
      ) : (
        <Alert tone="info" heading="Ingen anmodning venter på afgørelse">
          <p>Kommunen har ingen anmodning om forlængelse, der venter.</p>
        </Alert>
      )}
      <h2>Alle anmodninger</h2>
      {requests.data.length === 0 ? (
        <p>Der er ikke søgt om forlængelse.</p>
      ) : (
        <ol className="nobullet-list" data-testid="anmodninger">
          {[...requests.data].reverse().map((request) => (
            <li key={request.id}>
              <h3>
                {months(request.months)}, søgt {formatDate(request.requestedAt)}
              </h3>
              <RequestFacts request={request} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** `/sager/:id/forlaengelse` for a caseworker: the award's timeline and the request to decide, with where the decision would move the end. */
export function ExtensionDecisionPage() {
  const { id = '' } = useParams();
  return (
    <CaseGate id={id} title="Forlængelse" needsAward>
      {({ application, award }) => (
        <Page title={`Forlængelse, ${application.caseNumber}`} heading="Forlængelse på grund af COVID-19">
          <p className="font-lead">
            {application.caseNumber}: {application.title} ({application.municipalityName})
          </p>
          <p>
            <Link to={`/sager/${application.id}`}>Tilbage til sagen</Link>
          </p>
          <Extensions award={award!} />
        </Page>
      )}
    </CaseGate>
  );
}
