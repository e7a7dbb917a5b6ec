import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderKind, ReminderSubjectType } from './reminder-planner.js';

export const REMINDER_STATUSES = ['scheduled', 'sent', 'failed', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** One message to one person, in the outbox: Postgres decides what is sent; Redis only delivers it on time. */
@Entity('reminder')
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: ReminderKind;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: ReminderSubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'award_id', type: 'uuid', nullable: true })
  awardId: string | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ name: 'send_at', type: 'timestamptz' })
  sendAt: Date;

  @Column({ type: 'text' })
  status: ReminderStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
