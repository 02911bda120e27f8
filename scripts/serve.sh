#!/usr/bin/env bash
# Sets up what is missing, builds the release site and serves it on
# http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
bash scripts/setup.sh
bash scripts/build.sh
echo
echo "倍增沙盘 is at http://127.0.0.1:$PORT/"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
