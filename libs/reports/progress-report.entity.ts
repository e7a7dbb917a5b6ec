import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ReportStatus } from './report.lifecycle.js';
import type { ReportKind } from './report-schedule.js';

/** A report an award owes (statusrapport or slutrapport), due on a Copenhagen calendar date. */
@Entity('progress_report')
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'award_id', type: 'uuid' })
  awardId: string;

  /** The case (application) the report belongs to. */
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** Copied from the award, so the worklist is scoped without a join. */
  @Column({ name: 'participant_codes', type: 'text', array: true })
  participantCodes: string[];

  @Column({ type: 'text' })
  kind: ReportKind;

  @Column({ type: 'int' })
  sequence: number;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'text' })
  status: ReportStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
