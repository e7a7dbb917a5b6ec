import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseworker's queues by status across every programme: the worklist's counts (`GET
 * /worklist/counts`: applications waiting for assessment, and for a decision) and the lists behind them
 * (`?decidableBy=me`, `?status=`) in their default order, newest first. Without it those walked or
 * scanned every application for the few open ones: on the bench's 200,000 applications a count took
 * 0.2–0.5 s as a table scan, and takes some milliseconds on this index.
 */
export class IndexApplicationsByStatus1766100000000 implements MigrationInterface {
  name = 'IndexApplicationsByStatus1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX application_status_created_idx ON application (status, created_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX application_status_created_idx');
  }
}
