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
