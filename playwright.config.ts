import { defineConfig } from '@playwright/test';

// End-to-end tests run the built extension in real browsers, one at a time: each starts its own
// browser with a profile of its own, and these machines have two cores.
export default defineConfig({
  // Chromium through Playwright; Firefox through WebDriver BiDi (puppeteer-core), its own tier.
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    { name: 'firefox', testDir: 'tests/firefox' },
  ],
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the one-line total that `npm test` ends with.
  reporter: [['list'], ['json', { outputFile: '.ci-reports/e2e.json' }]],
});
