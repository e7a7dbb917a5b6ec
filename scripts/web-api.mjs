// `npm run web:api`: regenerates the web app's API types (apps/web/src/api/schema.d.ts) from the
// OpenAPI document the API itself serves. The API is built (`npm run build`, which the npm script runs
// first) and started in this process exactly as main.ts configures it, without listening, and asked
// for /api/docs-json. Starting it needs what the API needs: PostgreSQL and Redis answering, and the
// database `npm start` uses (DATABASE_URL and the other variables of the README), which this script
// creates and migrates like `npm start` when it is missing or behind.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureServices } from './services.mjs';
import { apiTypesFrom, SCHEMA_FILE } from './web-api-types.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = (path) => import(`${root}dist/${path}`);

process.env.LOG_LEVEL ||= 'silent';
await ensureServices();
const { databaseUrls, prepareDatabase } = await compiled('libs/core/database/database-setup.js');
await prepareDatabase(databaseUrls(process.env), (line) => process.stderr.write(`[web:api] ${line}\n`));
if (!process.env.AUDIT_HMAC_KEY && !process.env.AUDIT_HMAC_KEY_FILE && process.env.NODE_ENV !== 'production') {
  const { DEFAULT_AUDIT_KEY_FILE, loadAuditKey } = await compiled('libs/audit/audit-key.js');
  loadAuditKey({ NODE_ENV: 'development' });
  process.env.AUDIT_HMAC_KEY_FILE = `${root}${DEFAULT_AUDIT_KEY_FILE}`;
}
const { default: dataSource } = await compiled('libs/core/database/data-source.js');
await dataSource.initialize();
await dataSource.runMigrations();
await dataSource.destroy();

const { NestFactory } = await import('@nestjs/core');
const { ApiModule } = await compiled('apps/api/src/api.module.js');
const { configureApi } = await compiled('apps/api/src/configure-api.js');
const { createHttpAdapter, DOCS_PATH } = await compiled('libs/core/http/configure-http-app.js');
const { parseEnv } = await compiled('libs/core/config/env.js');

const app = await NestFactory.create(ApiModule.forRoot(), createHttpAdapter(parseEnv(process.env)), { bodyParser: false, bufferLogs: true });
let document;
try {
  await configureApi(app);
  await app.init();
  const response = await app
    .getHttpAdapter()
    .getInstance()
    .inject({ method: 'GET', url: `/${DOCS_PATH}-json` });
  if (response.statusCode !== 200) throw new Error(`/${DOCS_PATH}-json answered ${response.statusCode}`);
  document = response.json();
} finally {
  await app.close();
}
writeFileSync(SCHEMA_FILE, await apiTypesFrom(document));
process.stderr.write(`[web:api] wrote ${SCHEMA_FILE.slice(root.length)}\n`);
