import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { saveBlob } from '../../api/download';
import { ApiProblem, asProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { formatDate, formatDateTime, formatKroner, kronerNumber, parseKroner } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, FieldGroup, FormProblem, TextArea, TextField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Facts } from '../../ui/Table';
import type { Application } from '../applications/useApplications';
import { CaseGate } from '../cases/CaseGate';
import { type Programme, useProgramme } from '../reference/useReference';
import { useLedger } from '../admin/useAdmin';
import { type Assessment, type DecisionBody, useAssessment, useDecide, usePreviewDecision } from './useCasework';

type Choice = '' | 'full' | 'partial' | 'reject';

const LABELS: Record<string, string> = {
  outcome: 'Afgørelse',
  amountOre: 'Bevilget beløb',
  rationale: 'Begrundelse',
  startDate: 'Projektstart',
  endDate: 'Projektslut',
};

function AssessmentSummary({ assessment, application }: { assessment: Assessment; application: Application }) {
  return (
    <section aria-labelledby="vurderingen">
      <h2 id="vurderingen">Vurderingen</h2>
      <Facts
        caption="Vurderingen"
        testId="vurderingen"
        facts={[
          ['Vurderet af', application.assessorName ?? '–'],
          assessment.completedAt ? ['Afsluttet', formatDateTime(assessment.completedAt)] : null,
          ['Indstilling', assessment.recommendation === 'award' ? 'Bevilling' : 'Afslag'],
          assessment.recommendedOre != null ? ['Indstillet beløb', formatKroner(assessment.recommendedOre)] : null,
          ['Ansøgt beløb', formatKroner(application.requestedOre)],
          ['Resumé', <span className="pre-line">{assessment.summary}</span>],
        ]}
      />
      <p>
        <Link to={`/sager/${application.id}/vurdering`}>Se hele vurderingen med point og begrundelser</Link>
      </p>
    </section>
  );
}

/** The remaining budget beside the amount, and what it means for this decision. */
function Budget({ remainingOre, amountOre }: { remainingOre: number; amountOre: number | null }) {
  const short = amountOre !== null && amountOre > remainingOre;
  return (
    <div data-testid="budget">
      <p className="mt-0">
        Tilbage i puljen: <strong data-testid="tilbage-i-puljen">{formatKroner(Math.max(0, remainingOre))}</strong>
      </p>
      {short && (
        <Alert tone="warning" heading="Puljen kan ikke dække beløbet" testId="budget-rakker-ikke">
          <p>
            Der er {formatKroner(Math.max(0, remainingOre))} tilbage i puljen, og en bevilling på {formatKroner(amountOre)} ville overskride budgettet med{' '}
            {formatKroner(amountOre - Math.max(0, remainingOre))}. Sæt beløbet ned til højst det, der er tilbage, giv afslag, eller bed en administrator om at
            justere puljens budget, før du træffer afgørelsen.
          </p>
        </Alert>
      )}
    </div>
  );
}

