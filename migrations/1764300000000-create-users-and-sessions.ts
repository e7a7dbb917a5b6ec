import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users (name, work e-mail, role, kommune for project leads), sign-in sessions and their refresh tokens. */
export class CreateUsersAndSessions1764300000000 implements MigrationInterface {
  name = 'CreateUsersAndSessions1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('project_lead', 'caseworker', 'admin')),
        municipality_code char(3) REFERENCES municipality (code),
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT app_user_kommune_for_project_leads_only CHECK ((role = 'project_lead') = (municipality_code IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX app_user_municipality_idx ON app_user (municipality_code) WHERE municipality_code IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query('CREATE INDEX auth_session_open_idx ON auth_session (user_id) WHERE revoked_at IS NULL');
    await queryRunner.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_session (id),
        secret_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE refresh_token');
    await queryRunner.query('DROP TABLE auth_session');
    await queryRunner.query('DROP TABLE app_user');
  }
}
