#!/usr/bin/env bash
# Fuzzes the link decoder, the file importer, the workshop's link finder
# and its file reader
# for a bounded time each
# (default 120 s) with cargo-fuzz (libFuzzer). Not part of CI: run it by hand
# and read the summary lines. cargo-fuzz passes unstable flags to rustc, so
# the stable toolchain is told to allow them with RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-120}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p fuzz/corpus/decode_link
# Seed the link corpus with the golden links.
for f in tests/golden/links/v*/*.json; do
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["code"], end="")' "$f" > "fuzz/corpus/decode_link/$(basename "$f" .json | cut -c1-40)"
done
mkdir -p fuzz/corpus/find_links
# Seed the link finder with the golden links inside a line of chat.
for f in tests/golden/links/v*/*.json; do
  python3 -c 'import json,sys; print("方案：https://example.org/#s=" + json.load(open(sys.argv[1]))["code"] + "。", end="")' "$f" > "fuzz/corpus/find_links/$(basename "$f" .json | cut -c1-40)"
done
for target in decode_link import_file find_links read_workshop; do
  echo "== $target, ${SECONDS_EACH}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" -- -max_total_time="$SECONDS_EACH" 2>&1 | tail -n 12
done
