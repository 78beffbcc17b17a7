#!/usr/bin/env bash
# Browser test: ingest the seed pages into a fresh database, then drive the
# page of `mekong serve` in headless Chromium (page_test.mjs).
# Usage: run.sh BIN SHARED_DIR OUTDIR
# Exit 77 (ctest: skipped) when chromium is not installed; 1 on failure.
set -euo pipefail
if [[ $# -ne 3 ]]; then
  echo "usage: $0 BIN SHARED_DIR OUTDIR" >&2
  exit 2
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$chromium" ]]; then
  echo "SKIP: $chromium is not installed (apt-get install chromium)"
  exit 77
fi
bin=$(realpath "$1")
shared=$(realpath "$2")
out=$(realpath -m "$3")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# And a page longer than one answer of /api/documents (2,000 lines), with a
# word to find on line 2,500: its source view must still show that line.
mkdir "$work/long"
for i in $(seq 1 3000); do
  if [[ $i -eq 2500 ]]; then echo "Dòng thứ $i có từ đánh dấu xacnhanxa."; else echo "Dòng thứ $i của một trang rất dài."; fi
done >"$work/long/long.txt"
"$bin" ingest "$shared/data/seeds" "$work/long" --db "$work/seeds.db" --threads 2
node "$here/page_test.mjs" "$bin" "$work/seeds.db" "$out"
