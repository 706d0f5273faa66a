#!/usr/bin/env bash
# `npm test`: every test, in order of cost. Needs a Postgres server (DATABASE_URL's server, or
# 127.0.0.1:5432 — see TEST_DATABASE_ADMIN_URL) and Debian's Chromium at /usr/bin/chromium.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n== %s\n' "$*"; }

step "format check";       npm run --silent format:check
step "typecheck";          npm run --silent typecheck
step "lint";               npm run --silent lint
step "dead code (knip)";   npm run --silent knip
step "unit tests";         npx vitest run --project unit
step "integration tests";  npx vitest run --project integration
step "production build";   npx next build
step "e2e tests (Chromium)"; npm run --silent test:e2e
