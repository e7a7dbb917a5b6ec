// Makes sure Postgres and Redis answer before the system or its tests start. When a URL points at this
// machine and the server is installed but down, it is started; a remote URL is only waited for.
// Plain JavaScript, so it runs before anything is built. (Databases and roles: database-setup.ts.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';

/** Where Postgres is looked for when no URL says otherwise (any role: the check only asks whether it answers). */
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function log(message) {
  process.stderr.write(`[services] ${message}\n`);
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether a server answers at the URL's host and port. A refusal from the server itself (no such role
 * or database yet, a wrong password: SQLSTATE classes 28 and 3D) is an answer; a connection that
 * cannot be made or is cut is not.
 */
async function postgresAnswers(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return typeof error?.code === 'string' && /^(28|3D)/.test(error.code);
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

export async function ensurePostgres(databaseUrl = process.env.DATABASE_ADMIN_URL || process.env.DATABASE_URL || DEFAULT_POSTGRES_URL) {
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

export async function ensureServices() {
  await Promise.all([ensurePostgres(), ensureRedis()]);
}

// `node scripts/services.mjs` — used by .ci/run before the tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureServices();
  log('PostgreSQL and Redis answer');
}