function DecisionForm({
  application,
  programme,
  assessment,
  remainingOre,
}: {
  application: Application;
  programme: Programme;
  assessment: Assessment;
  remainingOre: number;
}) {
  const navigate = useNavigate();
  const decide = useDecide(application.id);
  const preview = usePreviewDecision(application.id);
  const [choice, setChoice] = useState<Choice>(
    assessment.recommendation === 'reject'
      ? 'reject'
      : assessment.recommendedOre === application.requestedOre
        ? 'full'
        : assessment.recommendedOre != null
          ? 'partial'
          : '',
  );
  const [amount, setAmount] = useState(
    assessment.recommendedOre != null && assessment.recommendedOre !== application.requestedOre ? kronerNumber(assessment.recommendedOre) : '',
  );
  const [startDate, setStartDate] = useState(application.plannedStart.slice(0, 10));
  const [endDate, setEndDate] = useState(application.plannedEnd.slice(0, 10));
  const [rationale, setRationale] = useState('');
  const [local, setLocal] = useState<ApiProblem | null>(null);

  const amountOre = choice === 'full' ? application.requestedOre : choice === 'partial' ? parseKroner(amount) : null;
  const problem = local ?? (decide.error ? asProblem(decide.error) : null) ?? (preview.error ? asProblem(preview.error) : null);

  /** The body, or null with the problem shown when the form is not yet a decision. */
  const body = (): DecisionBody | null => {
    const errors: Array<{ field: string; message: string }> = [];
    if (!choice) errors.push({ field: 'outcome', message: 'vælg en afgørelse' });
    if (choice === 'partial' && amountOre === null)
      errors.push({ field: 'amountOre', message: amount.trim() ? 'skal være et beløb i kroner, fx 1.234.567,50' : 'skal udfyldes' });
    if (errors.length > 0) {
      setLocal(new ApiProblem({ status: 400, title: 'Ugyldig afgørelse', detail: 'Ret de markerede felter.', errors }));
      return null;
    }
    setLocal(null);
    const text = rationale.trim();
    if (choice === 'reject') return { outcome: 'reject', rationale: text };
    // An emptied date is left out: the API takes the planned one.
    return {
      outcome: 'award',
      amountOre: amountOre!,
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
      ...(text ? { rationale: text } : {}),
    };
  };

  const send = () => {
    const decision = body();
    if (!decision) return;
    preview.reset();
    // Awaited rather than an onSuccess callback: the case is read again first, which ends this form.
    decide
      .mutateAsync(decision)
      .then(() => navigate(`/sager/${application.id}`, { state: { decided: true } }))
      .catch(() => undefined);
  };

  const showPreview = () => {
    const decision = body();
    if (!decision) return;
    decide.reset();
    preview.mutate(decision, {
      onSuccess: (blob) => saveBlob(blob, `udkast-${choice === 'reject' ? 'afgoerelsesbrev' : 'tilsagnsbrev'}-${application.caseNumber}.pdf`),
    });
  };

  const needsRationale = choice === 'partial' || choice === 'reject';
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <h2>Afgørelsen</h2>
      <FormProblem error={problem} labels={(field) => LABELS[field] ?? field} />
      <FieldGroup name="outcome" legend="Afgørelse" error={errorOf(problem, 'outcome')}>
        {(
          [
            ['full', `Bevilling af hele det ansøgte beløb (${formatKroner(application.requestedOre)})`],
            ['partial', 'Bevilling af en del af beløbet'],
            ['reject', 'Afslag'],
          ] as const
        ).map(([value, label]) => (
          <div className="form-group-radio" key={value}>
            <input
              type="radio"
              className="form-radio"
              id={`afgoerelse-${value}`}
              name="outcome"
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            <label className="form-label" htmlFor={`afgoerelse-${value}`}>
              {label}
            </label>
          </div>
        ))}
      </FieldGroup>
      {choice === 'partial' && (
        <TextField
          name="amountOre"
          label="Bevilget beløb i kroner"
          hint={`Mindre end det ansøgte (${formatKroner(application.requestedOre)}).`}
          inputMode="decimal"
          width="m"
          suffix="kr."
          value={amount}
          onChange={setAmount}
          error={errorOf(problem, 'amountOre')}
        />
      )}
      {(choice === 'full' || choice === 'partial') && (
        <>
          <Budget remainingOre={remainingOre} amountOre={amountOre} />
          <div className="filter-fields">
            <TextField name="startDate" label="Projektstart" type="date" value={startDate} onChange={setStartDate} error={errorOf(problem, 'startDate')} />
            <TextField name="endDate" label="Projektslut" type="date" value={endDate} onChange={setEndDate} error={errorOf(problem, 'endDate')} />
          </div>
        </>
      )}
      {choice && (
        <Alert
          tone="info"
          heading={needsRationale ? 'Begrundelsen skal angive hovedhensynene (forvaltningslovens § 24)' : 'Begrundelsen kan udelades (forvaltningslovens § 22)'}
          testId="paragraf-24"
        >
          <p>
            {needsRationale
              ? 'Et afslag eller et delvist tilsagn giver ikke kommunen fuldt ud medhold. Begrundelsen skal derfor henvise til de regler, afgørelsen bygger på, og nævne de hovedhensyn, der har været bestemmende for skønnet: hvad i ansøgningen og vurderingen, der har gjort udslaget. Standardvendinger som »ansøgningen imødekommes delvist« eller »der henvises til vurderingen« er ikke en begrundelse.'
              : 'Kommunen får fuldt ud medhold, så afgørelsen behøver ikke en begrundelse; gives der en, skal den være en egentlig tekst. Tilsagnsbrevet viser vurderingens begrundelse for hvert kriterium.'}
          </p>
        </Alert>
      )}
      <TextArea
        name="rationale"
        label={needsRationale ? 'Begrundelse' : 'Begrundelse (valgfri ved fuld bevilling)'}
        rows={6}
        value={rationale}
        onChange={setRationale}
        error={errorOf(problem, 'rationale')}
      />
      <section aria-labelledby="klagevejledning" className="mt-6">
        <h3 id="klagevejledning">Klagevejledning (forvaltningslovens § 25)</h3>
        <p className="mt-0">Sendes med afgørelsen:</p>
        <blockquote className="pre-line" data-testid="klagevejledning">
          {programme.appealGuidance ?? 'Puljen har ingen klagevejledning; brevet bruger standardteksten.'}
        </blockquote>
        {programme.legalBasis && <p>Hjemmel: {programme.legalBasis}</p>}
      </section>
      {preview.isSuccess && (
        <Alert tone="success" role="status" testId="udkast-hentet">
          <p>Udkastet til brevet er hentet. Det er ikke sendt: afgørelsen sendes først, når du trykker »Træf afgørelse og send brevet«.</p>
        </Alert>
      )}
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={preview.isPending || decide.isPending} onClick={showPreview}>
          {preview.isPending ? 'Henter udkast …' : 'Se brevet før afsendelse (PDF)'}
        </button>
        <button type="submit" className="button button-primary" disabled={decide.isPending}>
          {decide.isPending ? 'Sender …' : 'Træf afgørelse og send brevet'}
        </button>
      </div>
    </form>
  );
}

