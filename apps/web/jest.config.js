// Component and unit tests of the web app (jsdom): npx jest -c apps/web/jest.config.js
const root = `${__dirname}/../..`;

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@maillage/contracts$': `${root}/libs/contracts/src/index.ts`,
    '^@maillage/referentials/identifiers$': `${root}/libs/referentials/src/identifiers.ts`,
    '\\.css$': '<rootDir>/src/test/style-stub.js',
  },
  setupFiles: ['<rootDir>/src/test/polyfills.js'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  // Generous, not a performance bound (the same as the unit suite that includes this project).
  testTimeout: 60000,
};
