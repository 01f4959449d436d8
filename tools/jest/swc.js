// Shared Jest settings for TypeScript with decorators (NestJS, TypeORM) compiled by swc.
module.exports = {
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs', ignoreDynamic: true },
      },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!(meilisearch|openid-client|oauth4webapi|jose|otpauth)/)'],
  moduleNameMapper: {
    '^@maillage/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@maillage/referentials$': '<rootDir>/libs/referentials/src/index.ts',
    '^@maillage/referentials/(.*)$': '<rootDir>/libs/referentials/src/$1.ts',
  },
};
