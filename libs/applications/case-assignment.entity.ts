import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One (re)assignment of a case to a caseworker, or its release (`assigneeId` null); kept for good. */
@Entity('case_assignment')
export class CaseAssignment {
  @PrimaryColumn({ type: 'uuid', insert: false })
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'previous_assignee_id', type: 'uuid', nullable: true })
  previousAssigneeId: string | null;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy: string;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}
