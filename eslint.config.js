import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Dependency direction: domain ← ingest, charts, storage, i18n ← features ← app. Features never import each other.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/domain', from: ['./src/ingest', './src/charts', './src/storage', './src/i18n', './src/features', './src/app', './src/cli'], message: 'domain is pure: it imports only zod and d3-array' },
            { target: ['./src/ingest', './src/charts', './src/storage', './src/i18n'], from: ['./src/features', './src/app', './src/cli'], message: 'lower layers never import features, app or cli' },
            { target: './src/features/upload', from: ['./src/features/overview', './src/features/datasets', './src/app'], message: 'features never import each other' },
            { target: './src/features/overview', from: ['./src/features/upload', './src/features/datasets', './src/app'], message: 'features never import each other' },
            { target: './src/features/datasets', from: ['./src/features/upload', './src/features/overview', './src/app'], message: 'features never import each other' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'echarts', 'echarts/*', 'papaparse', 'idb'], message: 'domain stays pure' }] },
      ],
    },
  },
);
