#!/usr/bin/env bash
# The README's start command: install, build, and run the one server process.
# PGlite data lives in .data/pglite (override with DATA_DIR); DATABASE_URL switches to PostgreSQL; PORT moves it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-tools.sh
ensure_pnpm
"$PNPM" install --frozen-lockfile --reporter=append-only
"$PNPM" --filter @repo/store --filter @repo/hq --reporter=append-only build
cd apps/server
exec ../../node_modules/.bin/tsx src/main.ts