function Deciding({ application }: { application: Application }) {
  const { user } = useSession();
  const programme = useProgramme(application.programmeId);
  const assessment = useAssessment(application.id);
  const ledger = useLedger(application.programmeId);
  const error = programme.error ?? assessment.error ?? ledger.error;
  if (error) return <ProblemAlert error={error} />;
  if (!programme.data || assessment.data === undefined || !ledger.data) return <Loading text="Henter sagen og puljens budget …" />;
  if (application.status === 'awarded' || application.status === 'rejected') {
    return (
      <Alert tone="info" heading="Sagen er afgjort">
        <p>
          <Link to={`/sager/${application.id}`}>Se afgørelsen på sagen</Link>
        </p>
      </Alert>
    );
  }
  if (application.status !== 'assessed' || !assessment.data?.completedAt) {
    return (
      <Alert tone="info" heading="Vurderingen er ikke afsluttet" testId="ikke-vurderet">
        <p>Der kan først træffes afgørelse, når vurderingen er afsluttet.</p>
      </Alert>
    );
  }
  const ownAssessment = assessment.data.assessorId === user?.id;
  return (
    <>
      <AssessmentSummary assessment={assessment.data} application={application} />
      {ownAssessment ? (
        <Alert tone="warning" heading="Du kan ikke træffe afgørelsen" testId="firoejne">
          <p>
            Du har selv vurderet ansøgningen. Afgørelsen skal træffes af en anden sagsbehandler end den, der har vurderet den (firøjneprincippet), så to
            personer har set sagen, før kommunen får svar. Sagen står på de andre sagsbehandleres arbejdsliste under »Til afgørelse«.
          </p>
        </Alert>
      ) : (
        <DecisionForm application={application} programme={programme.data} assessment={assessment.data} remainingOre={ledger.data.remainingOre} />
      )}
      <p className="text-muted">
        Projektperiode i ansøgningen: {formatDate(application.plannedStart)} – {formatDate(application.plannedEnd)}.
      </p>
    </>
  );
}

/** `/sager/:id/afgoerelse`: the decision, by a caseworker other than the assessor, with the budget beside it and the letter to preview. */
export function DecisionPage() {
  const { id = '' } = useParams();
  return (
    <CaseGate id={id} title="Afgørelse">
      {({ application }) => (
        <Page title={`Afgørelse, ${application.caseNumber}`} heading="Afgørelse">
          <p className="font-lead">
            {application.caseNumber}: {application.title} ({application.municipalityName})
          </p>
          <p>
            <Link to={`/sager/${application.id}`}>Tilbage til sagen</Link>
          </p>
          <Deciding application={application} />
        </Page>
      )}
    </CaseGate>
  );
}
