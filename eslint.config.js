import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  // The folder rules of DESIGN.md, enforced.
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'wxt/*',
                'webextension-polyfill',
                'dexie',
                'preact*',
                '../data/*',
                '../gateways/*',
                '../messaging/*',
                '../services/*',
              ],
              message: 'core/ is pure: no browser APIs, storage, network or UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/data/*', '**/gateways/*', '**/services/*', 'dexie'],
              message:
                "Only the background touches the database and the network: a content script's IndexedDB is the page's.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'wxt/*',
                'webextension-polyfill',
                'dexie',
                '**/data/*',
                '**/gateways/*',
                '**/messaging/*',
                '**/services/*',
              ],
              message: 'Components take props and return JSX: no browser.*, database or fetch.',
            },
          ],
        },
      ],
    },
  },
);
