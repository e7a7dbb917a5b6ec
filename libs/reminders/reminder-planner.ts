import { createHash } from 'node:crypto';
import { addDays, type CalendarDate } from '../core/time/calendar-date.js';
import { copenhagenDate, fromCopenhagenWallClock } from '../core/time/copenhagen.js';
import type { DanishCalendar } from '../core/time/danish-calendar.js';

/** What the reminders are about, and to whom they go. Outcomes (a receipt, a decision …) are one-off messages, not planned. */
export const PLANNED_REMINDER_KINDS = [
  'report_due_in_14_days',
  'report_due_in_3_days',
  'report_due_today',
  'report_overdue',
  'report_review_waiting',
  'extension_decision_waiting',
  'award_ending_in_30_days',
] as const;
export type PlannedReminderKind = (typeof PLANNED_REMINDER_KINDS)[number];
/** Messages about something that happened to a case, sent once to its people as it happens (see CaseMessages). */
export const OUTCOME_KINDS = [
  'application_receipt',
  'decision_made',
  'report_returned',
  'report_approved',
  'extension_decided',
  'case_assigned',
  'contact_named',
  'assessment_handed_over',
  'final_accounts_approved',
  'final_accounts_returned',
  'repayment_opened',
  'award_amended',
  'award_cancelled',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
/**
 * Reminders of a deadline, planned once when the deadline is set (not by the award reconciler: they
 * are not re-planned from the award's state) and cancelled when it is met: an access request
 * (aktindsigt) due in two working days; a repayment claim open past its due date (to the case's
 * caseworker, or every caseworker when none is assigned); final accounts not filed within
 * FINAL_ACCOUNTS_DUE_DAYS of the final report's approval, or of their return (to the kommune's contacts);
 * an instalment ready for payment and not approved within five working days (to the case's assignee,
 * or every caseworker who may approve it when none is assigned).
 */
export const DEADLINE_KINDS = ['access_request_due', 'repayment_overdue', 'final_accounts_due', 'instalment_approval_waiting'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const REMINDER_KINDS = [...PLANNED_REMINDER_KINDS, ...OUTCOME_KINDS, ...DEADLINE_KINDS] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const REMINDER_SUBJECT_TYPES = [
  'report',
  'award',
  'extension_request',
  'application',
  'report_submission',
  'case_assignment',
  'assessment_handover',
  'access_request',
  'final_account',
  'repayment',
  'instalment',
  'award_amendment',
] as const;
export type ReminderSubjectType = (typeof REMINDER_SUBJECT_TYPES)[number];

/** Reminders go out at 08:00 Copenhagen time on a working day. */
export const SEND_HOUR = 8;
/** Overdue reminders: a week apart, three at most. */
export const OVERDUE_REMINDERS = 3;
/** A report or extension request waiting longer than this for a caseworker gets them reminded. */
export const WAITING_WORKING_DAYS = 10;

export interface PlannerAward {
  id: string;
  status: string;
  endDate: CalendarDate;
  /**
   * The case's contacts: each kommune's named contact while active, else that kommune's active
   * project leads (lead kommune and co-applicants alike).
   */
  contactIds: string[];
  /** The caseworker the case is assigned to, while active. */
  assigneeId: string | null;
  /** The assignee, else the caseworker who decided the award, while active: told of an overdue report. */
  responsibleCaseworkerId: string | null;
}

export interface PlannerReport {
  id: string;
  awardId: string;
  dueDate: CalendarDate;
  status: 'due' | 'submitted' | 'approved' | 'returned';
  submittedAt: Date | null;
}

export interface PlannerExtension {
  id: string;
  awardId: string;
  requestedAt: Date;
}

export interface PlannerState {
  awards: PlannerAward[];
  reports: PlannerReport[];
  pendingExtensions: PlannerExtension[];
  /** Every active caseworker: waiting work of a case nobody is assigned is everyone's. */
  caseworkerIds: string[];
}

export interface PlannedReminder {
  kind: PlannedReminderKind;
  recipientId: string;
  subjectType: ReminderSubjectType;
  subjectId: string;
  awardId: string;
  /** The date the reminder is about (a due date, an end date, the day a wait began): part of its identity. */
  dueDate: CalendarDate;
  sendAt: Date;
}

/** 08:00 Copenhagen time on a day. Memoised: the time-zone lookup is the planner's dearest step, and days repeat. */
const sendTimes = new Map<CalendarDate, Date>();
const at8 = (day: CalendarDate) => {
  let sendAt = sendTimes.get(day);
  if (!sendAt) {
    const [year, month, date] = day.split('-').map(Number);
    sendAt = fromCopenhagenWallClock(year, month, date, SEND_HOUR, 0);
    sendTimes.set(day, sendAt);
  }
  return sendAt;
};

/**
 * Every reminder the state calls for, whose send time is not older than `since` (so a restart catches
 * up on the last day or two, but never sends a year of stale reminders). Advance reminders move to the
 * working day before; overdue and waiting reminders to the working day after.
 */
export function planReminders(state: PlannerState, calendar: DanishCalendar, since: Date): PlannedReminder[] {
  // A steady reconcile plans a few million reminders a pass, and its time went to allocation and the
  // calendar: each reminder object is built once (no spread of a spread), and each send day is worked out
  // once per subject, not once per recipient. A day already behind `since` skips its recipients at once.
  const planned: PlannedReminder[] = [];
  const sendTime = (day: CalendarDate): Date | null => {
    const sendAt = at8(day);
    return sendAt >= since ? sendAt : null;
  };
  const addFor = (
    recipientIds: readonly string[],
    kind: PlannedReminderKind,
    subjectType: ReminderSubjectType,
    subjectId: string,
    awardId: string,
    dueDate: CalendarDate,
    sendAt: Date | null,
  ) => {
    if (!sendAt) return;
    for (const recipientId of recipientIds) if (recipientId) planned.push({ kind, recipientId, subjectType, subjectId, awardId, dueDate, sendAt });
  };
  const awards = new Map(state.awards.filter((award) => award.status === 'active').map((award) => [award.id, award]));

  for (const report of state.reports) {
    const award = awards.get(report.awardId);
    if (!award) continue;
    if (report.status === 'due' || report.status === 'returned') {
      const in14 = sendTime(calendar.onOrBefore(addDays(report.dueDate, -14)));
      const in3 = sendTime(calendar.onOrBefore(addDays(report.dueDate, -3)));
      const today = sendTime(calendar.onOrBefore(report.dueDate));
      if (in14 || in3 || today) {
        for (const recipientId of award.contactIds) {
          addFor([recipientId], 'report_due_in_14_days', 'report', report.id, award.id, report.dueDate, in14);
          addFor([recipientId], 'report_due_in_3_days', 'report', report.id, award.id, report.dueDate, in3);
          addFor([recipientId], 'report_due_today', 'report', report.id, award.id, report.dueDate, today);
        }
      }
      const overdueRecipients = award.responsibleCaseworkerId ? [...award.contactIds, award.responsibleCaseworkerId] : award.contactIds;
      for (let week = 1; week <= OVERDUE_REMINDERS; week += 1) {
        // The weekly reminders are told apart by the date they are about: the due date plus n weeks.
        const about = addDays(report.dueDate, 7 * week);
        addFor(overdueRecipients, 'report_overdue', 'report', report.id, award.id, about, sendTime(calendar.onOrAfter(about)));
      }
    } else if (report.status === 'submitted' && report.submittedAt) {
      const submitted = copenhagenDate(report.submittedAt);
      addFor(
        award.assigneeId ? [award.assigneeId] : state.caseworkerIds,
        'report_review_waiting',
        'report',
        report.id,
        award.id,
        submitted,
        sendTime(calendar.addWorkingDays(submitted, WAITING_WORKING_DAYS + 1)),
      );
    }
  }

  for (const extension of state.pendingExtensions) {
    const award = awards.get(extension.awardId);
    if (!award) continue;
    const requested = copenhagenDate(extension.requestedAt);
    addFor(
      award.assigneeId ? [award.assigneeId] : state.caseworkerIds,
      'extension_decision_waiting',
      'extension_request',
      extension.id,
      extension.awardId,
      requested,
      sendTime(calendar.addWorkingDays(requested, WAITING_WORKING_DAYS + 1)),
    );
  }

  for (const award of awards.values()) {
    addFor(award.contactIds, 'award_ending_in_30_days', 'award', award.id, award.id, award.endDate, sendTime(calendar.onOrBefore(addDays(award.endDate, -30))));
  }
  return planned;
}

/** The identity of a reminder: at most one per recipient, kind, subject and date. */
export function reminderKey(reminder: Pick<PlannedReminder, 'recipientId' | 'kind' | 'subjectType' | 'subjectId' | 'dueDate'>): string {
  return `${reminder.recipientId}|${reminder.kind}|${reminder.subjectType}|${reminder.subjectId}|${reminder.dueDate}`;
}

/**
 * The digest Postgres computes of an award's scheduled reminders (md5 of their keys in byte order,
 * comma-separated), here of an award's planned keys. A change detector, not a seal: equal digests mean the
 * outbox already holds exactly the plan. Keys are ASCII, so JavaScript's sort is the "C" collation's.
 */
export function remindersDigest(keys: readonly string[]): string | undefined {
  return keys.length === 0
    ? undefined
    : createHash('md5')
        .update([...keys].sort().join(','))
        .digest('hex');
}
