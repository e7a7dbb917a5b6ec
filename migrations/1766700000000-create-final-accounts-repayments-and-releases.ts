import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns of each new table that the ledger shows (libs/programmes/ledger-sources.ts). */
const SHOWN = {
  budget_release: ['programme_id', 'award_id', 'amount_ore'],
  repayment: ['programme_id', 'award_id', 'amount_ore', 'status'],
} as const;

/**
 * The money after the award, its second part: final accounts (slutregnskab), repayment claims
 * (tilbagebetaling) and releases of committed money back to the programme's budget.
 *
 * - A programme gains `auditor_statement_threshold_ore` (default 500.000 kr.: an award at or above it
 *   needs an auditor's statement with its final accounts) and `repayment_waiver_ore` (default 1.000 kr.:
 *   a repayment claim below it is waived at once), for existing programmes too.
 * - `final_account`: each filing of an award's final accounts is kept (`filing_no` 1, 2, … after a
 *   return); at most one is submitted (waiting for review) and at most one approved per award.
 * - `budget_release`: committed money given back to the programme's budget (the ledger's `releasedOre`,
 *   remaining grows by it); `final_accounts` when the accounts are approved, `repayment_settled` when a
 *   claim is paid back.
 * - `repayment`: a claim for what was paid beyond the approved spending: open, then settled or waived.
 *
 * The releases and the claims are ledger sources: their triggers move `programme.ledger_version` as the
 * other sources' do. Neither is ever deleted, nor is a filing.
 */
export class CreateFinalAccountsRepaymentsAndReleases1766700000000 implements MigrationInterface {
  name = 'CreateFinalAccountsRepaymentsAndReleases1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE programme
        ADD COLUMN auditor_statement_threshold_ore bigint NOT NULL DEFAULT 50000000 CHECK (auditor_statement_threshold_ore >= 0),
        ADD COLUMN repayment_waiver_ore bigint NOT NULL DEFAULT 100000 CHECK (repayment_waiver_ore >= 0)`);
    await queryRunner.query(`
      CREATE TABLE final_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES award (id),
        application_id uuid NOT NULL REFERENCES application (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        municipality_code char(3) NOT NULL,
        participant_codes text[] NOT NULL,
        case_number text NOT NULL,
        filing_no int NOT NULL CHECK (filing_no >= 1),
        spent_ore bigint NOT NULL CHECK (spent_ore >= 0),
        budget_lines jsonb NOT NULL CHECK (jsonb_typeof(budget_lines) = 'array'),
        auditor_statement_document_id uuid REFERENCES document (id),
        comment text,
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'returned')),
        filed_by uuid NOT NULL REFERENCES app_user (id),
        filed_at timestamptz NOT NULL,
        reviewed_by uuid REFERENCES app_user (id),
        reviewed_at timestamptz,
        review_comment text,
        version int NOT NULL DEFAULT 1,
        UNIQUE (award_id, filing_no),
        CHECK ((status = 'submitted') = (reviewed_at IS NULL))
      )`);
    await queryRunner.query("CREATE UNIQUE INDEX final_account_one_open_idx ON final_account (award_id) WHERE status = 'submitted'");
    await queryRunner.query("CREATE UNIQUE INDEX final_account_one_approved_idx ON final_account (award_id) WHERE status = 'approved'");
    await queryRunner.query('CREATE INDEX final_account_status_idx ON final_account (status, filed_at, id)');

    await queryRunner.query(`
      CREATE TABLE budget_release (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES award (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        amount_ore bigint NOT NULL CHECK (amount_ore > 0),
        reason text NOT NULL CHECK (reason IN ('final_accounts', 'repayment_settled')),
        final_account_id uuid REFERENCES final_account (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX budget_release_ledger_idx ON budget_release (programme_id, award_id) INCLUDE (amount_ore)');

    await queryRunner.query(`
      CREATE TABLE repayment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES award (id),
        application_id uuid NOT NULL REFERENCES application (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        municipality_code char(3) NOT NULL,
        participant_codes text[] NOT NULL,
        case_number text NOT NULL,
        final_account_id uuid NOT NULL UNIQUE REFERENCES final_account (id),
        amount_ore bigint NOT NULL CHECK (amount_ore > 0),
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'settled', 'waived')),
        settled_on date,
        settlement_reference text CHECK (length(settlement_reference) BETWEEN 1 AND 100),
        settled_by uuid REFERENCES app_user (id),
        settled_at timestamptz,
        waive_reason text,
        waived_automatically boolean NOT NULL DEFAULT false,
        waived_by uuid REFERENCES app_user (id),
        waived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'settled') = (settled_on IS NOT NULL AND settlement_reference IS NOT NULL AND settled_at IS NOT NULL)),
        CHECK ((status = 'waived') = (waived_at IS NOT NULL AND waive_reason IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX repayment_status_idx ON repayment (status, due_date, id)');
    await queryRunner.query('CREATE INDEX repayment_ledger_idx ON repayment (programme_id, award_id) INCLUDE (amount_ore, status)');

    for (const [table, shown] of Object.entries(SHOWN)) {
      const changed = shown.map((column) => `n.${column}`).join(', ');
      const before = shown.map((column) => `o.${column}`).join(', ');
      await queryRunner.query(`
        CREATE FUNCTION ${table}_bump_ledger_version() RETURNS trigger LANGUAGE plpgsql AS $$
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
        `CREATE TRIGGER ${table}_ledger_version_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump_ledger_version()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_ledger_version_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump_ledger_version()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_ledger_version_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump_ledger_version()`,
      );
    }

    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment', 'assessment_handover', 'access_request',
                                'final_account', 'repayment'))`);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW case_entity (entity_type, entity_id, case_id) AS
        SELECT 'application', id::text, id FROM application
        UNION ALL SELECT 'award', id::text, application_id FROM award
        UNION ALL SELECT 'report', id::text, application_id FROM progress_report
        UNION ALL SELECT 'extension_request', id::text, application_id FROM extension_request
        UNION ALL SELECT 'document', id::text, application_id FROM document
        UNION ALL SELECT 'access_request', id::text, application_id FROM access_request
        UNION ALL SELECT 'instalment', id::text, application_id FROM instalment
        UNION ALL SELECT 'final_account', id::text, application_id FROM final_account
        UNION ALL SELECT 'repayment', id::text, application_id FROM repayment`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tilskud_app') AND current_user <> 'tilskud_app' THEN
          -- Filings, releases and claims are the case's record: settled, waived or returned, never deleted.
          REVOKE DELETE ON final_account, budget_release, repayment FROM tilskud_app;
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
        UNION ALL SELECT 'access_request', id::text, application_id FROM access_request
        UNION ALL SELECT 'instalment', id::text, application_id FROM instalment`);
    const ours = "subject_type IN ('final_account', 'repayment') OR kind = 'final_accounts_due'";
    await queryRunner.query(`DELETE FROM notification WHERE reminder_id IN (SELECT id FROM reminder WHERE ${ours})`);
    await queryRunner.query(`DELETE FROM reminder WHERE ${ours}`);
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment', 'assessment_handover', 'access_request'))`);
    await queryRunner.query('DROP TABLE repayment');
    await queryRunner.query('DROP TABLE budget_release');
    await queryRunner.query('DROP TABLE final_account');
    await queryRunner.query('DROP FUNCTION repayment_bump_ledger_version()');
    await queryRunner.query('DROP FUNCTION budget_release_bump_ledger_version()');
    await queryRunner.query('ALTER TABLE programme DROP COLUMN repayment_waiver_ore, DROP COLUMN auditor_statement_threshold_ore');
  }
}
