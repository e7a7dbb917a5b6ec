import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiProblem, asProblem, data } from '../../api/problem';
import { formatDate, formatDateTime, formatKroner } from '../../format';
import { AUDIT_ACTIONS, auditActionLabel, ENTITY_TYPES, OUTCOMES, ROLES, statusLabel } from '../../text/da';
import { Alert } from '../../ui/Alert';
import { errorOf, FormProblem, SelectField, TextField } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { type AuditEvent, type AuditQuery, useUsers, useVerifyChain } from './useAdmin';

/** The search as typed: a case number, a person, an action, and a period of whole days. */
interface Search {
  caseNumber: string;
  actorId: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Search = { caseNumber: '', actorId: '', action: '', from: '', to: '' };

function searchFieldLabel(field: string): string {
  const labels: Record<string, string> = { caseId: 'Sag', caseNumber: 'Sag', actorId: 'Person', action: 'Handling', from: 'Fra og med', to: 'Til og med' };
  return labels[field] ?? field;
}

/** The day after a `YYYY-MM-DD`: the API's `to` is exclusive, the form's "til og med" is not. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The application a case number names, found through the case search; a field error when none or several. */
async function caseOf(caseNumber: string): Promise<string> {
  const wanted = caseNumber.trim().toUpperCase();
  const found = await data(api.GET('/api/v1/applications', { params: { query: { q: wanted, limit: 10 } } }));
  const exact = found.items.find((application) => application.caseNumber?.toUpperCase() === wanted);
  const only = found.items.length === 1 ? found.items[0] : undefined;
  const match = exact ?? only;
  if (match) return match.id;
  const message =
    found.items.length === 0
      ? 'ingen sag har det sagsnummer'
      : `passer på flere sager (${found.items
          .map((application) => application.caseNumber)
          .filter(Boolean)
          .join(', ')}); skriv hele sagsnummeret`;
  throw new ApiProblem({ status: 400, title: 'Ugyldig søgning', detail: 'Ret søgningen.', errors: [{ field: 'caseNumber', message }] });
}

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  title: 'Titel',
  name: 'Navn',
  email: 'E-mail',
  role: 'Rolle',
  active: 'Aktiv',
  amountOre: 'Beløb',
  requestedOre: 'Ansøgt beløb',
  deltaOre: 'Regulering',
  adjustmentsOre: 'Reguleringer i alt',
  remainingOre: 'Tilbage',
  budgetOre: 'Budget',
  reason: 'Begrundelse',
  rationale: 'Begrundelse',
  outcome: 'Udfald',
  municipalityCode: 'Kommune',
  caseNumber: 'Sagsnummer',
  assigneeId: 'Sagsbehandler',
  endDate: 'Slutdato',
  startDate: 'Startdato',
  dueDate: 'Frist',
  months: 'Måneder',
  lockedUntil: 'Låst til',
  failedLoginCount: 'Fejlede login',
  awaitingApproval: 'Venter på godkendelse',
  applicationOpensAt: 'Ansøgningsvinduet åbner',
  applicationClosesAt: 'Ansøgningsfrist',
  purpose: 'Formål',
  activities: 'Aktiviteter',
  themes: 'Temaer',
  plannedStart: 'Projektstart',
  plannedEnd: 'Projektslut',
  coApplicantCodes: 'Medansøgende kommuner',
  summary: 'Sammenfatning',
  ratings: 'Vurderinger',
  rating: 'Karakter',
  criterionKey: 'Kriterium',
  recommendation: 'Indstilling',
  recommendedOre: 'Indstillet beløb',
  assessorId: 'Vurderet af',
  completedAt: 'Afsluttet',
  submittedAt: 'Indsendt',
  receipt: 'Kvittering',
  receiptSentTo: 'Kvittering sendt til',
  award: 'Bevilling',
  letter: 'Brev',
  decision: 'Afgørelse',
  decidedAt: 'Afgjort',
  fullGrant: 'Fuld bevilling',
  notified: 'Underrettet',
  text: 'Tekst',
  receivedAt: 'Modtaget',
  receivedAtCopenhagen: 'Modtaget (dansk tid)',
  url: 'Adresse',
  id: 'Id',
  description: 'Beskrivelse',
  legalBasis: 'Hjemmel',
  appealGuidance: 'Klagevejledning',
  awardConditions: 'Særlige vilkår',
  code: 'Kode',
  minApplicationOre: 'Mindste ansøgte beløb',
  decisionMode: 'Afgørelser',
  criteria: 'Vurderingskriterier',
  sendAt: 'Sendes',
  requestedBy: 'Anmodet af',
};

