import type { EntityManager } from 'typeorm';
import { countOf, formatDate, formatKroner } from '../core/format/danish.js';
import type { CalendarDate } from '../core/time/calendar-date.js';
import type { ReminderKind } from './reminder-planner.js';

export interface MessageContext {
  /** The application the case is. */
  caseId?: string;
  caseNumber: string;
  projectTitle: string;
  /** The lead kommune's official name: "Syddjurs Kommune". */
  municipalityName?: string;
  reportKind?: 'status' | 'final';
  reportSequence?: number;
  reportDueDate?: CalendarDate;
  awardEndDate?: CalendarDate;
  months?: number;
  receipt?: { text: string };
  /** An access request's requester and kind (`aktindsigt`, `partsaktindsigt`). */
  requester?: string;
  accessKind?: string;
  /** A repayment claim's or an instalment's amount, in øre. */
  amountOre?: bigint;
  /** An instalment's number in the award's plan, and the day it became ready for approval. */
  instalmentSequence?: number;
  readyOn?: CalendarDate;
}

export interface Message {
  title: string;
  body: string;
}

/** A case as people name it: case number, project title and kommune, never an id alone. */
export function caseLabel(context: Pick<MessageContext, 'caseNumber' | 'projectTitle' | 'municipalityName'>): string {
  return `${context.caseNumber} «${context.projectTitle}»${context.municipalityName ? `, ${context.municipalityName}` : ''}`;
}

