import { defineConfig } from '@playwright/test';

// End-to-end tests run the built extension (.output/chrome-mv3) in a real Chromium, one at a time:
// each starts its own browser with a persistent profile, and these machines have two cores.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the one-line total that `npm test` ends with.
  reporter: [['list'], ['json', { outputFile: '.ci-reports/e2e.json' }]],
});
