import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiProblem, asProblem, type FieldError, isProblem } from '../../api/problem';
import { copenhagenInput, countOf, formatDateTime, formatKroner, parseKroner } from '../../format';
import { Alert } from '../../ui/Alert';
import { errorOf, FieldGroup, FormProblem, SelectField, TextArea, TextField } from '../../ui/Form';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Facts, Table } from '../../ui/Table';
import { type Programme, useProgramme } from '../reference/useReference';
import { type CreateProgrammeBody, type UpdateProgrammeBody, useAddAdjustment, useCreateProgramme, useLedger, useUpdateProgramme } from './useAdmin';

interface Theme {
  key: string;
  name: string;
}
interface Criterion {
  key: string;
  title: string;
  description: string;
}

/** What the form holds: amounts in kroner and numbers as typed, times as a `datetime-local` field has them. */
interface ProgrammeFields {
  code: string;
  name: string;
  description: string;
  decisionMode: 'after_deadline' | 'rolling';
  budget: string;
  minimum: string;
  opensAt: string;
  closesAt: string;
  maxProjectMonths: string;
  maxCovidExtensionMonths: string;
  statusReportIntervalMonths: string;
  finalReportDueMonths: string;
  themes: Theme[];
  criteria: Criterion[];
  legalBasis: string;
  appealGuidance: string;
  awardConditions: string;
}

const EMPTY: ProgrammeFields = {
  code: '',
  name: '',
  description: '',
  decisionMode: 'after_deadline',
  budget: '',
  minimum: '',
  opensAt: '',
  closesAt: '',
  maxProjectMonths: '60',
  maxCovidExtensionMonths: '6',
  statusReportIntervalMonths: '12',
  finalReportDueMonths: '3',
  themes: [{ key: '', name: '' }],
  criteria: [{ key: '', title: '', description: '' }],
  legalBasis: '',
  appealGuidance: '',
  awardConditions: '',
};

export const DECISION_MODES: Record<ProgrammeFields['decisionMode'], string> = {
  after_deadline: 'Efter ansøgningsfristen',
  rolling: 'Løbende',
};

/** The Danish label of each field the API may name in its errors. */
export function programmeFieldLabel(field: string): string {
  const item = /^(themes|criteria)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (item) {
    const what = item[1] === 'themes' ? `Tema ${Number(item[2]) + 1}` : `Kriterium ${Number(item[2]) + 1}`;
    const part: Record<string, string> = { key: 'nøgle', name: 'navn', title: 'titel', description: 'beskrivelse' };
    return item[3] ? `${what}, ${part[item[3]] ?? item[3]}` : what;
  }
  const labels: Record<string, string> = {
    code: 'Kode',
    name: 'Navn',
    description: 'Beskrivelse',
    decisionMode: 'Afgørelser',
    budgetOre: 'Budget',
    minApplicationOre: 'Mindste ansøgte beløb',
    applicationOpensAt: 'Ansøgningsvinduet åbner',
    applicationClosesAt: 'Ansøgningsfrist',
    maxProjectMonths: 'Længste projektperiode',
    maxCovidExtensionMonths: 'Længste forlængelse (COVID-19)',
    statusReportIntervalMonths: 'Statusrapport hver',
    finalReportDueMonths: 'Slutrapport efter projektets slut',
    themes: 'Temaer',
    criteria: 'Vurderingskriterier',
    legalBasis: 'Hjemmel',
    appealGuidance: 'Klagevejledning',
    awardConditions: 'Særlige vilkår',
    version: 'Version',
    deltaOre: 'Beløb',
    reason: 'Begrundelse',
  };
  return labels[field] ?? field;
}

function fieldsOf(programme: Programme): ProgrammeFields {
  return {
    ...EMPTY,
    code: programme.code,
    name: programme.name,
    description: programme.description ?? '',
    decisionMode: programme.decisionMode,
    opensAt: copenhagenInput(programme.applicationOpensAt),
    closesAt: copenhagenInput(programme.applicationClosesAt),
    themes: programme.themes.map(({ key, name }) => ({ key, name })),
    criteria: programme.criteria.map(({ key, title, description }) => ({ key, title, description })),
    legalBasis: programme.legalBasis ?? '',
    appealGuidance: programme.appealGuidance ?? '',
    awardConditions: programme.awardConditions ?? '',
  };
}

