import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * COVID-19 extension requests on awards (one pending at a time), the progress reports each award owes,
 * and every submission of a report (a resubmission adds a row; nothing is overwritten).
 */
export class CreateExtensionsAndReports1764700000000 implements MigrationInterface {
  name = 'CreateExtensionsAndReports1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE extension_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES award (id),
        participant_codes text[] NOT NULL,
        months integer NOT NULL CHECK (months BETWEEN 1 AND 24),
        reason text NOT NULL CHECK (reason IN ('covid19')),
        justification text NOT NULL CHECK (length(justification) BETWEEN 1 AND 10000),
        status text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'withdrawn')),
        requested_by uuid NOT NULL REFERENCES app_user (id),
        requested_at timestamptz(3) NOT NULL,
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        decision_rationale text,
        approved_months integer CHECK (approved_months BETWEEN 1 AND 24),
        end_date_before date,
        end_date_after date,
        version integer NOT NULL DEFAULT 1,
        CHECK (approved_months IS NULL OR approved_months <= months),
        CHECK ((status = 'approved') = (approved_months IS NOT NULL))
      )`);
    // One pending request per award, whatever races the application makes.
    await queryRunner.query(`CREATE UNIQUE INDEX extension_request_one_pending_idx ON extension_request (award_id) WHERE status = 'submitted'`);
    await queryRunner.query('CREATE INDEX extension_request_worklist_idx ON extension_request (status, requested_at, id)');
    await queryRunner.query('CREATE INDEX extension_request_award_idx ON extension_request (award_id, requested_at)');
    await queryRunner.query('CREATE INDEX extension_request_participants_idx ON extension_request USING gin (participant_codes)');

    await queryRunner.query(`
      CREATE TABLE progress_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        award_id uuid NOT NULL REFERENCES award (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        municipality_code char(3) NOT NULL REFERENCES municipality (code),
        participant_codes text[] NOT NULL,
        kind text NOT NULL CHECK (kind IN ('status', 'final')),
        sequence integer NOT NULL CHECK (sequence > 0),
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('due', 'submitted', 'approved', 'returned')),
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (award_id, kind, sequence)
      )`);
    // The worklist: by due date, filtered by status, kind, programme and kommune.
    await queryRunner.query('CREATE INDEX progress_report_worklist_idx ON progress_report (due_date, id)');
    await queryRunner.query('CREATE INDEX progress_report_status_due_idx ON progress_report (status, due_date, id)');
    await queryRunner.query('CREATE INDEX progress_report_programme_idx ON progress_report (programme_id, due_date)');
    await queryRunner.query('CREATE INDEX progress_report_participants_idx ON progress_report USING gin (participant_codes)');

    await queryRunner.query(`
      CREATE TABLE report_submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES progress_report (id),
        submission_no integer NOT NULL CHECK (submission_no > 0),
        narrative text NOT NULL CHECK (length(narrative) BETWEEN 1 AND 50000),
        spent_to_date_ore bigint NOT NULL CHECK (spent_to_date_ore >= 0),
        milestones jsonb NOT NULL CHECK (jsonb_typeof(milestones) = 'array'),
        deviations text,
        next_steps text,
        submitted_by uuid NOT NULL REFERENCES app_user (id),
        submitted_at timestamptz NOT NULL,
        review_outcome text CHECK (review_outcome IN ('approve', 'return')),
        review_comment text,
        reviewed_by uuid REFERENCES app_user (id),
        reviewed_at timestamptz,
        UNIQUE (report_id, submission_no)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE report_submission');
    await queryRunner.query('DROP TABLE progress_report');
    await queryRunner.query('DROP TABLE extension_request');
  }
}
