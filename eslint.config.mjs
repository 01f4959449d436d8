import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', 'data/**', 'tmp/**', '**/*.d.mts', 'apps/web-e2e/screenshots/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      // Input guards match control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The web app's layers, as in bulletproof-react: routes under app/ compose features; a feature
    // never imports another one (what two features share moves to components/, lib/ or config/),
    // and the shared layers import no feature, so each feature can change or go on its own.
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/elements': [
        { type: 'feature', pattern: 'apps/web/src/features/*', capture: ['feature'] },
        { type: 'app', pattern: 'apps/web/src/app' },
        { type: 'shared', pattern: ['apps/web/src/components', 'apps/web/src/lib', 'apps/web/src/config'] },
        // Test helpers render with the app's providers: tests only, not a layer of the app.
        { type: 'test', pattern: 'apps/web/src/test' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          message:
            "{{ from.type }}{{#if from.captured.feature}} '{{ from.captured.feature }}'{{/if}} may not import {{ to.type }}{{#if to.captured.feature}} '{{ to.captured.feature }}'{{/if}}: move what they share to components/, lib/ or config/, or compose them in a route under app/",
          policies: [
            { from: { element: { type: 'feature' } }, disallow: { to: { element: { types: { anyOf: ['feature', 'app'] } } } } },
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', captured: { feature: '{{ from.captured.feature }}' } } } },
            },
            { from: { element: { type: 'shared' } }, disallow: { to: { element: { types: { anyOf: ['feature', 'app'] } } } } },
          ],
        },
      ],
    },
  },
  {
    // Core is below every module: it declares a port (e.g. core/auth's SessionResolver) that a module implements
    // instead of importing the module, and command-line entry points live in src/cli.
    files: ['apps/api/src/core/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(modules|cli|seed)(/|$)|^(\\.\\./)+(app\\.module|bootstrap|main)$',
              message: 'core never imports a module, the app or a command: declare a port in core and let the module implement it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/test/**', 'apps/web-e2e/**', 'tools/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Tool configuration shares settings kept under tools/.
    files: ['**/jest*.config.js'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', 'libs/referentials/src/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layout is Prettier's (`npm run format`); the rules that would argue with it are off.
  prettier,
];
