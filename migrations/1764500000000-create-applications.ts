import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications: owned by a lead kommune, seen also by co-applicant kommuner (`participant_codes`),
 * searchable in Danish over title and purpose. What was submitted is kept in `application_version`,
 * which is never updated or deleted.
 */
export class CreateApplications1764500000000 implements MigrationInterface {
  name = 'CreateApplications1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme (id),
        municipality_code char(3) NOT NULL REFERENCES municipality (code),
        co_applicant_codes text[] NOT NULL DEFAULT '{}',
        participant_codes text[] GENERATED ALWAYS AS (ARRAY[municipality_code::text] || co_applicant_codes) STORED,
        created_by uuid NOT NULL REFERENCES app_user (id),
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'in_assessment', 'assessed', 'awarded', 'rejected', 'withdrawn')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 10000),
        activities jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(activities) = 'array'),
        themes text[] NOT NULL DEFAULT '{}',
        requested_ore bigint NOT NULL CHECK (requested_ore > 0),
        planned_start date NOT NULL,
        planned_end date NOT NULL,
        case_number text UNIQUE,
        submitted_at timestamptz,
        receipt jsonb,
        -- Millisecond precision: list cursors carry it exactly (JavaScript dates have no microseconds).
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', purpose), 'B')
        ) STORED,
        CHECK ((status = 'draft') = (case_number IS NULL) OR status = 'withdrawn'),
        CHECK (NOT (municipality_code::text = ANY (co_applicant_codes)))
      )`);
    // The lists: newest first, filtered by programme, status, kommune (lead or co-applicant), theme, text.
    await queryRunner.query('CREATE INDEX application_created_idx ON application (created_at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX application_programme_status_idx ON application (programme_id, status, created_at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX application_participants_idx ON application USING gin (participant_codes)');
    await queryRunner.query('CREATE INDEX application_themes_idx ON application USING gin (themes)');
    await queryRunner.query('CREATE INDEX application_search_idx ON application USING gin (search)');

    await queryRunner.query(`
      CREATE TABLE application_version (
        application_id uuid NOT NULL REFERENCES application (id),
        version_no integer NOT NULL CHECK (version_no > 0),
        content jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_by uuid NOT NULL REFERENCES app_user (id),
        PRIMARY KEY (application_id, version_no)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION application_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a submitted application version is never changed: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER application_version_no_update_or_delete BEFORE UPDATE OR DELETE ON application_version
      FOR EACH ROW EXECUTE FUNCTION application_version_is_immutable()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE application_version');
    await queryRunner.query('DROP FUNCTION application_version_is_immutable()');
    await queryRunner.query('DROP TABLE application');
  }
}
