import { formatDate, formatKroner } from '../core/format/danish.js';
import { type FixedAuditAction } from './audit-actions.js';

/** What a summary reads of an event: what happened, to what, and the values it recorded. */
export interface SummarizedEvent {
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** A report as its events name it: `Statusrapport nr. 2`, `Slutrapporten`. */
export interface ReportName {
  kind: 'status' | 'final';
  sequence: number;
}

/** The names an event's words need that it does not hold itself, looked up for a page of events at once. */
export interface SummaryNames {
  /** People by id: the user a user event is about. */
  people: ReadonlyMap<string, string>;
  /** Reports by id. */
  reports: ReadonlyMap<string, ReportName>;
  /** Kommuner by code, as documents name them: `Syddjurs Kommune`. */
  kommuner: ReadonlyMap<string, string>;
}

export const NO_NAMES: SummaryNames = { people: new Map(), reports: new Map(), kommuner: new Map() };

/** A member of a recorded object, whatever the event's shape (old events, imports and generated data differ). */
function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined);

/** An amount of øre as recorded: a bigint is stored as its decimal text, a small amount may be a number. */
function ore(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return undefined;
}

function amount(value: unknown): string | undefined {
  const recorded = ore(value);
  return recorded === undefined ? undefined : formatKroner(recorded);
}

const months = (value: number) => `${value} ${value === 1 ? 'måned' : 'måneder'}`;

const ROLES: Record<string, string> = { project_lead: 'projektleder', caseworker: 'sagsbehandler', admin: 'administrator' };
const roleWord = (value: unknown) => (typeof value === 'string' ? ROLES[value] : undefined);

/** Why a sign-in was refused (`after.reason` of `auth.login_failed`). */
const SIGN_IN_REFUSALS: Record<string, string> = {
  'unknown-email': 'ukendt e-mailadresse',
  'wrong-password': 'forkert adgangskode',
  'account-waiting': 'kontoen skal vente efter mislykkede forsøg',
  inactive: 'brugeren er deaktiveret',
  'awaiting-approval': 'rollen venter på godkendelse',
};

function reportName(event: SummarizedEvent, names: SummaryNames): string {
  const report = event.entityId ? names.reports.get(event.entityId) : undefined;
  if (!report) return 'Rapporten';
  return report.kind === 'final' ? 'Slutrapporten' : `Statusrapport nr. ${report.sequence}`;
}

/** The user a user event is about, by name: as it was recorded, else as the user is named now. */
function userName(event: SummarizedEvent, names: SummaryNames): string | undefined {
  return text(field(event.after, 'name')) ?? (event.entityId ? names.people.get(event.entityId) : undefined);
}

function userChange(event: SummarizedEvent, names: SummaryNames): string {
  const who = userName(event, names);
  const subject = who ? `Brugeren ${who}` : 'Brugeren';
  const [wasActive, isActive] = [field(event.before, 'active'), field(event.after, 'active')];
  if (wasActive === true && isActive === false) return `${subject} deaktiveret`;
  if (wasActive === false && isActive === true) return `${subject} genaktiveret`;
  const [roleBefore, roleAfter] = [field(event.before, 'role'), field(event.after, 'role')];
  const role = roleWord(roleAfter);
  if (role && roleBefore !== roleAfter) {
    return `${subject} har fået rollen ${role}${field(event.after, 'awaitingApproval') === true ? ', der venter på godkendelse' : ''}`;
  }
  return `${subject} ændret`;
}

type Summary = (event: SummarizedEvent, names: SummaryNames) => string;

/**
 * Each action in words, as the case trail and the administrator's audit trail show it: one Danish
 * sentence, without the raw code. A `Record` over every action, so an action without words does not compile.
 */
