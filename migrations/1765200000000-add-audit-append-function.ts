import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appends an audit event to the chain in one statement: takes the chain lock, reads the last link,
 * completes the event's canonical JSON with the chain fields, hashes it and inserts the event. The
 * application sends the rest of the canonical JSON (`head`, the members before "prevHash", and
 * `request_json`), computed outside the lock by `canonicalJson`, so the hash is exactly the one
 * `hashEvent` computes and the chain verifies as before. The lock is held until the commit; before,
 * three round trips and the application's own work fell inside it, and every write waited on them.
 */
export class AddAuditAppendFunction1765200000000 implements MigrationInterface {
  name = 'AddAuditAppendFunction1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_append(
        chain_lock bigint, event_id uuid, occurred_at timestamptz, actor_id uuid, actor_role text, action text, entity_type text,
        entity_id text, before jsonb, after jsonb, request_id text, head text, request_json text
      ) RETURNS TABLE (seq bigint, prev_hash text, hash text) LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(chain_lock);
        -- A statement of its own, so its snapshot is taken after the lock: it sees the last committed link.
        SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
        seq := coalesce(last_seq, 0) + 1;
        prev_hash := coalesce(last_hash, repeat('0', 64));
        hash := encode(sha256(convert_to(head || '"prevHash":' || to_json(prev_hash)::text || ',"requestId":' || request_json || ',"seq":' || seq || '}', 'UTF8')), 'hex');
        INSERT INTO audit_event (id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
        VALUES (event_id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash);
        RETURN NEXT;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_append(bigint, uuid, timestamptz, uuid, text, text, text, text, jsonb, jsonb, text, text, text)');
  }
}
