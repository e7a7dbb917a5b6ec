import { mkdirSync, writeFileSync } from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Keeps the browser tests' counts in test-results/summary-web.json beside the other tiers', so .ci/run
 * adds them to its closing `N passed, N failed` line (and can tell when no browser test ran at all).
 */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    // Counted once, on the final attempt.
    if (result.status === 'passed') this.passed += 1;
    else if (result.status !== 'skipped' && result.retry === test.retries) this.failed += 1;
  }

  onEnd(result: FullResult): void {
    const failed = this.failed + (result.status === 'passed' || this.failed > 0 ? 0 : 1);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/summary-web.json', JSON.stringify({ passed: this.passed, failed }));
    console.log(`${this.passed} passed, ${failed} failed`);
  }
}
