import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { ExtensionStatus } from './extension-request.lifecycle.js';

/** A COVID-19 extension request (forlængelse) on an award, and the caseworker's decision on it. */
@Entity('extension_request')
export class ExtensionRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'award_id', type: 'uuid' })
  awardId: string;

  /** The case (application) the award belongs to. */
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  /** Copied from the award, so the worklist is scoped without a join. */
  @Column({ name: 'participant_codes', type: 'text', array: true })
  participantCodes: string[];

  @Column({ type: 'int' })
  months: number;

  @Column({ type: 'text' })
  reason: 'covid19';

  @Column({ type: 'text' })
  justification: string;

  @Column({ type: 'text' })
  status: ExtensionStatus;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz', precision: 3 })
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_rationale', type: 'text', nullable: true })
  decisionRationale: string | null;

  @Column({ name: 'approved_months', type: 'int', nullable: true })
  approvedMonths: number | null;

  @Column({ name: 'end_date_before', type: 'date', nullable: true })
  endDateBefore: string | null;

  @Column({ name: 'end_date_after', type: 'date', nullable: true })
  endDateAfter: string | null;

  /** When the project lead withdrew it: set exactly when the status is `withdrawn`. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @VersionColumn()
  version: number;
}
