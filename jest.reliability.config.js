import base from './jest.config.js';

/** The fault tests that restart shared services: run on their own, one at a time, after the main suite. */
export default {
  ...base,
  testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
  maxWorkers: 1,
  testTimeout: 60_000,
};
