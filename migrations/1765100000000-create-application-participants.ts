import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per kommune taking part in an application (the lead and each co-applicant), in the order of
 * the lists: a project lead's list, newest first, is then a walk down one index instead of a scan of
 * every newer case for the few that are theirs (on 200,000 cases across 98 kommuner, about 1 in 50).
 * Kept by triggers from `application.participant_codes`, in the same statement.
 */
export class CreateApplicationParticipants1765100000000 implements MigrationInterface {
  name = 'CreateApplicationParticipants1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application_participant (
        municipality_code text NOT NULL,
        created_at timestamptz(3) NOT NULL,
        application_id uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
        PRIMARY KEY (municipality_code, created_at, application_id)
      )`);
    await queryRunner.query('CREATE INDEX application_participant_application_idx ON application_participant (application_id)');
    await queryRunner.query(`
      CREATE FUNCTION application_participants_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO application_participant (municipality_code, created_at, application_id)
        SELECT DISTINCT unnest(participant_codes), created_at, id FROM new_rows;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION application_participants_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM application_participant p USING new_rows n JOIN old_rows o ON o.id = n.id
         WHERE p.application_id = n.id AND (n.participant_codes, n.created_at) IS DISTINCT FROM (o.participant_codes, o.created_at);
        INSERT INTO application_participant (municipality_code, created_at, application_id)
        SELECT DISTINCT unnest(n.participant_codes), n.created_at, n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.participant_codes, n.created_at) IS DISTINCT FROM (o.participant_codes, o.created_at);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER application_participants_insert AFTER INSERT ON application REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_participants_insert()',
    );
    await queryRunner.query(
      'CREATE TRIGGER application_participants_update AFTER UPDATE ON application REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_participants_update()',
    );
    await queryRunner.query(`
      INSERT INTO application_participant (municipality_code, created_at, application_id)
      SELECT DISTINCT unnest(participant_codes), created_at, id FROM application`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER application_participants_update ON application');
    await queryRunner.query('DROP TRIGGER application_participants_insert ON application');
    await queryRunner.query('DROP FUNCTION application_participants_update()');
    await queryRunner.query('DROP FUNCTION application_participants_insert()');
    await queryRunner.query('DROP TABLE application_participant');
  }
}
