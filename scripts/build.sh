#!/usr/bin/env bash
# Builds the release site into dist/ with the tools scripts/setup.sh installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release "$@"
node scripts/minify_js.mjs dist
node scripts/service_worker.mjs dist
node scripts/precompress.mjs dist
