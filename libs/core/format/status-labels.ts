/**
 * The Danish word for every status a person sees: of applications, awards (bevillinger), extension
 * requests, reports and reminders. The API keeps its English codes (`in_assessment`); what a person
 * reads (a CSV export, a problem's `detail`) says `Under vurdering`. One table for all contexts, since
 * a status means the same everywhere it occurs (`submitted` is `Indsendt` for an application, a report
 * and an extension request alike); each context's statuses are checked against it by a unit test.
 */
export const STATUS_LABELS = {
  draft: 'Kladde',
  submitted: 'Indsendt',
  in_assessment: 'Under vurdering',
  assessed: 'Vurderet',
  awarded: 'Bevilget',
  rejected: 'Afvist',
  withdrawn: 'Trukket tilbage',
  active: 'Aktiv',
  completed: 'Afsluttet',
  closed: 'Lukket',
  cancelled: 'Annulleret',
  approved: 'Godkendt',
  due: 'Afventer indsendelse',
  returned: 'Sendt retur',
  scheduled: 'Planlagt',
  sent: 'Sendt',
  failed: 'Ikke leveret',
  planned: 'Afventer udløsning',
  ready: 'Klar til godkendelse',
  paid: 'Udbetalt',
  open: 'Åben',
  settled: 'Indbetalt',
  waived: 'Eftergivet',
} as const satisfies Record<string, string>;

export type LabelledStatus = keyof typeof STATUS_LABELS;

/** Where `der er <label>` does not read as Danish, the clause that does. */
const CLAUSES: Partial<Record<LabelledStatus, string>> = {
  draft: 'er en kladde',
  due: 'endnu ikke er indsendt',
  failed: 'ikke kunne leveres',
  planned: 'endnu ikke er udløst',
};

/** `Under vurdering`: the status as a list, a column or a tag shows it; an unknown one as it is. */
export function statusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status as LabelledStatus] : status;
}

/** The adjectives that take a -t after a neuter noun (`et tilsagn, der er aktivt`); participles do not change. */
const NEUTER_CLAUSES: Partial<Record<LabelledStatus, string>> = { active: 'er aktivt' };

/**
 * `er under vurdering`: the status as the clause `En ansøgning, der …` takes it; `neuter` for a noun
 * such as `et tilsagn`.
 */
export function statusClause(status: string, { neuter = false }: { neuter?: boolean } = {}): string {
  if (!Object.hasOwn(STATUS_LABELS, status)) return `har status ${status}`;
  const known = status as LabelledStatus;
  return (neuter ? NEUTER_CLAUSES[known] : undefined) ?? CLAUSES[known] ?? `er ${STATUS_LABELS[known].toLowerCase()}`;
}
