import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets an installation makes for itself, kept with its data: `jwt`, the key that signs access tokens
 * when `JWT_SECRET` is not set, and `identifier`, the key of the hashes that stand in for what someone
 * typed as an e-mail address in a failed sign-in (it may be a password). Generated here, once per
 * database, so no two installations share one and none is published with the code. `jwt_previous`,
 * written by a rotation, is still accepted for the access tokens' lifetime after the new `jwt`'s `created_at`.
 */
export class CreateInstallationSecrets1765400000000 implements MigrationInterface {
  name = 'CreateInstallationSecrets1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE installation_secret (
        name text PRIMARY KEY CHECK (name IN ('jwt', 'jwt_previous', 'identifier')),
        value text NOT NULL CHECK (length(value) >= 43),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO installation_secret (name, value) VALUES ('jwt', $1), ('identifier', $2)`, [
      randomBytes(48).toString('base64url'),
      randomBytes(48).toString('base64url'),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE installation_secret');
  }
}
