import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session';
import { addMonths, countOf, formatDate, formatDateTime } from '../../format';
import { Alert } from '../../ui/Alert';
import { ApiProblem, asProblem } from '../../api/problem';
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

function DecisionForm({
  award,
  request,
  onMonths,
  onDecided,
}: {
  award: Award;
  request: ExtensionRequest;
  onMonths: (months: number | null) => void;
  onDecided: () => void;
}) {
  const decide = useDecideExtension(award.id);
  // No more than asked for, and no more than the programme's maximum leaves.
  const most = Math.max(0, Math.min(request.months, award.extensionMonthsLeft));
  const [outcome, setOutcome] = useState<'' | 'approve' | 'reject'>('');
  const [approved, setApproved] = useState(String(most));
  const [rationale, setRationale] = useState('');
  const [local, setLocal] = useState<ApiProblem | null>(null);
  const problem = local ?? (decide.error ? asProblem(decide.error) : null);
  const choose = (next: 'approve' | 'reject', count = approved) => {
    setOutcome(next);
    onMonths(next === 'approve' ? Number(count) : null);
  };
  const send = () => {
    if (!outcome) {
      setLocal(
        new ApiProblem({
          status: 400,
          title: 'Ugyldig afgørelse',
          detail: 'Ret de markerede felter.',
          errors: [{ field: 'outcome', message: 'vælg godkend eller afslå' }],
        }),
      );
      return;
    }
    setLocal(null);
    const count = Number(approved);
    decide.mutate(
      {
        requestId: request.id,
        body: {
          outcome,
          rationale: rationale.trim(),
          // Left out when all the months asked for are approved (the API's reading of no number).
          ...(outcome === 'approve' && count < request.months ? { approvedMonths: count } : {}),
        },
      },
      { onSuccess: onDecided },
    );
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <h3>Afgør anmodningen</h3>
      <FormProblem error={problem} labels={(field) => LABELS[field] ?? field} />
      <FieldGroup name="outcome" legend="Afgørelse" error={errorOf(problem, 'outcome')}>
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
          hint={`Kommunen har søgt om ${months(request.months)}; du kan godkende færre${most < request.months ? ` (puljens grænse giver højst ${months(most)})` : ''}.`}
          value={approved}
          onChange={(value) => {
            setApproved(value);
            onMonths(Number(value));
          }}
          options={Array.from({ length: most }, (_, index) => most - index).map((count) => ({
            value: String(count),
            label: months(count),
          }))}
          error={errorOf(problem, 'approvedMonths')}
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
        error={errorOf(problem, 'rationale')}
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
  const { user } = useSession();
  const [proposed, setProposed] = useState<number | null>(null);
  const [decided, setDecided] = useState(false);
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
      <div role="status">
        {decided && !pending && (
          <Alert tone="success" heading="Anmodningen er afgjort" testId="forlaengelse-afgjort">
            <p>Afgørelsen er sendt til kommunen. Bevillingens slutdato er nu {formatDate(award.endDate)}.</p>
          </Alert>
        )}
      </div>
      {pending ? (
        <section aria-labelledby="venter">
          <h2 id="venter">Anmodning, der venter</h2>
          <RequestFacts request={pending} />
          {user?.role === 'caseworker' ? (
            <DecisionForm
              award={award}
              request={pending}
              onMonths={setProposed}
              onDecided={() => {
                setProposed(null);
                setDecided(true);
              }}
            />
          ) : (
            <p>En sagsbehandler afgør anmodningen.</p>
          )}
        </section>
      ) : (
        !decided && (
          <Alert tone="info" heading="Ingen anmodning venter på afgørelse">
            <p>Kommunen har ingen anmodning om forlængelse, der venter.</p>
          </Alert>
        )
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
