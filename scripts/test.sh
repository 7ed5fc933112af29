#!/usr/bin/env bash
# The README's test command: install what is missing, typecheck, unit and server tests (PGlite, and
# PostgreSQL when DATABASE_URL is set), build, browser and end-to-end tests, then one closing line.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh

out=.test-output
rm -rf "$out" && mkdir -p "$out"
failed_steps=()

step() {
  local name=$1; shift
  echo "── $name"
  if ! "$@"; then
    echo "✗ step failed: $name" >&2
    failed_steps+=("$name")
    return 1
  fi
}

finish() {
  node scripts/summarize-tests.mjs "$out" "${failed_steps[@]}"
  exit $?
}

step "install pnpm" ensure_pnpm || finish
step "install Chromium" ensure_chromium || finish
step "install HAProxy" ensure_haproxy || finish
step "install dependencies" "$PNPM" install --frozen-lockfile --reporter=append-only || finish
step "typecheck" "$PNPM" -r --reporter=append-only typecheck
if [ -z "${DATABASE_URL:-}" ]; then
  echo "Note: DATABASE_URL is not set, so the PostgreSQL leg of the server suite is skipped (CI sets it)."
fi
step "unit and server tests" ./node_modules/.bin/vitest run \
  --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
step "build" "$PNPM" --filter @repo/store --filter @repo/hq --reporter=append-only build || finish
step "browser and end-to-end tests" env PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$out/e2e.json" \
  ./node_modules/.bin/playwright test --config tests/e2e/playwright.config.ts --reporter=list,json
finish
