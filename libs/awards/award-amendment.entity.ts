import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { AwardVersionKind } from './award-versions.js';

/**
 * A change decided on an award after its decision, numbered 1, 2, … per award: what it was and what it
 * became, why, who decided and when. Written once, in the change's transaction, and never changed.
 */
@Entity('award_amendment')
export class AwardAmendment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'award_id', type: 'uuid' })
  awardId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'participant_codes', type: 'text', array: true })
  participantCodes: string[];

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  kind: AwardVersionKind;

  /** The changed values as they were and as they became; amounts as strings of øre. */
  @Column({ type: 'jsonb' })
  before: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  after: Record<string, unknown>;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