const SUMMARIES: Record<FixedAuditAction, Summary> = {
  'application.created': () => 'Ansøgningen oprettet som kladde',
  'application.updated': () => 'Kladden til ansøgningen ændret',
  'application.submitted': () => 'Ansøgning indsendt',
  'application.withdrawn': () => 'Ansøgningen trukket tilbage',
  'application.contact_changed': (event, names) => {
    const code = text(field(event.after, 'municipalityCode'));
    const kommune = code ? names.kommuner.get(code) : undefined;
    const contact = text(field(event.after, 'contactName'));
    return `Kontaktperson${kommune ? ` for ${kommune}` : ''} ${contact ? `ændret til ${contact}` : 'ændret'}`;
  },
  'application.assigned': (event) => {
    const assignee = text(field(event.after, 'assigneeName'));
    if (assignee) return `Sagen tildelt ${assignee}`;
    return field(event.after, 'assigneeId') === null ? 'Sagen frigivet: ingen sagsbehandler har den' : 'Sagen tildelt en sagsbehandler';
  },
  'application.awarded': (event) => {
    const granted = amount(field(event.after, 'decision', 'amountOre')) ?? amount(field(event.after, 'award', 'amountOre'));
    const partial = field(event.after, 'decision', 'fullGrant') === false;
    return `${partial ? 'Delvist tilsagn' : 'Tilsagn'} givet${granted ? `: ${granted}` : ''}`;
  },
  'application.rejected': () => 'Ansøgningen afvist',
  'application.imported': (event) => {
    const granted = amount(field(event.after, 'amountOre'));
    return `Sagen importeret fra den offentliggjorte tilsagnsoversigt${granted ? ` med et tilsagn på ${granted}` : ''}`;
  },
  'assessment.started': () => 'Vurdering påbegyndt',
  'assessment.updated': () => 'Vurderingen ændret',
  'assessment.handed_over': (event) => {
    const successor = text(field(event.after, 'assessorName'));
    return successor ? `Vurderingen overdraget til ${successor}` : 'Vurderingen overdraget til en anden sagsbehandler';
  },
  'assessment.completed': () => 'Vurdering afsluttet',
  'award.completed': () => 'Tilsagnet afsluttet, da slutrapporten er godkendt',
  'award.closed': (event) => (field(event.after, 'historical') === true ? 'Tilsagnet lukket ved den historiske import' : 'Tilsagnet lukket'),
  'award.instalments_planned': (event) => {
    const planned = field(event.after, 'instalments');
    const parts = Array.isArray(planned) ? planned.length : 0;
    return parts > 0 ? `Tilsagnet delt i ${parts} ${parts === 1 ? 'rate' : 'rater'} efter puljens betalingsplan` : 'Tilsagnets rater planlagt';
  },
  'instalment.ready': (event) => {
    const number = count(field(event.after, 'sequence'));
    const due = amount(field(event.after, 'amountOre'));
    return `${number ? `Rate ${number}` : 'Raten'}${due ? ` på ${due}` : ''} klar til godkendelse`;
  },
  'instalment.approved': (event) => {
    const number = count(field(event.after, 'sequence'));
    const due = amount(field(event.after, 'amountOre'));
    return `${number ? `Rate ${number}` : 'Raten'}${due ? ` på ${due}` : ''} godkendt til udbetaling`;
  },
  'instalment.paid': (event) => {
    const number = count(field(event.after, 'sequence'));
    const reference = text(field(event.after, 'reference'));
    return `${number ? `Rate ${number}` : 'Raten'} registreret som udbetalt${reference ? ` (reference ${reference})` : ''}`;
  },
  'instalment.reduced': (event) => {
    const number = count(field(event.after, 'sequence'));
    const to = amount(field(event.after, 'amountOre'));
    const from = amount(field(event.before, 'amountOre'));
    return `${number ? `Rate ${number}` : 'Raten'} nedsat${from && to ? ` fra ${from} til ${to}` : ''} efter det godkendte slutregnskab`;
  },
  'instalment.cancelled': (event) => {
    const number = count(field(event.after, 'sequence'));
    return `${number ? `Rate ${number}` : 'Raten'} udgår, da den ikke længere skal udbetales`;
  },
  'award.released': (event) => {
    const released = amount(field(event.after, 'amountOre'));
    const reason =
      { repayment_settled: 'det tilbagebetalte beløb', cancellation: 'tilsagnets bortfald' }[String(field(event.after, 'reason'))] ??
      'det godkendte slutregnskab';
    return `Frigivet til puljens budget${released ? `: ${released}` : ''} efter ${reason}`;
  },
  'award.amended': (event) => {
    const version = count(field(event.after, 'version'));
    const which = version ? ` (version ${version})` : '';
    switch (field(event.after, 'kind')) {
      case 'amount': {
        const from = amount(field(event.before, 'amountOre'));
        const to = amount(field(event.after, 'amountOre'));
        return `Tilsagnets beløb ændret${from && to ? ` fra ${from} til ${to}` : ''}${which}`;
      }
      case 'period': {
        const from = text(field(event.before, 'endDate'));
        const to = text(field(event.after, 'endDate'));
        return `Tilsagnets slutdato ændret${from && to ? ` fra ${formatDate(from)} til ${formatDate(to)}` : ''}${which}`;
      }
      case 'contact': {
        const contact = text(field(event.after, 'contactName'));
        return `Tilsagnets kontaktperson ændret${contact ? ` til ${contact}` : ''}${which}`;
      }
      default:
        return `Tilsagnet ændret${which}`;
    }
  },
  'award.cancelled': () => 'Tilsagnet er bortfaldet',
  'award.reopened': () => 'Det lukkede tilsagn genåbnet',
  'instalment.resized': (event) => {
    const number = count(field(event.after, 'sequence'));
    const to = amount(field(event.after, 'amountOre'));
    const from = amount(field(event.before, 'amountOre'));
    return `${number ? `Rate ${number}` : 'Raten'} ændret${from && to ? ` fra ${from} til ${to}` : ''} efter en ændring af tilsagnets beløb`;
  },
  'final_accounts.filed': (event) => {
    const number = count(field(event.after, 'filingNo'));
    const spent = amount(field(event.after, 'spentOre'));
    return `Slutregnskab${number && number > 1 ? ` nr. ${number}` : 'et'} indsendt${spent ? ` med et forbrug på ${spent}` : ''}`;
  },
  'final_accounts.approved': (event) => {
    const spent = amount(field(event.after, 'spentOre'));
    return `Slutregnskabet godkendt${spent ? ` med et forbrug på ${spent}` : ''}`;
  },
  'final_accounts.returned': () => 'Slutregnskabet sendt retur',
  'repayment.opened': (event) => {
    const claim = amount(field(event.after, 'amountOre'));
    return `Krav om tilbagebetaling${claim ? ` af ${claim}` : ''} rejst`;
  },
  'repayment.settled': (event) => {
    const reference = text(field(event.after, 'reference'));
    return `Tilbagebetalingen registreret som indbetalt${reference ? ` (reference ${reference})` : ''}`;
  },
  'repayment.waived': (event) =>
    field(event.after, 'automatic') === true
      ? 'Kravet om tilbagebetaling eftergivet, da det er under puljens bagatelgrænse'
      : 'Kravet om tilbagebetaling eftergivet',
  'report.submitted': (event, names) => {
    const again = (count(field(event.after, 'submissionNo')) ?? 1) > 1;
    return `${reportName(event, names)} indsendt${again ? ' igen' : ''}`;
  },
  'report.approved': (event, names) => `${reportName(event, names)} godkendt`,
  'report.returned': (event, names) => `${reportName(event, names)} sendt retur`,
  'extension.requested': (event) => {
    const asked = count(field(event.after, 'months'));
    return asked ? `Forlængelse på ${months(asked)} ansøgt` : 'Forlængelse ansøgt';
  },
  'extension.approved': (event) => {
    const approved = count(field(event.after, 'approvedMonths'));
    return approved ? `Forlængelse på ${months(approved)} godkendt` : 'Forlængelse godkendt';
  },
  'extension.rejected': () => 'Anmodningen om forlængelse afslået',
  'extension.withdrawn': () => 'Anmodningen om forlængelse trukket tilbage',
  'document.uploaded': (event) => {
    const journalNo = text(field(event.after, 'journalNo'));
    return journalNo ? `Dokument ${journalNo} indsendt` : 'Dokument indsendt';
  },
  'document.deleted': (event) => {
    const journalNo = text(field(event.before, 'journalNo'));
    return journalNo ? `Dokument ${journalNo} slettet` : 'Dokument slettet';
  },
  'reminder.resent': () => 'Påmindelsen sendt igen efter en fejl',
  'access_request.created': (event) => {
    const kind = field(event.after, 'kind') === 'partsaktindsigt' ? 'partsaktindsigt' : 'aktindsigt';
    const requester = text(field(event.after, 'requester'));
    return requester ? `Anmodning om ${kind} fra ${requester} registreret` : `Anmodning om ${kind} registreret`;
  },
  'access_request.completed': () => 'Anmodning om aktindsigt besvaret',
  'programme.created': (event) => {
    const name = text(field(event.after, 'name'));
    return name ? `Puljen «${name}» oprettet` : 'Puljen oprettet';
  },
  'programme.updated': () => 'Puljen ændret',
  'programme.budget_adjusted': (event) => {
    const delta = ore(field(event.after, 'deltaOre'));
    if (delta === undefined) return 'Puljens budget reguleret';
    return `Puljens budget ${delta < 0n ? 'nedsat' : 'forhøjet'} med ${formatKroner(delta < 0n ? -delta : delta)}`;
  },
  'user.created': (event, names) => {
    const who = userName(event, names);
    const role = roleWord(field(event.after, 'role'));
    return `${who ? `Brugeren ${who}` : 'Bruger'} oprettet${role ? ` som ${role}` : ''}`;
  },
  'user.updated': userChange,
  'user.approved': (event, names) => {
    const who = userName(event, names);
    const role = roleWord(field(event.after, 'role'));
    return `${role ? `Rollen som ${role}` : 'Rollen'} godkendt${who ? ` for ${who}` : ''}`;
  },
  'user.unlocked': (event, names) => {
    const who = userName(event, names);
    return `Ventetiden efter mislykkede log-ind ophævet${who ? ` for ${who}` : ''}`;
  },
  'auth.login_succeeded': () => 'Logget ind',
  'auth.login_failed': (event) => {
    const reason = text(field(event.after, 'reason'));
    const why = reason ? SIGN_IN_REFUSALS[reason] : undefined;
    return `Log-ind mislykkedes${why ? `: ${why}` : ''}`;
  },
  'auth.login_throttled': () => 'Log-ind afvist: adressen skal vente efter for mange mislykkede forsøg',
  'auth.locked_out': () => 'Kontoen sat til at vente efter for mange mislykkede log-ind',
  'auth.refresh_token_reused': () => 'Log-ind afsluttet, fordi en brugt fornyelsesnøgle blev brugt igen',
  'auth.logged_out': () => 'Logget ud',
};

