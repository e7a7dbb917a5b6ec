import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, asProblem } from '../../api/problem';
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
      return criterion[1] === 'rating' ? `Point for »${title}«` : `Begrundelse for »${title}«`;
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
    <FieldGroup name={name} legend={`Point for »${title}«`} hint="1 er meget svagt, 5 er meget godt." error={error}>
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
            <h2 id={`kriterie-${criterion.key}`} className="h3">
              {criterion.title}
            </h2>
            <p>
              <strong>Point:</strong> {rating?.rating ?? '–'}
            </p>
            <p className="pre-line">{rating?.rationale || 'Ingen begrundelse.'}</p>
          </section>
        );
      })}
      <h2 className="h3">Resumé</h2>
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

/**
 * The form, saved as it goes: a pause in typing saves it with the version last saved. One save runs at
 * a time; what is typed while one runs is saved when it returns (never dropped as "saved"), and each
 * save sends the version the previous one gave back, so the page never conflicts with itself.
 */
function AssessmentForm({
  application,
  programme,
  assessment,
  onReload,
}: {
  application: Application;
  programme: Programme;
  assessment: Assessment | null;
  onReload: () => void;
}) {
  const save = useSaveAssessment(application.id);
  const complete = useCompleteAssessment(application.id);
  const [draft, setDraft] = useState(() => draftOf(assessment, programme));
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [dirty, setDirty] = useState(false);
  const [autosaveFailure, setAutosaveFailure] = useState<ApiProblem | null>(null);
  const [explicitProblem, setExplicitProblem] = useState<ApiProblem | null>(null);
  const [completing, setCompleting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(draft);
  const version = useRef(assessment?.version);
  /** Changes made so far, and how many of them the last successful save holds. */
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const running = useRef<Promise<boolean> | null>(null);
  const failureText: string | null = autosaveFailure ? autosaveFailure.detail : null;
  const stale = autosaveFailure?.code === 'stale-version' || explicitProblem?.code === 'stale-version';

  /** Saves what is typed now (after a save already running); true when everything typed is saved. */
  const saveNow = (): Promise<boolean> => {
    const previous = running.current ?? Promise.resolve(true);
    const next = previous.then(async () => {
      if (changes.current === savedChanges.current) return true;
      const body = bodyOf(latest.current, version.current);
      if (!body) return false;
      const upTo = changes.current;
      const saved = await save.mutateAsync(body);
      version.current = saved.version;
      savedChanges.current = upTo;
      setSavedAt(new Date());
      setAutosaveFailure(null);
      setDirty(changes.current !== upTo);
      return changes.current === upTo;
    });
    running.current = next.catch(() => false);
    return next;
  };
  const autosave = () =>
    saveNow().catch((error: unknown) => {
      setAutosaveFailure(asProblem(error));
      return false;
    });

  // A pause in the typing saves; a save that ends with more typed since schedules the next.
  useEffect(() => {
    if (!dirty || stale || completing) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void autosave(), SAVE_AFTER_MS);
    return () => clearTimeout(timer.current);
    // The timer saves the draft as it is when the pause ends (latest), whatever rendered it.
  }, [draft, dirty, stale, completing]);
  // Leaving the page: the browser asks first; a move inside the app saves what is not saved yet.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (changes.current !== savedChanges.current) void saveNow().catch(() => false);
    },
    // Once, on leaving: saveNow reads the refs, not this render's values.
    [],
  );

  const change = (next: (old: Draft) => Draft) => {
    const updated = next(latest.current);
    latest.current = updated;
    changes.current += 1;
    setDraft(updated);
    setDirty(true);
  };
  const setRating = (key: string, part: 'rating' | 'rationale') => (value: string) =>
    change((old) => ({ ...old, ratings: { ...old.ratings, [key]: { ...old.ratings[key], [part]: value } } }));

  const saveExplicitly = async () => {
    clearTimeout(timer.current);
    try {
      await saveNow();
      setExplicitProblem(null);
    } catch (error) {
      setExplicitProblem(asProblem(error));
    }
  };

  const finish = async () => {
    const gaps = missingOf(latest.current, programme);
    if (gaps.length > 0) {
      setExplicitProblem(new ApiProblem({ status: 400, title: 'Vurderingen mangler noget', detail: 'Udfyld det manglende, og prøv igen.', errors: gaps }));
      return;
    }
    setExplicitProblem(null);
    clearTimeout(timer.current);
    setCompleting(true);
    try {
      // What is typed is saved first (after a save already on its way), then the assessment completed.
      if (!(await saveNow())) throw new ApiProblem({ status: 400, title: 'Ikke gemt', detail: 'Vurderingen kunne ikke gemmes. Prøv igen.' });
      await complete.mutateAsync();
    } catch (error) {
      setExplicitProblem(asProblem(error));
      setCompleting(false);
    }
  };

  const problem = explicitProblem ?? (complete.error ? asProblem(complete.error) : null);
  const canSave = bodyOf(draft, version.current) !== null;
  const saving = save.isPending;
  const visibleStatus = saving
    ? 'Gemmer …'
    : stale
      ? 'Ikke gemt'
      : autosaveFailure
        ? `Ikke gemt: ${failureText}`
        : dirty
          ? canSave
            ? 'Ændringer, der ikke er gemt endnu'
            : 'Kladden gemmes automatisk, når der er et resumé og en indstilling'
          : savedAt
            ? `Gemt kl. ${savedAt.toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
            : assessment
              ? 'Gemt'
              : 'Ikke påbegyndt';
  // Read aloud: only that it was saved, or that it was not (not every pause in the typing).
  const announced = autosaveFailure || stale ? visibleStatus : savedAt && !dirty && !saving ? 'Vurderingen er gemt' : '';

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void finish();
      }}
    >
      <p className="save-status" data-testid="gem-status" aria-hidden="true">
        {visibleStatus}
      </p>
      <p className="sr-only" role="status">
        {announced}
      </p>
      {stale && (
        <Alert tone="error" role="alert" heading="Vurderingen er ændret et andet sted">
          <p>
            Den er gemt fra en anden fane eller af en anden, siden du hentede den. Dine seneste ændringer er ikke gemt. Kopiér den tekst, du vil beholde, før du
            henter den nyeste udgave: den erstatter det, der står i felterne.
          </p>
          <p>
            <button type="button" className="button button-secondary" onClick={onReload}>
              Hent den nyeste udgave
            </button>
          </p>
        </Alert>
      )}
      <fieldset disabled={completing} className="assessment-fields">
        <legend className="sr-only">Vurderingen</legend>
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
              label={`Begrundelse for »${criterion.title}«`}
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
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={completing || stale}>
          {completing ? 'Afslutter …' : 'Afslut vurdering'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!dirty || !canSave || saving || stale || completing}
          onClick={() => void saveExplicitly()}
        >
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
  const [generation, setGeneration] = useState(0);
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
              {application.assessorName ?? 'Sagsbehandleren'} afsluttede vurderingen den {formatDateTime(current.completedAt)}.{' '}
              {application.status === 'assessed' &&
                user?.role === 'caseworker' &&
                (current.assessorId === user.id ? (
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
  if (user?.role !== 'caseworker') {
    return (
      <>
        <Alert tone="info" heading={current ? 'Vurderingen er i gang' : 'Ansøgningen er ikke vurderet endnu'}>
          <p>En sagsbehandler vurderer ansøgningen; som administrator kan du læse vurderingen, men ikke skrive i den.</p>
        </Alert>
        {current && <ReadOnly assessment={current} programme={programme.data} />}
      </>
    );
  }
  if (!mine) {
    return (
      <>
        <Alert tone="info" heading="Vurderingen er i gang">
          <p>{application.assessorName ?? 'En anden sagsbehandler'} er vurderingens forfatter; kun forfatteren kan ændre den.</p>
        </Alert>
        {current && <ReadOnly assessment={current} programme={programme.data} />}
      </>
    );
  }
  // After a conflict, the newest version is read and the form starts again from it (a new generation);
  // the form's own saves update the assessment read here without starting it again.
  return (
    <AssessmentForm
      key={generation}
      application={application}
      programme={programme.data}
      assessment={current}
      onReload={() => void assessment.refetch().then(() => setGeneration((old) => old + 1))}
    />
  );
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
