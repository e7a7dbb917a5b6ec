// One throwaway database per run, migrated once; its URL and a Redis key prefix of its own are put in
// the environment that every test worker inherits. The real services are started if they are down.
// Plain JavaScript (Jest loads global setup untransformed); it migrates with the compiled migrations,
// which `npm test` builds first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDatabaseIfMissing, DEFAULT_DATABASE_URL, dropDatabase, ensureServices, listDatabases } from '../../scripts/services.mjs';

export const TEST_DATABASE_PREFIX = 'tilskud_test_';
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
const compiledOptions = fileURLToPath(new URL('../../dist/libs/core/database/data-source-options.js', import.meta.url));

/** A test database left behind by a crashed run, judged by the start time in its name. */
function isStale(name, now) {
  const startedAt = Number(name.slice(TEST_DATABASE_PREFIX.length).split('_')[0]);
  return Number.isFinite(startedAt) && now - startedAt > STALE_AFTER_MS;
}

export default async function globalSetup() {
  if (!existsSync(compiledOptions)) throw new Error('dist/ is missing: run the tests with `npm test`, which builds first');
  await ensureServices();
  const base = new URL(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);

  for (const name of await listDatabases(base.toString(), TEST_DATABASE_PREFIX)) {
    if (isStale(name, Date.now())) await dropDatabase(new URL(`/${name}`, base).toString());
  }

  const runName = `${TEST_DATABASE_PREFIX}${Date.now()}_${process.pid}`;
  const databaseUrl = new URL(`/${runName}`, base).toString();
  await createDatabaseIfMissing(databaseUrl);

  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = databaseUrl;
  process.env.QUEUE_PREFIX = runName.replaceAll('_', '-');
  process.env.LOG_LEVEL ||= 'silent';
  // Every test signs in from 127.0.0.1; the rate-limit test sets its own, lower limit.
  process.env.LOGIN_RATE_LIMIT ||= '100000';

  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import(compiledOptions);
  const dataSource = new DataSource(
    dataSourceOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 }, { applicationName: 'tilskud-test-setup', logging: false }),
  );
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}
