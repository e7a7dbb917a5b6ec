import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case's rules (issue 19):
 * - `programme.decision_mode`: `after_deadline` (the default: a competitive pool is decided after its
 *   window has closed, every application on equal terms) or `rolling` (decided as they arrive);
 * - `programme.description`, which an administrator may edit with the name and the appeal guidance;
 * - `assessment_handover` (append-only): an assessment handed from one caseworker to another, by whom
 *   and why; the four-eyes rule follows the new author. Its notification is a reminder subject;
 * - a decision's rationale may be empty for a full grant only (forvaltningsloven § 22).
 */
export class AddDecisionModeAndAssessmentHandover1765850000000 implements MigrationInterface {
  name = 'AddDecisionModeAndAssessmentHandover1765850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE programme
        ADD COLUMN decision_mode text NOT NULL DEFAULT 'after_deadline' CHECK (decision_mode IN ('after_deadline', 'rolling')),
        ADD COLUMN description text CHECK (length(description) <= 20000)`);
    await queryRunner.query(`
      ALTER TABLE decision DROP CONSTRAINT decision_rationale_check,
        ADD CONSTRAINT decision_rationale_check CHECK (length(rationale) <= 20000 AND (length(rationale) > 0 OR full_grant))`);
    await queryRunner.query(`
      CREATE TABLE assessment_handover (
        id uuid PRIMARY KEY DEFAULT uuid_v7(),
        application_id uuid NOT NULL REFERENCES application (id),
        from_assessor_id uuid NOT NULL REFERENCES app_user (id),
        to_assessor_id uuid NOT NULL REFERENCES app_user (id),
        handed_over_by uuid NOT NULL REFERENCES app_user (id),
        reason text CHECK (length(reason) <= 2000),
        handed_over_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX assessment_handover_application_idx ON assessment_handover (application_id, handed_over_at)');
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment', 'assessment_handover'))`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tilskud_app') AND current_user <> 'tilskud_app' THEN
          GRANT SELECT, INSERT ON assessment_handover TO tilskud_app;
          REVOKE UPDATE, DELETE ON assessment_handover FROM tilskud_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM notification WHERE reminder_id IN (SELECT id FROM reminder WHERE subject_type = 'assessment_handover')");
    await queryRunner.query("DELETE FROM reminder WHERE subject_type = 'assessment_handover'");
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment'))`);
    await queryRunner.query('DROP TABLE assessment_handover');
    await queryRunner.query(`UPDATE decision SET rationale = 'Fuld bevilling.' WHERE rationale = ''`);
    await queryRunner.query(`
      ALTER TABLE decision DROP CONSTRAINT decision_rationale_check,
        ADD CONSTRAINT decision_rationale_check CHECK (length(rationale) BETWEEN 1 AND 20000)`);
    await queryRunner.query('ALTER TABLE programme DROP COLUMN description, DROP COLUMN decision_mode');
  }
}
