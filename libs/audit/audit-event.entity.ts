import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One recorded change: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained
 * (`prevHash` is the hash of the event with the previous `seq`), so any later edit is detectable.
 */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Gap-free position in the chain; bigint in Postgres, read back as a string. */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
