/**
 * The Danish words the web app uses, in one place. Statuses are the same words the API writes in its
 * CSV files and problem texts (libs/core/format/status-labels.ts): a status means the same everywhere.
 */
export const STATUS_LABELS: Record<string, string> = {
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
};

/** `Under vurdering`; an unknown status as it is. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** The tag colour a status gets: settled well, settled badly, waiting on the kommune, or neutral. */
export function statusTone(status: string): 'success' | 'error' | 'warning' | 'info' {
  switch (status) {
    case 'awarded':
    case 'approved':
    case 'active':
    case 'completed':
      return 'success';
    case 'rejected':
    case 'cancelled':
      return 'error';
    case 'draft':
    case 'due':
    case 'returned':
      return 'warning';
    default:
      return 'info';
  }
}

export const REPORT_KINDS: Record<string, string> = { status: 'Statusrapport', final: 'Slutrapport' };

export const OUTCOMES: Record<string, string> = { award: 'Bevilget', reject: 'Afvist' };

export const ROLES: Record<string, string> = { project_lead: 'Projektleder', caseworker: 'Sagsbehandler', admin: 'Administrator' };

/** The roles in the plural, lower case: "Siden er for sagsbehandlere". */
export const ROLES_PLURAL: Record<string, string> = { project_lead: 'projektledere', caseworker: 'sagsbehandlere', admin: 'administratorer' };

export const MESSAGES = {
  sessionEnded: 'Din session er udløbet eller afbrudt. Log ind igen.',
  signedOut: 'Du er logget ud.',
  network: 'Tilskud kunne ikke nås. Tjek din forbindelse, og prøv igen.',
  unexpected: 'Der skete en uventet fejl. Prøv igen om lidt.',
  loading: 'Henter …',
  notFoundCase: 'Sagen findes ikke',
  notFoundCaseText: 'Sagen findes ikke, eller den hører ikke til din kommune.',
  staleVersion: 'Ansøgningen er ændret af en anden, siden du hentede den. Hent den nyeste udgave; dine ændringer her bliver ikke gemt.',
  errorSummaryHeading: 'Der er problemer',
} as const;