/** A key from a name, as the API wants keys: `Mad og ernæring` → `mad-og-ernaering`. */
export function keyOf(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

function problemOf(errors: FieldError[]): ApiProblem {
  return new ApiProblem({ status: 400, title: 'Ugyldige oplysninger', detail: 'Ret de markerede felter.', errors });
}

/** A whole number of months the form could read, or the field's error. */
function monthsOf(text: string, field: string, errors: FieldError[]): number | undefined {
  if (/^\d{1,3}$/.test(text.trim())) return Number(text.trim());
  errors.push({ field, message: text.trim() === '' ? 'skal udfyldes' : 'skal være et helt antal måneder' });
  return undefined;
}

function kronerOf(text: string, field: string, errors: FieldError[]): number | undefined {
  const ore = parseKroner(text);
  if (ore !== null) return ore;
  errors.push({ field, message: text.trim() === '' ? 'skal udfyldes' : 'skal være et beløb i kroner, fx 1.234.567,50' });
  return undefined;
}

/** Text fields the API keeps as null when empty. */
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The themes as keys and names: a key left empty is made from the name. */
const themesOf = (themes: Theme[]) => themes.map((theme) => ({ key: theme.key.trim() || keyOf(theme.name), name: theme.name.trim() }));
const criteriaOf = (criteria: Criterion[]) =>
  criteria.map((criterion) => ({
    key: criterion.key.trim() || keyOf(criterion.title),
    title: criterion.title.trim(),
    description: criterion.description.trim(),
  }));

function createBody(fields: ProgrammeFields): { body: Partial<CreateProgrammeBody>; local: FieldError[] } {
  const local: FieldError[] = [];
  const budgetOre = kronerOf(fields.budget, 'budgetOre', local);
  const minApplicationOre = kronerOf(fields.minimum, 'minApplicationOre', local);
  const months = {
    maxProjectMonths: monthsOf(fields.maxProjectMonths, 'maxProjectMonths', local),
    maxCovidExtensionMonths: monthsOf(fields.maxCovidExtensionMonths, 'maxCovidExtensionMonths', local),
    statusReportIntervalMonths: monthsOf(fields.statusReportIntervalMonths, 'statusReportIntervalMonths', local),
    finalReportDueMonths: monthsOf(fields.finalReportDueMonths, 'finalReportDueMonths', local),
  };
  if (!fields.opensAt) local.push({ field: 'applicationOpensAt', message: 'skal udfyldes' });
  if (!fields.closesAt) local.push({ field: 'applicationClosesAt', message: 'skal udfyldes' });
  const body: Partial<CreateProgrammeBody> = {
    code: fields.code.trim(),
    name: fields.name.trim(),
    decisionMode: fields.decisionMode,
    ...(budgetOre !== undefined ? { budgetOre } : {}),
    ...(minApplicationOre !== undefined ? { minApplicationOre } : {}),
    ...(fields.opensAt ? { applicationOpensAt: fields.opensAt } : {}),
    ...(fields.closesAt ? { applicationClosesAt: fields.closesAt } : {}),
    ...Object.fromEntries(Object.entries(months).filter(([, value]) => value !== undefined)),
    themes: themesOf(fields.themes),
    criteria: criteriaOf(fields.criteria),
    description: optional(fields.description),
    legalBasis: optional(fields.legalBasis),
    appealGuidance: optional(fields.appealGuidance),
    awardConditions: optional(fields.awardConditions),
  };
  return { body, local };
}

/** A change sends what may change, and the times and lists only when they were changed here. */
function updateBody(fields: ProgrammeFields, programme: Programme): UpdateProgrammeBody {
  const initial = fieldsOf(programme);
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    version: programme.version,
    name: fields.name.trim(),
    description: text(fields.description),
    legalBasis: text(fields.legalBasis),
    appealGuidance: text(fields.appealGuidance),
    awardConditions: text(fields.awardConditions),
    ...(fields.opensAt !== initial.opensAt ? { applicationOpensAt: fields.opensAt } : {}),
    ...(fields.closesAt !== initial.closesAt ? { applicationClosesAt: fields.closesAt } : {}),
    ...(!programme.hasSubmissions && fields.decisionMode !== initial.decisionMode ? { decisionMode: fields.decisionMode } : {}),
    ...(!programme.hasSubmissions && JSON.stringify(fields.themes) !== JSON.stringify(initial.themes) ? { themes: themesOf(fields.themes) } : {}),
    ...(!programme.hasSubmissions && JSON.stringify(fields.criteria) !== JSON.stringify(initial.criteria) ? { criteria: criteriaOf(fields.criteria) } : {}),
  };
}

