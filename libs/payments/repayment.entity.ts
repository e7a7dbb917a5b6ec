import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { type Ore, oreColumn } from '../core/money/money.js';

export const REPAYMENT_STATUSES = ['open', 'settled', 'waived'] as const;
export type RepaymentStatus = (typeof REPAYMENT_STATUSES)[number];
/** Why the money is claimed back: paid beyond the spending approved final accounts fixed, or paid on an award that was cancelled (bortfald). */
export const REPAYMENT_CAUSES = ['final_accounts', 'cancellation'] as const;
export type RepaymentCause = (typeof REPAYMENT_CAUSES)[number];

/**
 * A repayment claim (tilbagebetalingskrav): what was paid on an award beyond the spending its final
 * accounts approved, or everything paid on an award that was cancelled (bortfald). Open until it is settled (paid back, with the date and the reference) or waived
 * (with a reason; at once when below the programme's waiver), each once.
 */
@Entity('repayment')
export class Repayment {
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

  /** The approved final accounts behind the claim; none for a cancellation's. */
  @Column({ name: 'final_account_id', type: 'uuid', nullable: true })
  finalAccountId: string | null;

  @Column({ type: 'text', default: 'final_accounts' })
  cause: RepaymentCause;

  @Column({ name: 'amount_ore', type: 'bigint', transformer: oreColumn })
  amountOre: Ore;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'text', default: 'open' })
  status: RepaymentStatus;

  @Column({ name: 'settled_on', type: 'date', nullable: true })
  settledOn: string | null;

  @Column({ name: 'settlement_reference', type: 'text', nullable: true })
  settlementReference: string | null;

  @Column({ name: 'settled_by', type: 'uuid', nullable: true })
  settledBy: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  @Column({ name: 'waive_reason', type: 'text', nullable: true })
  waiveReason: string | null;

  @Column({ name: 'waived_automatically', type: 'boolean', default: false })
  waivedAutomatically: boolean;

  @Column({ name: 'waived_by', type: 'uuid', nullable: true })
  waivedBy: string | null;

  @Column({ name: 'waived_at', type: 'timestamptz', nullable: true })
  waivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
