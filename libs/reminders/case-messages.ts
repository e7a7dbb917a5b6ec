import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { copenhagenDate } from '../core/time/copenhagen.js';
import { type DeadlineKind, OUTCOME_KINDS, type OutcomeKind, type ReminderSubjectType } from './reminder-planner.js';

/** Something that happened to a case, told to its people: in their inbox at once, and by e-mail. */
export interface CaseMessage {
  kind: OutcomeKind;
  /** Each is told once (duplicates are dropped); or chosen in SQL in the statement that files the message (one round trip fewer). */
  recipientIds: readonly string[] | RecipientsQuery;
  /** What it is about; with the kind and the recipient, its identity: the same message is never filed twice. */
  subjectType: ReminderSubjectType;
  subjectId: string;
  /** The application the case is. */
  caseId: string;
  awardId?: string | null;
  title: string;
  body: string;
  /** Where in the web app to read more (a path), also put under the e-mail. */
  link?: string | null;
}

/** Recipients as SQL: a query of one uuid column `recipient`, given the placeholder of its one parameter. */
export interface RecipientsQuery {
  sql: (placeholder: string) => string;
  parameter: unknown;
}

/** Recipients named by id, as the query of them: each once (the query's DISTINCT drops a repeat). */
function listed(ids: readonly string[]): RecipientsQuery {
  return { sql: (placeholder) => `SELECT unnest(${placeholder}::uuid[]) AS recipient`, parameter: ids };
}

/** An e-mail waiting in the outbox, for the caller to queue once its transaction has committed. */
export interface QueuedMail {
  id: string;
  sendAt: Date;
  /** Whom it goes to (set by {@link CaseMessages.send}). */
  recipientId?: string;
}

/**
 * Files an outcome in the transaction of the change that causes it: one inbox item per recipient,
 * there as soon as the change is, and one e-mail per recipient in the reminder outbox, delivered
 * apart from it (a mail server that is down delays the e-mail, never the inbox item) and exactly once
 * (the outbox row's unique key, and the delivery's row lock). The caller queues the e-mails after its
 * commit; the reconciler queues any it could not.
 */
@Injectable()
export class CaseMessages {
  async send(manager: EntityManager, message: CaseMessage, now: Date): Promise<QueuedMail[]> {
    const given = message.recipientIds;
    // Nobody named: nothing to file, and no round trip.
    if (!('sql' in given) && given.length === 0) return [];
    const recipients = 'sql' in given ? given : listed(given);
    const rows: Array<{ id: string; send_at: Date; recipient_id: string }> = await manager.query(
      `WITH recipient AS (SELECT DISTINCT recipient FROM (${recipients.sql('$2')}) AS chosen),
       outbox AS (
         INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
         SELECT $1, recipient, $3, $4, $5, $6, $7, 'scheduled' FROM recipient
         ON CONFLICT ON CONSTRAINT reminder_once DO NOTHING
         RETURNING id, recipient_id, send_at),
       inbox AS (
         INSERT INTO notification (user_id, kind, title, body, subject_type, subject_id, reminder_id, case_id, link)
         SELECT recipient_id, $1, $8, $9, $3, $4, id, $10, $11 FROM outbox
         RETURNING reminder_id)
       SELECT outbox.id, outbox.send_at, outbox.recipient_id FROM outbox JOIN inbox ON inbox.reminder_id = outbox.id ORDER BY outbox.recipient_id`,
      [
        message.kind,
        recipients.parameter,
        message.subjectType,
        message.subjectId,
        message.awardId ?? null,
        copenhagenDate(now),
        now,
        message.title,
        message.body,
        message.caseId,
        message.link ?? null,
      ],
    );
    return rows.map((row) => ({ id: row.id, sendAt: row.send_at, recipientId: row.recipient_id }));
  }

  /**
   * Plans a reminder of a deadline for each recipient, sent at `sendAt` (its inbox item and e-mail are
   * written when it is delivered); at most one per recipient, kind, subject and due date. The same
   * deadline set again after it was met (final accounts returned the day they were due, say) brings its
   * cancelled reminder back; a sent one stays sent. With `awardId`, the reminder is listed with the award's.
   */
  async plan(
    manager: EntityManager,
    reminder: {
      kind: DeadlineKind;
      recipientIds: readonly string[];
      subjectType: ReminderSubjectType;
      subjectId: string;
      awardId?: string | null;
      dueDate: string;
      sendAt: Date;
    },
  ): Promise<QueuedMail[]> {
    const recipients = [...new Set(reminder.recipientIds)];
    if (recipients.length === 0) return [];
    const rows: Array<{ id: string; send_at: Date }> = await manager.query(
      `INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
       SELECT $1, recipient, $3, $4, $7, $5, $6, 'scheduled' FROM unnest($2::uuid[]) AS recipient
       ON CONFLICT ON CONSTRAINT reminder_once DO UPDATE SET status = 'scheduled', send_at = EXCLUDED.send_at, updated_at = now()
        WHERE reminder.status = 'cancelled'
       RETURNING id, send_at`,
      [reminder.kind, recipients, reminder.subjectType, reminder.subjectId, reminder.dueDate, reminder.sendAt, reminder.awardId ?? null],
    );
    return rows.map((row) => ({ id: row.id, sendAt: row.send_at }));
  }

  /**
   * Cancels the scheduled reminders of a subject, or of several of one type (their deadline met), or only
   * those of one deadline kind; answers their ids, for the caller to unschedule after its commit.
   */
  async cancelPlanned(
    manager: EntityManager,
    subjectType: ReminderSubjectType,
    subjectIds: string | readonly string[],
    kind?: DeadlineKind,
  ): Promise<string[]> {
    const ids = typeof subjectIds === 'string' ? [subjectIds] : [...subjectIds];
    if (ids.length === 0) return [];
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE reminder SET status = 'cancelled', updated_at = now()
        WHERE subject_type = $1 AND subject_id = ANY($2::uuid[]) AND status = 'scheduled' ${kind ? 'AND kind = $3' : ''} RETURNING id`,
      kind ? [subjectType, ids, kind] : [subjectType, ids],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Cancels every scheduled reminder of an award's deadlines (its reports, its final accounts, its
   * instalments: those with the award's id, or about one of `subjectIds`), never an outcome's e-mail
   * still in the outbox; for a cancelled award (bortfald), in its transaction. Answers their ids, for
   * the caller to unschedule after its commit.
   */
  async cancelPlannedForAward(manager: EntityManager, awardId: string, subjectIds: readonly string[]): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE reminder SET status = 'cancelled', updated_at = now()
        WHERE status = 'scheduled' AND kind <> ALL($3::text[]) AND (award_id = $1 OR subject_id = ANY($2::uuid[])) RETURNING id`,
      [awardId, [awardId, ...subjectIds], [...OUTCOME_KINDS]],
    );
    return rows.map((row) => row.id);
  }
}
