import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `programme.ledger_version` counts the changes to what a programme's ledger shows: its budget and
 * minimum, its budget adjustments, and its awards' amounts, states, case numbers and kommuner. Triggers
 * keep it in the same transaction as the change, whoever makes it, so a ledger computed at version n
 * is exactly the ledger of every snapshot that reads n, and an API process can serve it again without
 * recomputing it. Statement-level triggers with transition tables bump each programme once per
 * statement, so a bulk insert costs one update, not one per row; an award change the ledger does not
 * show (its end date, after an extension) bumps nothing and takes no lock on the programme.
 *
 * Also a covering index for the ledger's award lines, which are scattered over the table.
 */
export class AddProgrammeLedgerVersion1765000000000 implements MigrationInterface {
  name = 'AddProgrammeLedgerVersion1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE programme ADD COLUMN ledger_version bigint NOT NULL DEFAULT 0');
    await queryRunner.query(`
      CREATE FUNCTION bump_ledger_version_of(programme_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE programme SET ledger_version = ledger_version + 1 WHERE id = ANY(programme_ids)
      $$`);
    for (const [table, shown] of [
      ['award', ['programme_id', 'amount_ore', 'status', 'case_number', 'municipality_code']],
      ['budget_adjustment', ['programme_id', 'delta_ore', 'reason', 'created_by', 'created_at']],
    ] as const) {
      const changed = shown.map((column) => `n.${column}`).join(', ');
      const before = shown.map((column) => `o.${column}`).join(', ');
      await queryRunner.query(`
        CREATE FUNCTION ${table}_bump_ledger_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM bump_ledger_version_of(ARRAY(SELECT DISTINCT programme_id FROM new_rows));
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM bump_ledger_version_of(ARRAY(SELECT DISTINCT programme_id FROM old_rows));
          ELSE
            PERFORM bump_ledger_version_of(ARRAY(
              SELECT n.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (${changed}) IS DISTINCT FROM (${before})
              UNION SELECT o.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.programme_id IS DISTINCT FROM o.programme_id));
          END IF;
          RETURN NULL;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER ${table}_ledger_version_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump_ledger_version()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_ledger_version_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump_ledger_version()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_ledger_version_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump_ledger_version()`,
      );
    }
    await queryRunner.query(`
      CREATE FUNCTION programme_bump_ledger_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.budget_ore, NEW.min_application_ore) IS DISTINCT FROM (OLD.budget_ore, OLD.min_application_ore) THEN
          NEW.ledger_version := OLD.ledger_version + 1;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('CREATE TRIGGER programme_ledger_version BEFORE UPDATE ON programme FOR EACH ROW EXECUTE FUNCTION programme_bump_ledger_version()');
    await queryRunner.query(
      'CREATE INDEX award_ledger_idx ON award (programme_id, case_number) INCLUDE (id, application_id, municipality_code, amount_ore, status)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX award_ledger_idx');
    await queryRunner.query('DROP TRIGGER programme_ledger_version ON programme');
    await queryRunner.query('DROP FUNCTION programme_bump_ledger_version()');
    for (const table of ['award', 'budget_adjustment']) {
      for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER ${table}_ledger_version_${event} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${table}_bump_ledger_version()`);
    }
    await queryRunner.query('DROP FUNCTION bump_ledger_version_of(uuid[])');
    await queryRunner.query('ALTER TABLE programme DROP COLUMN ledger_version');
  }
}
