import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { countOf, formatDate, formatDateTime, formatKroner } from '../../format';
import { reportName, STATUS_LABELS } from '../../text/da';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SelectField, TextField } from '../../ui/Form';
import { StatusTag } from '../../ui/StatusTag';
import { type Column, Table } from '../../ui/Table';
import { useMunicipalities, useProgrammes } from '../reference/useReference';
import { type Counts, QUEUES, type QueueKey, queueOf, useWorklistCounts } from './queues';
import { type Application, type ExtensionRequest, type Report, useApplicationList, useExtensionList, useReportList } from './useWorklist';
import { ACCESS_KINDS, type AccessRequest, useAccessRequestList } from '../access-requests/useAccessRequests';
import { Deadline } from '../access-requests/AccessRequestsSection';
import { triggerText } from '../payments/text';
import { type Instalment, useInstalmentList } from '../payments/usePayments';
import { type FinalAccount, type Repayment, type RepaymentQuery, useFinalAccountList, useRepaymentList } from '../payments/useFinalAccounts';
import { RepaymentActions, repaymentStatus } from '../payments/RepaymentActions';

/** The filters of the worklist, kept in the address so a reload, a link or the back button keeps them. */
interface Filters {
  programmeId: string;
  municipalityCode: string;
  /** `me`, `none`, or empty for anyone. */
  assignee: string;
  status: string;
  theme: string;
  q: string;
  sort: string;
}

const ASSIGNEES = [
  { value: 'me', label: 'Mig' },
  { value: '', label: 'Alle' },
  { value: 'none', label: 'Ingen (ikke tildelt)' },
];

function readFilters(params: URLSearchParams): Filters {
  return {
    programmeId: params.get('pulje') ?? '',
    municipalityCode: params.get('kommune') ?? '',
    assignee: params.get('tildelt') ?? '',
    status: params.get('status') ?? '',
    theme: params.get('tema') ?? '',
    q: params.get('q') ?? '',
    sort: params.get('sortering') ?? '',
  };
}

const PARAM_NAMES: Record<keyof Filters, string> = {
  programmeId: 'pulje',
  municipalityCode: 'kommune',
  assignee: 'tildelt',
  status: 'status',
  theme: 'tema',
  q: 'q',
  sort: 'sortering',
};

/** The values a list's query takes: empty filters left out. */
function given<T extends Record<string, string | undefined>>(query: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value)) as { [K in keyof T]?: NonNullable<T[K]> };
}

function CaseLink({ id, caseNumber, to }: { id: string; caseNumber: string | null; to?: string }) {
  return <Link to={to ?? `/sager/${id}`}>{caseNumber ?? 'Kladde'}</Link>;
}

function assigneeCell(row: { assigneeName: string | null }) {
  return row.assigneeName ?? <span className="text-muted">Ikke tildelt</span>;
}

