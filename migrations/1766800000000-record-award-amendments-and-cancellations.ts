import type { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT_TYPES_BEFORE = `'report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment', 'assessment_handover', 'access_request',
                                'final_account', 'repayment'`;

/**
 * The money after the award, its third part: amendments to an award, its cancellation (bortfald) and
 * the reopening of a closed one, each a numbered version of the award.
 *
 * - `award_amendment`: every change decided on an award after the decision, numbered 1, 2, … per award:
 *   `amount`, `period`, `contact` (POST /awards/:id/amendments), `cancellation` and `reopening`, with
 *   what was before and after, the rationale, who decided and when. Never changed or deleted.
 * - A cancellation releases what was committed and not paid (`budget_release.reason = 'cancellation'`)
 *   and claims back what was paid (`repayment.cause = 'cancellation'`, no final accounts behind it); the
 *   claim's amount is released when it is settled, as a final-accounts claim's is.
 * - The kommune is told of each amendment and of a cancellation: a reminder subject `award_amendment`.
 *
 * No column the ledger shows is added: the cancelled award's amount stays committed (LEDGER_SOURCES'
 * `award.status` already moves the version), and releases and claims are sources already.
 */
export class RecordAwardAmendmentsAndCancellations1766800000000 implements MigrationInterface {
  name = 'RecordAwardAmendmentsAndCancellations1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE award_amendment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES award (id),
        application_id uuid NOT NULL REFERENCES application (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        participant_codes text[] NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        kind text NOT NULL CHECK (kind IN ('amount', 'period', 'contact', 'cancellation', 'reopening')),
        before jsonb NOT NULL CHECK (jsonb_typeof(before) = 'object'),
        after jsonb NOT NULL CHECK (jsonb_typeof(after) = 'object'),
        rationale text NOT NULL CHECK (length(btrim(rationale)) > 0),
        decided_by uuid NOT NULL REFERENCES app_user (id),
        decided_at timestamptz NOT NULL,
        UNIQUE (award_id, version)
      )`);

    await queryRunner.query('ALTER TABLE budget_release DROP CONSTRAINT budget_release_reason_check');
    await queryRunner.query(
      `ALTER TABLE budget_release ADD CONSTRAINT budget_release_reason_check CHECK (reason IN ('final_accounts', 'repayment_settled', 'cancellation'))`,
    );

    await queryRunner.query(`
      ALTER TABLE repayment
        ALTER COLUMN final_account_id DROP NOT NULL,
        ADD COLUMN cause text NOT NULL DEFAULT 'final_accounts' CHECK (cause IN ('final_accounts', 'cancellation')),
        ADD CONSTRAINT repayment_cause_source_check CHECK ((cause = 'final_accounts') = (final_account_id IS NOT NULL))`);
    // One claim per award's cancellation, as there is one per approved final accounts (the UNIQUE above).
    await queryRunner.query(`CREATE UNIQUE INDEX repayment_one_cancellation_idx ON repayment (award_id) WHERE cause = 'cancellation'`);

    // 'instalment' too (1766810000000 adds it): the two were written side by side, and a database that
    // ran that one first (a developer's, the browser tests') already holds instalment reminders.
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN (${SUBJECT_TYPES_BEFORE}, 'award_amendment', 'instalment'))`);

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
        UNION ALL SELECT 'repayment', id::text, application_id FROM repayment
        UNION ALL SELECT 'award_amendment', id::text, application_id FROM award_amendment`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tilskud_app') AND current_user <> 'tilskud_app' THEN
          -- An award's versions are its record: never changed, never deleted.
          REVOKE UPDATE, DELETE ON award_amendment FROM tilskud_app;
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
        UNION ALL SELECT 'instalment', id::text, application_id FROM instalment
        UNION ALL SELECT 'final_account', id::text, application_id FROM final_account
        UNION ALL SELECT 'repayment', id::text, application_id FROM repayment`);
    await queryRunner.query(`DELETE FROM notification WHERE reminder_id IN (SELECT id FROM reminder WHERE subject_type = 'award_amendment')`);
    await queryRunner.query(`DELETE FROM reminder WHERE subject_type = 'award_amendment'`);
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check CHECK (subject_type IN (${SUBJECT_TYPES_BEFORE}))`);
    await queryRunner.query(`DELETE FROM budget_release WHERE reason = 'cancellation' OR final_account_id IS NULL AND reason = 'repayment_settled'`);
    await queryRunner.query(`DELETE FROM repayment WHERE cause = 'cancellation'`);
    await queryRunner.query('DROP INDEX repayment_one_cancellation_idx');
    await queryRunner.query(
      'ALTER TABLE repayment DROP CONSTRAINT repayment_cause_source_check, DROP COLUMN cause, ALTER COLUMN final_account_id SET NOT NULL',
    );
    await queryRunner.query('ALTER TABLE budget_release DROP CONSTRAINT budget_release_reason_check');
    await queryRunner.query(`ALTER TABLE budget_release ADD CONSTRAINT budget_release_reason_check CHECK (reason IN ('final_accounts', 'repayment_settled'))`);
    await queryRunner.query('DROP TABLE award_amendment');
  }
}
