import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '../core/time/calendar-date.js';
import { copenhagenDate, fromCopenhagenWallClock } from '../core/time/copenhagen.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { CaseMessages } from '../reminders/case-messages.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { SEND_HOUR } from '../reminders/reminder-planner.js';

/** A ready instalment should be approved within this many working days; past them its case's assignee is reminded. */
export const APPROVAL_WORKING_DAYS = 5;

/**
 * When an instalment ready at `readyAt` is overdue for approval: `dueDate`, the last of its
 * APPROVAL_WORKING_DAYS Danish working days (the ready day itself not counted), and `sendAt`, 08:00
 * Copenhagen time on the working day after it, when it has waited more than that.
 */
export function approvalDeadline(readyAt: Date, calendar: DanishCalendar): { dueDate: CalendarDate; sendAt: Date } {
  const dueDate = calendar.addWorkingDays(copenhagenDate(readyAt), APPROVAL_WORKING_DAYS);
  const [year, month, day] = calendar.addWorkingDays(dueDate, 1).split('-').map(Number);
  return { dueDate, sendAt: fromCopenhagenWallClock(year, month, day, SEND_HOUR, 0) };
}

/**
 * A write to run in the same statement before the reminders' insert (as a data-modifying CTE: it
 * saves a round trip), its parameters numbered from `first`.
 */
export type StatementBefore = (first: number) => { sql: string; parameters: unknown[] };

/** Instalments of one award made ready by one act. */
export interface ReadyInstalments {
  awardId: string;
  applicationId: string;
  instalmentIds: readonly string[];
  readyAt: Date;
  /** Who made them ready: when nobody is assigned, everyone else who may approve them is reminded. */
  triggeredBy: string | null;
}

/**
 * The reminder that a ready instalment waits for approval (`instalment_approval_waiting`, a deadline
 * reminder): planned in the transaction that makes it ready, for the case's assignee (while an active
 * caseworker), else for every active caseworker but the one who made it ready (who may not approve
 * it); cancelled in the transaction that approves or cancels it. The recipient is fixed when it is
 * planned, as for the other deadline reminders; its amount is read when it is sent.
 */
@Injectable()
export class InstalmentReminders {
  constructor(
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(ReminderJobs) private readonly jobs: ReminderJobs,
    @Inject(DanishCalendar) private readonly calendar: DanishCalendar,
  ) {}

  /** Plans the reminders in one statement (the recipients are found in it): the decision's round trips are counted. */
  async planApprovalWaiting(manager: EntityManager, ready: ReadyInstalments, before?: StatementBefore): Promise<void> {
    if (ready.instalmentIds.length === 0) {
      const alone = before?.(1);
      if (alone) await manager.query(alone.sql, alone.parameters);
      return;
    }
    const prior = before?.(7);
    const { dueDate, sendAt } = approvalDeadline(ready.readyAt, this.calendar);
    await manager.query(
      `${prior ? `WITH prior AS (${prior.sql}) ` : ''}INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
       SELECT 'instalment_approval_waiting', recipient, 'instalment', instalment, $2, $4, $5, 'scheduled'
         FROM unnest($3::uuid[]) AS i(instalment),
              unnest(coalesce(
                (SELECT ARRAY[u.id] FROM application a JOIN app_user u ON u.id = a.assignee_id AND u.active AND u.role = 'caseworker' WHERE a.id = $1),
                ARRAY(SELECT u.id FROM app_user u WHERE u.role = 'caseworker' AND u.active AND u.id IS DISTINCT FROM $6::uuid ORDER BY u.id))) AS r(recipient)
       ON CONFLICT ON CONSTRAINT reminder_once DO UPDATE SET status = 'scheduled', send_at = EXCLUDED.send_at, updated_at = now()
        WHERE reminder.status = 'cancelled'`,
      [ready.applicationId, ready.awardId, [...ready.instalmentIds], dueDate, sendAt, ready.triggeredBy, ...(prior?.parameters ?? [])],
    );
  }

  /** Cancels the waiting reminders of instalments approved or cancelled; answers their ids for `unschedule` after the commit. */
  cancel(manager: EntityManager, instalmentIds: readonly string[]): Promise<string[]> {
    return this.messages.cancelPlanned(manager, 'instalment', instalmentIds, 'instalment_approval_waiting');
  }

  /** Takes cancelled reminders' deliveries off the queue, if they were on it; never fails the caller (a delivery finds them cancelled). */
  async unschedule(reminderIds: string[]): Promise<void> {
    if (reminderIds.length > 0) await this.jobs.unschedule(reminderIds).catch(() => undefined);
  }
}
