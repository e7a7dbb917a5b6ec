import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ASSUMED_COLUMN, type AssumedValues } from '../core/assumed/assumed-values.js';
import { type Ore, oreColumn } from '../core/money/money.js';
import type { AwardStatus } from './award.lifecycle.js';

/** An award (tilsagn): money committed to a project for a period, within its programme's budget. */
@Entity('award')
export class Award {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  /** Lead and co-applicant kommuner, copied from the application, to scope project leads' queries. */
  @Column({ name: 'participant_codes', type: 'text', array: true })
  participantCodes: string[];

  @Column({ name: 'case_number', type: 'text' })
  caseNumber: string;

  @Column({ name: 'amount_ore', type: 'bigint', transformer: oreColumn })
  amountOre: Ore;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** Moves when a COVID-19 extension is approved; `originalEndDate` keeps the decided one. */
  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'original_end_date', type: 'date' })
  originalEndDate: string;

  @Column({ type: 'text' })
  status: AwardStatus;

  @Column({ name: 'approved_extension_months', type: 'int', default: 0 })
  approvedExtensionMonths: number;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  /** When the award was closed, and why (a historical import: its follow-up is not registered here). */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;

  /** What a historical import assumed of this award (its period): see AssumedValues. */
  @Column(ASSUMED_COLUMN)
  assumed: AssumedValues;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
