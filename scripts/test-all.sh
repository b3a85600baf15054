#!/usr/bin/env bash
# `npm test`: every check, in the order a reader would want to hear about failures, then one line
# "N passed, N failed" over all unit and end-to-end tests. A check that is not a test (lint, types,
# formatting, a build) counts as one failed test when it fails, so the total never hides it.
set -u
cd "$(dirname "$0")/.."
rm -rf .ci-reports && mkdir -p .ci-reports
failed_steps=()

step() {
  local name=$1
  shift
  echo
  echo "== $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

step lint npx eslint .
step format npx prettier --check .
step typecheck npx tsc --noEmit
step unit npx vitest run --reporter=default --reporter=json --outputFile.json=.ci-reports/unit.json
step build npx wxt build
step build:firefox npx wxt build -b firefox
step build:bench env WXT_GLOSS_TIMELINE=1 npx wxt build
step e2e npx playwright test

echo
node scripts/count-tests.mjs .ci-reports/unit.json .ci-reports/e2e.json -- "${failed_steps[@]}"