const APPLICATION_COLUMNS: Column<Application>[] = [
  { header: 'Sag', cell: (row) => <CaseLink id={row.id} caseNumber={row.caseNumber} /> },
  { header: 'Projekt', cell: (row) => row.title },
  { header: 'Kommune', cell: (row) => row.municipalityName },
  { header: 'Ansøgt', cell: (row) => formatKroner(row.requestedOre), numeric: true },
  { header: 'Modtaget', cell: (row) => (row.submittedAt ? formatDateTime(row.submittedAt) : '–') },
  { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
  { header: 'Sagsbehandler', cell: assigneeCell },
];

const REPORT_COLUMNS: Column<Report>[] = [
  { header: 'Sag', cell: (row) => <CaseLink id={row.caseId} caseNumber={row.caseNumber} to={`/sager/${row.caseId}/rapporter/${row.id}`} /> },
  { header: 'Projekt', cell: (row) => row.projectTitle },
  { header: 'Kommune', cell: (row) => row.municipalityName },
  { header: 'Rapport', cell: reportName },
  { header: 'Frist', cell: (row) => `${formatDate(row.dueDate)}${row.overdue ? ' (overskredet)' : ''}` },
  { header: 'Indsendt', cell: (row) => (row.submittedAt ? formatDateTime(row.submittedAt) : '–') },
  { header: 'Sagsbehandler', cell: assigneeCell },
];

const EXTENSION_COLUMNS: Column<ExtensionRequest>[] = [
  { header: 'Sag', cell: (row) => <CaseLink id={row.caseId} caseNumber={row.caseNumber} to={`/sager/${row.caseId}/forlaengelse`} /> },
  { header: 'Projekt', cell: (row) => row.projectTitle },
  { header: 'Kommune', cell: (row) => row.municipalityName },
  { header: 'Ønsket forlængelse', cell: (row) => `${row.months} ${row.months === 1 ? 'måned' : 'måneder'}`, numeric: true },
  { header: 'Modtaget', cell: (row) => formatDateTime(row.requestedAt) },
  { header: 'Sagsbehandler', cell: assigneeCell },
];

const ACCESS_REQUEST_COLUMNS: Column<AccessRequest>[] = [
  { header: 'Sag', cell: (row) => <CaseLink id={row.applicationId} caseNumber={row.caseNumber} to={`/sager/${row.applicationId}#aktindsigt`} /> },
  { header: 'Projekt', cell: (row) => row.projectTitle },
  { header: 'Anmoder', cell: (row) => row.requester },
  { header: 'Art', cell: (row) => ACCESS_KINDS[row.kind].label },
  { header: 'Modtaget', cell: (row) => formatDate(row.receivedOn) },
  { header: 'Frist', cell: (row) => <Deadline request={row} /> },
  { header: 'Status', cell: (row) => (row.status === 'open' ? 'Åben' : 'Besvaret') },
];

const INSTALMENT_COLUMNS: Column<Instalment>[] = [
  { header: 'Sag', cell: (row) => <CaseLink id={row.caseId} caseNumber={row.caseNumber} to={`/sager/${row.caseId}#udbetalinger`} /> },
  { header: 'Projekt', cell: (row) => row.projectTitle },
  { header: 'Kommune', cell: (row) => row.municipalityName },
  { header: 'Rate', cell: (row) => `${row.sequence}: ${triggerText(row)}` },
  { header: 'Beløb', cell: (row) => formatKroner(row.amountOre), numeric: true },
  { header: 'Klar siden', cell: (row) => (row.readyAt ? formatDateTime(row.readyAt) : '–') },
  { header: 'Kan du godkende?', cell: (row) => (row.mayApprove ? 'Ja' : (row.mayNotApproveReason ?? 'Nej')) },
];

function finalAccountColumns(kommune: (code: string) => string): Column<FinalAccount>[] {
  return [
    { header: 'Sag', cell: (row) => <CaseLink id={row.applicationId} caseNumber={row.caseNumber} to={`/sager/${row.applicationId}#slutregnskab`} /> },
    { header: 'Kommune', cell: (row) => kommune(row.municipalityCode) },
    { header: 'Indsendelse', cell: (row) => `Nr. ${row.filingNo}` },
    { header: 'Forbrug', cell: (row) => formatKroner(row.spentOre), numeric: true },
    { header: 'Revisorerklæring', cell: (row) => (row.auditorStatementDocumentId ? 'Vedlagt' : 'Ingen') },
    { header: 'Indsendt', cell: (row) => formatDateTime(row.filedAt) },
  ];
}

function repaymentColumns(kommune: (code: string) => string): Column<Repayment>[] {
  return [
    { header: 'Sag', cell: (row) => <CaseLink id={row.applicationId} caseNumber={row.caseNumber} to={`/sager/${row.applicationId}#slutregnskab`} /> },
    { header: 'Kommune', cell: (row) => kommune(row.municipalityCode) },
    { header: 'Beløb', cell: (row) => formatKroner(row.amountOre), numeric: true },
    {
      header: 'Frist',
      cell: (row) => (
        <>
          {formatDate(row.dueDate)}
          {row.overdue && <strong className="overdue"> (forfalden)</strong>}
        </>
      ),
    },
    { header: 'Status', cell: (row) => repaymentStatus(row) },
    {
      header: 'Handling',
      cell: (row) => <RepaymentActions claim={row} onDone={() => requestAnimationFrame(() => document.getElementById('koe-overskrift')?.focus())} />,
    },
  ];
}

/** The queues as links, each with its count: the one shown is marked as the current page. */
function QueueNav({ current, counts, search }: { current: QueueKey; counts: Counts | undefined; search: URLSearchParams }) {
  return (
    <nav aria-label="Køer" className="queues">
      <ul className="nobullet-list">
        {QUEUES.map((queue) => {
          const params = new URLSearchParams(search);
          params.set('koe', queue.key);
          // A queue's own status and order do not carry over to another queue.
          params.delete('status');
          params.delete('sortering');
          const count = queue.count ? counts?.[queue.count] : undefined;
          const overdue = queue.overdueCount ? counts?.[queue.overdueCount] : undefined;
          return (
            <li key={queue.key}>
              <Link
                to={`?${params.toString()}`}
                className={`queue${queue.key === current ? ' queue-current' : ''}`}
                aria-current={queue.key === current ? 'page' : undefined}
              >
                {queue.count && (
                  <span className="queue-count" data-testid={`antal-${queue.key}`}>
                    {count === undefined ? '…' : count}
                  </span>
                )}
                <span className="queue-label">{queue.label}</span>
                {overdue ? (
                  <span className="queue-overdue overdue" data-testid={`overskredne-${queue.key}`}>
                    heraf {overdue} {queue.overdueWord ?? 'over fristen'}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function MoreButton({
  query,
  shown,
  noun,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  shown: number;
  /** One, many, and for a neuter noun (et krav) `det`: `Viser det eneste krav`. */
  noun: [string, string] | [string, string, 'det'];
}) {
  return (
    <div className="button-row">
      <p className="mt-0 mb-0" role="status">
        {query.hasNextPage
          ? `Viser de første ${countOf(shown, noun[0], noun[1])}`
          : shown === 1
            ? `Viser ${noun[2] ?? 'den'} eneste ${noun[0]}`
            : `Viser alle ${countOf(shown, noun[0], noun[1])}`}
      </p>
      {query.hasNextPage && (
        <button type="button" className="button button-secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? 'Henter flere …' : 'Vis flere'}
        </button>
      )}
    </div>
  );
}

/** What a listing needs of a queue's paged query, whichever list it reads. */
interface ListQuery {
  isPending: boolean;
  error: unknown;
  data: { pages: Array<{ items: unknown[] }> } | undefined;
  isPlaceholderData: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

function Listing<T>({
  query,
  columns,
  rowKey,
  caption,
  empty,
  noun,
}: {
  query: ListQuery;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  caption: string;
  empty: string;
  /** One, many, and for a neuter noun (et krav) `det`: `Viser det eneste krav`. */
  noun: [string, string] | [string, string, 'det'];
}) {
  if (query.isPending) return <Loading text="Henter listen …" />;
  if (query.error) return <ProblemAlert error={query.error} heading="Listen kunne ikke hentes" />;
  const rows = (query.data?.pages ?? []).flatMap((page) => page.items as T[]);
  // New filters: the last rows stay while the new ones are read, marked as being updated.
  const updating = query.isPlaceholderData;
  if (rows.length === 0 && !updating) return <p data-testid="tom-liste">{empty}</p>;
  return (
    <div aria-busy={updating} className={updating ? 'updating' : undefined}>
      {updating && <p className="text-muted mt-0">Opdaterer listen …</p>}
      <Table caption={caption} columns={columns} rows={rows} rowKey={rowKey} testId="arbejdsliste" />
      <MoreButton query={query} shown={rows.length} noun={noun} />
    </div>
  );
}

function ApplicationsListing({ filters, queue }: { filters: Filters; queue: QueueKey }) {
  const spec = queueOf(queue);
  const query = useApplicationList({
    ...given({
      programmeId: filters.programmeId,
      municipalityCode: filters.municipalityCode,
      assigneeId: filters.assignee,
      theme: filters.theme,
      q: filters.q,
      decidableBy: spec.applicationQuery?.decidableBy,
    }),
    status: filters.status ? [filters.status as Application['status']] : spec.applicationQuery?.status,
    sort: (filters.sort || spec.defaultSort) as never,
  });
  return (
    <Listing
      query={query}
      columns={APPLICATION_COLUMNS}
      rowKey={(row: Application) => row.id}
      caption={spec.label}
      empty={spec.empty}
      noun={['sag', 'sager']}
    />
  );
}

function ReportsListing({ filters, queue }: { filters: Filters; queue: QueueKey }) {
  const spec = queueOf(queue);
  const query = useReportList(
    given({
      programmeId: filters.programmeId,
      municipalityCode: filters.municipalityCode,
      assigneeId: filters.assignee,
      status: spec.reportStatus,
      sort: (filters.sort || spec.defaultSort) as never,
    }),
  );
  return (
    <Listing query={query} columns={REPORT_COLUMNS} rowKey={(row: Report) => row.id} caption={spec.label} empty={spec.empty} noun={['rapport', 'rapporter']} />
  );
}

function ExtensionsListing({ filters }: { filters: Filters }) {
  const spec = queueOf('forlaengelser');
  const query = useExtensionList(
    given({
      programmeId: filters.programmeId,
      municipalityCode: filters.municipalityCode,
      assigneeId: filters.assignee,
      status: 'submitted' as const,
      sort: (filters.sort || spec.defaultSort) as never,
    }),
  );
  return (
    <Listing
      query={query}
      columns={EXTENSION_COLUMNS}
      rowKey={(row: ExtensionRequest) => row.id}
      caption={spec.label}
      empty={spec.empty}
      noun={['anmodning', 'anmodninger']}
    />
  );
}

function AccessRequestsListing({ filters }: { filters: Filters }) {
  const spec = queueOf('aktindsigt');
  const query = useAccessRequestList({
    ...given({ programmeId: filters.programmeId, municipalityCode: filters.municipalityCode, assigneeId: filters.assignee }),
    status: (filters.status || 'open') as 'open' | 'overdue' | 'completed',
  });
  return (
    <Listing
      query={query}
      columns={ACCESS_REQUEST_COLUMNS}
      rowKey={(row: AccessRequest) => row.id}
      caption={spec.label}
      empty={
        filters.status === 'completed'
          ? 'Ingen anmodninger er besvaret endnu.'
          : filters.status === 'overdue'
            ? 'Ingen anmodninger har overskredet fristen.'
            : spec.empty
      }
      noun={['anmodning', 'anmodninger']}
    />
  );
}

function InstalmentsListing({ filters }: { filters: Filters }) {
  const spec = queueOf('udbetalinger');
  const query = useInstalmentList({
    ...given({ programmeId: filters.programmeId, municipalityCode: filters.municipalityCode, assigneeId: filters.assignee }),
    status: 'ready',
  });
  return (
    <Listing query={query} columns={INSTALMENT_COLUMNS} rowKey={(row: Instalment) => row.id} caption={spec.label} empty={spec.empty} noun={['rate', 'rater']} />
  );
}

function useKommuneName() {
  const municipalities = useMunicipalities();
  return (code: string) => municipalities.data?.byCode.get(code) ?? code;
}

function FinalAccountsListing({ filters }: { filters: Filters }) {
  const spec = queueOf('slutregnskaber');
  const kommune = useKommuneName();
  const query = useFinalAccountList({
    ...given({ programmeId: filters.programmeId, municipalityCode: filters.municipalityCode, assigneeId: filters.assignee }),
    status: 'submitted',
  });
  return (
    <Listing
      query={query}
      columns={finalAccountColumns(kommune)}
      rowKey={(row: FinalAccount) => row.id}
      caption={spec.label}
      empty={spec.empty}
      noun={['slutregnskab', 'slutregnskaber', 'det']}
    />
  );
}

function RepaymentsListing({ filters }: { filters: Filters }) {
  const spec = queueOf('tilbagebetalinger');
  const kommune = useKommuneName();
  const status = (filters.status || 'open') as NonNullable<RepaymentQuery['status']>;
  const query = useRepaymentList({
    ...given({ programmeId: filters.programmeId, municipalityCode: filters.municipalityCode, assigneeId: filters.assignee }),
    status,
  });
  const empty = {
    open: spec.empty,
    overdue: 'Ingen krav om tilbagebetaling er forfaldne.',
    settled: 'Ingen krav er indbetalt endnu.',
    waived: 'Ingen krav er eftergivet.',
  }[status];
  return (
    <Listing
      query={query}
      columns={repaymentColumns(kommune)}
      rowKey={(row: Repayment) => row.id}
      caption={spec.label}
      empty={empty}
      noun={['krav', 'krav', 'det']}
    />
  );
}

/** The filters as a form: applied when sent (a search is typed, then sent), and kept in the address. */
function FilterForm({ filters, queue, onApply }: { filters: Filters; queue: QueueKey; onApply: (filters: Filters) => void }) {
  const spec = queueOf(queue);
  const programmes = useProgrammes();
  const municipalities = useMunicipalities();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof Filters) => (value: string) => setDraft((old) => ({ ...old, [key]: value, ...(key === 'programmeId' ? { theme: '' } : {}) }));
  const programme = programmes.data?.find((item) => item.id === draft.programmeId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="worklist-filters" onSubmit={submit} role="search" aria-label="Filtrér listen">
      <div className="filter-fields">
        <SelectField
          name="pulje"
          label="Pulje"
          value={draft.programmeId}
          onChange={set('programmeId')}
          placeholder="Alle puljer"
          options={(programmes.data ?? []).map((item) => ({ value: item.id, label: `${item.name} (${item.code})` }))}
        />
        {
          <SelectField
            name="kommune"
            label="Kommune"
            value={draft.municipalityCode}
            onChange={set('municipalityCode')}
            placeholder="Alle kommuner"
            options={(municipalities.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
          />
        }
        <SelectField name="tildelt" label="Sagsbehandler" value={draft.assignee} onChange={set('assignee')} options={ASSIGNEES} />
        {spec.statuses && (
          <SelectField
            name="status"
            label="Status"
            value={draft.status}
            onChange={set('status')}
            placeholder={spec.statusPlaceholder}
            options={spec.statuses.map((status) => ({ value: status, label: spec.statusLabels?.[status] ?? STATUS_LABELS[status] ?? status }))}
          />
        )}
        {spec.kind === 'applications' && programme && programme.themes.length > 0 && (
          <SelectField
            name="tema"
            label="Tema"
            value={draft.theme}
            onChange={set('theme')}
            placeholder="Alle temaer"
            options={programme.themes.map((theme) => ({ value: theme.key, label: theme.name }))}
          />
        )}
        {spec.sorts.length > 1 && (
          <SelectField name="sortering" label="Sortering" value={draft.sort || spec.defaultSort} onChange={set('sort')} options={spec.sorts} />
        )}
      </div>
      {spec.kind === 'applications' && (
        <TextField
          name="q"
          label="Søg"
          hint="Sagsnummer, titel eller formål, fx ÆLD-2020-0007 eller demenscafé."
          value={draft.q}
          onChange={set('q')}
          width="xl"
          type="text"
        />
      )}
      <div className="button-row mt-4">
        <button type="submit" className="button button-primary">
          Vis
        </button>
        <button
          type="button"
          className="button button-tertiary"
          onClick={() => {
            const cleared = readFilters(new URLSearchParams());
            setDraft(cleared);
            onApply(cleared);
          }}
        >
          Nulstil filtre
        </button>
      </div>
    </form>
  );
}

/**
 * `/` for a caseworker: the Arbejdsliste. The queues with their counts (applications to assess, to
 * decide, reports to review, extension requests, overdue reports), one queue's list below, a page at
 * a time, filtered and sorted on the server.
 */
export function WorklistPage() {
  const [search, setSearch] = useSearchParams();
  const queue = queueOf(search.get('koe')).key;
  const filters = readFilters(search);
  const counts = useWorklistCounts(given({ programmeId: filters.programmeId, municipalityCode: filters.municipalityCode, assigneeId: filters.assignee }));
  const spec = queueOf(queue);

  const apply = (next: Filters) => {
    const params = new URLSearchParams();
    params.set('koe', queue);
    for (const key of Object.keys(PARAM_NAMES) as Array<keyof Filters>) if (next[key]) params.set(PARAM_NAMES[key], next[key]);
    setSearch(params);
  };

  return (
    <Page title="Arbejdsliste">
      {counts.error && <ProblemAlert error={counts.error} heading="Antallene kunne ikke hentes" />}
      <QueueNav current={queue} counts={counts.data} search={search} />
      <h2 id="koe-overskrift" tabIndex={-1}>
        {spec.label}
      </h2>
      <p className="mt-0">{spec.description}</p>
      {/* A new queue or new filters: a fresh form with the address's values. */}
      <FilterForm key={`${queue}:${search.toString()}`} filters={filters} queue={queue} onApply={apply} />
      {/* One listing per queue: another queue's rows never show under this one's heading. */}
      {spec.kind === 'applications' && <ApplicationsListing key={queue} filters={filters} queue={queue} />}
      {spec.kind === 'reports' && <ReportsListing key={queue} filters={filters} queue={queue} />}
      {spec.kind === 'extensions' && <ExtensionsListing key={queue} filters={filters} />}
      {spec.kind === 'instalments' && <InstalmentsListing key={queue} filters={filters} />}
      {spec.kind === 'final-accounts' && <FinalAccountsListing key={queue} filters={filters} />}
      {spec.kind === 'repayments' && <RepaymentsListing key={queue} filters={filters} />}
      {spec.kind === 'access-requests' && <AccessRequestsListing key={queue} filters={filters} />}
    </Page>
  );
}
