// Lint enforces the architecture: import boundaries between layers, no floating promises,
// exhaustive switches. Type-aware rules use the root tsconfig.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const boundary = (patterns, message, allowTypeImports = false) => [
  'error',
  { patterns: patterns.map((group) => ({ group: [group], message, allowTypeImports })) },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bin/', 'standards/*.json', '**/*.js', '!eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': boundary(['**/server/**', '**/web/**', '**/cli/**', 'fastify*', 'drizzle-orm*'], 'shared/ is pure contracts and helpers used by server, web and cli') },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': boundary(['**/web/**', '**/cli/**'], 'the server does not depend on the UI or the CLI') },
  },
  {
    // Pure domain files: no SQL, no HTTP.
    files: ['server/features/**/*.ts'],
    ignores: ['**/*.queries.ts', '**/*.routes.ts', '**/*.service.ts', '**/*.test.ts', '**/*.present.ts'],
    rules: {
      // Types may be shared (a provider's signature names Db); values may not.
      '@typescript-eslint/no-restricted-imports': boundary(
        ['drizzle-orm*', 'fastify*', '**/http/**', '**/db/**'],
        'pure domain code: put SQL in *.queries.ts and HTTP in *.routes.ts',
        true,
      ),
    },
  },
  {
    files: ['server/features/**/*.service.ts'],
    rules: {
      'no-restricted-imports': boundary(
        ['fastify*', '**/http/**', 'drizzle-orm*', '**/db/schema*', '**/web/**', '**/cli/**'],
        'use cases never know HTTP or SQL: throw AppError, call *.queries.ts',
      ),
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: { 'no-restricted-imports': boundary(['**/server/**', '**/cli/**', 'drizzle-orm*', 'fastify*'], 'the browser talks to the server over HTTP only') },
  },
);
