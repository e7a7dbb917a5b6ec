import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The structured application: the applicant's CVR number, a contact person, co-financing and budget
 * lines on the application; on the programme, whether submission needs budget lines and which kinds of
 * document must be on the case first. Programmes that exist now (the historical 2020 pool among them)
 * were set up without either rule, so they keep neither: `requires_budget_lines` is false for them.
 */
export class StructureTheApplication1766500000000 implements MigrationInterface {
  name = 'StructureTheApplication1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE application
        ADD COLUMN cvr char(8) CHECK (cvr ~ '^[0-9]{8}$'),
        ADD COLUMN contact_person jsonb,
        ADD COLUMN co_financing_ore bigint CHECK (co_financing_ore >= 0),
        ADD COLUMN budget_lines jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(budget_lines) = 'array')`);
    await queryRunner.query(`
      ALTER TABLE programme
        ADD COLUMN requires_budget_lines boolean NOT NULL DEFAULT false,
        ADD COLUMN required_document_kinds text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE programme DROP COLUMN required_document_kinds, DROP COLUMN requires_budget_lines');
    await queryRunner.query('ALTER TABLE application DROP COLUMN budget_lines, DROP COLUMN co_financing_ore, DROP COLUMN contact_person, DROP COLUMN cvr');
  }
}
