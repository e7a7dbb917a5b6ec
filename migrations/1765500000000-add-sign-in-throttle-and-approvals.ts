import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per account and client address (see `libs/auth/lockout.ts`), keyed by the e-mail's
 * hash so an unknown e-mail is counted exactly like a known one; staff accounts waiting for a second
 * administrator's approval; who created a programme (nobody decides cases of a programme they set up
 * in the same week); and a programme's longest project period.
 */
export class AddSignInThrottleAndApprovals1765500000000 implements MigrationInterface {
  name = 'AddSignInThrottleAndApprovals1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_throttle (
        email_hash char(64) NOT NULL,
        client text NOT NULL CHECK (length(client) BETWEEN 1 AND 100),
        failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
        blocked_until timestamptz,
        last_failure_at timestamptz,
        last_success_at timestamptz,
        PRIMARY KEY (email_hash, client)
      )`);
    await queryRunner.query(`
      ALTER TABLE app_user
        ADD COLUMN approval_requested_by uuid REFERENCES app_user (id),
        ADD COLUMN approval_requested_at timestamptz,
        ADD COLUMN last_sign_in_at timestamptz,
        ADD CONSTRAINT app_user_approval_request_whole CHECK ((approval_requested_by IS NULL) = (approval_requested_at IS NULL))`);
    await queryRunner.query(`
      ALTER TABLE programme
        ADD COLUMN created_by uuid REFERENCES app_user (id),
        ADD COLUMN max_project_months integer NOT NULL DEFAULT 60 CHECK (max_project_months BETWEEN 1 AND 120)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE programme DROP COLUMN max_project_months, DROP COLUMN created_by');
    await queryRunner.query(
      'ALTER TABLE app_user DROP CONSTRAINT app_user_approval_request_whole, DROP COLUMN last_sign_in_at, DROP COLUMN approval_requested_at, DROP COLUMN approval_requested_by',
    );
    await queryRunner.query('DROP TABLE sign_in_throttle');
  }
}
