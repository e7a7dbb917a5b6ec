// `npm run bench`: builds a large and a small dataset on databases of their own, drives the production
// API and a framework-free limit server with autocannon (32 connections) endpoint by endpoint, measures
// the reminder reconciler, the audit export and the API's memory during a 20 MB upload, and writes bench/results/latest.json.
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { webInitialSize } from './web-size.mjs';
import { uploadMemory } from './upload-memory.mjs';
import os from 'node:os';
import pg from 'pg';
import { ensureServices } from '../scripts/services.mjs';
import { generate, LARGE, SMALL } from './dataset.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 8);
// Unmeasured load on each read endpoint before its measured run, on the API and the limit server alike:
// a cold process spends its first seconds compiling, and the first endpoint measured paid for all of it.
// Writes get none: each decision, report submission, payment approval and final-accounts review can be
// made once, and the reads warmed the rest.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
// The measured seconds of each endpoint on each server are split into this many alternating rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const CONNECTIONS = 32;
// A write is driven for exactly this many requests on each server (fewer if its list is shorter), not
// for a duration: each decision, report or instalment can be written once, and a timed run that used up
// its list measured the quick 409s after it (the limit server ran out of reports in a second and a half
// and answered 409 for the rest of its eight, the API after three: unequal mixes, not a ratio).
const WRITE_REQUESTS = Number(process.env.BENCH_WRITES ?? 1200);
const PASSWORD = 'bench-adgangskode-2026';
/** The audit chain's key for the bench's processes and its generated chain, so the chain verifies. */
const AUDIT_HMAC_KEY = 'bench-audit-key-'.padEnd(48, 'x');
const API_PORT = 3810;
// A focused run for profiling one path: `BENCH_ONLY=<regex on endpoint names>` drives only those
// endpoints on the small dataset (`BENCH_SIZE=large` for the large one) and skips the reconciler, the
// export and the upload; `BENCH_PROFILE=1` adds a CPU profile of the API (bench/results/profiles) and a
// sample of what Postgres's backends wait on during each run. Its figures go to bench/results/focus.json,
// never to latest.json: they are for finding where time goes, not for the targets.
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const PROFILE = process.env.BENCH_PROFILE === '1';
const LIMIT_PORT = 3811;
const root = new URL('..', import.meta.url);
const log = (line) => console.log(line);

/** A dataset's database, made as `npm start` makes one: the processes connect as the app role (`url`), the generator as the owner. */
async function prepare(size) {
  const { databaseUrls, dropDatabase, prepareDatabase, urlsForDatabase } = await import(new URL('dist/libs/core/database/database-setup.js', root));
  const urls = urlsForDatabase(databaseUrls(process.env), `tilskud_bench_${size.name}`);
  await dropDatabase(urls);
  await prepareDatabase(urls);
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import(new URL('dist/libs/core/database/data-source-options.js', root));
  const dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: urls.owner, DATABASE_POOL_SIZE: 2 }, { logging: false }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  const client = new pg.Client({ connectionString: urls.owner });
  await client.connect();
  log(`dataset ${size.name}:`);
  await generate(client, size, log, await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }), Buffer.from(AUDIT_HMAC_KEY));
  return { url: urls.app, client, adminUrl: urls.admin, database: `tilskud_bench_${size.name}` };
}

