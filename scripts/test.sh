#!/usr/bin/env bash
# Sets up what is missing and runs every test: formatting, lints, native
# tests, a release build of dist/, and the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh --test

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings

step "native tests"
cargo test --locked

step "release build of dist/"
bash scripts/build.sh

step "first-load size budget (scripts/size-budget.json)"
node scripts/size_budget.mjs

step "browser tests (Playwright, Debian's chromium, dist/ on 127.0.0.1)"
npx --no-install playwright test -c tests/e2e/playwright.config.mjs
