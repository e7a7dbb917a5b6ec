import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks) and
 * hash-chained by `seq`. Reverting the migration drops the table, which the triggers do not prevent.
 */
export class CreateAuditEvents1764200000000 implements MigrationInterface {
  name = 'CreateAuditEvents1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY,
        seq bigint NOT NULL UNIQUE CHECK (seq > 0),
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        action text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
        entity_type text NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 100),
        entity_id text,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await queryRunner.query('CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, seq DESC)');
    await queryRunner.query('CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq DESC) WHERE actor_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX audit_event_action_idx ON audit_event (action, seq DESC)');
    await queryRunner.query('CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at)');
    await queryRunner.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_event');
    await queryRunner.query('DROP FUNCTION audit_event_is_append_only()');
  }
}
