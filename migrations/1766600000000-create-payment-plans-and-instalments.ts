import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Paying an award out in instalments (rater). A programme's `payment_plan` is its shares of an award,
 * each with what makes it payable; every programme, the existing ones too, gets the default 50 % at the
 * award, 40 % after the first approved status report and 10 % held back until the final accounts are
 * approved. An award's instalments are written with the award and are then its own (a later change of
 * the plan does not move them). Each instalment carries its award's programme and kommuner, as a
 * report does, so the queue and the scoped reads need no join.
 *
 * The ledger now shows what is paid and what is approved but unpaid, per programme and per award: a
 * change to an instalment's programme, award, amount or status moves `programme.ledger_version` like
 * every other source in `libs/programmes/ledger-sources.ts`. An instalment is never deleted.
 */
export class CreatePaymentPlansAndInstalments1766600000000 implements MigrationInterface {
  name = 'CreatePaymentPlansAndInstalments1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE programme ADD COLUMN payment_plan jsonb NOT NULL DEFAULT '[
        {"sharePct": 50, "trigger": "award"},
        {"sharePct": 40, "trigger": "status_report_approved", "sequence": 1},
        {"sharePct": 10, "trigger": "final_accounts_approved"}
      ]'::jsonb CHECK (jsonb_typeof(payment_plan) = 'array')`);
    await queryRunner.query(`
      CREATE TABLE instalment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES award (id),
        application_id uuid NOT NULL REFERENCES application (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        municipality_code char(3) NOT NULL,
        participant_codes text[] NOT NULL,
        case_number text NOT NULL,
        sequence int NOT NULL CHECK (sequence >= 1),
        trigger text NOT NULL CHECK (trigger IN ('award', 'status_report_approved', 'final_accounts_approved')),
        report_sequence int CHECK ((trigger = 'status_report_approved') = (report_sequence IS NOT NULL) AND report_sequence >= 1),
        share_pct int NOT NULL CHECK (share_pct BETWEEN 1 AND 100),
        amount_ore bigint NOT NULL CHECK (amount_ore >= 0),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ready', 'approved', 'paid', 'cancelled')),
        ready_at timestamptz,
        triggered_by uuid REFERENCES app_user (id),
        approved_by uuid REFERENCES app_user (id),
        approved_at timestamptz,
        paid_on date,
        payment_reference text CHECK (length(payment_reference) BETWEEN 1 AND 100),
        paid_by uuid REFERENCES app_user (id),
        paid_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (award_id, sequence),
        CHECK (status = 'planned' OR status = 'cancelled' OR ready_at IS NOT NULL),
        CHECK ((status IN ('approved', 'paid')) = (approved_at IS NOT NULL) OR status = 'cancelled'),
        CHECK ((status = 'paid') = (paid_on IS NOT NULL AND payment_reference IS NOT NULL AND paid_at IS NOT NULL))
      )`);
    // The payment approval queue (ready, oldest first) and the finance export (approved, by case).
    await queryRunner.query('CREATE INDEX instalment_status_ready_idx ON instalment (status, ready_at, id)');
    await queryRunner.query("CREATE INDEX instalment_approved_idx ON instalment (case_number, sequence) WHERE status = 'approved'");
    // The ledger's sums per award.
    await queryRunner.query('CREATE INDEX instalment_ledger_idx ON instalment (programme_id, award_id) INCLUDE (amount_ore, status)');

    const shown = ['programme_id', 'award_id', 'amount_ore', 'status'];
    const changed = shown.map((column) => `n.${column}`).join(', ');
    const before = shown.map((column) => `o.${column}`).join(', ');
    await queryRunner.query(`
      CREATE FUNCTION instalment_bump_ledger_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM bump_ledger_version_of(ARRAY(SELECT DISTINCT programme_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM bump_ledger_version_of(ARRAY(SELECT DISTINCT programme_id FROM old_rows));
        ELSE
          PERFORM bump_ledger_version_of(ARRAY(
            SELECT n.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (${changed}) IS DISTINCT FROM (${before})
            UNION SELECT o.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.programme_id IS DISTINCT FROM o.programme_id));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER instalment_ledger_version_insert AFTER INSERT ON instalment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION instalment_bump_ledger_version()',
    );
    await queryRunner.query(
      'CREATE TRIGGER instalment_ledger_version_update AFTER UPDATE ON instalment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION instalment_bump_ledger_version()',
    );
    await queryRunner.query(
      'CREATE TRIGGER instalment_ledger_version_delete AFTER DELETE ON instalment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION instalment_bump_ledger_version()',
    );

    await queryRunner.query(`
      CREATE OR REPLACE VIEW case_entity (entity_type, entity_id, case_id) AS
        SELECT 'application', id::text, id FROM application
        UNION ALL SELECT 'award', id::text, application_id FROM award
        UNION ALL SELECT 'report', id::text, application_id FROM progress_report
        UNION ALL SELECT 'extension_request', id::text, application_id FROM extension_request
        UNION ALL SELECT 'document', id::text, application_id FROM document
        UNION ALL SELECT 'access_request', id::text, application_id FROM access_request
        UNION ALL SELECT 'instalment', id::text, application_id FROM instalment`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tilskud_app') AND current_user <> 'tilskud_app' THEN
          -- An instalment is cancelled, never deleted: what was planned, approved and paid stays on the case.
          REVOKE DELETE ON instalment FROM tilskud_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW case_entity (entity_type, entity_id, case_id) AS
        SELECT 'application', id::text, id FROM application
        UNION ALL SELECT 'award', id::text, application_id FROM award
        UNION ALL SELECT 'report', id::text, application_id FROM progress_report
        UNION ALL SELECT 'extension_request', id::text, application_id FROM extension_request
        UNION ALL SELECT 'document', id::text, application_id FROM document
        UNION ALL SELECT 'access_request', id::text, application_id FROM access_request`);
    await queryRunner.query('DROP TABLE instalment');
    await queryRunner.query('DROP FUNCTION instalment_bump_ledger_version()');
    await queryRunner.query('ALTER TABLE programme DROP COLUMN payment_plan');
  }
}
