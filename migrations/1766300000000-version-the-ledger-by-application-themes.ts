import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each ledger line now names its application's themes (the administrator's totals per theme), so a
 * change to `application.themes` of an awarded application moves `programme.ledger_version`, like the
 * amount applied for beside it (libs/programmes/ledger-sources.ts). A draft is on no ledger: editing
 * one still moves nothing.
 */
export class VersionTheLedgerByApplicationThemes1766300000000 implements MigrationInterface {
  name = 'VersionTheLedgerByApplicationThemes1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION application_bump_ledger_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_ledger_version_of(ARRAY(
          SELECT DISTINCT a.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN award a ON a.application_id = n.id
           WHERE n.requested_ore IS DISTINCT FROM o.requested_ore OR n.themes IS DISTINCT FROM o.themes));
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION application_bump_ledger_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_ledger_version_of(ARRAY(
          SELECT DISTINCT a.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN award a ON a.application_id = n.id
           WHERE n.requested_ore IS DISTINCT FROM o.requested_ore));
        RETURN NULL;
      END $$`);
  }
}
