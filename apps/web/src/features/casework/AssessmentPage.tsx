import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, asProblem, isProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { formatDateTime, formatKroner, kronerNumber, parseKroner } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, FieldGroup, fieldId, FormProblem, TextArea, TextField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Facts } from '../../ui/Table';
import type { Application } from '../applications/useApplications';
import { CaseGate } from '../cases/CaseGate';
import { type Programme, useProgramme } from '../reference/useReference';
import { type Assessment, type PutAssessmentBody, useAssessment, useCompleteAssessment, useSaveAssessment } from './useCasework';

const SCORES = [1, 2, 3, 4, 5] as const;
const SCORE_WORDS: Record<number, string> = { 1: 'meget svagt', 2: 'svagt', 3: 'middel', 4: 'godt', 5: 'meget godt' };
/** A pause in typing this long saves the draft. */
const SAVE_AFTER_MS = 1500;

interface Draft {
  ratings: Record<string, { rating: string; rationale: string }>;
  summary: string;
  recommendation: '' | 'award' | 'reject';
  amount: string;
}

function draftOf(assessment: Assessment | null, programme: Programme): Draft {
  const ratings: Draft['ratings'] = {};
  for (const criterion of programme.criteria) {
    const rated = assessment?.ratings.find((rating) => rating.criterionKey === criterion.key);
    ratings[criterion.key] = { rating: rated?.rating ? String(rated.rating) : '', rationale: rated?.rationale ?? '' };
  }
  return {
    ratings,
    summary: assessment?.summary ?? '',
    recommendation: assessment?.recommendation ?? '',
    amount: assessment?.recommendedOre != null ? kronerNumber(assessment.recommendedOre) : '',
  };
}

/** The fields still missing before the assessment can be completed, as the API names them. */
function missingOf(draft: Draft, programme: Programme): Array<{ field: string; message: string }> {
  const missing: Array<{ field: string; message: string }> = [];
  programme.criteria.forEach((criterion) => {
    const rating = draft.ratings[criterion.key];
    if (!rating.rating) missing.push({ field: `rating-${criterion.key}`, message: 'vælg point fra 1 til 5' });
    if (!rating.rationale.trim()) missing.push({ field: `rationale-${criterion.key}`, message: 'skal udfyldes' });
  });
  if (!draft.summary.trim()) missing.push({ field: 'summary', message: 'skal udfyldes' });
  if (!draft.recommendation) missing.push({ field: 'recommendation', message: 'vælg bevilling eller afslag' });
  if (draft.recommendation === 'award' && parseKroner(draft.amount) === null) {
    missing.push({ field: 'recommendedOre', message: draft.amount.trim() ? 'skal være et beløb i kroner, fx 1.234.567,50' : 'skal udfyldes' });
  }
  return missing;
}

/** The body to save, or null while the draft lacks what every save needs (a summary and a recommendation). */
function bodyOf(draft: Draft, version: number | undefined): PutAssessmentBody | null {
  const amount = parseKroner(draft.amount);
  if (!draft.summary.trim() || !draft.recommendation || (draft.recommendation === 'award' && amount === null)) return null;
  return {
    // A criterion is saved once it has both its points and its rationale.
    ratings: Object.entries(draft.ratings)
      .filter(([, rating]) => rating.rating && rating.rationale.trim())
      .map(([criterionKey, rating]) => ({ criterionKey, rating: Number(rating.rating), rationale: rating.rationale.trim() })),
    summary: draft.summary.trim(),
    recommendation: draft.recommendation,
    ...(draft.recommendation === 'award' ? { recommendedOre: amount! } : {}),
    ...(version === undefined ? {} : { version }),
  };
}

function fieldLabel(programme: Programme) {
  return (field: string) => {
    const criterion = /^(rating|rationale)-(.+)$/.exec(field);
    if (criterion) {
      const title = programme.criteria.find((item) => item.key === criterion[2])?.title ?? criterion[2];
      return criterion[1] === 'rating' ? `Point for «${title}»` : `Begrundelse for «${title}»`;
    }
    return { summary: 'Resumé', recommendation: 'Indstilling', recommendedOre: 'Indstillet beløb' }[field] ?? field;
  };
}

