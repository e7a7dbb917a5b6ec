import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type Ore, oreColumn } from '../core/money/money.js';

export const RELEASE_REASONS = ['final_accounts', 'repayment_settled', 'cancellation'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/**
 * Committed money given back to the programme's budget (the ledger's `releasedOre`): what approved final
 * accounts did not spend and was not paid out, what a cancelled award had not paid out, and later what a
 * settled repayment claim brought back.
 */
@Entity('budget_release')
export class BudgetRelease {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'award_id', type: 'uuid' })
  awardId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'amount_ore', type: 'bigint', transformer: oreColumn })
  amountOre: Ore;

  @Column({ type: 'text' })
  reason: ReleaseReason;

  @Column({ name: 'final_account_id', type: 'uuid', nullable: true })
  finalAccountId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