const fieldLabel = (key: string) => FIELD_LABELS[key] ?? key;

/** One value of an event's before or after, as a person reads it. */
function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (/Ore$/.test(key) && (typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value)))) return formatKroner(Number(value));
  if (key === 'status' && typeof value === 'string') return statusLabel(value);
  if (key === 'role' && typeof value === 'string') return ROLES[value] ?? value;
  if ((key === 'outcome' || key === 'recommendation') && typeof value === 'string') return OUTCOMES[value] ?? value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.length === 0 ? '–' : value.join(', ');
  return JSON.stringify(value);
}

/** A value that is a record (an award, a decision) as its fields, one a line, each in words; a list of records likewise. */
function ValueView({ name, value }: { name: string; value: unknown }) {
  const records = Array.isArray(value) ? value : [value];
  const isRecord = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item);
  if (value === null || value === undefined || records.length === 0 || !records.every(isRecord)) return <>{valueText(name, value)}</>;
  return (
    <ul className="nobullet-list">
      {records.map((record, index) => (
        <li key={index} className={records.length > 1 ? 'mb-2' : undefined}>
          {Object.entries(record).map(([key, inner]) => (
            <span key={key} className="d-block">
              {fieldLabel(key)}: {valueText(key, inner)}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

function Changes({ event }: { event: AuditEvent }) {
  const before = (event.before ?? {}) as Record<string, unknown>;
  const after = (event.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) return null;
  const hasBefore = event.before != null;
  return (
    <table className="table table--compact table--responsive-headers audit-changes">
      <caption className="sr-only">Før og efter</caption>
      <thead>
        <tr>
          <th scope="col">Felt</th>
          {hasBefore && <th scope="col">Før</th>}
          <th scope="col">Efter</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key}>
            <th scope="row" data-title="Felt">
              {fieldLabel(key)}
            </th>
            {hasBefore && (
              <td data-title="Før">
                <ValueView name={key} value={before[key]} />
              </td>
            )}
            <td data-title="Efter">{key in after ? <ValueView name={key} value={after[key]} /> : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An event in words (the API's own sentence): what happened, who did it, when, to what; then what changed. */
function EventItem({ event }: { event: AuditEvent }) {
  const actor = event.actorName ?? (event.actorRole ? ROLES[event.actorRole] : 'Systemet');
  return (
    <li className="audit-event" data-testid="haendelse">
      <h3 className="h5 mt-0 mb-2">{event.summary || auditActionLabel(event.action)}</h3>
      <p className="small-text mt-0 mb-2">
        {formatDateTime(event.occurredAt)} · {actor}
        {event.actorName && event.actorRole ? ` (${(ROLES[event.actorRole] ?? event.actorRole).toLowerCase()})` : ''} · {auditActionLabel(event.action)} ·{' '}
        {ENTITY_TYPES[event.entityType] ?? event.entityType} · hændelse nr. {event.seq} · <code>{event.action}</code>
      </p>
      <Changes event={event} />
    </li>
  );
}

function Verification() {
  const verify = useVerifyChain();
  return (
    <section aria-labelledby="kontrol">
      <h2 id="kontrol">Kontrol af kæden</h2>
      <p>
        Hver hændelse bærer et fingeraftryk af den forrige. Kontrollen regner hele kæden igennem og finder den første hændelse, der er ændret eller mangler.
      </p>
      <button type="button" className="button button-secondary" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? 'Kontrollerer …' : 'Kontrollér kæden'}
      </button>
      <div aria-live="polite" className="mt-4" data-testid="kontrol-resultat">
        {verify.error && <ProblemAlert error={verify.error} />}
        {verify.data &&
          (verify.data.ok ? (
            <Alert tone="success" heading="Kæden er intakt">
              <p>{verify.data.checked.toLocaleString('da-DK')} hændelser er kontrolleret; ingen er ændret eller mangler.</p>
            </Alert>
          ) : (
            <Alert tone="error" heading="Kæden er brudt">
              <p>
                {verify.data.checked.toLocaleString('da-DK')} hændelser er kontrolleret. Den første brudte hændelse er{' '}
                <code>{verify.data.firstBrokenId ?? 'ukendt'}</code>; den eller en hændelse før den er ændret eller slettet.
              </p>
            </Alert>
          ))}
      </div>
    </section>
  );
}

/** `/revisionsspor`: the audit trail searched by case, person, action and period, and the chain checked. */
export function AuditPage() {
  const users = useUsers();
  const [fields, setFields] = useState<Search>(EMPTY);
  const [query, setQuery] = useState<AuditQuery | undefined>();
  const [localProblem, setLocalProblem] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);
  const set = <K extends keyof Search>(key: K, value: Search[K]) => setFields((old) => ({ ...old, [key]: value }));

  const events = useInfiniteQuery({
    queryKey: ['audit-events', query],
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/audit-events', { params: { query: { limit: 50, ...query, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: query !== undefined,
  });
  const problem = localProblem ?? events.error;

  const search = async () => {
    setLocalProblem(null);
    setSearching(true);
    try {
      const caseId = fields.caseNumber.trim() ? await caseOf(fields.caseNumber) : undefined;
      setQuery({
        ...(caseId ? { caseId } : {}),
        ...(fields.actorId ? { actorId: fields.actorId } : {}),
        ...(fields.action ? { action: fields.action } : {}),
        ...(fields.from ? { from: `${fields.from}T00:00` } : {}),
        ...(fields.to ? { to: `${dayAfter(fields.to)}T00:00` } : {}),
      });
    } catch (error) {
      setLocalProblem(asProblem(error));
    } finally {
      setSearching(false);
    }
  };
  const fieldError = (field: string) => errorOf(problem, field) ?? (field === 'caseNumber' ? errorOf(problem, 'caseId') : undefined);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page title="Revisionsspor">
      <p className="font-lead">
        Alt, der er sket i Tilskud, med hvem der gjorde det og hvad der blev ændret. Søg på en sag, en person, en handling eller en periode.
      </p>
      <form
        noValidate
        className="audit-search"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <FormProblem error={problem} labels={searchFieldLabel} />
        <div className="filters">
          <TextField
            name="caseNumber"
            label="Sag"
            hint="Sagsnummer, fx ÆLD-2020-0007"
            width="m"
            value={fields.caseNumber}
            onChange={(value) => set('caseNumber', value)}
            error={fieldError('caseNumber')}
          />
          <SelectField
            name="actorId"
            label="Person"
            placeholder="Alle"
            value={fields.actorId}
            onChange={(value) => set('actorId', value)}
            options={(users.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))}
            error={fieldError('actorId')}
          />
          <SelectField
            name="action"
            label="Handling"
            placeholder="Alle"
            value={fields.action}
            onChange={(value) => set('action', value)}
            options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
            error={fieldError('action')}
          />
          <TextField
            name="from"
            label="Fra og med"
            type="date"
            width="s"
            value={fields.from}
            onChange={(value) => set('from', value)}
            error={fieldError('from')}
          />
          <TextField name="to" label="Til og med" type="date" width="s" value={fields.to} onChange={(value) => set('to', value)} error={fieldError('to')} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={searching}>
            {searching ? 'Søger …' : 'Søg'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setFields(EMPTY);
              setLocalProblem(null);
              setQuery({});
            }}
          >
            Vis alle hændelser
          </button>
        </div>
      </form>

      <section aria-labelledby="haendelser">
        <h2 id="haendelser">Hændelser</h2>
        {query === undefined ? (
          <p>Søg for at se hændelser, eller vis alle, nyeste først.</p>
        ) : events.isPending ? (
          <Loading text="Henter hændelser …" />
        ) : events.error ? null : items.length === 0 ? (
          <p role="status">Ingen hændelser passer på søgningen.</p>
        ) : (
          <>
            <p role="status" data-testid="antal-haendelser">
              {items.length === 1 ? '1 hændelse' : `${items.length} hændelser`}
              {events.hasNextPage ? ' vist; der er flere' : ''}, nyeste først.
            </p>
            <ol className="nobullet-list audit-events">
              {items.map((event) => (
                <EventItem key={event.id} event={event} />
              ))}
            </ol>
            {events.hasNextPage && (
              <button type="button" className="button button-secondary" disabled={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                {events.isFetchingNextPage ? 'Henter …' : 'Vis flere hændelser'}
              </button>
            )}
          </>
        )}
      </section>
      <Verification />
    </Page>
  );
}
