import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layers (README "Project layout"), each imports only from the layers below it:
 *
 *   app ─────────────► features/<one each> ──► ui ──► model ──► ingest · charts · storage · i18n ──► domain
 *   cli ────────────────────────────────────────────► model ──► …
 *
 * Features never import each other, and the CLI never imports ui, features or app. The feature zones are
 * made from the folder list, so a new feature folder is covered without editing this file.
 */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const lower = ['./src/ingest', './src/charts', './src/storage', './src/i18n'];
const zones = [
  { target: './src/domain', from: [...lower, './src/model', './src/ui', './src/features', './src/app', './src/cli'], message: 'domain is pure: it imports only zod and d3-array' },
  { target: lower, from: ['./src/model', './src/ui', './src/features', './src/app', './src/cli'], message: 'ingest, charts, storage and i18n never import the layers above them' },
  { target: './src/model', from: ['./src/ui', './src/features', './src/app', './src/cli'], message: 'model is the non-UI layer shared by the app and the CLI: it never imports ui, features, app or cli' },
  { target: './src/ui', from: ['./src/features', './src/app', './src/cli'], message: 'ui holds components shared by features: it never imports a feature, the app or the cli' },
  { target: './src/cli', from: ['./src/ui', './src/features', './src/app', './src/main.tsx'], message: 'the CLI uses model and below, never the UI' },
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: ['./src/app', './src/cli', ...features.filter((other) => other !== name).map((other) => `./src/features/${other}`)],
    message: 'features never import each other (share through model or ui; the app composes them)',
  })),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/', '.bench/', '.cli/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      // Without these, import-x reads no TypeScript module and no-cycle silently finds nothing.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver': { typescript: true, node: true },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
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
  {
    files: ['src/model/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react/*'], message: 'model and cli are not UI: no React' }] }],
    },
  },
);
