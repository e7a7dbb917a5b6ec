import type { MigrationInterface, QueryRunner } from 'typeorm';

const ASSUMING = ['programme', 'application', 'assessment', 'award'] as const;

/**
 * The 2020 pool as history:
 * - `award.closed_at` and `closed_reason`: when an award was closed and why (a historical import closes
 *   its awards because their follow-up is not registered here); a closed award always says when.
 * - `assumed` on programmes, applications, assessments and awards: the fields a historical import had
 *   to assume, field name → why (see AssumedValues); `{}` for everything else.
 */
export class RecordHistoricalClosingAndAssumedValues1765920000000 implements MigrationInterface {
  name = 'RecordHistoricalClosingAndAssumedValues1765920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE award
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_reason text CHECK (length(closed_reason) BETWEEN 1 AND 2000),
        ADD CONSTRAINT award_closed_when CHECK (status <> 'closed' OR closed_at IS NOT NULL)`);
    for (const table of ASSUMING) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN assumed jsonb NOT NULL DEFAULT '{}' CONSTRAINT ${table}_assumed_object CHECK (jsonb_typeof(assumed) = 'object')`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ASSUMING) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN assumed`);
    await queryRunner.query('ALTER TABLE award DROP CONSTRAINT award_closed_when, DROP COLUMN closed_reason, DROP COLUMN closed_at');
  }
}
