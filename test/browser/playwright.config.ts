import { defineConfig } from '@playwright/test';

/**
 * The browser tests: Debian's Chromium (Playwright's own browser download cannot be reached here)
 * driving the web app as `npm start` runs it, against the real API, worker, Postgres and Redis, in a
 * database of its own (`tilskud_browser`, migrated and seeded like a fresh installation).
 * `npm run test:web`; `npm test` runs them when a Chromium is found (scripts/test-web.mjs).
 */
export const PORT = Number(process.env.BROWSER_TEST_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const database = process.env.BROWSER_TEST_DATABASE ?? 'tilskud_browser';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.browser-spec.ts',
  // One system, one journey at a time: the steps of a journey build on each other.
  workers: 1,
  fullyParallel: false,
  // A journey is many pages, each checked with axe and photographed twice: minutes on a busy machine.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  retries: 0,
  // Playwright empties its output folder at the start: never the one the other tiers write summaries to.
  outputDir: '../../test-results/browser-artifacts',
  reporter: [['list'], ['./summary-reporter.ts']],
  use: {
    baseURL: BASE_URL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1280, height: 900 },
    launchOptions: { executablePath: chromium, args: ['--no-sandbox'] },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node scripts/start.mjs',
    cwd: '../..',
    url: `${BASE_URL}/api/v1/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      // The roles a fresh installation has (the app role the processes use, the owner that migrates).
      DATABASE_URL: `postgres://tilskud_app@127.0.0.1:5432/${database}`,
      DATABASE_OWNER_URL: `postgres://tilskud_owner@127.0.0.1:5432/${database}`,
      DATABASE_ADMIN_URL: process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      QUEUE_PREFIX: process.env.BROWSER_TEST_QUEUE_PREFIX ?? 'tilskud-browser',
      APP_URL: BASE_URL,
      LOG_LEVEL: 'warn',
      // The tests are many people at one address (127.0.0.1), and every page load refreshes a session:
      // the default 20 sign-ins and refreshes a minute per address is for the internet, and is tested
      // by the e2e tier (test/e2e/auth.e2e-spec.ts), not here.
      LOGIN_RATE_LIMIT: '300',
      // The audit chain's key of the browser tests' own installation. Without one, start.mjs gives each
      // checkout a key file of its own, and a fresh clone would find the chain in this kept database
      // written under another checkout's key: "Kæden er brudt" at its first event. Not a secret.
      AUDIT_HMAC_KEY: process.env.BROWSER_TEST_AUDIT_KEY ?? 'tilskud-browser-tests-audit-chain-key-not-a-secret',
    },
  },
});
