// Browser end-to-end tests: the built app started the way `npm start` starts it (embedded PGlite,
// demo seed), driven by playwright-core with Debian's Chromium; axe checks every page visited.
const swc = require('../../tools/jest/swc');

module.exports = {
  displayName: 'e2e',
  rootDir: '../..',
  testMatch: ['<rootDir>/apps/web-e2e/src/**/*.e2e-spec.ts'],
  testEnvironment: 'node',
  transform: swc.transform,
  moduleNameMapper: swc.moduleNameMapper,
  globalSetup: '<rootDir>/apps/web-e2e/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/apps/web-e2e/src/support/global-teardown.ts',
  // One app per worker (global-setup.ts); E2E_WORKERS=2 runs the journeys on two apps side by side.
  maxWorkers: Math.max(1, Number(process.env.E2E_WORKERS ?? 1)),
  reporters: ['default', '<rootDir>/tools/jest/slowest-reporter.js'],
  // Whole user journeys (several browser contexts, dozens of steps) on 2 cores: generous, not a performance bound.
  testTimeout: 300000,
  // The app server is a child process stopped in globalTeardown; do not wait on Chromium's leftovers.
  forceExit: true,
};
