import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assessment of an application (a rating and rationale per criterion), the decision on it (by
 * someone else: four-eyes), and the award (tilsagn) an award decision creates.
 */
export class CreateAssessmentsDecisionsAwards1764600000000 implements MigrationInterface {
  name = 'CreateAssessmentsDecisionsAwards1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assessment (
        application_id uuid PRIMARY KEY REFERENCES application (id),
        assessor_id uuid NOT NULL REFERENCES app_user (id),
        ratings jsonb NOT NULL CHECK (jsonb_typeof(ratings) = 'array'),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 10000),
        recommendation text NOT NULL CHECK (recommendation IN ('award', 'reject')),
        recommended_ore bigint CHECK (recommended_ore > 0),
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((recommendation = 'award') = (recommended_ore IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE decision (
        application_id uuid PRIMARY KEY REFERENCES application (id),
        outcome text NOT NULL CHECK (outcome IN ('award', 'reject')),
        rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 20000),
        amount_ore bigint CHECK (amount_ore > 0),
        full_grant boolean NOT NULL,
        legal_basis text,
        appeal_guidance text,
        decided_by uuid NOT NULL REFERENCES app_user (id),
        decided_at timestamptz NOT NULL,
        CHECK ((outcome = 'award') = (amount_ore IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL UNIQUE REFERENCES application (id),
        programme_id uuid NOT NULL REFERENCES programme (id),
        municipality_code char(3) NOT NULL REFERENCES municipality (code),
        participant_codes text[] NOT NULL,
        case_number text NOT NULL UNIQUE,
        amount_ore bigint NOT NULL CHECK (amount_ore > 0),
        start_date date NOT NULL,
        end_date date NOT NULL,
        original_end_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'completed', 'closed', 'cancelled')),
        approved_extension_months integer NOT NULL DEFAULT 0 CHECK (approved_extension_months >= 0),
        decided_by uuid NOT NULL REFERENCES app_user (id),
        decided_at timestamptz NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (end_date > start_date),
        CHECK (end_date >= original_end_date)
      )`);
    await queryRunner.query('CREATE INDEX award_programme_idx ON award (programme_id, status)');
    await queryRunner.query('CREATE INDEX award_participants_idx ON award USING gin (participant_codes)');
    await queryRunner.query('CREATE INDEX award_created_idx ON award (created_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE award');
    await queryRunner.query('DROP TABLE decision');
    await queryRunner.query('DROP TABLE assessment');
  }
}