/**
 * What each change made in the queue dashboard did, by the last word of bull-board's route (see
 * `dashboardAction` in apps/api/src/queue-dashboard.ts); `{queue}` is the queue's name.
 */
export const QUEUE_DASHBOARD_SUMMARIES: Record<string, (queue: string | null) => string> = {
  pause: (queue) => (queue ? `Jobkøen «${queue}» sat på pause` : 'Alle jobkøer sat på pause'),
  resume: (queue) => (queue ? `Jobkøen «${queue}» genoptaget` : 'Alle jobkøer genoptaget'),
  add: (queue) => `Job lagt i jobkøen${name(queue)}`,
  retry: (queue) => `Job i jobkøen${name(queue)} forsøgt igen`,
  promote: (queue) => `Ventende job i jobkøen${name(queue)} sat i gang nu`,
  clean: (queue) => `Job ryddet væk fra jobkøen${name(queue)}`,
  remove: (queue) => `Job eller gentaget opgave fjernet fra jobkøen${name(queue)}`,
  empty: (queue) => `Jobkøen${name(queue)} tømt`,
  obliterate: (queue) => `Jobkøen${name(queue)} slettet helt`,
  concurrency: (queue) => `Antal samtidige job i jobkøen${name(queue)} ændret`,
  'rate-limit': (queue) => `Hastighedsgrænsen for jobkøen${name(queue)} ændret`,
  release: (queue) => `Hastighedsgrænsen for jobkøen${name(queue)} ophævet`,
  'job-schedulers': (queue) => `En gentaget opgave i jobkøen${name(queue)} ændret`,
  run: (queue) => `En gentaget opgave i jobkøen${name(queue)} kørt nu`,
  'update-data': (queue) => `Et jobs data i jobkøen${name(queue)} ændret`,
  delay: (queue) => `Et jobs udsættelse i jobkøen${name(queue)} ændret`,
  priority: (queue) => `Et jobs prioritet i jobkøen${name(queue)} ændret`,
  'remove-unprocessed-children': (queue) => `Et jobs ubehandlede underjob fjernet i jobkøen${name(queue)}`,
  purge: () => 'Jobkøernes målehistorik slettet',
};

