import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger shows two more things than its version followed: the amount applied for beside each
 * award (from `application`) and the kommune's name in the totals (from `municipality`). A change to
 * either now moves `programme.ledger_version` of the programmes whose ledgers show it, like every other
 * source in `libs/programmes/ledger-sources.ts`. An application that has no award is on no ledger, so
 * editing a draft moves nothing.
 */
export class VersionTheLedgerByEverySource1765700000000 implements MigrationInterface {
  name = 'VersionTheLedgerByEverySource1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION application_bump_ledger_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_ledger_version_of(ARRAY(
          SELECT DISTINCT a.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN award a ON a.application_id = n.id
           WHERE n.requested_ore IS DISTINCT FROM o.requested_ore));
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER application_ledger_version_update AFTER UPDATE ON application REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_bump_ledger_version()',
    );
    await queryRunner.query(`
      CREATE FUNCTION municipality_bump_ledger_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_ledger_version_of(ARRAY(
          SELECT DISTINCT a.programme_id FROM new_rows n JOIN old_rows o ON o.code = n.code JOIN award a ON a.municipality_code = n.code
           WHERE n.name IS DISTINCT FROM o.name));
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER municipality_ledger_version_update AFTER UPDATE ON municipality REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION municipality_bump_ledger_version()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER municipality_ledger_version_update ON municipality');
    await queryRunner.query('DROP FUNCTION municipality_bump_ledger_version()');
    await queryRunner.query('DROP TRIGGER application_ledger_version_update ON application');
    await queryRunner.query('DROP FUNCTION application_bump_ledger_version()');
  }
}
