/**
 * The test tiers, as Jest projects:
 * - `unit`: the specs beside the code (`*.spec.ts`): pure rules, no build, no services, seconds
 *   (`npm run test:unit`);
 * - `e2e`: the real app over HTTP against real Postgres and Redis (`npm run test:e2e`), in a database
 *   of the run's own that its global setup makes.
 * `npm test` runs both. The fault tests that restart services are `jest.reliability.config.js`.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // ESM-only dependencies that CommonJS packages require (Node 20.19 loads them natively; Jest does not).
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@fastify/static/node_modules/)?content-disposition/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['reflect-metadata'],
};

export const projects = {
  unit: { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,seeds}/**/*.spec.ts'] },
  e2e: {
    ...shared,
    displayName: 'e2e',
    testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    globalSetup: '<rootDir>/test/setup/global-setup.mjs',
    globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  },
};

export default {
  projects: [projects.unit, projects.e2e],
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
  testTimeout: 30_000,
  maxWorkers: 2,
};
