// Integration tests: real HTTP against a real PostgreSQL (TEST_DB=postgres, a template database
// cloned per test file) or the embedded PGlite (TEST_DB=pglite, one in-memory instance, files run
// one after another and start from emptied tables).
const swc = require('../../tools/jest/swc');

module.exports = {
  displayName: `api-int-${process.env.TEST_DB ?? 'postgres'}`,
  rootDir: '../..',
  testMatch: ['<rootDir>/apps/api/src/**/*.int-spec.ts'],
  // `*.postgres.int-spec.ts` needs several processes on one database, which the in-process PGlite cannot be.
  testPathIgnorePatterns: process.env.TEST_DB === 'pglite' ? ['/node_modules/', '\\.postgres\\.int-spec\\.ts$'] : ['/node_modules/'],
  testEnvironment: 'node',
  transform: swc.transform,
  transformIgnorePatterns: swc.transformIgnorePatterns,
  moduleNameMapper: swc.moduleNameMapper,
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  maxWorkers: process.env.TEST_DB === 'pglite' ? 1 : 2,
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tools/jest/slowest-reporter.js'],
};
