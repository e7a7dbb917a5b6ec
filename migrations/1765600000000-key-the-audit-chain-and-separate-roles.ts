import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the records of the case hard to rewrite for whoever holds the database.
 *
 * 1. The audit chain is keyed: from here on each event's hash is an HMAC-SHA256 whose key lives
 *    outside the database (`AUDIT_HMAC_KEY`), so an event changed with the triggers switched off cannot
 *    be given a hash that verifies. `audit_append` takes the key's inner and outer pads (HMAC as in
 *    RFC 2104, computed with Postgres's own `sha256`, no extension needed). Events written before
 *    this migration keep their plain SHA-256 hashes; `audit_chain_state.keyed_from_seq` says where the
 *    keyed part begins, and is append-only like the events.
 * 2. Decisions and report submissions are append-only too; of a submission only its review may be
 *    written, once.
 * 3. The app role (`tilskud_app`, when it exists: `npm start` and the tests create it) may read and
 *    write rows but owns nothing, so it cannot switch a trigger off, and may not UPDATE or DELETE the
 *    audit trail, decisions, application versions or submitted reports, nor touch the installation's
 *    secrets or the migrations. Tables added by later migrations get the same row privileges by default;
 *    a later table that must be append-only revokes them in its own migration.
 */
export class KeyTheAuditChainAndSeparateRoles1765600000000 implements MigrationInterface {
  name = 'KeyTheAuditChainAndSeparateRoles1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);

    await queryRunner.query(`
      CREATE TABLE audit_chain_state (
        keyed_from_seq bigint NOT NULL CHECK (keyed_from_seq >= 1),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('INSERT INTO audit_chain_state (keyed_from_seq) SELECT coalesce(max(seq), 0) + 1 FROM audit_event');
    await queryRunner.query('CREATE UNIQUE INDEX audit_chain_state_one_row ON audit_chain_state ((true))');
    await queryRunner.query(
      'CREATE TRIGGER audit_chain_state_append_only BEFORE UPDATE OR DELETE ON audit_chain_state FOR EACH ROW EXECUTE FUNCTION refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_chain_state_no_truncate BEFORE TRUNCATE ON audit_chain_state FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()',
    );

    await queryRunner.query('DROP FUNCTION audit_append(bigint, uuid, timestamptz, uuid, text, text, text, text, jsonb, jsonb, text, text, text)');
    await queryRunner.query(`
      CREATE FUNCTION audit_append(
        chain_lock bigint, event_id uuid, occurred_at timestamptz, actor_id uuid, actor_role text, action text, entity_type text,
        entity_id text, before jsonb, after jsonb, request_id text, head text, request_json text, key_inner bytea, key_outer bytea
      ) RETURNS TABLE (seq bigint, prev_hash text, hash text) LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_hash text;
        message bytea;
      BEGIN
        IF length(key_inner) <> 64 OR length(key_outer) <> 64 THEN
          RAISE EXCEPTION 'audit_append needs the 64-byte HMAC pads of the audit key';
        END IF;
        PERFORM pg_advisory_xact_lock(chain_lock);
        -- A statement of its own, so its snapshot is taken after the lock: it sees the last committed link.
        SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
        seq := coalesce(last_seq, 0) + 1;
        prev_hash := coalesce(last_hash, repeat('0', 64));
        message := convert_to(head || '"prevHash":' || to_json(prev_hash)::text || ',"requestId":' || request_json || ',"seq":' || seq || '}', 'UTF8');
        hash := encode(sha256(key_outer || sha256(key_inner || message)), 'hex');
        INSERT INTO audit_event (id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
        VALUES (event_id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash);
        RETURN NEXT;
      END $$`);

    await queryRunner.query('CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision FOR EACH ROW EXECUTE FUNCTION refuse_change()');
    await queryRunner.query(`
      CREATE FUNCTION report_submission_review_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.review_outcome IS NOT NULL
           OR (OLD.id, OLD.report_id, OLD.submission_no, OLD.narrative, OLD.spent_to_date_ore, OLD.milestones, OLD.deviations, OLD.next_steps, OLD.submitted_by, OLD.submitted_at)
              IS DISTINCT FROM (NEW.id, NEW.report_id, NEW.submission_no, NEW.narrative, NEW.spent_to_date_ore, NEW.milestones, NEW.deviations, NEW.next_steps, NEW.submitted_by, NEW.submitted_at) THEN
          RAISE EXCEPTION 'a report submission is never changed, and its review is written once' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER report_submission_review_once BEFORE UPDATE OR DELETE ON report_submission FOR EACH ROW EXECUTE FUNCTION report_submission_review_once()',
    );

    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tilskud_app') AND current_user <> 'tilskud_app' THEN
          GRANT USAGE ON SCHEMA public TO tilskud_app;
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tilskud_app;
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tilskud_app;
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tilskud_app;
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tilskud_app;
          REVOKE UPDATE, DELETE ON audit_event, audit_chain_state, decision, application_version FROM tilskud_app;
          REVOKE INSERT ON audit_chain_state FROM tilskud_app;
          REVOKE UPDATE, DELETE ON report_submission FROM tilskud_app;
          GRANT UPDATE (review_outcome, review_comment, reviewed_by, reviewed_at) ON report_submission TO tilskud_app;
          REVOKE INSERT, UPDATE, DELETE ON installation_secret FROM tilskud_app;
          REVOKE ALL ON typeorm_migrations FROM tilskud_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tilskud_app') AND current_user <> 'tilskud_app' THEN
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM tilskud_app;
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM tilskud_app;
          REVOKE ALL ON ALL TABLES IN SCHEMA public FROM tilskud_app;
          REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM tilskud_app;
          REVOKE USAGE ON SCHEMA public FROM tilskud_app;
        END IF;
      END $$`);
    await queryRunner.query('DROP TRIGGER report_submission_review_once ON report_submission');
    await queryRunner.query('DROP FUNCTION report_submission_review_once()');
    await queryRunner.query('DROP TRIGGER decision_append_only ON decision');
    await queryRunner.query(
      'DROP FUNCTION audit_append(bigint, uuid, timestamptz, uuid, text, text, text, text, jsonb, jsonb, text, text, text, bytea, bytea)',
    );
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
        SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
        seq := coalesce(last_seq, 0) + 1;
        prev_hash := coalesce(last_hash, repeat('0', 64));
        hash := encode(sha256(convert_to(head || '"prevHash":' || to_json(prev_hash)::text || ',"requestId":' || request_json || ',"seq":' || seq || '}', 'UTF8')), 'hex');
        INSERT INTO audit_event (id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
        VALUES (event_id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash);
        RETURN NEXT;
      END $$`);
    await queryRunner.query('DROP TABLE audit_chain_state');
    await queryRunner.query('DROP FUNCTION refuse_change()');
  }
}
