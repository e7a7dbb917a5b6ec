import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiProblem, asProblem, type FieldError, isProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { formatDateTime, kronerNumber, parseKroner } from '../../format';
import { MESSAGES } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { Checkbox, errorOf, FieldGroup, fieldId, FormProblem, SelectField, TextArea, TextField, TextList } from '../../ui/Form';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { type Municipality, type Programme, useMunicipalities, useProgrammes } from '../reference/useReference';
import {
  type Application,
  type CreateApplicationBody,
  type UpdateApplicationBody,
  useApplication,
  useCreateApplication,
  useUpdateApplication,
} from './useApplications';

/** What the form holds: the application's fields as typed (the amount in kroner, as text). */
interface DraftFields {
  programmeId: string;
  title: string;
  purpose: string;
  themes: string[];
  activities: string[];
  amount: string;
  plannedStart: string;
  plannedEnd: string;
  coApplicantCodes: string[];
  cvr: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  coFinancing: string;
  budgetLines: Array<{ label: string; amount: string }>;
}

const EMPTY: DraftFields = {
  programmeId: '',
  title: '',
  purpose: '',
  themes: [],
  activities: [''],
  amount: '',
  plannedStart: '',
  plannedEnd: '',
  coApplicantCodes: [],
  cvr: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  coFinancing: '',
  budgetLines: [],
};

/** The Danish label of each field the API may name in its errors. */
export function applicationFieldLabel(field: string): string {
  const line = /^budgetLines\[(\d+)\](?:\.(label|amountOre))?$/.exec(field);
  if (line) return `Budgetlinje ${Number(line[1]) + 1}${line[2] === 'label' ? ', tekst' : line[2] === 'amountOre' ? ', beløb' : ''}`;
  const contact = /^contactPerson\.(name|email|phone)$/.exec(field);
  if (contact) return { name: 'Kontaktpersonens navn', email: 'Kontaktpersonens e-mail', phone: 'Kontaktpersonens telefon' }[contact[1]]!;
  const item = /^(activities|coApplicantCodes)\[(\d+)\]$/.exec(field);
  if (item) return item[1] === 'activities' ? `Aktivitet ${Number(item[2]) + 1}` : `Medansøgende kommune ${Number(item[2]) + 1}`;
  const labels: Record<string, string> = {
    programmeId: 'Pulje',
    title: 'Projektets titel',
    purpose: 'Formål',
    themes: 'Temaer',
    activities: 'Aktiviteter',
    requestedOre: 'Ansøgt beløb',
    plannedStart: 'Projektstart',
    plannedEnd: 'Projektslut',
    coApplicantCodes: 'Medansøgende kommuner',
    cvr: 'CVR-nummer',
    contactPerson: 'Kontaktperson',
    coFinancingOre: 'Medfinansiering',
    budgetLines: 'Budget',
    version: 'Version',
  };
  return labels[field] ?? field;
}

function fieldsOf(application: Application): DraftFields {
  return {
    programmeId: application.programmeId,
    title: application.title,
    purpose: application.purpose,
    themes: application.themes,
    activities: application.activities.length > 0 ? application.activities : [''],
    amount: kronerNumber(application.requestedOre),
    plannedStart: application.plannedStart,
    plannedEnd: application.plannedEnd,
    coApplicantCodes: application.coApplicantCodes,
    cvr: application.cvr ?? '',
    contactName: application.contactPerson?.name ?? '',
    contactEmail: application.contactPerson?.email ?? '',
    contactPhone: application.contactPerson?.phone ?? '',
    coFinancing: application.coFinancingOre != null ? kronerNumber(application.coFinancingOre) : '',
    budgetLines: application.budgetLines.map((line) => ({ label: line.label, amount: kronerNumber(line.amountOre) })),
  };
}

