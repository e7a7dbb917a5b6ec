// The browser tests, when this machine has a Chromium to drive (Debian's: `apt-get install -y chromium`;
// Playwright's own download cannot be reached here). Without one they cannot run, and this says so
// plainly instead of passing in silence; .ci/run installs Chromium and fails when no browser test ran.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  process.stdout.write(`\nThe browser tests did NOT run: no Chromium at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`);
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  ['node_modules/@playwright/test/cli.js', 'test', '-c', 'test/browser/playwright.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
