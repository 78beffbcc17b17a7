#!/usr/bin/env bash
# Throughput and peak memory of `mekong extract` on a generated corpus.
#
#   bench/run.sh [SIZE_MB]          (default 200)
#
# Environment: MEKONG=path/to/mekong (default build/mekong), CORPUS=folder
# (default bench/corpus/<SIZE>M, made by bench/make_corpus.py when missing).
# Prints one line per run: MB/s (10^6 bytes of input text per second of
# wall time), MB per CPU second (user + system: steadier than wall time on a
# shared machine) and peak RSS, measured by /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${1:-200}
BIN=${MEKONG:-build/mekong}
CORPUS=${CORPUS:-bench/corpus/${SIZE}M}

[ -x "$BIN" ] || { echo "run.sh: no binary at $BIN (build first, or set MEKONG=...)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (Debian package 'time')" >&2; exit 2; }

if [ ! -d "$CORPUS/text" ] || [ ! -f "$CORPUS/crawl.warc.gz" ]; then
  echo "run.sh: making a ${SIZE} MB corpus in $CORPUS ..." >&2
  python3 bench/make_corpus.py --size "${SIZE}M" --out "$CORPUS" --container warc
fi
TEXT_BYTES=$(du -sb "$CORPUS/text" | cut -f1)
PAGES=$(find "$CORPUS/text" -type f | wc -l)
echo "corpus: $CORPUS/text, $PAGES pages, $((TEXT_BYTES / 1000000)) MB; binary: $BIN; $(nproc) CPUs"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# measure LABEL INPUT_BYTES ARGS... : one run, output discarded.
measure() {
  local label=$1 bytes=$2
  shift 2
  local status=0
  /usr/bin/time -v -o "$TMP/time" "$BIN" extract "$@" -o /dev/null 2>"$TMP/err" || status=$?
  local wall rss cpu
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$TMP/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$TMP/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$TMP/time")
  local problems
  problems=$(grep -c '^mekong: ' "$TMP/err" || true)
  awk -v l="$label" -v b="$bytes" -v w="$wall" -v c="$cpu" -v r="$rss" -v s="$status" -v p="$problems" 'BEGIN {
      printf "%-36s %6.1f MB/s %6.1f s wall | %6.1f MB/CPU-s | peak RSS %6.1f MB | exit %d, %d skipped\n",
             l, (w > 0 ? b / 1e6 / w : 0), w, (c > 0 ? b / 1e6 / c : 0), r / 1024, s, p }'
}

measure "content-only, 1 thread" "$TEXT_BYTES" --content-only "$CORPUS/text"
measure "content-only, 2 threads" "$TEXT_BYTES" --content-only --threads 2 "$CORPUS/text"
measure "full extract, 1 thread" "$TEXT_BYTES" "$CORPUS/text"
measure "full extract, 2 threads" "$TEXT_BYTES" --threads 2 "$CORPUS/text"
# The same pages as HTML in one per-record gzip WARC (gunzip + gumbo on top);
# the rate still counts the text pages' bytes, so it compares with the lines above.
measure "WARC.gz HTML content-only, 1 thread" "$TEXT_BYTES" --content-only "$CORPUS/crawl.warc.gz"
