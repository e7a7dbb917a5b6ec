import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ASSUMED_COLUMN, type AssumedValues } from '../core/assumed/assumed-values.js';
import { type Ore, oreColumn } from '../core/money/money.js';
import type { Rating } from './assessment.rules.js';

/** The assessment (vurdering) of an application: a rating and a rationale per criterion, and a recommendation. */
@Entity('assessment')
export class Assessment {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'assessor_id', type: 'uuid' })
  assessorId: string;

  @Column({ type: 'jsonb' })
  ratings: Rating[];

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  recommendation: 'award' | 'reject';

  @Column({ name: 'recommended_ore', type: 'bigint', nullable: true, transformer: oreColumn })
  recommendedOre: Ore | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** What a historical import assumed (the criteria, inferred from the published rationales): see AssumedValues. */
  @Column(ASSUMED_COLUMN)
  assumed: AssumedValues;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
