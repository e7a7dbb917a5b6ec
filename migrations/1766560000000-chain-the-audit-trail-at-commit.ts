import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Takes the client out of the audit chain's critical section.
 *
 * Until now `audit_append` took the chain's lock when the event was written and held it until the
 * client's COMMIT arrived: every audited write in the system waited on a Node round trip (and on a
 * busy event loop) of whoever held it. From here on a transaction writes its events, unlinked and
 * without the lock, into `audit_pending` (`audit_enqueue`, one statement for all of them), and Postgres
 * links them at commit: a deferred constraint trigger takes the lock, reads the chain's head, appends
 * each event to `audit_event` with its sequence number and keyed hash, and removes it from
 * `audit_pending`. The lock is held from there to the end of the commit, inside the server.
 *
 * The chain is the same: gapless, in commit order, hashed exactly as `audit_append` hashed it (the
 * client still sends the canonical head of each event, `chainHead`, and the HMAC pads of the key). A
 * transaction that rolls back, before or during its commit, leaves nothing, and a sequence number is
 * only taken under the lock, at commit, so none is ever skipped.
 *
 * The key's pads reach the trigger as transaction-local settings (`set_config(…, true)`): they are
 * never written to a table, and are gone when the transaction ends. `audit_pending` is unlogged and
 * empty outside a transaction: a row lives only between `audit_enqueue` and its own commit.
 */
export class ChainTheAuditTrailAtCommit1766560000000 implements MigrationInterface {
  name = 'ChainTheAuditTrailAtCommit1766560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE audit_pending (
        id uuid PRIMARY KEY,
        chain_lock bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        request_id text,
        head text NOT NULL,
        request_json text NOT NULL
      )`);

    await queryRunner.query(`
      CREATE FUNCTION audit_enqueue(chain_lock bigint, events jsonb, key_inner bytea, key_outer bytea) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF length(key_inner) <> 64 OR length(key_outer) <> 64 THEN
          RAISE EXCEPTION 'audit_enqueue needs the 64-byte HMAC pads of the audit key';
        END IF;
        -- The commit trigger reads the chain's head after taking its lock: only READ COMMITTED gives
        -- that statement a snapshot of its own (under REPEATABLE READ it would link to a stale head).
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'audit events are written in READ COMMITTED transactions, not %', current_setting('transaction_isolation');
        END IF;
        PERFORM set_config('tilskud.audit_key_inner', encode(key_inner, 'hex'), true);
        PERFORM set_config('tilskud.audit_key_outer', encode(key_outer, 'hex'), true);
        -- In the order given: the trigger below runs for each row in the order the rows were written.
        INSERT INTO audit_pending (id, chain_lock, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, head, request_json)
        SELECT (e ->> 'id')::uuid, chain_lock, (e ->> 'occurredAt')::timestamptz, (e ->> 'actorId')::uuid, e ->> 'actorRole', e ->> 'action',
               e ->> 'entityType', e ->> 'entityId', nullif(e -> 'before', 'null'::jsonb), nullif(e -> 'after', 'null'::jsonb), e ->> 'requestId',
               e ->> 'head', e ->> 'requestJson'
          FROM jsonb_array_elements(events) WITH ORDINALITY AS given (e, n)
         ORDER BY n;
      END $$`);

    await queryRunner.query(`
      CREATE FUNCTION audit_chain_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        key_inner bytea := decode(coalesce(current_setting('tilskud.audit_key_inner', true), ''), 'hex');
        key_outer bytea := decode(coalesce(current_setting('tilskud.audit_key_outer', true), ''), 'hex');
        last_seq bigint;
        last_hash text;
        next_seq bigint;
        prev text;
        message bytea;
      BEGIN
        IF length(key_inner) <> 64 OR length(key_outer) <> 64 THEN
          RAISE EXCEPTION 'an audit event is written with audit_enqueue, which gives the key for the commit';
        END IF;
        PERFORM pg_advisory_xact_lock(NEW.chain_lock);
        -- A statement of its own, so its snapshot is taken after the lock: it sees the last committed link
        -- (and this transaction's own events linked before this one).
        SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
        next_seq := coalesce(last_seq, 0) + 1;
        prev := coalesce(last_hash, repeat('0', 64));
        message := convert_to(NEW.head || '"prevHash":' || to_json(prev)::text || ',"requestId":' || NEW.request_json || ',"seq":' || next_seq || '}', 'UTF8');
        INSERT INTO audit_event (id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
        VALUES (NEW.id, next_seq, NEW.occurred_at, NEW.actor_id, NEW.actor_role, NEW.action, NEW.entity_type, NEW.entity_id, NEW.before, NEW.after,
                NEW.request_id, prev, encode(sha256(key_outer || sha256(key_inner || message)), 'hex'));
        DELETE FROM audit_pending WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER audit_chain_at_commit AFTER INSERT ON audit_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_at_commit()`);

    await queryRunner.query(
      'DROP FUNCTION audit_append(bigint, uuid, timestamptz, uuid, text, text, text, text, jsonb, jsonb, text, text, text, bytea, bytea)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
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
        SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
        seq := coalesce(last_seq, 0) + 1;
        prev_hash := coalesce(last_hash, repeat('0', 64));
        message := convert_to(head || '"prevHash":' || to_json(prev_hash)::text || ',"requestId":' || request_json || ',"seq":' || seq || '}', 'UTF8');
        hash := encode(sha256(key_outer || sha256(key_inner || message)), 'hex');
        INSERT INTO audit_event (id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
        VALUES (event_id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash);
        RETURN NEXT;
      END $$`);
    await queryRunner.query('DROP TRIGGER audit_chain_at_commit ON audit_pending');
    await queryRunner.query('DROP FUNCTION audit_chain_at_commit()');
    await queryRunner.query('DROP FUNCTION audit_enqueue(bigint, jsonb, bytea, bytea)');
    await queryRunner.query('DROP TABLE audit_pending');
  }
}
