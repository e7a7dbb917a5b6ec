import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * Prints the plain closing line CI reads, `N passed, N failed`, and keeps the counts in
 * test-results/summary-<suite>.json so .ci/run can add up the suites and print the total last. A test
 * file that could not run counts as a failure.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed`;
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/summary-${process.env.TEST_SUITE_NAME ?? 'main'}.json`, JSON.stringify({ passed: results.numPassedTests, failed }));
    console.log(line);
  }
}
