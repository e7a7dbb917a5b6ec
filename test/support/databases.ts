import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/core/database/data-source-options.js';
import { databaseNameOf, databaseUrls, dropDatabase, prepareDatabase, urlsForDatabase } from '../../libs/core/database/database-setup.js';

export interface ScratchDatabase {
  /** What the apps under test connect with: the app role. */
  url: string;
  /** The owner role's: migrations, and what a test does that the system itself may not. */
  ownerUrl: string;
  /** Connected as the owner role. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A database of its own for a test that must start from nothing (e.g. running every migration), made
 * like the run's: owned by the owner role, used by the apps as the app role. `dataSource` is the
 * owner's, so `scratch.dataSource.runMigrations()` migrates it.
 */
export async function createScratchDatabase(suffix: string): Promise<ScratchDatabase> {
  const urls = urlsForDatabase(databaseUrls(process.env), `${databaseNameOf(process.env.DATABASE_URL!)}_${suffix}`);
  await dropDatabase(urls);
  await prepareDatabase(urls);
  const dataSource = new DataSource(
    dataSourceOptions({ DATABASE_URL: urls.owner, DATABASE_POOL_SIZE: 2 }, { applicationName: `tilskud-test-${suffix}`, logging: false }),
  );
  await dataSource.initialize();
  return {
    url: urls.app,
    ownerUrl: urls.owner,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(urls);
    },
  };
}

/**
 * The run's database as its owner sees it: what a test does that the app role may not (and what an
 * intruder holding the database could), closed by the caller.
 */
export async function ownerDataSource(): Promise<DataSource> {
  const dataSource = new DataSource(
    dataSourceOptions({ DATABASE_URL: databaseUrls(process.env).owner, DATABASE_POOL_SIZE: 1 }, { applicationName: 'tilskud-test-owner', logging: false }),
  );
  return dataSource.initialize();
}
