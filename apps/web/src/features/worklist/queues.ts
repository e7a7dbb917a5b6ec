import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { data } from '../../api/problem';
import type { components } from '../../api/schema';

export type Counts = components['schemas']['WorklistCountsResponse'];
export type QueueKey =
  'vurdering' | 'afgoerelse' | 'rapporter' | 'forlaengelser' | 'overskredne' | 'udbetalinger' | 'slutregnskaber' | 'tilbagebetalinger' | 'aktindsigt' | 'alle';

interface Queue {
  key: QueueKey;
  label: string;
  description: string;
  empty: string;
  kind: 'applications' | 'reports' | 'extensions' | 'instalments' | 'final-accounts' | 'repayments' | 'access-requests';
  /** The count in GET /worklist/counts; none for the list of every case. */
  count?: keyof Counts;
  /** How many of them are past their deadline, said under the count. */
  overdueCount?: keyof Counts;
  /** What those are called under the count: `over fristen` unless said. */
  overdueWord?: string;
  applicationQuery?: { status?: Array<'submitted' | 'in_assessment' | 'assessed' | 'awarded' | 'rejected' | 'withdrawn'>; decidableBy?: 'me' };
  reportStatus?: 'submitted' | 'overdue';
  /** The statuses the queue may be narrowed to, and what the status field says when none is chosen. */
  statuses?: string[];
  statusPlaceholder?: string;
  /** The statuses' words where they are not a case's (STATUS_LABELS). */
  statusLabels?: Record<string, string>;
  defaultSort: string;
  sorts: Array<{ value: string; label: string }>;
}

const APPLICATION_SORTS = [
  { value: 'submittedAt', label: 'Modtaget, ældste først' },
  { value: '-submittedAt', label: 'Modtaget, nyeste først' },
  { value: 'caseNumber', label: 'Sagsnummer' },
  { value: 'title', label: 'Titel' },
];
const REPORT_SORTS = [
  { value: 'dueDate', label: 'Frist, tidligste først' },
  { value: '-dueDate', label: 'Frist, seneste først' },
  { value: 'submittedAt', label: 'Indsendt, ældste først' },
  { value: '-submittedAt', label: 'Indsendt, nyeste først' },
];