function start(script, env, port, nodeOptions = []) {
  const child = spawn(process.execPath, [...nodeOptions, script], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-'.padEnd(48, 'x'),
      AUDIT_HMAC_KEY,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '100000',
      EXPORT_RATE_LIMIT: '100000',
      QUEUE_PREFIX: 'tilskud-bench',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitFor(url) {
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

const stop = (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));

async function login(email) {
  const response = await fetch(`http://127.0.0.1:${API_PORT}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return (await response.json()).accessToken;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/** The server processes by port, for the CPU they spend (set by `measure`). */
const serverPids = new Map();
const CLOCK_TICKS = 100;
/** A process's CPU seconds so far (user and system), from /proc. */
function cpuSecondsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
/** Every Postgres process's CPU seconds so far, by process: its backends do each statement's work. */
function postgresCpu() {
  const seconds = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') seconds.set(entry, cpuSecondsOf(entry));
    } catch {
      // the process has just exited
    }
  }
  return seconds;
}
/** Postgres's CPU between two readings: a process that ended between them takes its share with it (a little is missed, nothing goes negative). */
function postgresCpuSince(before) {
  let total = 0;
  for (const [pid, seconds] of postgresCpu()) total += Math.max(0, seconds - (before.get(pid) ?? 0));
  return total;
}

/**
 * Drives one endpoint on the API and on the limit server in turns. A read gets a warm-up on each, then
 * `ROUNDS` rounds in which each server gets `DURATION / ROUNDS` seconds, in A-B, B-A, A-B … order: this
 * machine's speed swings by a third within seconds, and one long run on each side measured those swings
 * as much as the two servers. A write gets one run on each (a decision or report can be sent once, and
 * its first requests on each connection would be most of a short round's answers). p95 is computed from
 * the latencies of the answers (autocannon's own summary has no p95).
 */
async function drivePair(endpoint, limitEndpoint) {
  const side = (port, driven) => ({
    port,
    endpoint: driven,
    counter: { next: 0 },
    latencies: [],
    requests: 0,
    seconds: 0,
    // CPU spent during this side's runs: its own process's, and Postgres's on its behalf.
    serverCpu: 0,
    postgresCpu: 0,
    statuses: { '2xx': 0, non2xx: 0, errors: 0 },
  });
  const sides = [side(API_PORT, endpoint), side(LIMIT_PORT, limitEndpoint)];
  if (endpoint.kind === 'read' && WARMUP > 0) for (const side of sides) await load(side, WARMUP, { measured: false });
  const rounds = endpoint.kind === 'read' ? ROUNDS : 1;
  for (let round = 0; round < rounds; round += 1) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const [serverBefore, postgresBefore] = [cpuSecondsOf(serverPids.get(side.port)), postgresCpu()];
      const result = await load(side, DURATION / rounds);
      side.serverCpu += cpuSecondsOf(serverPids.get(side.port)) - serverBefore;
      side.postgresCpu += postgresCpuSince(postgresBefore);
      side.requests += result.requests.total;
      side.seconds += result.duration;
      for (const key of Object.keys(side.statuses)) side.statuses[key] += result[key];
    }
  }
  return sides.map((side) => {
    const latencies = side.latencies.sort((a, b) => a - b);
    return {
      rps: +(side.requests / side.seconds).toFixed(1),
      p50Ms: +percentile(latencies, 50).toFixed(1),
      p95Ms: +percentile(latencies, 95).toFixed(1),
      p99Ms: +percentile(latencies, 99).toFixed(1),
      // Per request: what bounds the rate when the two cores are shared by the server and Postgres.
      cpuMsPerRequest: {
        server: +((1000 * side.serverCpu) / Math.max(1, side.requests)).toFixed(2),
        postgres: +((1000 * side.postgresCpu) / Math.max(1, side.requests)).toFixed(2),
      },
      statuses: side.statuses,
    };
  });
}

/**
 * One autocannon run against one side. Latencies are kept when the run is measured (not a warm-up), and
 * not for the first answer on each connection: a run opens 32 connections and sends 32 requests at once,
 * and with eight short rounds those first answers would be a sixth of a slow list's samples, measuring
 * the start of a round rather than the server under steady load.
 */
function load(side, duration, { measured = true } = {}) {
  // A write's run ends with its last answer. autocannon ends a run of a fixed number of requests at its
  // next one-second tick, so its own duration is whole seconds: 1,200 decisions in 5.1 s counted as 6 s,
  // and every write's rate was 1,200 divided by a whole number (a short run's by 2 or 3).
  const started = performance.now();
  let lastAnswer = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${side.port}`,
        connections: CONNECTIONS,
        ...(side.endpoint.kind === 'write' ? { amount: Math.max(CONNECTIONS, Math.min(side.endpoint.count, WRITE_REQUESTS)) } : { duration }),
        requests: [
          {
            method: side.endpoint.method ?? 'GET',
            setupRequest: (request) => {
              const i = side.counter.next++;
              const body = side.endpoint.body?.(i);
              return {
                ...request,
                path: side.endpoint.path(i),
                headers: { authorization: `Bearer ${side.endpoint.token}`, 'content-type': 'application/json' },
                ...(body ? { body: JSON.stringify(body) } : {}),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(side.endpoint.kind === 'write' ? { ...result, duration: (lastAnswer - started) / 1000 } : result)),
    );
    const answered = new Set();
    instance.on('response', (client, _status, _bytes, responseTime) => {
      lastAnswer = performance.now();
      if (!measured) return;
      if (answered.has(client)) side.latencies.push(responseTime);
      else answered.add(client);
    });
  });
}

async function endpointsFor(client, tokens) {
  const programmeId = (await client.query(`SELECT programme_id FROM award GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].programme_id;
  // The caseworker's worklist: the programme with the most cases waiting (a full page, whatever the generated data).
  const worklistProgrammeId = (
    await client.query(`SELECT programme_id FROM application WHERE status = 'submitted' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)
  ).rows[0].programme_id;
  // Submitted cases (a draft is the kommune's own: the caseworker gets 404 for it, which the limit server does not check).
  const applicationIds = (await client.query(`SELECT id FROM application WHERE status <> 'draft' ORDER BY id LIMIT 2000`)).rows.map((row) => row.id);
  const pending = (await client.query(`SELECT id, requested_ore FROM application WHERE status = 'assessed' ORDER BY id`)).rows;
  // Reports the lead may submit now, by the API's rules (the limit server checks none of them, so both
  // get only these): due, on an active award at least the body's spending, with no approved spending
  // above it, and the report's period begun (the previous report's due date, the first at the award's start).
  const dueReports = (
    await client.query(
      `SELECT r.id FROM progress_report r JOIN award a ON a.id = r.award_id
        WHERE r.status = 'due' AND r.municipality_code = '101' AND a.status = 'active' AND a.amount_ore >= 100000000
          AND NOT EXISTS (SELECT 1 FROM report_submission s JOIN progress_report q ON q.id = s.report_id
                           WHERE q.award_id = a.id AND s.review_outcome = 'approve' AND s.spent_to_date_ore > 100000000)
          AND coalesce((SELECT max(p.due_date) FROM progress_report p
                         WHERE p.award_id = r.award_id AND p.kind = 'status' AND (r.kind = 'final' OR p.sequence < r.sequence)), a.start_date) <= current_date
        ORDER BY r.id`,
    )
  ).rows.map((row) => row.id);
  // Instalments ready since their award, whose decider (caseworker1) may not approve them: caseworker3 does.
  const readyInstalments = (await client.query(`SELECT id FROM instalment WHERE status = 'ready' ORDER BY id`)).rows.map((row) => row.id);
  // Final accounts filed and waiting for review (the dataset's): caseworker3 approves each once.
  const filedAccounts = (await client.query(`SELECT id FROM final_account WHERE status = 'submitted' ORDER BY id`)).rows.map((row) => row.id);
  const halves = (list) => [list.slice(0, Math.floor(list.length / 2)), list.slice(Math.floor(list.length / 2))];
  const [pendingApi, pendingLimit] = halves(pending);
  const [reportsApi, reportsLimit] = halves(dueReports);
  const [instalmentsApi, instalmentsLimit] = halves(readyInstalments);
  const [accountsApi, accountsLimit] = halves(filedAccounts);
  const reads = [
    {
      name: 'applications: caseworker, filtered',
      kind: 'read',
      token: tokens.caseworker,
      path: () => `/api/v1/applications?status=submitted&programmeId=${worklistProgrammeId}&limit=50`,
    },
    { name: 'applications: project lead (kommune)', kind: 'read', token: tokens.lead, path: () => '/api/v1/applications?limit=50' },
    {
      name: 'applications: full-text search',
      kind: 'read',
      token: tokens.caseworker,
      path: () => `/api/v1/applications?q=${encodeURIComponent('ensomhed')}&limit=50`,
    },
    { name: 'application detail', kind: 'read', token: tokens.caseworker, path: (i) => `/api/v1/applications/${applicationIds[i % applicationIds.length]}` },
    { name: 'programme ledger', kind: 'read', token: tokens.admin, path: () => `/api/v1/programmes/${programmeId}/ledger` },
    { name: 'audit-event search', kind: 'read', token: tokens.admin, path: () => '/api/v1/audit-events?action=application.awarded&limit=50' },
  ];
  const writes = (pendingSide, reportsSide, instalmentsSide, accountsSide) => [
    {
      name: 'award decision (budget lock)',
      kind: 'write',
      token: tokens.decider,
      method: 'POST',
      path: (i) => `/api/v1/applications/${pendingSide[i % pendingSide.length].id}/decision`,
      count: pendingSide.length,
      body: (i) => ({ outcome: 'award', amountOre: Number(pendingSide[i % pendingSide.length].requested_ore), rationale: 'Projektet bevilges fuldt ud.' }),
    },
    {
      name: 'report submission',
      kind: 'write',
      token: tokens.lead,
      method: 'POST',
      path: (i) => `/api/v1/reports/${reportsSide[i % reportsSide.length]}/submit`,
      count: reportsSide.length,
      body: () => ({ narrative: 'Projektet skrider frem som planlagt.', spentToDateOre: 100000000, milestones: ['Team etableret'] }),
    },
    {
      name: 'payment approval (four eyes)',
      kind: 'write',
      token: tokens.caseworker,
      method: 'POST',
      path: (i) => `/api/v1/instalments/${instalmentsSide[i % instalmentsSide.length]}/approve`,
      count: instalmentsSide.length,
      body: () => ({}),
    },
    {
      name: 'final-accounts review (settlement)',
      kind: 'write',
      token: tokens.caseworker,
      method: 'POST',
      path: (i) => `/api/v1/final-accounts/${accountsSide[i % accountsSide.length]}/review`,
      count: accountsSide.length,
      body: () => ({ outcome: 'approve', comment: 'Regnskabet er i orden.' }),
    },
  ];
  return {
    reads,
    apiWrites: writes(pendingApi, reportsApi, instalmentsApi, accountsApi),
    limitWrites: writes(pendingLimit, reportsLimit, instalmentsLimit, accountsLimit),
  };
}

async function measure(size) {
  const { url, client, adminUrl, database } = await prepare(size);
  // Budgets that hold about half of the decisions waiting, so the budget guard is exercised under load.
  await client.query(`
    UPDATE programme p SET budget_ore = coalesce((SELECT sum(amount_ore) FROM award a WHERE a.programme_id = p.id), 0)
                                      + coalesce((SELECT sum(requested_ore) FROM application ap WHERE ap.programme_id = p.id AND ap.status = 'assessed'), 0) / 2 + 1`);
  const env = { DATABASE_URL: url };
  // Both servers run side by side and each endpoint is driven on the API and then at once on the limit
  // server: this machine's speed drifts by a fifth over minutes, and a ratio of two runs far apart in
  // time measured the drift as much as the API.
  const profiling = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${new URL('bench/results/profiles', root).pathname}`] : [];
  const api = start('dist/apps/api/src/main.js', env, API_PORT, profiling);
  const limit = start('bench/limit-server.mjs', env, LIMIT_PORT);
  serverPids.set(API_PORT, api.pid).set(LIMIT_PORT, limit.pid);
  await waitFor(`http://127.0.0.1:${API_PORT}/api/v1/health`);
  await waitFor(`http://127.0.0.1:${LIMIT_PORT}/`);
  const tokens = {
    caseworker: await login('caseworker3@tilskud.bench'),
    decider: await login('caseworker1@tilskud.bench'),
    admin: await login('admin@tilskud.bench'),
    lead: await login('lead101@tilskud.bench'),
  };
  const { reads, apiWrites, limitWrites } = await endpointsFor(client, tokens);
  const results = [];
  // The writes each get their own half of the waiting decisions and reports on either server.
  const pairs = [...reads.map((read) => [read, read]), ...apiWrites.map((write, index) => [write, limitWrites[index]])].filter(
    ([endpoint]) => !ONLY || ONLY.test(endpoint.name),
  );
  for (const [endpoint, limitEndpoint] of pairs) {
    log(`  ${endpoint.name}: api and limit, ${endpoint.kind === 'read' ? `${ROUNDS} rounds each` : 'one run each'}`);
    const waits = PROFILE ? await sampleWaits(adminUrl, database) : null;
    const [api, limit] = await drivePair(endpoint, limitEndpoint);
    results.push({ ...endpoint, api, limit, ...(waits ? { waits: await waits.stop() } : {}) });
  }
  await Promise.all([stop(api), stop(limit)]);

  const overCommitted = (
    await client.query(`
    SELECT count(*)::int AS n FROM programme p
     WHERE (SELECT coalesce(sum(amount_ore), 0) FROM award a WHERE a.programme_id = p.id AND a.status <> 'cancelled')
         > p.budget_ore + (SELECT coalesce(sum(delta_ore), 0) FROM budget_adjustment b WHERE b.programme_id = p.id)`)
  ).rows[0].n;
  return { url, client, results, overCommitted };
}

/**
 * What the bench database's backends are doing, sampled every 10 ms while a pair runs (both servers in
 * turn): active, idle in a transaction (waiting for its client: a round trip), or waiting on a lock.
 */
async function sampleWaits(adminUrl, database) {
  // As the superuser: pg_stat_activity hides other roles' states from the database's owner.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const counts = {};
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query(
        `SELECT state, coalesce(wait_event_type || ':' || wait_event, '') AS wait, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = $1 AND state <> 'idle' GROUP BY 1, 2`,
        [database],
      );
      for (const row of rows) counts[`${row.state} ${row.wait}`.trim()] = (counts[`${row.state} ${row.wait}`.trim()] ?? 0) + row.n;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
    },
  };
}

async function measureReconciler(url) {
  const child = spawn(process.execPath, ['bench/reconcile.mjs'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, AUDIT_HMAC_KEY, QUEUE_PREFIX: 'tilskud-bench', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(output.trim().split('\n').at(-1));
}

/**
 * The first pass's floor: the same reminders inserted by one `INSERT … SELECT` into an empty copy of the
 * outbox, with its indexes, checks and foreign keys (what each inserted row costs Postgres), in the same
 * run on the same machine. The target is the first pass within 1.2 times it.
 */
async function measureInsertFloor(client) {
  const { PLANNED_REMINDER_KINDS } = await import(new URL('dist/libs/reminders/reminder-planner.js', root));
  await client.query('DROP TABLE IF EXISTS reminder_floor');
  await client.query('CREATE TABLE reminder_floor (LIKE reminder INCLUDING ALL)');
  const { rows: keys } = await client.query(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'reminder'::regclass AND contype = 'f'`,
  );
  for (const key of keys) await client.query(`ALTER TABLE reminder_floor ADD CONSTRAINT ${key.conname}_floor ${key.def}`);
  const started = process.hrtime.bigint();
  const { rowCount } = await client.query(
    `INSERT INTO reminder_floor (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
     SELECT kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, 'scheduled' FROM reminder WHERE kind = ANY($1)`,
    [PLANNED_REMINDER_KINDS],
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.query('DROP TABLE reminder_floor');
  return { rows: rowCount, seconds: +seconds.toFixed(1) };
}

async function measureExport(url, client) {
  const api = start('dist/apps/api/src/main.js', { DATABASE_URL: url }, API_PORT);
  await waitFor(`http://127.0.0.1:${API_PORT}/api/v1/health`);
  const token = await login('admin@tilskud.bench');
  let peakKb = 0;
  const sampler = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))?.[1] ?? 0);
      peakKb = Math.max(peakKb, kb);
    } catch {
      // the process has just exited
    }
  }, 20);
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${API_PORT}/api/v1/exports/audit-events.csv`, { headers: { authorization: `Bearer ${token}` } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  await stop(api);
  const events = Number((await client.query('SELECT count(*) FROM audit_event')).rows[0].count);
  return { events, rows: lines - 1, bytes, seconds: +seconds.toFixed(1), peakRssMb: +(peakKb / 1024).toFixed(0), status: response.status };
}

await ensureServices();
log('building');
await new Promise((resolve, reject) =>
  spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' }).once('exit', (code) =>
    code === 0 ? resolve() : reject(new Error('build failed')),
  ),
);

if (ONLY) {
  const focused = await measure(process.env.BENCH_SIZE === 'large' ? LARGE : SMALL);
  await focused.client.end();
  writeFileSync(new URL('bench/results/focus.json', root), `${JSON.stringify(focused.results, null, 2)}\n`);
  for (const entry of focused.results) {
    log(
      `${entry.name}: api ${entry.api.rps} rps p95 ${entry.api.p95Ms} ms ${JSON.stringify(entry.api.statuses)} cpu/request ${JSON.stringify(entry.api.cpuMsPerRequest)}`,
    );
    log(
      `${' '.repeat(entry.name.length)}  limit ${entry.limit.rps} rps p95 ${entry.limit.p95Ms} ms ${JSON.stringify(entry.limit.statuses)} cpu/request ${JSON.stringify(entry.limit.cpuMsPerRequest)}`,
    );
    if (entry.waits) log(`${' '.repeat(entry.name.length)}  backends: ${JSON.stringify(entry.waits)}`);
  }
  process.exit(0);
}

const small = await measure(SMALL);
await small.client.end();
const large = await measure(LARGE);
log('reconciler over the large dataset');
const reconciler = await measureReconciler(large.url);
log("the first pass's floor: one INSERT … SELECT of the same reminders");
const insertFloor = await measureInsertFloor(large.client);
log('audit export of the large dataset');
const exported = await measureExport(large.url, large.client);
const reportCount = Number((await large.client.query('SELECT count(*) FROM progress_report')).rows[0].count);
await large.client.end();

const endpoints = large.results.map((entry, index) => ({
  name: entry.name,
  kind: entry.kind,
  rps: entry.api.rps,
  p50Ms: entry.api.p50Ms,
  p95Ms: entry.api.p95Ms,
  p99Ms: entry.api.p99Ms,
  limitRps: entry.limit.rps,
  // The limit server's own p95: what the machine allows at this concurrency without any framework.
  limitP95Ms: entry.limit.p95Ms,
  ratio: +(entry.api.rps / Math.max(1, entry.limit.rps)).toFixed(2),
  p95SmallMs: small.results[index].api.p95Ms,
  statuses: entry.api.statuses,
  cpuMsPerRequest: entry.api.cpuMsPerRequest,
  limitCpuMsPerRequest: entry.limit.cpuMsPerRequest,
  // The limit server's answers too: a write whose list runs out answers 409 fast, and a ratio of unequal mixes says little.
  limitStatuses: entry.limit.statuses,
}));
const result = {
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    durationSeconds: DURATION,
    rounds: ROUNDS,
    warmupSeconds: WARMUP,
    connections: CONNECTIONS,
  },
  dataset: { large: LARGE, small: SMALL },
  endpoints,
  budget: { overCommittedProgrammes: { large: large.overCommitted, small: small.overCommitted } },
  reconciler: {
    reports: reportCount,
    runs: reconciler,
    remindersPlannedPerSecond: Math.round(reconciler[0].planned / reconciler[0].seconds),
    insertFloor,
    // Target: at most 1.2.
    firstPassToFloor: +(reconciler[0].seconds / insertFloor.seconds).toFixed(2),
  },
  export: exported,
  web: webInitialSize(),
  upload: await uploadMemory(),
};
writeFileSync(new URL('bench/results/latest.json', root), `${JSON.stringify(result, null, 2)}\n`);

const pad = (text, width) => String(text).padEnd(width);
log('\nendpoint                               kind   rps    p50   p95   p99   limit  limit p95  ratio  p95(small)');
for (const e of endpoints) {
  log(
    `${pad(e.name, 38)} ${pad(e.kind, 5)} ${pad(e.rps, 6)} ${pad(e.p50Ms, 5)} ${pad(e.p95Ms, 5)} ${pad(e.p99Ms, 5)} ${pad(e.limitRps, 6)} ${pad(e.limitP95Ms, 10)} ${pad(e.ratio, 6)} ${e.p95SmallMs}`,
  );
}
log('\nCPU per request, ms (the server process + Postgres), API against the limit server:');
for (const e of endpoints) {
  log(
    `${pad(e.name, 38)} ${e.cpuMsPerRequest.server} + ${e.cpuMsPerRequest.postgres} against ${e.limitCpuMsPerRequest.server} + ${e.limitCpuMsPerRequest.postgres}`,
  );
}
log(`\nbudget: programmes over-committed after the runs: large ${large.overCommitted}, small ${small.overCommitted}`);
log(`reconciler: ${reportCount} reports; ${reconciler.map((run) => `${run.label}: ${run.planned} planned in ${run.seconds.toFixed(1)} s`).join('; ')}`);
log(
  `reconciler's floor: one INSERT … SELECT of ${insertFloor.rows} reminders in ${insertFloor.seconds} s; first pass ${result.reconciler.firstPassToFloor}× it (target ≤ 1.2), steady pass ${reconciler[1].seconds.toFixed(1)} s (target < 30 s)`,
);
log(`audit export: ${exported.rows} events, ${(exported.bytes / 2 ** 20).toFixed(0)} MiB in ${exported.seconds} s, API peak RSS ${exported.peakRssMb} MB`);
log(
  `web app, initial load gzipped: JavaScript ${(result.web.initialJsGzipBytes / 1000).toFixed(1)} kB (aim: under 200 kB), CSS ${(result.web.initialCssGzipBytes / 1000).toFixed(1)} kB`,
);
log(
  `document upload: ${result.upload.fileMb} MB in ${result.upload.seconds} s, API RSS ${result.upload.rssBeforeMb} MB before, peak ${result.upload.rssPeakMb} MB (+${result.upload.rssGrowthMb} MB)`,
);
log('\nwritten to bench/results/latest.json');
