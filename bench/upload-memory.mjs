// The API's memory during a 20 MB document upload: an upload is streamed into the document store a
// chunk at a time and hashed on the way, so the process's resident memory should grow by far less
// than the file. Not a timed test: it starts the production API on a database of its own, uploads one
// 20 MB PDF as a project lead, samples the API's RSS (/proc/<pid>/status) every 20 ms, and reports the
// RSS before and the peak during the upload. Part of `npm run bench`; alone: `node bench/upload-memory.mjs`
// (after `npm run build`).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ensureServices } from '../scripts/services.mjs';

const root = new URL('..', import.meta.url);
const PORT = 3812;
const BASE = `http://127.0.0.1:${PORT}/api/v1`;
const ADMIN = { email: 'bench-upload-admin@test.tilskud.dk', password: 'bench-adgangskode-2026' };
const LEAD = { email: 'bench-upload-lead@test.tilskud.dk', password: 'bench-adgangskode-2026' };
const FILE_BYTES = Number(process.env.BENCH_UPLOAD_MB ?? 20) * 1024 * 1024;

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

async function call(method, path, { token, json, body, headers = {} } = {}) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
    body: json ? JSON.stringify(json) : body,
    duplex: body ? 'half' : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function waitFor(url) {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

export async function uploadMemory() {
  await ensureServices();
  const { databaseUrls, dropDatabase, prepareDatabase, urlsForDatabase } = await import(new URL('dist/libs/core/database/database-setup.js', root));
  const urls = urlsForDatabase(databaseUrls(process.env), 'tilskud_bench_upload');
  await dropDatabase(urls);
  await prepareDatabase(urls);
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import(new URL('dist/libs/core/database/data-source-options.js', root));
  const dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: urls.owner, DATABASE_POOL_SIZE: 2 }, { logging: false }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();

  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: urls.app,
      JWT_SECRET: 'bench-secret-'.padEnd(48, 'x'),
      AUDIT_HMAC_KEY: 'bench-audit-key-'.padEnd(48, 'x'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: 'tilskud-bench-upload',
      PORT: String(PORT),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitFor(`${BASE}/health`);
    const admin = (await call('POST', '/auth/login', { json: ADMIN })).accessToken;
    const programme = await call('POST', '/programmes', {
      token: admin,
      json: {
        code: 'BENCHUP-2026',
        name: 'Pulje til måling af upload',
        budgetOre: 24_500_000_000,
        minApplicationOre: 500_000_000,
        applicationOpensAt: '2020-01-01T00:00',
        applicationClosesAt: '2100-01-01T12:00',
        maxCovidExtensionMonths: 6,
        statusReportIntervalMonths: 12,
        finalReportDueMonths: 3,
        themes: [{ key: 'livskvalitet', name: 'Livskvalitet' }],
        criteria: [{ key: 'formaal', title: 'Formål', description: 'Understøtter puljens formål' }],
      },
    });
    await call('POST', '/users', { token: admin, json: { ...LEAD, name: 'Bench Projektleder', role: 'project_lead', municipalityCode: '751' } });
    const lead = (await call('POST', '/auth/login', { json: LEAD })).accessToken;
    const draft = await call('POST', '/applications', {
      token: lead,
      json: {
        programmeId: programme.id,
        title: 'Måling af upload',
        purpose: 'Et projekt, der kun findes for at måle API’ets hukommelse under en upload af et stort dokument.',
        activities: ['Upload'],
        themes: ['livskvalitet'],
        requestedOre: 1_000_000_000,
        plannedStart: '2027-01-01',
        plannedEnd: '2027-12-31',
      },
    });

    // A PDF header and incompressible bytes: the API stores what it gets.
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), randomBytes(FILE_BYTES)]);
    const form = new FormData();
    form.append('subjectType', 'application');
    form.append('subjectId', draft.id);
    form.append('kind', 'other');
    form.append('file', new Blob([file], { type: 'application/pdf' }), 'stor.pdf');

    // Settle first, so the baseline is the process at rest rather than mid-start-up.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const beforeKb = rssKb(api.pid);
    let peakKb = beforeKb;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(api.pid))), 20);
    const started = performance.now();
    const document = await call('POST', '/documents', { token: lead, body: form });
    const seconds = (performance.now() - started) / 1000;
    const firstPeakKb = Math.max(peakKb, rssKb(api.pid));
    // More uploads after the measured one: a process that kept the files would grow with each.
    const laterPeaksMb = [];
    for (let index = 1; index < Number(process.env.BENCH_UPLOADS ?? 1); index += 1) {
      await call('POST', '/documents', { token: lead, body: form });
      laterPeaksMb.push(+(peakKb / 1024).toFixed(0));
    }
    clearInterval(sampler);
    if (document.sizeBytes !== file.length) throw new Error(`stored ${document.sizeBytes} bytes of ${file.length}`);
    return {
      fileMb: +(file.length / 2 ** 20).toFixed(1),
      seconds: +seconds.toFixed(2),
      rssBeforeMb: +(beforeKb / 1024).toFixed(0),
      rssPeakMb: +(firstPeakKb / 1024).toFixed(0),
      rssGrowthMb: +((firstPeakKb - beforeKb) / 1024).toFixed(0),
      ...(laterPeaksMb.length > 0 ? { laterPeaksMb } : {}),
    };
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    await dropDatabase(urls).catch(() => undefined);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await uploadMemory();
  console.log(
    `upload of ${result.fileMb} MB in ${result.seconds} s: API RSS ${result.rssBeforeMb} MB before, peak ${result.rssPeakMb} MB (+${result.rssGrowthMb} MB)` +
      (result.laterPeaksMb ? `; peak after each further upload: ${result.laterPeaksMb.join(', ')} MB` : ''),
  );
}
