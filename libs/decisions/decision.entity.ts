import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type Ore, oreColumn } from '../core/money/money.js';

/**
 * The decision on an application, by a named caseworker who did not assess it. It keeps the legal
 * basis and the appeal guidance (klagevejledning, forvaltningsloven § 25) as they were when it was
 * made, so the decision letter can always be reproduced.
 */
@Entity('decision')
export class Decision {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  outcome: 'award' | 'reject';

  @Column({ type: 'text' })
  rationale: string;

  @Column({ name: 'amount_ore', type: 'bigint', nullable: true, transformer: oreColumn })
  amountOre: Ore | null;

  /** Everything that was asked for was granted; anything else needs its main considerations stated. */
  @Column({ name: 'full_grant', type: 'boolean' })
  fullGrant: boolean;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Column({ name: 'appeal_guidance', type: 'text', nullable: true })
  appealGuidance: string | null;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
