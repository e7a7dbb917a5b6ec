import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An instalment waiting for approval is a reminder's subject: `instalment_approval_waiting` goes to the
 * case's assignee when a ready instalment is not approved within five working days. (The list keeps
 * every subject type before it, `award_amendment` of 1766800000000 included.)
 */
export class RemindOfInstalmentsWaitingForApproval1766810000000 implements MigrationInterface {
  name = 'RemindOfInstalmentsWaitingForApproval1766810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment', 'assessment_handover', 'access_request',
                                'final_account', 'repayment', 'award_amendment', 'instalment'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notification WHERE reminder_id IN (SELECT id FROM reminder WHERE subject_type = 'instalment')`);
    await queryRunner.query(`DELETE FROM reminder WHERE subject_type = 'instalment'`);
    await queryRunner.query('ALTER TABLE reminder DROP CONSTRAINT reminder_subject_type_check');
    await queryRunner.query(`
      ALTER TABLE reminder ADD CONSTRAINT reminder_subject_type_check
        CHECK (subject_type IN ('report', 'award', 'extension_request', 'application', 'report_submission', 'case_assignment', 'assessment_handover', 'access_request',
                                'final_account', 'repayment', 'award_amendment'))`);
  }
}
