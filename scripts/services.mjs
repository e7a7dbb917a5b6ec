// Makes sure Postgres and Redis answer before the system or its tests start. When a URL points at this
// machine and the server is installed but down, it is started; a remote URL is only waited for.
// Plain JavaScript, so it runs before anything is built.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tilskud';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function log(message) {
  process.stderr.write(`[services] ${message}\n`);
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** A URL for the same server's `postgres` maintenance database, used to create and drop databases. */
export function maintenanceUrl(databaseUrl) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseName(databaseUrl) {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

async function postgresAnswers(databaseUrl) {
  const client = new pg.Client({ connectionString: maintenanceUrl(databaseUrl), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisAnswers(redisUrl) {
  const url = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(/^\+PONG|^-NOAUTH/.test(data.toString())));
  });
}

async function waitFor(what, check, seconds) {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`${what} did not answer within ${seconds} s`);
}

function startLocalPostgres() {
  if (!hasCommand('pg_ctlcluster') || !existsSync('/etc/postgresql')) {
    throw new Error('PostgreSQL is not answering and pg_ctlcluster is not installed here; start PostgreSQL or set DATABASE_URL');
  }
  for (const version of readdirSync('/etc/postgresql')) {
    log(`starting PostgreSQL ${version} (main cluster)`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
}

function startLocalRedis(port) {
  if (!hasCommand('redis-server')) {
    throw new Error('Redis is not answering and redis-server is not installed here; start Redis or set REDIS_URL');
  }
  log(`starting Redis on 127.0.0.1:${port}`);
  execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'inherit',
  });
}

export async function ensurePostgres(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  if (await postgresAnswers(databaseUrl)) return;
  if (!LOCAL_HOSTS.has(new URL(databaseUrl).hostname)) return waitFor('PostgreSQL', () => postgresAnswers(databaseUrl), 30);
  startLocalPostgres();
  await waitFor('PostgreSQL', () => postgresAnswers(databaseUrl), 30);
}

export async function ensureRedis(redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL) {
  if (await redisAnswers(redisUrl)) return;
  const url = new URL(redisUrl);
  if (!LOCAL_HOSTS.has(url.hostname)) return waitFor('Redis', () => redisAnswers(redisUrl), 30);
  startLocalRedis(Number(url.port || 6379));
  await waitFor('Redis', () => redisAnswers(redisUrl), 15);
}

async function withMaintenanceClient(databaseUrl, work) {
  const client = new pg.Client({ connectionString: maintenanceUrl(databaseUrl) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

export async function createDatabaseIfMissing(databaseUrl) {
  const name = databaseName(databaseUrl);
  await withMaintenanceClient(databaseUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(name)} ENCODING 'UTF8' TEMPLATE template0`);
      log(`created database ${name}`);
    }
  });
}

export async function dropDatabase(databaseUrl) {
  const name = databaseName(databaseUrl);
  await withMaintenanceClient(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** Names of databases on the server that start with `prefix` (for sweeping up after crashed test runs). */
export async function listDatabases(databaseUrl, prefix) {
  return withMaintenanceClient(databaseUrl, async (client) => {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    return rows.map((row) => row.datname);
  });
}

export async function ensureServices() {
  await Promise.all([ensurePostgres(), ensureRedis()]);
}

// `node scripts/services.mjs` — used by .ci/run before the tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureServices();
  log('PostgreSQL and Redis answer');
}
