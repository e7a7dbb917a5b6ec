import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Grant programmes (puljer) and the budget adjustments an administrator records on them. */
export class CreateProgrammes1764400000000 implements MigrationInterface {
  name = 'CreateProgrammes1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-ZÆØÅ]{2,10}-[0-9]{4}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        budget_ore bigint NOT NULL CHECK (budget_ore > 0),
        min_application_ore bigint NOT NULL CHECK (min_application_ore >= 0),
        application_opens_at timestamptz NOT NULL,
        application_closes_at timestamptz NOT NULL,
        max_covid_extension_months integer NOT NULL CHECK (max_covid_extension_months BETWEEN 0 AND 24),
        status_report_interval_months integer NOT NULL CHECK (status_report_interval_months BETWEEN 1 AND 36),
        final_report_due_months integer NOT NULL CHECK (final_report_due_months BETWEEN 0 AND 24),
        themes jsonb NOT NULL CHECK (jsonb_typeof(themes) = 'array' AND jsonb_array_length(themes) > 0),
        criteria jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'array' AND jsonb_array_length(criteria) > 0),
        legal_basis text,
        appeal_guidance text,
        last_case_number integer NOT NULL DEFAULT 0 CHECK (last_case_number >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (application_closes_at > application_opens_at)
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_adjustment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        delta_ore bigint NOT NULL CHECK (delta_ore <> 0),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX budget_adjustment_programme_idx ON budget_adjustment (programme_id, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE budget_adjustment');
    await queryRunner.query('DROP TABLE programme');
  }
}
