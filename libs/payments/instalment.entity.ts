import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { type Ore, oreColumn } from '../core/money/money.js';
import type { InstalmentStatus } from './instalment.lifecycle.js';
import type { InstalmentTrigger } from '../programmes/payment-plan.js';

/**
 * An instalment (rate) of an award: its share of the award by the programme's payment plan, fixed when
 * the award is made, paid out once its trigger has happened and a caseworker other than the one who
 * made that happen has approved it. Carries its award's programme and kommuner for the scoped reads.
 */
@Entity('instalment')
export class Instalment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'award_id', type: 'uuid' })
  awardId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'participant_codes', type: 'text', array: true })
  participantCodes: string[];

  @Column({ name: 'case_number', type: 'text' })
  caseNumber: string;

  /** 1, 2, … in the order of the plan. */
  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'text' })
  trigger: InstalmentTrigger;

  /** The n of `status_report_approved`: the status report with this number in the award's schedule. */
  @Column({ name: 'report_sequence', type: 'int', nullable: true })
  reportSequence: number | null;

  @Column({ name: 'share_pct', type: 'int' })
  sharePct: number;

  @Column({ name: 'amount_ore', type: 'bigint', transformer: oreColumn })
  amountOre: Ore;

  @Column({ type: 'text', default: 'planned' })
  status: InstalmentStatus;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  /** Who made the trigger happen (decided the award, approved the report): they may not approve the payment. */
  @Column({ name: 'triggered_by', type: 'uuid', nullable: true })
  triggeredBy: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  /** The day the finance system paid it, and its reference there. */
  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ name: 'payment_reference', type: 'text', nullable: true })
  paymentReference: string | null;

  @Column({ name: 'paid_by', type: 'uuid', nullable: true })
  paidBy: string | null;

  /** When the payment was recorded here. */
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
