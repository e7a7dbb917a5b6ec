import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { type Ore, oreColumn } from '../core/money/money.js';

export const FINAL_ACCOUNT_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type FinalAccountStatus = (typeof FINAL_ACCOUNT_STATUSES)[number];

/** A budget line of final accounts, as stored (øre as strings in JSON: bigint does not travel in jsonb). */
export interface StoredFinalBudgetLine {
  label: string;
  budgetOre: string;
  spentOre: string;
}

/**
 * One filing of an award's final accounts (slutregnskab): what was spent, per budget line, with the
 * auditor's statement where the award's size needs one. A returned filing stays as it was; the kommune
 * files again (`filingNo` 2, 3, …). Carries its award's programme and kommuner for the scoped reads.
 */
@Entity('final_account')
export class FinalAccount {
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

  @Column({ name: 'filing_no', type: 'int' })
  filingNo: number;

  @Column({ name: 'spent_ore', type: 'bigint', transformer: oreColumn })
  spentOre: Ore;

  @Column({ name: 'budget_lines', type: 'jsonb' })
  budgetLines: StoredFinalBudgetLine[];

  @Column({ name: 'auditor_statement_document_id', type: 'uuid', nullable: true })
  auditorStatementDocumentId: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'text', default: 'submitted' })
  status: FinalAccountStatus;

  @Column({ name: 'filed_by', type: 'uuid' })
  filedBy: string;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt: Date;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @VersionColumn()
  version: number;
}
