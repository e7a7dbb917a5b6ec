import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type Ore, oreColumn } from '../core/money/money.js';

/** One submission of a report and the review it got; a resubmission is a new row. */
@Entity('report_submission')
export class ReportSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ name: 'submission_no', type: 'int' })
  submissionNo: number;

  @Column({ type: 'text' })
  narrative: string;

  @Column({ name: 'spent_to_date_ore', type: 'bigint', transformer: oreColumn })
  spentToDateOre: Ore;

  @Column({ type: 'jsonb' })
  milestones: string[];

  @Column({ type: 'text', nullable: true })
  deviations: string | null;

  @Column({ name: 'next_steps', type: 'text', nullable: true })
  nextSteps: string | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'review_outcome', type: 'text', nullable: true })
  reviewOutcome: 'approve' | 'return' | null;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;
}
