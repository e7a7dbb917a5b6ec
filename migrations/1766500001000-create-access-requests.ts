import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access requests (anmodninger om aktindsigt, offentlighedsloven § 36 / forvaltningsloven § 9): who
 * asked for insight into which case, when the request was received and the day it must be answered
 * (7 working days later). Their reminders are outbox rows about an `access_request`.
 */
export class CreateAccessRequests1766500001000 implements MigrationInterface {
  name = 'CreateAccessRequests1766500001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE access_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application (id),
        requester text NOT NULL CHECK (length(requester) BETWEEN 1 AND 200),
        requester_email text CHECK (length(requester_email) <= 254),
        kind text NOT NULL CHECK (kind IN ('aktindsigt', 'partsaktindsigt')),
        received_on date NOT NULL,
        due_date date NOT NULL CHECK (due_date > received_on),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
        completion_note text CHECK (length(completion_note) <= 5000),
        completed_at timestamptz,
        completed_by uuid REFERENCES app_user (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'completed') = (completed_at IS NOT NULL))
      )`);
    // The list: by deadline, optionally of one status.
    await queryRunner.query('CREATE INDEX access_request_due_idx ON access_request (due_date, id)');
    await queryRunner.query('CREATE INDEX access_request_status_due_idx ON access_request (status, due_date, id)');
    await queryRunner.query('CREATE INDEX access_request_application_idx ON access_request (application_id)');
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment', 'assessment_handover', 'access_request'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM notification WHERE reminder_id IN (SELECT id FROM reminder WHERE subject_type = 'access_request')");
    await queryRunner.query("DELETE FROM reminder WHERE subject_type = 'access_request'");
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment', 'assessment_handover'))`);
    await queryRunner.query('DROP TABLE access_request');
  }
}
