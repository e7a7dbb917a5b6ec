import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminder ids in the UUIDv7 layout (RFC 9562): the first 48 bits are the creation time in Unix
 * milliseconds, the rest random, so new ids sort after older ones. The reconciler writes reminders by
 * the million; with random ids each one landed on a random page of the primary-key index, and once
 * that index outgrew Postgres's buffers every insert read and dirtied a page of its own (a 5,000-row
 * batch: 570 ms with random ids, 230 ms with ordered ones). PostgreSQL 18 has `uuidv7()`; before it,
 * this function: a random (v4) UUID with the time written over its first six bytes and the version
 * nibble set from 4 to 7 (bits 52 and 53 of the bytea).
 */
export class OrderReminderIdsByTime1765300000000 implements MigrationInterface {
  name = 'OrderReminderIdsByTime1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
        SELECT encode(
                 set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                                         PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                                         FROM 1 FOR 6), 52, 1), 53, 1),
                 'hex')::uuid
      $$`);
    await queryRunner.query('ALTER TABLE reminder ALTER COLUMN id SET DEFAULT uuid_v7()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE reminder ALTER COLUMN id SET DEFAULT gen_random_uuid()');
    await queryRunner.query('DROP FUNCTION uuid_v7()');
  }
}