/**
 * The answer without the errors of keys left empty beside an empty name or title: the key is made from
 * the name, so "Navn: skal udfyldes" says all there is to say.
 */
function withoutEmptyKeys(problem: ApiProblem | null, fields: ProgrammeFields): ApiProblem | null {
  if (!problem) return null;
  const noise = (field: string) => {
    const item = /^(themes|criteria)\[(\d+)\]\.key$/.exec(field);
    if (!item) return false;
    const index = Number(item[2]);
    const entry = item[1] === 'themes' ? fields.themes[index] : fields.criteria[index];
    const named = entry && ('name' in entry ? entry.name : entry.title).trim() !== '';
    return entry !== undefined && entry.key.trim() === '' && !named;
  };
  const errors = problem.errors.filter((error) => !noise(error.field));
  if (errors.length === problem.errors.length) return problem;
  return new ApiProblem({ status: problem.status, type: problem.type, title: problem.title, detail: problem.detail, errors });
}

/** After an item is added or removed, focus goes to the first field of the item now where the user was. */
function useItemFocus(count: number) {
  const listRef = useRef<HTMLOListElement>(null);
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    const items = listRef.current?.querySelectorAll('li');
    const item = items?.[Math.min(focusIndex.current, items.length - 1)];
    (item?.querySelector('input, textarea') as HTMLElement | null)?.focus();
    focusIndex.current = null;
  }, [count]);
  return { listRef, focusAt: (index: number) => (focusIndex.current = index) };
}

