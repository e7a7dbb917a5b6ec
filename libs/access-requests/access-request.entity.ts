import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AccessKind, AccessRequestStatus } from './access-request.rules.js';

/** A request for insight into a case (anmodning om aktindsigt), answered within 7 working days. */
@Entity('access_request')
export class AccessRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  /** Who asked: a name (a citizen, a journalist, a party), never more personal data than that and a work e-mail. */
  @Column({ type: 'text' })
  requester: string;

  @Column({ name: 'requester_email', type: 'text', nullable: true })
  requesterEmail: string | null;

  @Column({ type: 'text' })
  kind: AccessKind;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  /** 7 working days after `receivedOn` (DanishCalendar). */
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'text', default: 'open' })
  status: AccessRequestStatus;

  @Column({ name: 'completion_note', type: 'text', nullable: true })
  completionNote: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
