import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { createScratchDatabase } from '../support/databases.js';

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

async function userTables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  it('lists every migration file in migrations/index.ts, in timestamp order', () => {
    const files = readdirSync(migrationsDir)
      .filter((file) => /^\d{13}-.+\.ts$/.test(file))
      .sort();
    const timestamps = migrations.map((migration) => Number(/(\d{13})$/.exec(migration.name)?.[1]));
    expect(timestamps).toEqual(files.map((file) => Number(file.slice(0, 13))));
  });

  it('run all the way up on an empty database, all the way down, and up again', async () => {
    const scratch = await createScratchDatabase('migrations');
    const { dataSource } = scratch;
    try {
      expect(await userTables(dataSource)).toEqual([]);
      expect(await dataSource.runMigrations()).toHaveLength(migrations.length);
      expect(await userTables(dataSource)).toContain('municipality');

      for (let i = 0; i < migrations.length; i += 1) await dataSource.undoLastMigration();
      expect(await userTables(dataSource)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(true);

      expect(await dataSource.runMigrations()).toHaveLength(migrations.length);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await scratch.drop();
    }
  });
});