/** "Statusrapport nr. 2" or "Slutrapporten"; lower-case inside a sentence. */
export function reportName(kind: 'status' | 'final' | undefined, sequence: number | undefined, inSentence = false): string {
  const name = kind === 'final' ? 'Slutrapporten' : `Statusrapport nr. ${sequence ?? 1}`;
  return inSentence ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** Where the web app shows a case. */
export const caseLink = (caseId: string) => `/sager/${caseId}`;

/** The Danish text of each reminder. */
export function reminderMessage(kind: ReminderKind, dueDate: CalendarDate, context: MessageContext): Message {
  const project = `«${context.projectTitle}» (${context.caseNumber}${context.municipalityName ? `, ${context.municipalityName}` : ''})`;
  const report = reportName(context.reportKind, context.reportSequence);
  const reportLower = reportName(context.reportKind, context.reportSequence, true);
  const reportDue = formatDate(context.reportDueDate ?? dueDate);
  switch (kind) {
    case 'report_due_in_14_days':
      return {
        title: `${report} for ${context.caseNumber} skal indsendes om 14 dage`,
        body: `${report} for projektet ${project} skal indsendes senest ${reportDue}.`,
      };
    case 'report_due_in_3_days':
      return {
        title: `${report} for ${context.caseNumber} skal indsendes om 3 dage`,
        body: `${report} for projektet ${project} skal indsendes senest ${reportDue}.`,
      };
    case 'report_due_today':
      return {
        title: `${report} for ${context.caseNumber} skal indsendes i dag`,
        body: `${report} for projektet ${project} skal indsendes senest i dag, ${reportDue}.`,
      };
    case 'report_overdue':
      return {
        title: `${report} for ${context.caseNumber} er ikke indsendt`,
        body: `${report} for projektet ${project} skulle have været indsendt senest ${reportDue} og er ikke modtaget.`,
      };
    case 'report_review_waiting':
      return {
        title: `En rapport for ${context.caseNumber} venter på gennemgang`,
        body: `${report} for projektet ${project} blev indsendt for mere end 10 arbejdsdage siden og venter på at blive godkendt eller sendt retur.`,
      };
    case 'extension_decision_waiting':
      return {
        title: `En ansøgning om forlængelse for ${context.caseNumber} venter på afgørelse`,
        body: `Ansøgningen om ${typeof context.months === 'number' ? `${countOf(context.months, 'måneds', 'måneders')} ` : ''}COVID-19-forlængelse af projektet ${project} blev indsendt ${formatDate(dueDate)} og har ventet mere end 10 arbejdsdage.`,
      };
    case 'award_ending_in_30_days':
      return {
        title: `Projektperioden for ${context.caseNumber} slutter om 30 dage`,
        body:
          `Projektet ${project} slutter ${formatDate(context.awardEndDate ?? dueDate)}. Slutrapporten skal indsendes efter projektets afslutning. ` +
          `Har COVID-19 forsinket projektet, kan der søges om forlængelse, men kun inden slutdatoen.`,
      };
    case 'access_request_due':
      return {
        title: `En anmodning om ${context.accessKind ?? 'aktindsigt'} i ${context.caseNumber} skal besvares senest ${formatDate(dueDate)}`,
        body:
          `${context.requester ?? 'En anmoder'} har anmodet om ${context.accessKind ?? 'aktindsigt'} i sagen ${project}. ` +
          `Anmodningen skal besvares senest ${formatDate(dueDate)} (7 arbejdsdage efter modtagelsen).`,
      };
    case 'repayment_overdue':
      return {
        title: `Tilbagebetalingskravet for ${context.caseNumber} er ikke indbetalt`,
        body:
          `Tilbagebetalingskravet${context.amountOre !== undefined ? ` på ${formatKroner(context.amountOre)}` : ''} for projektet ${project} skulle have været indbetalt senest ${formatDate(dueDate)}. ` +
          `Registrér indbetalingen, eller eftergiv kravet med en begrundelse.`,
      };
    case 'final_accounts_due':
      return {
        title: `Slutregnskabet for ${context.caseNumber} mangler`,
        body: `Slutrapporten for projektet ${project} er godkendt, men slutregnskabet er ikke indsendt. Det skulle have været indsendt senest ${formatDate(dueDate)}.`,
      };
    case 'instalment_approval_waiting': {
      const instalment = context.instalmentSequence ? `Rate ${context.instalmentSequence}` : 'En rate';
      return {
        title: `${instalment} for ${context.caseNumber} venter på godkendelse`,
        body:
          `${instalment}${context.amountOre !== undefined ? ` på ${formatKroner(context.amountOre)}` : ''} for projektet ${project} ` +
          `blev klar til udbetaling${context.readyOn ? ` ${formatDate(context.readyOn)}` : ''} og er ikke godkendt inden for 5 arbejdsdage (senest ${formatDate(dueDate)}). ` +
          `Raten godkendes af en anden sagsbehandler end den, der udløste den (firøjneprincippet).`,
      };
    }
    case 'application_receipt':
      return { title: `Kvittering for ansøgning ${context.caseNumber}`, body: context.receipt?.text ?? `Ansøgningen ${project} er modtaget.` };
    default:
      return { title: `Påmindelse om ${context.caseNumber}`, body: `Påmindelse om ${reportLower} for projektet ${project}.` };
  }
}

/** The case's number, title, kommune and id, as columns of a query joined to its application `ap`. */
const CASE_COLUMNS = `ap.id AS case_id, ap.case_number, ap.title, (SELECT m.official_name FROM municipality m WHERE m.code = ap.municipality_code) AS municipality_name`;

/** Looks up what a reminder's text needs about its subject. */
export async function loadMessageContext(manager: EntityManager, subjectType: string, subjectId: string): Promise<MessageContext> {
  const queries: Record<string, string> = {
    report: `SELECT ${CASE_COLUMNS}, r.kind AS report_kind, r.sequence, r.due_date AS report_due_date, a.end_date
               FROM progress_report r JOIN award a ON a.id = r.award_id JOIN application ap ON ap.id = a.application_id WHERE r.id = $1`,
    report_submission: `SELECT ${CASE_COLUMNS}, r.kind AS report_kind, r.sequence, r.due_date AS report_due_date, a.end_date
                          FROM report_submission s JOIN progress_report r ON r.id = s.report_id JOIN award a ON a.id = r.award_id
                          JOIN application ap ON ap.id = a.application_id WHERE s.id = $1`,
    award: `SELECT ${CASE_COLUMNS}, a.end_date FROM award a JOIN application ap ON ap.id = a.application_id WHERE a.id = $1`,
    extension_request: `SELECT ${CASE_COLUMNS}, a.end_date, e.months
                          FROM extension_request e JOIN award a ON a.id = e.award_id JOIN application ap ON ap.id = a.application_id WHERE e.id = $1`,
    application: `SELECT ${CASE_COLUMNS}, ap.receipt FROM application ap WHERE ap.id = $1`,
    case_assignment: `SELECT ${CASE_COLUMNS} FROM case_assignment c JOIN application ap ON ap.id = c.application_id WHERE c.id = $1`,
    assessment_handover: `SELECT ${CASE_COLUMNS} FROM assessment_handover h JOIN application ap ON ap.id = h.application_id WHERE h.id = $1`,
    access_request: `SELECT ${CASE_COLUMNS}, q.requester, q.kind AS access_kind FROM access_request q JOIN application ap ON ap.id = q.application_id WHERE q.id = $1`,
    final_account: `SELECT ${CASE_COLUMNS} FROM final_account f JOIN application ap ON ap.id = f.application_id WHERE f.id = $1`,
    repayment: `SELECT ${CASE_COLUMNS}, p.amount_ore FROM repayment p JOIN application ap ON ap.id = p.application_id WHERE p.id = $1`,
    instalment: `SELECT ${CASE_COLUMNS}, i.amount_ore, i.sequence AS instalment_sequence, (i.ready_at AT TIME ZONE 'Europe/Copenhagen')::date::text AS ready_on
                   FROM instalment i JOIN application ap ON ap.id = i.application_id WHERE i.id = $1`,
    award_amendment: `SELECT ${CASE_COLUMNS}, a.end_date FROM award_amendment m JOIN award a ON a.id = m.award_id JOIN application ap ON ap.id = m.application_id WHERE m.id = $1`,
  };
  const query = queries[subjectType];
  const [row] = query ? await manager.query(query, [subjectId]) : [];
  return {
    caseId: row?.case_id,
    caseNumber: row?.case_number ?? '',
    projectTitle: row?.title ?? '',
    municipalityName: row?.municipality_name,
    reportKind: row?.report_kind,
    reportSequence: row?.sequence,
    reportDueDate: row?.report_due_date,
    awardEndDate: row?.end_date,
    months: row?.months,
    receipt: row?.receipt ?? undefined,
    requester: row?.requester ?? undefined,
    accessKind: row?.access_kind ?? undefined,
    amountOre: row?.amount_ore ? BigInt(row.amount_ore) : undefined,
    instalmentSequence: row?.instalment_sequence ?? undefined,
    readyOn: row?.ready_on ?? undefined,
  };
}
