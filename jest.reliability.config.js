import { projects } from './jest.config.js';

/** The fault tests that restart shared services: run on their own, one at a time, after the main suite. */
export default {
  ...projects.e2e,
  displayName: 'reliability',
  testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
  maxWorkers: 1,
  testTimeout: 60_000,
};