/** Open for applications now: the programme's own window (the API refuses a submission outside it). */
function isOpen(programme: Programme, now = Date.now()): boolean {
  return Date.parse(programme.applicationOpensAt) <= now && now < Date.parse(programme.applicationClosesAt);
}

/**
 * What the form sends, and what it could not read: an amount that is not kroner, an empty date (on a
 * change the API would read an absent value as "unchanged", so those are said here). Everything else
 * is the API's to judge; a new draft is sent even with these missing, so the API's answer names every
 * other field at once.
 */
type Structured = 'cvr' | 'contactPerson' | 'coFinancingOre' | 'budgetLines';
/** A new draft's fields, or a change's: the structured ones may be null on a change (cleared). */
type DraftBody = Omit<Partial<CreateApplicationBody>, Structured> & Partial<Pick<UpdateApplicationBody, Structured>>;

function bodyOf(fields: DraftFields, editing: boolean): { body: DraftBody; local: FieldError[] } {
  const local: FieldError[] = [];
  const requestedOre = parseKroner(fields.amount);
  if (fields.amount.trim() === '') local.push({ field: 'requestedOre', message: 'skal udfyldes' });
  else if (requestedOre === null) local.push({ field: 'requestedOre', message: 'skal være et beløb i kroner, fx 1.234.567,50' });
  if (!fields.plannedStart) local.push({ field: 'plannedStart', message: 'skal udfyldes' });
  if (!fields.plannedEnd) local.push({ field: 'plannedEnd', message: 'skal udfyldes' });
  return {
    local,
    body: {
      programmeId: fields.programmeId,
      title: fields.title.trim(),
      purpose: fields.purpose.trim(),
      themes: fields.themes,
      activities: fields.activities.map((activity) => activity.trim()),
      ...(requestedOre !== null ? { requestedOre } : {}),
      ...(fields.plannedStart ? { plannedStart: fields.plannedStart } : {}),
      ...(fields.plannedEnd ? { plannedEnd: fields.plannedEnd } : {}),
      coApplicantCodes: fields.coApplicantCodes,
      ...structuredOf(fields, editing, local),
    },
  };
}

/**
 * The applicant's CVR number, contact person, co-financing and budget lines. An emptied field is sent
 * as null on a change (the API keeps a field that is left out); a new draft leaves it out.
 */
function structuredOf(fields: DraftFields, editing: boolean, local: FieldError[]): Partial<UpdateApplicationBody> {
  const none = editing ? null : undefined;
  const cvr = fields.cvr.replace(/\s/g, '');
  const contact = { name: fields.contactName.trim(), email: fields.contactEmail.trim(), phone: fields.contactPhone.trim() };
  const anyContact = contact.name || contact.email || contact.phone;
  let coFinancingOre: number | null | undefined = none;
  if (fields.coFinancing.trim()) {
    coFinancingOre = parseKroner(fields.coFinancing);
    if (coFinancingOre === null) local.push({ field: 'coFinancingOre', message: 'skal være et beløb i kroner, fx 250.000' });
  }
  const lines = fields.budgetLines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.label.trim() || line.amount.trim())
    .map(({ line, index }) => {
      const amountOre = parseKroner(line.amount);
      if (amountOre === null)
        local.push({ field: `budgetLines[${index}].amountOre`, message: line.amount.trim() ? 'skal være et beløb i kroner, fx 250.000' : 'skal udfyldes' });
      return { label: line.label.trim(), amountOre: amountOre ?? 0 };
    });
  const result: Partial<UpdateApplicationBody> = {};
  if (cvr || none === null) result.cvr = cvr || null;
  if (anyContact || none === null) result.contactPerson = anyContact ? contact : null;
  if (coFinancingOre !== undefined) result.coFinancingOre = coFinancingOre;
  if (lines.length > 0 || none === null) result.budgetLines = lines.length > 0 ? lines : null;
  return result;
}

