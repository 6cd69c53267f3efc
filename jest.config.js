/** ESM jest over ts-jest: ts-jest only transpiles here (isolatedModules), so CI runs `tsc` too. */
export const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Most of a test's time is spent waiting on loopback servers, not computing: twice as many
  // workers as cores keeps both cores of the reference machine busy (jest's default is cores − 1,
  // one file at a time there).
  maxWorkers: '200%',
};

/**
 * `npm test`: everything but the end-to-end stories, which run the bundle in dist/ and have
 * their own script (`npm run test:e2e`, jest.e2e.config.js) that builds it from source first.
 */
export default {
  ...base,
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
};