function ThemesEditor({ themes, onChange, problem }: { themes: Theme[]; onChange: (themes: Theme[]) => void; problem: ApiProblem | null }) {
  const { listRef, focusAt } = useItemFocus(themes.length);
  const set = (index: number, theme: Theme) => onChange(themes.map((old, at) => (at === index ? theme : old)));
  return (
    <FieldGroup
      name="themes"
      legend="Temaer"
      hint="Temaerne ansøgerne vælger mellem. Nøglen bruges i CSV-filer og API'et; lader du den stå tom, laves den af navnet."
      error={errorOf(problem, 'themes')}
    >
      <ol className="nobullet-list item-list" ref={listRef}>
        {themes.map((theme, index) => (
          <li key={index} className="item-list-item">
            <h3 className="h5 mt-0">Tema {index + 1}</h3>
            <div className="item-list-fields">
              <TextField
                name={`themes[${index}].name`}
                label={`Navn på tema ${index + 1}`}
                width="l"
                value={theme.name}
                error={errorOf(problem, `themes[${index}].name`)}
                onChange={(name) => set(index, { name, key: theme.key === keyOf(theme.name) ? keyOf(name) : theme.key })}
              />
              <TextField
                name={`themes[${index}].key`}
                label={`Nøgle for tema ${index + 1}`}
                width="m"
                value={theme.key}
                error={errorOf(problem, `themes[${index}].key`)}
                onChange={(key) => set(index, { ...theme, key })}
              />
            </div>
            <button
              type="button"
              className="function-link"
              onClick={() => {
                focusAt(index);
                onChange(themes.filter((_, at) => at !== index));
              }}
            >
              <Icon name="delete" />
              Fjern tema {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          focusAt(themes.length);
          onChange([...themes, { key: '', name: '' }]);
        }}
      >
        Tilføj tema
      </button>
    </FieldGroup>
  );
}

function CriteriaEditor({ criteria, onChange, problem }: { criteria: Criterion[]; onChange: (criteria: Criterion[]) => void; problem: ApiProblem | null }) {
  const { listRef, focusAt } = useItemFocus(criteria.length);
  const set = (index: number, criterion: Criterion) => onChange(criteria.map((old, at) => (at === index ? criterion : old)));
  return (
    <FieldGroup
      name="criteria"
      legend="Vurderingskriterier"
      hint="Kriterierne sagsbehandleren vurderer hver ansøgning efter; de står i afgørelsesbrevet."
      error={errorOf(problem, 'criteria')}
    >
      <ol className="nobullet-list item-list" ref={listRef}>
        {criteria.map((criterion, index) => (
          <li key={index} className="item-list-item">
            <h3 className="h5 mt-0">Kriterium {index + 1}</h3>
            <div className="item-list-fields">
              <TextField
                name={`criteria[${index}].title`}
                label={`Titel på kriterium ${index + 1}`}
                width="l"
                value={criterion.title}
                error={errorOf(problem, `criteria[${index}].title`)}
                onChange={(title) => set(index, { ...criterion, title, key: criterion.key === keyOf(criterion.title) ? keyOf(title) : criterion.key })}
              />
              <TextField
                name={`criteria[${index}].key`}
                label={`Nøgle for kriterium ${index + 1}`}
                width="m"
                value={criterion.key}
                error={errorOf(problem, `criteria[${index}].key`)}
                onChange={(key) => set(index, { ...criterion, key })}
              />
            </div>
            <TextArea
              name={`criteria[${index}].description`}
              label={`Beskrivelse af kriterium ${index + 1}`}
              rows={3}
              value={criterion.description}
              error={errorOf(problem, `criteria[${index}].description`)}
              onChange={(description) => set(index, { ...criterion, description })}
            />
            <button
              type="button"
              className="function-link"
              onClick={() => {
                focusAt(index);
                onChange(criteria.filter((_, at) => at !== index));
              }}
            >
              <Icon name="delete" />
              Fjern kriterium {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          focusAt(criteria.length);
          onChange([...criteria, { key: '', title: '', description: '' }]);
        }}
      >
        Tilføj kriterium
      </button>
    </FieldGroup>
  );
}

function ProgrammeForm({ programme }: { programme: Programme | null }) {
  const navigate = useNavigate();
  const [fields, setFields] = useState<ProgrammeFields>(programme ? fieldsOf(programme) : EMPTY);
  const [localProblem, setLocalProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const create = useCreateProgramme();
  const update = useUpdateProgramme(programme?.id ?? '');
  const saving = create.isPending || update.isPending;
  const mutationError = programme ? update.error : create.error;
  const problem = withoutEmptyKeys(localProblem ?? (mutationError ? asProblem(mutationError) : null), fields);
  const set = <K extends keyof ProgrammeFields>(key: K, value: ProgrammeFields[K]) => setFields((old) => ({ ...old, [key]: value }));
  const now = Date.now();
  const opened = programme ? Date.parse(programme.applicationOpensAt) <= now : false;
  const closed = programme ? Date.parse(programme.applicationClosesAt) <= now : false;
  const fixed = programme?.hasSubmissions ?? false;

  const save = async () => {
    setSaved(false);
    setLocalProblem(null);
    create.reset();
    update.reset();
    try {
      if (programme) {
        await update.mutateAsync(updateBody(fields, programme));
        setSaved(true);
        return;
      }
      const { body, local } = createBody(fields);
      // Sent even when the form could not read a field: the answer names every other field at once.
      const created = await create.mutateAsync(body as CreateProgrammeBody).catch((error: unknown) => {
        if (local.length > 0) {
          const named = new Set(local.map((item) => item.field));
          setLocalProblem(problemOf([...local, ...asProblem(error).errors.filter((item) => !named.has(item.field))]));
        }
        throw error;
      });
      await navigate(`/puljer/${created.id}`, { state: { created: true } });
    } catch {
      // Shown from the mutation's error (or the form's own, set above).
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <FormProblem error={problem} labels={programmeFieldLabel} />
      {saved && (
        <Alert tone="success" role="status" testId="pulje-gemt">
          <p>Puljen er gemt.</p>
        </Alert>
      )}
      <h2>Puljen</h2>
      {!programme && (
        <TextField
          name="code"
          label="Kode"
          hint="To til ti store bogstaver, en bindestreg og et årstal, fx ÆLD-2020. Koden indleder sagsnumrene og kan ikke ændres senere."
          width="s"
          value={fields.code}
          onChange={(value) => set('code', value.toUpperCase())}
          error={errorOf(problem, 'code')}
        />
      )}
      <TextField name="name" label="Navn" width="xl" value={fields.name} onChange={(value) => set('name', value)} error={errorOf(problem, 'name')} />
      <TextArea
        name="description"
        label="Beskrivelse (valgfrit)"
        hint="Hvad puljen er til; ansøgerne ser den."
        rows={3}
        value={fields.description}
        onChange={(value) => set('description', value)}
        error={errorOf(problem, 'description')}
      />
      {fixed ? null : (
        <SelectField
          name="decisionMode"
          label="Afgørelser"
          hint="Efter fristen: alle ansøgninger vurderes samlet, når vinduet er lukket. Løbende: hver ansøgning afgøres, når den er vurderet."
          value={fields.decisionMode}
          onChange={(value) => set('decisionMode', value as ProgrammeFields['decisionMode'])}
          options={Object.entries(DECISION_MODES).map(([value, label]) => ({ value, label }))}
          error={errorOf(problem, 'decisionMode')}
        />
      )}

      <h2>Penge</h2>
      {programme ? (
        <p>Budgettet ændres med en budgetregulering nedenfor; mindstebeløbet er fast, når puljen er oprettet.</p>
      ) : (
        <>
          <TextField
            name="budgetOre"
            label="Budget i kroner"
            hint="Hele kroner eller med øre, fx 245.000.000."
            inputMode="decimal"
            width="m"
            suffix="kr."
            value={fields.budget}
            onChange={(value) => set('budget', value)}
            error={errorOf(problem, 'budgetOre')}
          />
          <TextField
            name="minApplicationOre"
            label="Mindste ansøgte beløb i kroner"
            hint="Ansøgninger under beløbet afvises ved indsendelse."
            inputMode="decimal"
            width="m"
            suffix="kr."
            value={fields.minimum}
            onChange={(value) => set('minimum', value)}
            error={errorOf(problem, 'minApplicationOre')}
          />
        </>
      )}

      <h2>Ansøgningsvindue</h2>
      <p>Tidspunkterne er dansk tid. Et tidspunkt, der er passeret, kan ikke ændres.</p>
      {opened ? (
        <p>
          <strong>Ansøgningsvinduet åbnede</strong> {formatDateTime(programme!.applicationOpensAt)}.
        </p>
      ) : (
        <TextField
          name="applicationOpensAt"
          label="Ansøgningsvinduet åbner"
          type="datetime-local"
          width="m"
          value={fields.opensAt}
          onChange={(value) => set('opensAt', value)}
          error={errorOf(problem, 'applicationOpensAt')}
        />
      )}
      {closed ? (
        <p>
          <strong>Ansøgningsfristen var</strong> {formatDateTime(programme!.applicationClosesAt)}.
        </p>
      ) : (
        <TextField
          name="applicationClosesAt"
          label="Ansøgningsfrist"
          type="datetime-local"
          width="m"
          value={fields.closesAt}
          onChange={(value) => set('closesAt', value)}
          error={errorOf(problem, 'applicationClosesAt')}
        />
      )}

      <h2>Projekter og rapportering</h2>
      {programme ? (
        <Facts
          caption="Projekter og rapportering"
          facts={[
            ['Længste projektperiode', countOf(programme.maxProjectMonths, 'måned', 'måneder')],
            ['Længste forlængelse (COVID-19)', countOf(programme.maxCovidExtensionMonths, 'måned', 'måneder')],
            ['Statusrapport hver', countOf(programme.statusReportIntervalMonths, 'måned', 'måneder')],
            ['Slutrapport', `${countOf(programme.finalReportDueMonths, 'måned', 'måneder')} efter projektets slut`],
          ]}
        />
      ) : (
        <>
          <TextField
            name="maxProjectMonths"
            label="Længste projektperiode i måneder"
            inputMode="numeric"
            width="xs"
            value={fields.maxProjectMonths}
            onChange={(value) => set('maxProjectMonths', value)}
            error={errorOf(problem, 'maxProjectMonths')}
          />
          <TextField
            name="maxCovidExtensionMonths"
            label="Længste forlængelse på grund af COVID-19 i måneder"
            hint="0 til 24 måneder; 0 betyder ingen forlængelse."
            inputMode="numeric"
            width="xs"
            value={fields.maxCovidExtensionMonths}
            onChange={(value) => set('maxCovidExtensionMonths', value)}
            error={errorOf(problem, 'maxCovidExtensionMonths')}
          />
          <TextField
            name="statusReportIntervalMonths"
            label="Statusrapport hver (måneder)"
            inputMode="numeric"
            width="xs"
            value={fields.statusReportIntervalMonths}
            onChange={(value) => set('statusReportIntervalMonths', value)}
            error={errorOf(problem, 'statusReportIntervalMonths')}
          />
          <TextField
            name="finalReportDueMonths"
            label="Slutrapport, måneder efter projektets slut"
            inputMode="numeric"
            width="xs"
            value={fields.finalReportDueMonths}
            onChange={(value) => set('finalReportDueMonths', value)}
            error={errorOf(problem, 'finalReportDueMonths')}
          />
        </>
      )}

      <h2>Temaer og kriterier</h2>
      {fixed ? (
        <>
          <p>Der er indsendt ansøgninger til puljen, så temaer, kriterier og afgørelsesform ligger fast.</p>
          <Facts
            caption="Temaer og kriterier"
            facts={[
              ['Afgørelser', DECISION_MODES[programme!.decisionMode]],
              ['Temaer', programme!.themes.map((theme) => theme.name).join(', ')],
              ['Vurderingskriterier', programme!.criteria.map((criterion) => criterion.title).join(', ')],
            ]}
          />
        </>
      ) : (
        <>
          <ThemesEditor themes={fields.themes} onChange={(themes) => set('themes', themes)} problem={problem} />
          <CriteriaEditor criteria={fields.criteria} onChange={(criteria) => set('criteria', criteria)} problem={problem} />
        </>
      )}

      <h2>Hjemmel og klagevejledning</h2>
      <TextArea
        name="legalBasis"
        label="Hjemmel (valgfrit)"
        hint="Fx aktstykket eller finansloven, puljen er givet efter. Står i afgørelsesbrevet."
        rows={3}
        value={fields.legalBasis}
        onChange={(value) => set('legalBasis', value)}
        error={errorOf(problem, 'legalBasis')}
      />
      <TextArea
        name="appealGuidance"
        label="Klagevejledning (valgfrit)"
        hint="Står i hver afgørelse (forvaltningsloven § 25)."
        rows={4}
        value={fields.appealGuidance}
        onChange={(value) => set('appealGuidance', value)}
        error={errorOf(problem, 'appealGuidance')}
      />
      <TextArea
        name="awardConditions"
        label="Særlige vilkår (valgfrit)"
        hint="Puljens egne vilkår; de står i tilsagnsbrevet efter standardvilkårene."
        rows={4}
        value={fields.awardConditions}
        onChange={(value) => set('awardConditions', value)}
        error={errorOf(problem, 'awardConditions')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Gemmer …' : programme ? 'Gem ændringer' : 'Opret pulje'}
        </button>
        <Link to="/puljer" className="button button-secondary">
          Annuller
        </Link>
      </div>
    </form>
  );
}

/** Budget adjustments: the list with reasons, and a form for a new one (up or down, in kroner). */
function BudgetAdjustments({ programme }: { programme: Programme }) {
  const ledger = useLedger(programme.id);
  const add = useAddAdjustment(programme.id);
  const [direction, setDirection] = useState<'up' | 'down'>('up');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [localProblem, setLocalProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const problem = localProblem ?? (add.error ? asProblem(add.error) : null);

  const send = async () => {
    setDone(null);
    setLocalProblem(null);
    add.reset();
    const ore = parseKroner(amount);
    if (ore === null) {
      return setLocalProblem(problemOf([{ field: 'deltaOre', message: amount.trim() === '' ? 'skal udfyldes' : 'skal være et beløb i kroner, fx 1.000.000' }]));
    }
    try {
      const deltaOre = direction === 'up' ? ore : -ore;
      await add.mutateAsync({ deltaOre, reason: reason.trim() });
      setDone(`Budgettet er ${direction === 'up' ? 'forhøjet' : 'nedsat'} med ${formatKroner(ore)}`);
      setAmount('');
      setReason('');
    } catch {
      // Shown from the mutation's error.
    }
  };

  return (
    <section aria-labelledby="reguleringer">
      <h2 id="reguleringer">Budgetreguleringer</h2>
      <Facts
        caption="Budget"
        testId="budget"
        facts={[
          ['Oprindeligt budget', formatKroner(programme.budgetOre)],
          ['Reguleringer i alt', formatKroner(programme.adjustmentsOre)],
          ['Budget inkl. reguleringer', formatKroner(programme.budgetOre + programme.adjustmentsOre)],
          ['Bevilget', formatKroner(programme.committedOre)],
          ['Tilbage', formatKroner(programme.remainingOre)],
        ]}
      />
      {ledger.isPending ? (
        <Loading text="Henter reguleringer …" />
      ) : ledger.error ? (
        <ProblemAlert error={ledger.error} />
      ) : ledger.data.adjustments.length === 0 ? (
        <p>Budgettet er ikke reguleret.</p>
      ) : (
        <Table
          caption="Budgetreguleringer"
          testId="reguleringer"
          rows={ledger.data.adjustments}
          rowKey={(adjustment) => adjustment.id}
          columns={[
            { header: 'Tidspunkt', cell: (adjustment) => formatDateTime(adjustment.createdAt) },
            { header: 'Begrundelse', cell: (adjustment) => adjustment.reason },
            { header: 'Beløb', numeric: true, cell: (adjustment) => `${adjustment.deltaOre > 0 ? '+' : ''}${formatKroner(adjustment.deltaOre)}` },
          ]}
        />
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <h3>Ny budgetregulering</h3>
        <FormProblem error={problem} labels={programmeFieldLabel} />
        {done && (
          <Alert tone="success" role="status" testId="reguleret">
            <p>{done}</p>
          </Alert>
        )}
        <SelectField
          name="direction"
          label="Forhøj eller nedsæt"
          value={direction}
          onChange={(value) => setDirection(value as 'up' | 'down')}
          options={[
            { value: 'up', label: 'Forhøj budgettet' },
            { value: 'down', label: 'Nedsæt budgettet' },
          ]}
        />
        <TextField
          name="deltaOre"
          label="Beløb i kroner"
          inputMode="decimal"
          width="m"
          suffix="kr."
          value={amount}
          onChange={setAmount}
          error={errorOf(problem, 'deltaOre')}
        />
        <TextArea
          name="reason"
          label="Begrundelse"
          hint="Hvorfor budgettet ændres, fx hvilken aftale eller bevilling det bygger på."
          rows={3}
          value={reason}
          onChange={setReason}
          error={errorOf(problem, 'reason')}
        />
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? 'Gemmer …' : 'Gem budgetregulering'}
        </button>
      </form>
    </section>
  );
}

/** `/puljer/ny` and `/puljer/:id`: a programme created, or changed with its budget adjusted. */
export function ProgrammeFormPage() {
  const { id } = useParams();
  const location = useLocation();
  const programme = useProgramme(id);
  const created = (location.state as { created?: boolean } | null)?.created ?? false;

  if (!id) {
    return (
      <Page title="Opret pulje">
        <p className="font-lead">Puljens regler: vindue, penge, temaer, kriterier og rapportering. Det meste kan rettes, indtil der kommer ansøgninger.</p>
        <p>
          <Link to="/puljer">Tilbage til puljerne</Link>
        </p>
        <ProgrammeForm programme={null} />
      </Page>
    );
  }
  if (programme.isPending) {
    return (
      <Page title="Pulje">
        <Loading />
      </Page>
    );
  }
  if (programme.error) {
    const notFound = isProblem(programme.error) && programme.error.status === 404;
    return (
      <Page title={notFound ? 'Puljen findes ikke' : 'Pulje'}>
        {notFound ? <p>Der er ingen pulje med den adresse.</p> : <ProblemAlert error={programme.error} />}
        <p>
          <Link to="/puljer">Tilbage til puljerne</Link>
        </p>
      </Page>
    );
  }
  const current = programme.data;
  return (
    <Page title={`${current.code}: ${current.name}`} heading={current.name}>
      <p className="font-lead">{current.code}</p>
      <div className="function-links mt-0">
        <Link to="/puljer">Tilbage til puljerne</Link>
        <Link to={`/puljer/${current.id}/regnskab`}>Se puljens regnskab</Link>
      </div>
      {created && (
        <Alert tone="success" role="status" testId="pulje-oprettet">
          <p>Puljen er oprettet. Du kan rette den her og regulere budgettet.</p>
        </Alert>
      )}
      {Object.keys(current.assumed).length > 0 && (
        <Alert tone="info" heading="Antagne oplysninger">
          <ul className="mt-0 mb-0">
            {Object.entries(current.assumed).map(([field, why]) => (
              <li key={field}>
                {programmeFieldLabel(field)}: {why}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <ProgrammeForm programme={current} />
      <BudgetAdjustments programme={current} />
    </Page>
  );
}
