import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '../core/time/calendar-date.js';
import type { ReminderKind, ReminderSubjectType } from './reminder-planner.js';

export interface OneOffMessage {
  kind: ReminderKind;
  recipientId: string;
  subjectType: ReminderSubjectType;
  subjectId: string;
  awardId?: string | null;
  dueDate: CalendarDate;
  sendAt: Date;
}

/**
 * Writes a one-off message (a receipt) into the outbox inside the caller's transaction, so it exists
 * exactly when the change that causes it does. The caller queues it after the commit.
 */
@Injectable()
export class ReminderOutbox {
  async add(manager: EntityManager, message: OneOffMessage): Promise<{ id: string; sendAt: Date } | null> {
    const rows: Array<{ id: string; send_at: Date }> = await manager.query(
      `INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'scheduled')
       ON CONFLICT ON CONSTRAINT reminder_once DO NOTHING
       RETURNING id, send_at`,
      [message.kind, message.recipientId, message.subjectType, message.subjectId, message.awardId ?? null, message.dueDate, message.sendAt],
    );
    return rows[0] ? { id: rows[0].id, sendAt: rows[0].send_at } : null;
  }
}
