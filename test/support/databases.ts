import { DataSource } from 'typeorm';
import { createDatabaseIfMissing, dropDatabase } from '../../scripts/services.mjs';
import { dataSourceOptions } from '../../libs/core/database/data-source-options.js';

/** A database of its own for a test that must start from nothing (e.g. running every migration). */
export async function createScratchDatabase(suffix: string): Promise<{ url: string; dataSource: DataSource; drop(): Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${suffix}`;
  await dropDatabase(url.toString());
  await createDatabaseIfMissing(url.toString());
  const dataSource = new DataSource(
    dataSourceOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: 2 }, { applicationName: `tilskud-test-${suffix}`, logging: false }),
  );
  await dataSource.initialize();
  return {
    url: url.toString(),
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url.toString());
    },
  };
}
