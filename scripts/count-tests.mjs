// Adds up the unit (Vitest) and end-to-end (Playwright) JSON reports into one closing line,
// "N passed, N failed[, N skipped]", counting each failed non-test step as one failure.
// Usage: node scripts/count-tests.mjs VITEST.json PLAYWRIGHT.json -- [failed step names...]
import { existsSync, readFileSync } from 'node:fs';

const separator = process.argv.indexOf('--');
const [vitestReport, playwrightReport] = process.argv.slice(2, separator);
const failedSteps = process.argv.slice(separator + 1);

let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
if (existsSync(playwrightReport)) {
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
// A step with a report has its failures counted above; one without (lint, a build) counts once.
const counted = { unit: existsSync(vitestReport), e2e: existsSync(playwrightReport) };
for (const step of failedSteps) {
  if (!counted[step]) failed += 1;
}
if (failedSteps.length > 0) console.log(`Failed: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
