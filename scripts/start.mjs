// `npm start`: the whole system on this machine. Makes sure Postgres and Redis answer (starting local
// servers that are installed but down), builds the backend and the web app, makes the database and its
// two roles (the owner that migrates, the app role the processes connect as), migrates, seeds, then
// runs the API and the worker together until Ctrl-C. Plain JavaScript, so it runs on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureServices } from './services.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT || '3000';
const base = `http://localhost:${port}`;

function step(title, command, args) {
  process.stderr.write(`[start] ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`[start] ${title} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function run(name, script) {
  const child = spawn(process.execPath, [script], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
  }
  return child;
}

async function waitForHealth() {
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

await ensureServices();
step('building', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
// The web app (`npm run build:web`): the API serves apps/web/dist at `/`.
step('building the web app', process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'apps/web', '--logLevel', 'warn']);
const { databaseUrls, prepareDatabase } = await import(`${root}/dist/libs/core/database/database-setup.js`);
await prepareDatabase(databaseUrls(process.env), (line) => process.stderr.write(`[start] ${line}\n`));
// The audit chain's key lives outside the database: without one configured, a key file of this
// checkout's own (made on first start, git-ignored) is given to the API, the worker and the seeds.
if (!process.env.AUDIT_HMAC_KEY && !process.env.AUDIT_HMAC_KEY_FILE && process.env.NODE_ENV !== 'production') {
  const { DEFAULT_AUDIT_KEY_FILE, loadAuditKey } = await import(`${root}/dist/libs/audit/audit-key.js`);
  loadAuditKey({ NODE_ENV: 'development' });
  process.env.AUDIT_HMAC_KEY_FILE = `${root}${DEFAULT_AUDIT_KEY_FILE}`;
}
process.stderr.write('[start] migrating\n');
const { default: dataSource } = await import(`${root}/dist/libs/core/database/data-source.js`);
await dataSource.initialize();
const applied = await dataSource.runMigrations();
await dataSource.destroy();
process.stderr.write(`[start] ${applied.length} migration(s) applied\n`);
if (existsSync(`${root}/dist/seeds/run.js`)) step('seeding', process.execPath, ['dist/seeds/run.js']);

const children = [run('api', 'dist/apps/api/src/main.js'), run('worker', 'dist/apps/worker/src/main.js')];
let stopping = false;
function stop(signal, code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null))).then(() => process.exit(code));
}
for (const child of children) {
  child.once('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`[start] a process stopped (exit ${code}); stopping the rest\n`);
      stop('SIGTERM', code || 1);
    }
  });
}
process.on('SIGINT', () => stop('SIGTERM', 0));
process.on('SIGTERM', () => stop('SIGTERM', 0));

if (await waitForHealth()) {
  const accounts = existsSync(`${root}/dist/seeds/demo-accounts.js`) ? (await import(`${root}/dist/seeds/demo-accounts.js`)).describeDemoAccounts() : '';
  process.stdout.write(
    [
      '',
      'Tilskud is running.',
      `  Web app:  ${base}/`,
      `  API:      ${base}/api/v1`,
      `  API docs: ${base}/api/docs`,
      `  Health:   ${base}/api/v1/health`,
      accounts,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}
