import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request for insight belongs to its case: `case_entity` names it, so the case trail
 * (`GET /applications/:id/events`, `GET /audit-events?caseId=`) shows when it came in and how it was answered.
 */
export class PutAccessRequestsOnTheCaseTrail1766550000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW case_entity (entity_type, entity_id, case_id) AS
        SELECT 'application', id::text, id FROM application
        UNION ALL SELECT 'award', id::text, application_id FROM award
        UNION ALL SELECT 'report', id::text, application_id FROM progress_report
        UNION ALL SELECT 'extension_request', id::text, application_id FROM extension_request
        UNION ALL SELECT 'document', id::text, application_id FROM document
        UNION ALL SELECT 'access_request', id::text, application_id FROM access_request`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW case_entity (entity_type, entity_id, case_id) AS
        SELECT 'application', id::text, id FROM application
        UNION ALL SELECT 'award', id::text, application_id FROM award
        UNION ALL SELECT 'report', id::text, application_id FROM progress_report
        UNION ALL SELECT 'extension_request', id::text, application_id FROM extension_request
        UNION ALL SELECT 'document', id::text, application_id FROM document`);
  }
}
