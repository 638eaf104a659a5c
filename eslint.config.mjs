import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import capabilityBoundaries from './scripts/eslint/capability-boundaries.cjs';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.cache/**', 'media/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', fetch: 'readonly', performance: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Capabilities meet only through their index.ts (see scripts/eslint/capability-boundaries.cjs).
    files: ['src/**/*.ts'],
    plugins: { local: { rules: { 'capability-boundaries': capabilityBoundaries } } },
    rules: { 'local/capability-boundaries': 'error' },
  },
  {
    // Pure logic must run in plain Node and from the CLI: no editor API.
    files: ['src/lint/**/*.ts', 'src/language/**/*.ts', 'src/lab/**/*.ts', 'src/docker/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/**/vscode/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Pure modules do not import vscode; put editor glue under a vscode/ folder.' }] }],
    },
  },
);