function name(queue: string | null): string {
  return queue ? ` «${queue}»` : '';
}

/**
 * One Danish sentence for an event, as a person reads the trail: `Vurderingen overdraget til Mette
 * Hansen`, `Tilsagn givet: 1.250.000 kr.`. Every action the system writes has its words (the spec
 * checks each); an event from before this list (an action no longer written) gets a neutral sentence
 * naming what it was about, never the code.
 */
export function summarizeAuditEvent(event: SummarizedEvent, names: SummaryNames = NO_NAMES): string {
  if (Object.hasOwn(SUMMARIES, event.action)) return SUMMARIES[event.action as FixedAuditAction](event, names);
  if (event.action.startsWith('queue.')) {
    const words = QUEUE_DASHBOARD_SUMMARIES[event.action.slice('queue.'.length)];
    return words ? words(event.entityId) : `Ændring i jobkøen${name(event.entityId)} via jobdashboardet`;
  }
  return `Ændring registreret på ${ENTITY_WORDS[event.entityType] ?? 'systemet'}`;
}

/** What an event is about, for the neutral sentence of an action this version does not write. */
const ENTITY_WORDS: Record<string, string> = {
  application: 'sagen',
  award: 'tilsagnet',
  instalment: 'raten',
  final_account: 'slutregnskabet',
  repayment: 'tilbagebetalingskravet',
  award_amendment: 'tilsagnet',
  report: 'rapporten',
  extension_request: 'anmodningen om forlængelse',
  programme: 'puljen',
  user: 'brugeren',
  reminder: 'påmindelsen',
  queue: 'jobkøen',
};
