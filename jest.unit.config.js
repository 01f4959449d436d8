// Unit tests: libraries, API units, web components. `npm run test:unit`.
const swc = require('./tools/jest/swc');

module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
      testEnvironment: 'node',
      transform: swc.transform,
      transformIgnorePatterns: swc.transformIgnorePatterns,
      moduleNameMapper: swc.moduleNameMapper,
    },
    '<rootDir>/apps/web/jest.config.js',
  ],
  maxWorkers: 2,
  // Generous, not a performance bound: component tests share 2 cores with whatever else runs.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tools/jest/slowest-reporter.js'],
};
