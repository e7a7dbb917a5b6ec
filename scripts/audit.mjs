// `npm run audit`: the production dependencies against the registry's advisories. Fails on a high or
// critical finding; when the registry cannot be asked (some mirrors refuse the audit endpoint), says
// so plainly and does not fail, since nothing was learned either way.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.log(`[audit] no report from npm audit (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n').at(-1)}`);
  process.exit(0);
}
if (!report.metadata) {
  const reason = report.error?.summary || report.message || report.error?.code || 'unknown error';
  console.log(`[audit] the registry could not be asked (${reason}); nothing was checked`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`[audit] production dependencies: ${JSON.stringify(counts)}`);
for (const [name, finding] of Object.entries(report.vulnerabilities ?? {})) {
  if (finding.severity === 'high' || finding.severity === 'critical') console.log(`[audit]   ${finding.severity}: ${name} ${finding.range}`);
}
process.exit(serious > 0 ? 1 : 0);
