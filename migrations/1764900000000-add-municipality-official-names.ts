import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official name of each kommune, as documents print it: "<name> Kommune", except
 * Københavns Kommune and Bornholms Regionskommune.
 */
export class AddMunicipalityOfficialNames1764900000000 implements MigrationInterface {
  name = 'AddMunicipalityOfficialNames1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE municipality ADD COLUMN official_name text');
    await queryRunner.query(`
      UPDATE municipality SET official_name = CASE code
        WHEN '101' THEN 'Københavns Kommune'
        WHEN '400' THEN 'Bornholms Regionskommune'
        ELSE name || ' Kommune' END`);
    await queryRunner.query('ALTER TABLE municipality ALTER COLUMN official_name SET NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE municipality DROP COLUMN official_name');
  }
}
