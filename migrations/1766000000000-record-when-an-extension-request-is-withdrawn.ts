import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `extension_request.withdrawn_at`: when the project lead withdrew the request, set exactly when its
 * status is `withdrawn`. A request withdrawn before this column is given the time of its audited
 * withdrawal (else of its request). The reminder planner's stamp of an award reads it, so a plan made
 * before a withdrawal is not written after it.
 */
export class RecordWhenAnExtensionRequestIsWithdrawn1766000000000 implements MigrationInterface {
  name = 'RecordWhenAnExtensionRequestIsWithdrawn1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE extension_request ADD COLUMN withdrawn_at timestamptz');
    await queryRunner.query(`
      UPDATE extension_request e
         SET withdrawn_at = coalesce(
               (SELECT max(a.occurred_at) FROM audit_event a
                 WHERE a.entity_type = 'extension_request' AND a.entity_id = e.id::text AND a.action = 'extension.withdrawn'),
               e.requested_at)
       WHERE e.status = 'withdrawn'`);
    await queryRunner.query(
      `ALTER TABLE extension_request ADD CONSTRAINT extension_request_withdrawn_when CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE extension_request DROP CONSTRAINT extension_request_withdrawn_when, DROP COLUMN withdrawn_at');
  }
}