/** The caseworker's queues, in the order of the day's work. */
export const QUEUES: readonly Queue[] = [
  {
    key: 'vurdering',
    label: 'Til vurdering',
    description: 'Indsendte ansøgninger, der venter på en vurdering, og vurderinger, der er i gang.',
    empty: 'Ingen ansøgninger venter på en vurdering.',
    kind: 'applications',
    count: 'awaitingAssessment',
    applicationQuery: { status: ['submitted', 'in_assessment'] },
    statuses: ['submitted', 'in_assessment'],
    statusPlaceholder: 'Indsendt og under vurdering',
    defaultSort: 'submittedAt',
    sorts: APPLICATION_SORTS,
  },
  {
    key: 'afgoerelse',
    label: 'Til afgørelse',
    description:
      'Afsluttede vurderinger, du kan træffe afgørelse i. Dine egne vurderinger er ikke med: en anden sagsbehandler træffer afgørelsen (firøjneprincippet).',
    empty: 'Ingen vurderinger venter på en afgørelse fra dig.',
    kind: 'applications',
    count: 'awaitingMyDecision',
    applicationQuery: { decidableBy: 'me' },
    defaultSort: 'submittedAt',
    sorts: APPLICATION_SORTS,
  },
  {
    key: 'rapporter',
    label: 'Rapporter til gennemgang',
    description: 'Indsendte rapporter, der skal godkendes eller sendes retur.',
    empty: 'Ingen rapporter venter på gennemgang.',
    kind: 'reports',
    count: 'reportsToReview',
    reportStatus: 'submitted',
    defaultSort: 'submittedAt',
    sorts: REPORT_SORTS,
  },
  {
    key: 'forlaengelser',
    label: 'Forlængelser',
    description: 'Anmodninger om forlængelse (COVID-19), der venter på en afgørelse.',
    empty: 'Ingen anmodninger om forlængelse venter.',
    kind: 'extensions',
    count: 'extensionsToDecide',
    defaultSort: 'requestedAt',
    sorts: [
      { value: 'requestedAt', label: 'Modtaget, ældste først' },
      { value: '-requestedAt', label: 'Modtaget, nyeste først' },
    ],
  },
  {
    key: 'overskredne',
    label: 'Overskredne rapporter',
    description: 'Rapporter, hvis frist er overskredet, uden at de er indsendt.',
    empty: 'Ingen rapporter har overskredet fristen.',
    kind: 'reports',
    count: 'overdueReports',
    reportStatus: 'overdue',
    defaultSort: 'dueDate',
    sorts: REPORT_SORTS.slice(0, 2),
  },
  {
    key: 'udbetalinger',
    label: 'Udbetalinger',
    description:
      'Rater, der er klar til at blive godkendt til udbetaling. Du kan ikke godkende en rate, som din egen afgørelse eller godkendelse har udløst (firøjneprincippet).',
    empty: 'Ingen rater venter på godkendelse.',
    kind: 'instalments',
    count: 'instalmentsReady',
    defaultSort: 'readyAt',
    sorts: [{ value: 'readyAt', label: 'Klar siden, ældste først' }],
  },
  {
    key: 'slutregnskaber',
    label: 'Slutregnskaber til behandling',
    description: 'Indsendte slutregnskaber, der skal godkendes eller sendes retur. Det længst ventende står øverst.',
    empty: 'Ingen slutregnskaber venter på behandling.',
    kind: 'final-accounts',
    count: 'finalAccountsToReview',
    defaultSort: 'filedAt',
    sorts: [{ value: 'filedAt', label: 'Indsendt, ældste først' }],
  },
  {
    key: 'tilbagebetalinger',
    label: 'Tilbagebetalinger',
    description:
      'Krav om tilbagebetaling, der hverken er indbetalt eller eftergivet. Registrér indbetalingen, når pengene er modtaget, eller eftergiv kravet med en begrundelse. Den tidligste frist står øverst.',
    empty: 'Ingen krav om tilbagebetaling er åbne.',
    kind: 'repayments',
    count: 'repaymentsOpen',
    overdueCount: 'repaymentsOverdue',
    overdueWord: 'forfaldne',
    statuses: ['overdue', 'settled', 'waived'],
    statusPlaceholder: 'Åbne',
    statusLabels: { overdue: 'Forfaldne', settled: 'Indbetalte', waived: 'Eftergivne' },
    defaultSort: 'dueDate',
    sorts: [{ value: 'dueDate', label: 'Frist, tidligste først' }],
  },
  {
    key: 'aktindsigt',
    label: 'Aktindsigt',
    description: 'Anmodninger om aktindsigt og partsaktindsigt. De skal besvares inden 7 arbejdsdage efter modtagelsen; den tidligste frist står øverst.',
    empty: 'Ingen anmodninger om aktindsigt venter på svar.',
    kind: 'access-requests',
    count: 'accessRequestsOpen',
    overdueCount: 'accessRequestsOverdue',
    statuses: ['overdue', 'completed'],
    statusPlaceholder: 'Åbne',
    statusLabels: { overdue: 'Overskredne', completed: 'Besvarede' },
    defaultSort: 'dueDate',
    sorts: [{ value: 'dueDate', label: 'Frist, tidligste først' }],
  },
  {
    key: 'alle',
    label: 'Alle sager',
    description: 'Alle indsendte sager: søg på sagsnummer, titel eller formål.',
    empty: 'Ingen sager passer til søgningen.',
    kind: 'applications',
    applicationQuery: { status: ['submitted', 'in_assessment', 'assessed', 'awarded', 'rejected', 'withdrawn'] },
    statuses: ['submitted', 'in_assessment', 'assessed', 'awarded', 'rejected', 'withdrawn'],
    statusPlaceholder: 'Alle',
    defaultSort: '-submittedAt',
    sorts: [APPLICATION_SORTS[1], APPLICATION_SORTS[0], APPLICATION_SORTS[2], APPLICATION_SORTS[3]],
  },
];

/** The queue named in the address (`?koe=rapporter`); the first one when none or an unknown one is. */
export function queueOf(key: string | null): Queue {
  return QUEUES.find((queue) => queue.key === key) ?? QUEUES[0];
}

/** The queues' counts under the same filters as the lists (programme, kommune, assignee). */
export function useWorklistCounts(query: { programmeId?: string; municipalityCode?: string; assigneeId?: string }) {
  return useQuery({
    queryKey: ['worklist', 'counts', query],
    queryFn: () => data(api.GET('/api/v1/worklist/counts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
