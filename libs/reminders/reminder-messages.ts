import type { EntityManager } from 'typeorm';
import { formatDate } from '../core/format/danish.js';
import type { CalendarDate } from '../core/time/calendar-date.js';
import type { ReminderKind } from './reminder-planner.js';

export interface MessageContext {
  caseNumber: string;
  projectTitle: string;
  reportKind?: 'status' | 'final';
  reportSequence?: number;
  reportDueDate?: CalendarDate;
  awardEndDate?: CalendarDate;
  months?: number;
  receipt?: { text: string };
}

export interface Message {
  title: string;
  body: string;
}

/** The Danish text of each reminder. */
export function reminderMessage(kind: ReminderKind, dueDate: CalendarDate, context: MessageContext): Message {
  const project = `"${context.projectTitle}" (${context.caseNumber})`;
  const report = context.reportKind === 'final' ? 'Slutrapporten' : `Statusrapport nr. ${context.reportSequence ?? 1}`;
  const reportLower = context.reportKind === 'final' ? 'slutrapporten' : `statusrapport nr. ${context.reportSequence ?? 1}`;
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
        body: `Ansøgningen om ${context.months ?? ''} måneders COVID-19-forlængelse af projektet ${project} blev indsendt ${formatDate(dueDate)} og har ventet mere end 10 arbejdsdage.`,
      };
    case 'award_ending_in_30_days':
      return {
        title: `Projektperioden for ${context.caseNumber} slutter om 30 dage`,
        body:
          `Projektet ${project} slutter ${formatDate(context.awardEndDate ?? dueDate)}. Slutrapporten skal indsendes efter projektets afslutning. ` +
          `Har COVID-19 forsinket projektet, kan der søges om forlængelse, men kun inden slutdatoen.`,
      };
    case 'application_receipt':
      return { title: `Kvittering for ansøgning ${context.caseNumber}`, body: context.receipt?.text ?? `Ansøgningen ${project} er modtaget.` };
    default:
      return { title: `Påmindelse om ${context.caseNumber}`, body: `Påmindelse om ${reportLower} for projektet ${project}.` };
  }
}

/** Looks up what a reminder's text needs about its subject. */
export async function loadMessageContext(manager: EntityManager, subjectType: string, subjectId: string): Promise<MessageContext> {
  const queries: Record<string, string> = {
    report: `SELECT a.case_number, ap.title, r.kind AS report_kind, r.sequence, r.due_date AS report_due_date, a.end_date
               FROM progress_report r JOIN award a ON a.id = r.award_id JOIN application ap ON ap.id = a.application_id WHERE r.id = $1`,
    award: `SELECT a.case_number, ap.title, a.end_date FROM award a JOIN application ap ON ap.id = a.application_id WHERE a.id = $1`,
    extension_request: `SELECT a.case_number, ap.title, a.end_date, e.months
                          FROM extension_request e JOIN award a ON a.id = e.award_id JOIN application ap ON ap.id = a.application_id WHERE e.id = $1`,
    application: `SELECT ap.case_number, ap.title, ap.receipt FROM application ap WHERE ap.id = $1`,
  };
  const [row] = await manager.query(queries[subjectType], [subjectId]);
  return {
    caseNumber: row?.case_number ?? '',
    projectTitle: row?.title ?? '',
    reportKind: row?.report_kind,
    reportSequence: row?.sequence,
    reportDueDate: row?.report_due_date,
    awardEndDate: row?.end_date,
    months: row?.months,
    receipt: row?.receipt ?? undefined,
  };
}
