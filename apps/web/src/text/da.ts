import type { components } from '../api/schema';

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

/** An award's status: a cancelled award has lapsed (bortfaldet), which is not what a cancelled instalment is. */
export function awardStatusLabel(status: string): string {
  return status === 'cancelled' ? 'Bortfaldet' : statusLabel(status);
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

/** `Statusrapport 2`, `Slutrapport`: a report by its kind and number. */
export function reportName(report: { kind: string; sequence: number }): string {
  return report.kind === 'status' ? `${REPORT_KINDS.status} ${report.sequence}` : REPORT_KINDS.final;
}

/** The kinds of document a case holds. */
export const DOCUMENT_KINDS: Record<string, string> = {
  budget: 'Budget',
  signed_application: 'Underskrevet ansøgning',
  auditor_statement: 'Revisorerklæring',
  report_annex: 'Bilag til rapport',
  letter: 'Brev',
  other: 'Andet',
};

export const OUTCOMES: Record<string, string> = { award: 'Bevilget', reject: 'Afvist' };

export const ROLES: Record<string, string> = { project_lead: 'Projektleder', caseworker: 'Sagsbehandler', admin: 'Administrator' };

/** The roles in the plural, lower case: "Siden er for sagsbehandlere". */
export const ROLES_PLURAL: Record<string, string> = { project_lead: 'projektledere', caseworker: 'sagsbehandlere', admin: 'administratorer' };

/**
 * The audit trail's actions in words, for the search's choices (and for an event the API has not put
 * into a sentence of its own).
 */
export const AUDIT_ACTIONS: Record<string, string> = {
  'application.created': 'Ansøgning oprettet',
  'application.updated': 'Ansøgning ændret',
  'application.submitted': 'Ansøgning indsendt',
  'application.withdrawn': 'Ansøgning trukket tilbage',
  'application.assigned': 'Sag tildelt sagsbehandler',
  'application.contact_changed': 'Kontaktperson skiftet',
  'application.awarded': 'Tilskud bevilget',
  'application.rejected': 'Ansøgning afvist',
  'assessment.started': 'Vurdering påbegyndt',
  'assessment.updated': 'Vurdering ændret',
  'assessment.completed': 'Vurdering afsluttet',
  'assessment.handed_over': 'Vurdering overdraget',
  'award.completed': 'Bevilling afsluttet',
  'award.closed': 'Bevilling lukket',
  'report.submitted': 'Rapport indsendt',
  'report.approved': 'Rapport godkendt',
  'report.returned': 'Rapport sendt retur',
  'extension.requested': 'Forlængelse anmodet',
  'extension.approved': 'Forlængelse godkendt',
  'extension.rejected': 'Forlængelse afvist',
  'extension.withdrawn': 'Anmodning om forlængelse trukket tilbage',
  'programme.created': 'Pulje oprettet',
  'programme.updated': 'Pulje ændret',
  'programme.budget_adjusted': 'Budget reguleret',
  'user.created': 'Bruger oprettet',
  'user.updated': 'Bruger ændret',
  'user.approved': 'Rolle godkendt',
  'user.unlocked': 'Bruger låst op',
  'auth.login_succeeded': 'Logget ind',
  'auth.login_failed': 'Mislykket login',
  'auth.login_throttled': 'Login bremset efter fejlforsøg',
  'auth.locked_out': 'Konto spærret efter fejlforsøg',
  'auth.logged_out': 'Logget ud',
  'auth.refresh_token_reused': 'Genbrugt sessionsnøgle (sessionen er lukket)',
  'reminder.resent': 'Påmindelse sendt igen',
};

/** `Ansøgning indsendt`; an unknown action as its code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? (action.startsWith('queue.') ? `Jobkø: ${action.slice('queue.'.length)}` : action);
}

/** What an audit event is about. */
export const ENTITY_TYPES: Record<string, string> = {
  application: 'Ansøgning',
  award: 'Bevilling',
  report: 'Rapport',
  extension_request: 'Forlængelse',
  programme: 'Pulje',
  user: 'Bruger',
  reminder: 'Påmindelse',
  queue: 'Jobkø',
};

/** The API's kinds of reminder and message (`GET /reminders`). */
type ReminderKind = components['schemas']['ReminderResponse']['kind'];

/** The reminders and messages the system plans and sends: every kind the API knows has its words (the type checks it, text/da.spec.ts too). */
export const REMINDER_KINDS: Record<string, string> = {
  report_due_in_14_days: 'Rapport om 14 dage',
  report_due_in_3_days: 'Rapport om 3 dage',
  report_due_today: 'Rapport i dag',
  report_overdue: 'Rapport overskredet',
  report_review_waiting: 'Rapport venter på gennemgang',
  extension_decision_waiting: 'Forlængelse venter på afgørelse',
  award_ending_in_30_days: 'Bevilling slutter om 30 dage',
  application_receipt: 'Kvittering for ansøgning',
  decision_made: 'Afgørelse truffet',
  report_returned: 'Rapport sendt retur',
  report_approved: 'Rapport godkendt',
  extension_decided: 'Forlængelse afgjort',
  case_assigned: 'Sag tildelt',
  contact_named: 'Kontaktperson udpeget',
  assessment_handed_over: 'Vurdering overdraget',
  final_accounts_approved: 'Slutregnskab godkendt',
  final_accounts_returned: 'Slutregnskab sendt retur',
  repayment_opened: 'Krav om tilbagebetaling',
  award_amended: 'Tilsagn ændret',
  award_cancelled: 'Tilsagn bortfaldet',
  access_request_due: 'Aktindsigt skal besvares',
  repayment_overdue: 'Tilbagebetaling forfalden',
  final_accounts_due: 'Slutregnskab mangler',
  instalment_approval_waiting: 'Rate venter på godkendelse',
} satisfies Record<ReminderKind, string>;

export const REMINDER_STATUSES: Record<string, string> = { scheduled: 'Planlagt', sent: 'Sendt', failed: 'Fejlet', cancelled: 'Annulleret' };

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
