// One throwaway database per run, made and migrated once, with the roles `npm start` uses: owned by the
// owner role (which migrates), used by the tests' apps as the app role (which owns nothing and may not
// rewrite the audit trail). Its URLs, a Redis key prefix and an audit key of the run's own are put in
// the environment every test worker inherits. The real services are started if they are down. Plain
// JavaScript (Jest loads global setup untransformed); it uses the compiled code, which `npm test`
// builds first.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureServices } from '../../scripts/services.mjs';

export const TEST_DATABASE_PREFIX = 'tilskud_test_';
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
const dist = new URL('../../dist/', import.meta.url);
const compiled = (path) => fileURLToPath(new URL(path, dist));

/** A test database left behind by a crashed run, judged by the start time in its name. */
function isStale(name, now) {
  const startedAt = Number(name.slice(TEST_DATABASE_PREFIX.length).split('_')[0]);
  return Number.isFinite(startedAt) && now - startedAt > STALE_AFTER_MS;
}

export default async function globalSetup() {
  if (!existsSync(compiled('libs/core/database/data-source-options.js')))
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds first');
  await ensureServices();
  const { databaseUrls, dropDatabase, listDatabases, prepareDatabase, urlsForDatabase } = await import(compiled('libs/core/database/database-setup.js'));
  const base = databaseUrls(process.env);

  for (const name of await listDatabases(base, TEST_DATABASE_PREFIX)) {
    if (isStale(name, Date.now())) await dropDatabase(urlsForDatabase(base, name));
  }

  const runName = `${TEST_DATABASE_PREFIX}${Date.now()}_${process.pid}`;
  const urls = urlsForDatabase(base, runName);
  await prepareDatabase(urls, (line) => process.stderr.write(`[services] ${line}\n`));

  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = urls.app;
  process.env.DATABASE_OWNER_URL = urls.owner;
  process.env.DATABASE_ADMIN_URL = urls.admin;
  process.env.QUEUE_PREFIX = runName.replaceAll('_', '-');
  process.env.AUDIT_HMAC_KEY ||= randomBytes(48).toString('base64url');
  process.env.LOG_LEVEL ||= 'silent';
  // Every test signs in from 127.0.0.1; the rate-limit test sets its own, lower limit.
  process.env.LOGIN_RATE_LIMIT ||= '100000';
  process.env.EXPORT_RATE_LIMIT ||= '100000';

  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import(compiled('libs/core/database/data-source-options.js'));
  const dataSource = new DataSource(
    dataSourceOptions({ DATABASE_URL: urls.owner, DATABASE_POOL_SIZE: 2 }, { applicationName: 'tilskud-test-setup', logging: false }),
  );
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}
