import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moves `programme.ledger_version` at the commit instead of at the change.
 *
 * Every change the ledger shows (an award, an instalment's status, an adjustment, …) moved the version
 * of its programme at once, in a trigger: an UPDATE of the programme row, whose lock the transaction
 * then held until it committed. Every decision and every payment approval in one programme waited on
 * each other from their first write to their commit (the bench's decisions ran at the speed of one
 * transaction at a time, whatever the budget lock did).
 *
 * From here on `bump_ledger_version_of` notes the programmes in `ledger_bump_pending` (unlogged, empty
 * outside a transaction), and a deferred constraint trigger moves their versions at the commit: in the
 * same transaction as the change, as before, so a process never serves a ledger it cached before the
 * change once the change is visible; the programme row is locked for the commit only. The decisions'
 * budget lock (`SELECT … FOR NO KEY UPDATE`, the decision's last step) is a separate matter and stays.
 */
export class MoveTheLedgerVersionAtCommit1766570000000 implements MigrationInterface {
  name = 'MoveTheLedgerVersionAtCommit1766570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Each note is found again by its key (dead rows pile up between vacuums; a scan would read them all).
    await queryRunner.query('CREATE UNLOGGED TABLE ledger_bump_pending (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, programme_id uuid NOT NULL)');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION bump_ledger_version_of(programme_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO ledger_bump_pending (programme_id) SELECT DISTINCT id FROM unnest(programme_ids) AS given (id) WHERE id IS NOT NULL
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION ledger_bump_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM ledger_bump_pending WHERE id = NEW.id;
        UPDATE programme SET ledger_version = ledger_version + 1 WHERE id = NEW.programme_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER ledger_bump_at_commit AFTER INSERT ON ledger_bump_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_bump_at_commit()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION bump_ledger_version_of(programme_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE programme SET ledger_version = ledger_version + 1 WHERE id = ANY(programme_ids)
      $$`);
    await queryRunner.query('DROP TRIGGER ledger_bump_at_commit ON ledger_bump_pending');
    await queryRunner.query('DROP FUNCTION ledger_bump_at_commit()');
    await queryRunner.query('DROP TABLE ledger_bump_pending');
  }
}
