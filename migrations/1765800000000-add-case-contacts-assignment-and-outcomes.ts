import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes reach named people:
 * - `case_contact`: each kommune of a case (the lead and every co-applicant) names its contact, a
 *   project lead of that kommune; the lead's is the application's creator to begin with.
 * - `application.assignee_id` with its history in `case_assignment` (append-only): the caseworker who
 *   has the case.
 * - the outbox carries outcome messages beside the planned reminders: a report submission's review and
 *   an assignment are subjects of their own, so each is delivered once; an inbox item names its case
 *   and where to read more.
 * - `programme.award_conditions`: the programme's own terms, printed in the award letter.
 * - `case_entity`: what belongs to a case, as the audit trail names it (entity type and id: the
 *   application, its award, reports and extension requests), so the trail answers "every event of this
 *   case" on its (entity_type, entity_id) index without knowing the contexts' tables; a context that
 *   adds a kind of case record adds it here.
 */
export class AddCaseContactsAssignmentAndOutcomes1765800000000 implements MigrationInterface {
  name = 'AddCaseContactsAssignmentAndOutcomes1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_contact (
        application_id uuid NOT NULL REFERENCES application (id),
        municipality_code char(3) NOT NULL REFERENCES municipality (code),
        user_id uuid NOT NULL REFERENCES app_user (id),
        updated_by uuid REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, municipality_code)
      )`);
    await queryRunner.query('CREATE INDEX case_contact_user_idx ON case_contact (user_id)');
    await queryRunner.query(`
      INSERT INTO case_contact (application_id, municipality_code, user_id, updated_at)
      SELECT a.id, a.municipality_code, a.created_by, a.created_at
        FROM application a JOIN app_user u ON u.id = a.created_by
       WHERE u.role = 'project_lead' AND u.municipality_code = a.municipality_code`);

    await queryRunner.query(`
      ALTER TABLE application
        ADD COLUMN assignee_id uuid REFERENCES app_user (id),
        ADD COLUMN assigned_at timestamptz`);
    await queryRunner.query('CREATE INDEX application_assignee_idx ON application (assignee_id, created_at DESC, id DESC)');
    await queryRunner.query(`
      CREATE TABLE case_assignment (
        id uuid PRIMARY KEY DEFAULT uuid_v7(),
        application_id uuid NOT NULL REFERENCES application (id),
        assignee_id uuid REFERENCES app_user (id),
        previous_assignee_id uuid REFERENCES app_user (id),
        assigned_by uuid NOT NULL REFERENCES app_user (id),
        assigned_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX case_assignment_application_idx ON case_assignment (application_id, assigned_at)');

    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment'))`);
    await queryRunner.query('ALTER TABLE notification ADD COLUMN case_id uuid REFERENCES application (id), ADD COLUMN link text CHECK (length(link) <= 500)');

    // A report and an extension request name their case, as they name its kommuner: their answers name the case without a join.
    for (const table of ['progress_report', 'extension_request']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN application_id uuid REFERENCES application (id)`);
      await queryRunner.query(`UPDATE ${table} t SET application_id = a.application_id FROM award a WHERE a.id = t.award_id`);
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN application_id SET NOT NULL`);
      await queryRunner.query(`CREATE INDEX ${table}_application_idx ON ${table} (application_id)`);
    }

    await queryRunner.query('ALTER TABLE programme ADD COLUMN award_conditions text CHECK (length(award_conditions) <= 20000)');

    await queryRunner.query(`
      CREATE VIEW case_entity (entity_type, entity_id, case_id) AS
        SELECT 'application', id::text, id FROM application
        UNION ALL SELECT 'award', id::text, application_id FROM award
        UNION ALL SELECT 'report', id::text, application_id FROM progress_report
        UNION ALL SELECT 'extension_request', id::text, application_id FROM extension_request`);

    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tilskud_app') AND current_user <> 'tilskud_app' THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON case_contact TO tilskud_app;
          GRANT SELECT, INSERT ON case_assignment TO tilskud_app;
          REVOKE UPDATE, DELETE ON case_assignment FROM tilskud_app;
          GRANT SELECT ON case_entity TO tilskud_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW case_entity');
    await queryRunner.query('ALTER TABLE programme DROP COLUMN award_conditions');
    await queryRunner.query('ALTER TABLE extension_request DROP COLUMN application_id');
    await queryRunner.query('ALTER TABLE progress_report DROP COLUMN application_id');
    await queryRunner.query('ALTER TABLE notification DROP COLUMN link, DROP COLUMN case_id');
    await queryRunner.query(
      "DELETE FROM notification WHERE reminder_id IN (SELECT id FROM reminder WHERE subject_type IN ('report_submission', 'case_assignment'))",
    );
    await queryRunner.query("DELETE FROM reminder WHERE subject_type IN ('report_submission', 'case_assignment')");
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(
      "ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check CHECK (subject_type IN ('report', 'award', 'extension_request', 'application'))",
    );
    await queryRunner.query('DROP TABLE case_assignment');
    await queryRunner.query('ALTER TABLE application DROP COLUMN assigned_at, DROP COLUMN assignee_id');
    await queryRunner.query('DROP TABLE case_contact');
  }
}