function ScoreField({
  criterionKey,
  title,
  value,
  onChange,
  error,
}: {
  criterionKey: string;
  title: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const name = `rating-${criterionKey}`;
  return (
    <FieldGroup name={name} legend={`Point for «${title}»`} hint="1 er meget svagt, 5 er meget godt." error={error}>
      <div className="score-options">
        {SCORES.map((score) => (
          <div className="form-group-radio" key={score}>
            <input
              type="radio"
              className="form-radio"
              id={`${fieldId(name)}-${score}`}
              name={name}
              value={score}
              checked={value === String(score)}
              onChange={() => onChange(String(score))}
            />
            <label className="form-label" htmlFor={`${fieldId(name)}-${score}`}>
              {score} <span className="sr-only">({SCORE_WORDS[score]})</span>
            </label>
          </div>
        ))}
      </div>
    </FieldGroup>
  );
}

function ReadOnly({ assessment, programme }: { assessment: Assessment; programme: Programme }) {
  return (
    <>
      {programme.criteria.map((criterion) => {
        const rating = assessment.ratings.find((item) => item.criterionKey === criterion.key);
        return (
          <section key={criterion.key} aria-labelledby={`kriterie-${criterion.key}`}>
            <h3 id={`kriterie-${criterion.key}`}>{criterion.title}</h3>
            <p>
              <strong>Point:</strong> {rating?.rating ?? '–'}
            </p>
            <p className="pre-line">{rating?.rationale || 'Ingen begrundelse.'}</p>
          </section>
        );
      })}
      <h3>Resumé</h3>
      <p className="pre-line" data-testid="resume">
        {assessment.summary}
      </p>
      <Facts
        caption="Indstilling"
        facts={[
          ['Indstilling', assessment.recommendation === 'award' ? 'Bevilling' : 'Afslag'],
          assessment.recommendedOre != null ? ['Indstillet beløb', formatKroner(assessment.recommendedOre)] : null,
          assessment.completedAt ? ['Afsluttet', formatDateTime(assessment.completedAt)] : null,
        ]}
      />
    </>
  );
}

/** The form, saved as it goes: a pause in typing saves it with the version it was read at. */
function AssessmentForm({ application, programme, assessment }: { application: Application; programme: Programme; assessment: Assessment | null }) {
  const save = useSaveAssessment(application.id);
  const complete = useCompleteAssessment(application.id);
  const [draft, setDraft] = useState(() => draftOf(assessment, programme));
  const [version, setVersion] = useState(assessment?.version);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [dirty, setDirty] = useState(false);
  const [missing, setMissing] = useState<ApiProblem | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const stale = isProblem(save.error, 'stale-version');

  const saveNow = async (current: Draft): Promise<boolean> => {
    const body = bodyOf(current, version);
    if (!body) return false;
    try {
      const saved = await save.mutateAsync(body);
      setVersion(saved.version);
      setSavedAt(new Date());
      setDirty(false);
      return true;
    } catch {
      return false;
    }
  };

  // A pause in the typing saves; leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty || stale) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(draft), SAVE_AFTER_MS);
    return () => clearTimeout(timer.current);
    // Saves the draft as it is when the pause ends (saveNow reads it then).
  }, [draft, dirty, stale]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: (old: Draft) => Draft) => {
    setDraft(next);
    setDirty(true);
  };
  const setRating = (key: string, part: 'rating' | 'rationale') => (value: string) =>
    change((old) => ({ ...old, ratings: { ...old.ratings, [key]: { ...old.ratings[key], [part]: value } } }));

  const finish = async () => {
    const gaps = missingOf(draft, programme);
    if (gaps.length > 0) {
      setMissing(new ApiProblem({ status: 400, title: 'Vurderingen mangler noget', detail: 'Udfyld det manglende, og prøv igen.', errors: gaps }));
      return;
    }
    setMissing(null);
    clearTimeout(timer.current);
    if (dirty && !(await saveNow(draft))) return;
    complete.mutate();
  };

  const problem = missing ?? (complete.error ? asProblem(complete.error) : null) ?? (save.error && !stale ? asProblem(save.error) : null);
  const canSave = bodyOf(draft, version) !== null;
  const status = save.isPending
    ? 'Gemmer …'
    : stale
      ? 'Ikke gemt'
      : dirty
        ? canSave
          ? 'Ændringer, der ikke er gemt endnu'
          : 'Kladden gemmes automatisk, når der er et resumé og en indstilling'
        : savedAt
          ? `Gemt kl. ${savedAt.toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
          : assessment
            ? 'Gemt'
            : 'Ikke påbegyndt';

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void finish();
      }}
    >
      <p className="save-status" role="status" data-testid="gem-status">
        {status}
      </p>
      {stale && (
        <Alert tone="error" role="alert" heading="Vurderingen er ændret et andet sted">
          <p>Den er gemt fra en anden fane eller af en anden, siden du hentede den. Dine seneste ændringer er ikke gemt.</p>
          <p>
            <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
              Hent den nyeste udgave
            </button>
          </p>
        </Alert>
      )}
      <FormProblem error={problem} labels={fieldLabel(programme)} />
      {programme.criteria.map((criterion, index) => (
        <section key={criterion.key} aria-labelledby={`kriterie-${criterion.key}`} className="criterion">
          <h2 id={`kriterie-${criterion.key}`} className="h3">
            {index + 1}. {criterion.title}
          </h2>
          {criterion.description && <p className="mt-0">{criterion.description}</p>}
          <ScoreField
            criterionKey={criterion.key}
            title={criterion.title}
            value={draft.ratings[criterion.key].rating}
            onChange={setRating(criterion.key, 'rating')}
            error={errorOf(problem, `rating-${criterion.key}`)}
          />
          <TextArea
            name={`rationale-${criterion.key}`}
            label={`Begrundelse for «${criterion.title}»`}
            value={draft.ratings[criterion.key].rationale}
            onChange={setRating(criterion.key, 'rationale')}
            error={errorOf(problem, `rationale-${criterion.key}`)}
            rows={4}
          />
        </section>
      ))}
      <h2>Samlet vurdering</h2>
      <TextArea
        name="summary"
        label="Resumé"
        hint="Vurderingen samlet: det, afgørelsen skal bygge på."
        value={draft.summary}
        onChange={(value) => change((old) => ({ ...old, summary: value }))}
        error={errorOf(problem, 'summary')}
      />
      <FieldGroup name="recommendation" legend="Indstilling" error={errorOf(problem, 'recommendation')}>
        {(
          [
            ['award', 'Bevilling'],
            ['reject', 'Afslag'],
          ] as const
        ).map(([value, label]) => (
          <div className="form-group-radio" key={value}>
            <input
              type="radio"
              className="form-radio"
              id={`indstilling-${value}`}
              name="recommendation"
              value={value}
              checked={draft.recommendation === value}
              onChange={() => change((old) => ({ ...old, recommendation: value }))}
            />
            <label className="form-label" htmlFor={`indstilling-${value}`}>
              {label}
            </label>
          </div>
        ))}
      </FieldGroup>
      {draft.recommendation === 'award' && (
        <TextField
          name="recommendedOre"
          label="Indstillet beløb i kroner"
          hint={`Højst det ansøgte beløb, ${formatKroner(application.requestedOre)}`}
          inputMode="decimal"
          width="m"
          suffix="kr."
          value={draft.amount}
          onChange={(value) => change((old) => ({ ...old, amount: value }))}
          error={errorOf(problem, 'recommendedOre')}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={complete.isPending || stale}>
          {complete.isPending ? 'Afslutter …' : 'Afslut vurdering'}
        </button>
        <button type="button" className="button button-secondary" disabled={!dirty || !canSave || save.isPending || stale} onClick={() => void saveNow(draft)}>
          Gem nu
        </button>
      </div>
    </form>
  );
}

function Assessing({ application }: { application: Application }) {
  const { user } = useSession();
  const programme = useProgramme(application.programmeId);
  const assessment = useAssessment(application.id);
  if (programme.isPending || assessment.isPending) return <Loading text="Henter vurderingen …" />;
  if (programme.error || assessment.error) return <ProblemAlert error={programme.error ?? assessment.error} />;
  const current = assessment.data;
  const mine = !current || current.assessorId === user?.id;
  const open = application.status === 'submitted' || application.status === 'in_assessment';
  if (current?.completedAt || !open) {
    return (
      <>
        {current?.completedAt && (
          <Alert tone="success" heading="Vurderingen er afsluttet" testId="vurdering-afsluttet">
            <p>
              {application.assessorName ?? 'Sagsbehandleren'} afsluttede den {formatDateTime(current.completedAt)}.{' '}
              {application.status === 'assessed' &&
                (current.assessorId === user?.id ? (
                  'En anden sagsbehandler træffer afgørelsen (firøjneprincippet).'
                ) : (
                  <Link to={`/sager/${application.id}/afgoerelse`}>Træf afgørelse</Link>
                ))}
            </p>
          </Alert>
        )}
        {current ? <ReadOnly assessment={current} programme={programme.data} /> : <p>Ansøgningen er ikke vurderet.</p>}
      </>
    );
  }
  if (!mine || user?.role !== 'caseworker') {
    return (
      <>
        <Alert tone="info" heading="Vurderingen er i gang">
          <p>{application.assessorName ?? 'En anden sagsbehandler'} er vurderingens forfatter; kun forfatteren kan ændre den.</p>
        </Alert>
        {current && <ReadOnly assessment={current} programme={programme.data} />}
      </>
    );
  }
  return <AssessmentForm application={application} programme={programme.data} assessment={current} />;
}

/** `/sager/:id/vurdering`: the assessment, criterion by criterion, saved as it goes, then completed. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  return (
    <CaseGate id={id} title="Vurdering">
      {({ application }) => (
        <Page title={`Vurdering, ${application.caseNumber}`} heading="Vurdering">
          <p className="font-lead">
            {application.caseNumber}: {application.title} ({application.municipalityName}, ansøgt {formatKroner(application.requestedOre)})
          </p>
          <p>
            <Link to={`/sager/${application.id}`}>Tilbage til sagen</Link>
          </p>
          <Assessing application={application} />
        </Page>
      )}
    </CaseGate>
  );
}
