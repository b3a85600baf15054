import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A folder that may not import from the given places, and why. */
function forbidImports(files, group, message) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.ci-reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  // The folder rules of docs/architecture.md, enforced.
  forbidImports(
    ['core/**'],
    [
      'wxt/*',
      'webextension-polyfill',
      'dexie',
      'preact*',
      '../data/*',
      '../gateways/*',
      '../messaging/*',
      '../services/*',
    ],
    'core/ is pure: no browser APIs, storage, network or UI.',
  ),
  forbidImports(
    ['entrypoints/content/**'],
    ['**/data/*', '**/gateways/*', '**/services/*', 'dexie', 'preact*', '**/components/*'],
    "Only the background touches the database and the network (a content script's IndexedDB is the page's), and the card is drawn in its own frame (entrypoints/card/): the script every page loads stays small.",
  ),
  forbidImports(
    ['messaging/protocol.ts'],
    ['**/data/*', '**/gateways/*', '**/services/*', 'dexie', 'wxt/*'],
    'The protocol speaks of the model (core/) alone, whatever the background stores.',
  ),
  forbidImports(
    ['gateways/**'],
    [
      'wxt/*',
      'webextension-polyfill',
      'dexie',
      'preact*',
      '**/data/*',
      '**/services/*',
      '**/messaging/*',
      '**/components/*',
      '**/hooks/*',
      '**/entrypoints/**',
    ],
    'A gateway asks one source and parses its answer into the model (core/): it stores nothing and knows no caller.',
  ),
  forbidImports(
    ['data/**'],
    [
      'preact*',
      '**/gateways/*',
      '**/services/*',
      '**/messaging/*',
      '**/components/*',
      '**/hooks/*',
      '**/entrypoints/**',
    ],
    'data/ keeps what Gloss stores (IndexedDB, extension storage): it asks no source and serves no caller.',
  ),
  forbidImports(
    ['services/**'],
    [
      'wxt/*',
      'webextension-polyfill',
      'preact*',
      '**/messaging/*',
      '**/components/*',
      '**/hooks/*',
      '**/entrypoints/**',
    ],
    "A service is the background's job on data/ and gateways/; the browser's APIs are handed to it by the composition root (entrypoints/background/compose.ts).",
  ),
  forbidImports(
    ['messaging/**'],
    [
      'dexie',
      'preact*',
      '**/data/*',
      '**/gateways/*',
      '**/services/*',
      '**/components/*',
      '**/hooks/*',
      '**/entrypoints/**',
    ],
    'messaging/ carries calls between contexts; what answers them is the background’s.',
  ),
  forbidImports(
    ['hooks/**', 'entrypoints/popup/**', 'entrypoints/options/**', 'entrypoints/card/**'],
    [
      '**/gateways/*',
      '**/services/*',
      '**/data/*',
      '!**/data/live-reads',
      '!**/data/settings-store',
      '!**/data/backup',
    ],
    "Gloss's own pages ask the background for everything but their live lists (data/live-reads.ts) and the settings (data/settings-store.ts): only the background writes the database and asks the sources.",
  ),
  forbidImports(
    ['components/**'],
    [
      'wxt/*',
      'webextension-polyfill',
      'dexie',
      '**/data/*',
      '**/gateways/*',
      '**/messaging/*',
      '**/services/*',
    ],
    'Components take props and return JSX: no browser.*, database or fetch.',
  ),
);