/** The form's own findings and the API's answer as one problem, the form's first for a field both name. */
function withLocal(local: FieldError[], error: unknown): ApiProblem {
  const answer = error ? asProblem(error) : null;
  const named = new Set(local.map((item) => item.field));
  return new ApiProblem({
    status: answer?.status ?? 400,
    type: answer?.type,
    title: answer?.title ?? 'Ugyldige oplysninger',
    detail: answer?.detail ?? 'Ret de markerede felter.',
    errors: [...local, ...(answer?.errors ?? []).filter((item) => !named.has(item.field))],
  });
}

/** The budget as lines of text and amount, with their sum against the amount applied for. */
function BudgetLines({
  lines,
  amount,
  problem,
  onChange,
}: {
  lines: DraftFields['budgetLines'];
  amount: string;
  problem: ApiProblem | null;
  onChange: (lines: DraftFields['budgetLines']) => void;
}) {
  const sum = lines.reduce((total, line) => total + (parseKroner(line.amount) ?? 0), 0);
  const requested = parseKroner(amount);
  const update = (index: number, part: 'label' | 'amount', value: string) =>
    onChange(lines.map((line, at) => (at === index ? { ...line, [part]: value } : line)));
  return (
    <FieldGroup
      name="budgetLines"
      legend="Budgetlinjer"
      hint="Hvad pengene skal bruges til. Ved indsendelsen skal linjerne give det ansøgte beløb."
      error={errorOf(problem, 'budgetLines')}
    >
      <ol className="nobullet-list text-list">
        {lines.map((line, index) => (
          <li key={index} className="text-list-item">
            <TextField
              name={`budgetLines[${index}].label`}
              label={`Budgetlinje ${index + 1}`}
              value={line.label}
              onChange={(value) => update(index, 'label', value)}
              error={errorOf(problem, `budgetLines[${index}].label`)}
            />
            <TextField
              name={`budgetLines[${index}].amountOre`}
              label={`Beløb, linje ${index + 1}`}
              inputMode="decimal"
              width="s"
              suffix="kr."
              value={line.amount}
              onChange={(value) => update(index, 'amount', value)}
              error={errorOf(problem, `budgetLines[${index}].amountOre`)}
            />
            <button type="button" className="function-link text-list-remove" onClick={() => onChange(lines.filter((_, at) => at !== index))}>
              <Icon name="delete" />
              Fjern budgetlinje {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button-secondary" onClick={() => onChange([...lines, { label: '', amount: '' }])}>
        Tilføj budgetlinje
      </button>
      {lines.length > 0 && (
        <p data-testid="budget-sum" aria-live="polite">
          I alt {kronerNumber(sum)} kr.
          {requested !== null && requested !== sum
            ? ` – ${kronerNumber(Math.abs(requested - sum))} kr. ${requested > sum ? 'mindre' : 'mere'} end det ansøgte beløb`
            : ''}
        </p>
      )}
    </FieldGroup>
  );
}

function CoApplicants({
  chosen,
  ownCode,
  municipalities,
  problem,
  onChange,
}: {
  chosen: string[];
  ownCode: string | null;
  municipalities: Municipality[];
  problem: ApiProblem | null;
  onChange: (codes: string[]) => void;
}) {
  const [pick, setPick] = useState('');
  const nameOf = (code: string) => municipalities.find((municipality) => municipality.code === code)?.name ?? code;
  const available = municipalities.filter((municipality) => municipality.code !== ownCode && !chosen.includes(municipality.code));
  return (
    <FieldGroup
      name="coApplicantCodes"
      legend="Medansøgende kommuner (valgfrit)"
      hint="Søger I sammen med andre kommuner, så vælg dem her én ad gangen."
      error={errorOf(problem, 'coApplicantCodes')}
    >
      {chosen.length > 0 && (
        <ul className="nobullet-list" aria-label="Valgte medansøgere">
          {chosen.map((code, index) => (
            <li key={code} className="co-applicant">
              <span>{nameOf(code)}</span>{' '}
              {errorOf(problem, `coApplicantCodes[${index}]`) && <span className="form-error-message">{errorOf(problem, `coApplicantCodes[${index}]`)}</span>}
              <button type="button" className="function-link" onClick={() => onChange(chosen.filter((other) => other !== code))}>
                Fjern {nameOf(code)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="co-applicant-picker">
        <SelectField
          name="coApplicantPick"
          label="Kommune"
          value={pick}
          onChange={setPick}
          placeholder="Vælg kommune"
          options={available.map((municipality) => ({ value: municipality.code, label: municipality.name }))}
        />
        <button
          type="button"
          className="button button-secondary"
          disabled={!pick}
          onClick={() => {
            onChange([...chosen, pick]);
            setPick('');
          }}
        >
          Tilføj medansøger
        </button>
      </div>
    </FieldGroup>
  );
}

function ApplicationForm({ application, onReload }: { application: Application | null; onReload: () => Promise<void> }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const programmes = useProgrammes();
  const municipalities = useMunicipalities();
  const [fields, setFields] = useState<DraftFields>(application ? fieldsOf(application) : EMPTY);
  const [localProblem, setLocalProblem] = useState<ApiProblem | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>((location.state as { savedAt?: Date } | null)?.savedAt ?? null);
  const create = useCreateApplication();
  const update = useUpdateApplication(application?.id ?? '');
  const saving = create.isPending || update.isPending;
  const mutationError = application ? update.error : create.error;
  const problem = localProblem ?? (mutationError ? asProblem(mutationError) : null);
  const stale = isProblem(problem, 'stale-version');

  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => setFields((old) => ({ ...old, [key]: value }));

  const choosable = (programmes.data ?? []).filter((programme) => isOpen(programme) || programme.id === application?.programmeId);
  const programme = choosable.find((candidate) => candidate.id === fields.programmeId);

  const save = async (then: 'stay' | 'summary') => {
    setSavedAt(null);
    setLocalProblem(null);
    const { body, local } = bodyOf(fields, Boolean(application));
    try {
      if (application) {
        // A change is not sent with a field the form could not read: it would be kept as it was, silently.
        if (local.length > 0) return setLocalProblem(withLocal(local, null));
        const { programmeId: _programme, ...changes } = body;
        await update.mutateAsync({ ...changes, version: application.version });
        if (then === 'summary') await navigate(`/ansoegninger/${application.id}/opsummering`);
        else setSavedAt(new Date());
      } else {
        // Incomplete, it is refused anyway; sent, the answer names every field that is missing.
        const created = await create.mutateAsync(body as CreateApplicationBody).catch((error: unknown) => {
          if (local.length > 0) setLocalProblem(withLocal(local, error));
          throw error;
        });
        if (local.length > 0) return;
        await navigate(then === 'summary' ? `/ansoegninger/${created.id}/opsummering` : `/ansoegninger/${created.id}/rediger`, {
          replace: then === 'stay',
          state: { savedAt: new Date() },
        });
      }
    } catch {
      // Shown from the mutation's error (or the form's own, set above).
    }
  };

  if (programmes.isPending || municipalities.isPending) return <Loading />;
  if (programmes.error || municipalities.error) return <ProblemAlert error={programmes.error ?? municipalities.error} />;
  if (!application && choosable.length === 0) {
    return (
      <Alert tone="info" heading="Ingen åbne puljer">
        <p>Der er ingen puljer, der er åbne for ansøgninger lige nu.</p>
      </Alert>
    );
  }

  return (
    <>
      {savedAt && (
        <Alert tone="success" role="status" testId="gemt">
          <p>Kladden er gemt {formatDateTime(savedAt)}.</p>
        </Alert>
      )}
      {stale ? (
        <div className="alert alert-warning" role="alert" data-testid="aendret-af-en-anden">
          <Icon name="warning" label="Advarsel" className="alert-icon" />
          <div className="alert-body">
            <h2 className="alert-heading">Ændret af en anden</h2>
            <p className="alert-text">{MESSAGES.staleVersion}</p>
            <button type="button" className="button button-secondary mt-4" onClick={() => void onReload()}>
              Hent nyeste udgave
            </button>
          </div>
        </div>
      ) : (
        <FormProblem error={problem} labels={applicationFieldLabel} />
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save('summary');
        }}
      >
        {application ? (
          <p>
            <strong>Pulje:</strong> {programme ? `${programme.name} (${programme.code})` : application.programmeId}
          </p>
        ) : (
          <SelectField
            name="programmeId"
            label="Pulje"
            hint="Puljer, der er åbne for ansøgninger nu."
            value={fields.programmeId}
            onChange={(value) => setFields((old) => ({ ...old, programmeId: value, themes: [] }))}
            placeholder="Vælg pulje"
            options={choosable.map((option) => ({
              value: option.id,
              label: `${option.name} (${option.code}), frist ${formatDateTime(option.applicationClosesAt)}`,
            }))}
            error={errorOf(problem, 'programmeId')}
          />
        )}
        <TextField
          name="title"
          label="Projektets titel"
          width="xl"
          value={fields.title}
          onChange={(value) => set('title', value)}
          error={errorOf(problem, 'title')}
        />
        <TextArea
          name="purpose"
          label="Formål"
          hint="Hvad skal projektet opnå, og for hvem?"
          value={fields.purpose}
          onChange={(value) => set('purpose', value)}
          error={errorOf(problem, 'purpose')}
        />
        <FieldGroup
          name="themes"
          legend="Temaer"
          hint={programme ? 'Vælg de temaer i puljen, projektet arbejder med.' : 'Vælg først en pulje; så vises dens temaer her.'}
          error={errorOf(problem, 'themes')}
        >
          {programme?.themes.map((theme) => (
            <Checkbox
              key={theme.key}
              id={`${fieldId('themes')}-${theme.key}`}
              label={theme.name}
              checked={fields.themes.includes(theme.key)}
              onChange={(checked) => set('themes', checked ? [...fields.themes, theme.key] : fields.themes.filter((key) => key !== theme.key))}
            />
          ))}
        </FieldGroup>
        <TextList
          name="activities"
          legend="Aktiviteter"
          hint="Projektets aktiviteter, én pr. felt."
          itemLabel="Aktivitet"
          addLabel="Tilføj aktivitet"
          problem={problem}
          items={fields.activities}
          onChange={(items) => set('activities', items)}
        />
        <TextField
          name="requestedOre"
          label="Ansøgt beløb i kroner"
          hint="Skriv beløbet i hele kroner eller med øre, fx 1.234.567,50."
          inputMode="decimal"
          width="m"
          suffix="kr."
          value={fields.amount}
          onChange={(value) => set('amount', value)}
          error={errorOf(problem, 'requestedOre')}
        />
        <TextField
          name="plannedStart"
          label="Projektstart"
          type="date"
          width="s"
          value={fields.plannedStart}
          onChange={(value) => set('plannedStart', value)}
          error={errorOf(problem, 'plannedStart')}
        />
        <TextField
          name="plannedEnd"
          label="Projektslut"
          type="date"
          width="s"
          value={fields.plannedEnd}
          onChange={(value) => set('plannedEnd', value)}
          error={errorOf(problem, 'plannedEnd')}
        />
        <CoApplicants
          chosen={fields.coApplicantCodes}
          ownCode={user?.municipalityCode ?? null}
          municipalities={municipalities.data.items}
          problem={problem}
          onChange={(codes) => set('coApplicantCodes', codes)}
        />
        <h2>Ansøger</h2>
        <TextField
          name="cvr"
          label="Kommunens CVR-nummer (valgfrit)"
          hint="8 cifre."
          inputMode="numeric"
          width="s"
          value={fields.cvr}
          onChange={(value) => set('cvr', value)}
          error={errorOf(problem, 'cvr')}
        />
        <FieldGroup name="contactPerson" legend="Kontaktperson for ansøgningen (valgfrit)" error={errorOf(problem, 'contactPerson')}>
          <TextField
            name="contactPerson.name"
            label="Navn"
            width="l"
            value={fields.contactName}
            onChange={(value) => set('contactName', value)}
            error={errorOf(problem, 'contactPerson.name')}
          />
          <TextField
            name="contactPerson.email"
            label="E-mail"
            type="email"
            width="l"
            value={fields.contactEmail}
            onChange={(value) => set('contactEmail', value)}
            error={errorOf(problem, 'contactPerson.email')}
          />
          <TextField
            name="contactPerson.phone"
            label="Telefon"
            hint="8 cifre, evt. med +45."
            inputMode="numeric"
            width="m"
            value={fields.contactPhone}
            onChange={(value) => set('contactPhone', value)}
            error={errorOf(problem, 'contactPerson.phone')}
          />
        </FieldGroup>
        <h2>Budget</h2>
        <BudgetLines lines={fields.budgetLines} amount={fields.amount} problem={problem} onChange={(lines) => set('budgetLines', lines)} />
        <TextField
          name="coFinancingOre"
          label="Medfinansiering i kroner (valgfrit)"
          hint="Kommunens egen finansiering ud over tilskuddet."
          inputMode="decimal"
          width="m"
          suffix="kr."
          value={fields.coFinancing}
          onChange={(value) => set('coFinancing', value)}
          error={errorOf(problem, 'coFinancingOre')}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={saving}>
            Gem og gå til opsummering
          </button>
          <button type="button" className="button button-secondary" disabled={saving} onClick={() => void save('stay')}>
            {saving ? 'Gemmer …' : 'Gem kladde'}
          </button>
        </div>
      </form>
    </>
  );
}

/** `/ansoegninger/ny` and `/ansoegninger/:id/rediger`: a draft, created or changed, saved with its version. */
export function ApplicationFormPage() {
  const { id } = useParams();
  const application = useApplication(id);
  // A new key after "Hent nyeste udgave" starts the form again from the version just read.
  const [generation, setGeneration] = useState(0);
  const reload = async () => {
    await application.refetch();
    setGeneration((count) => count + 1);
  };

  if (!id) {
    return (
      <Page title="Ny ansøgning">
        <p className="font-lead">Udfyld ansøgningen, og gem den som kladde. Du ser en opsummering, før du indsender.</p>
        <ApplicationForm application={null} onReload={reload} />
      </Page>
    );
  }
  if (application.isPending) {
    return (
      <Page title="Ret ansøgning">
        <Loading />
      </Page>
    );
  }
  if (application.error) {
    const notFound = isProblem(application.error) && application.error.status === 404;
    return (
      <Page title={notFound ? MESSAGES.notFoundCase : 'Ret ansøgning'}>
        {notFound ? <p>{MESSAGES.notFoundCaseText}</p> : <ProblemAlert error={application.error} />}
        <p>
          <Link to="/">Tilbage til Mine sager</Link>
        </p>
      </Page>
    );
  }
  if (application.data.status !== 'draft') {
    return (
      <Page title="Ret ansøgning">
        <Alert tone="info" heading="Ansøgningen er indsendt">
          <p>En indsendt ansøgning kan ikke ændres.</p>
        </Alert>
        <p>
          <Link to={`/sager/${application.data.id}`}>Gå til sagen</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Ret ansøgning" heading={`Ret ansøgning: ${application.data.title}`}>
      <p className="font-lead">Ansøgningen er en kladde. Gem dine ændringer, og gå til opsummeringen, når du er klar til at indsende.</p>
      <ApplicationForm key={generation} application={application.data} onReload={reload} />
    </Page>
  );
}
