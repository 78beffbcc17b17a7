#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan into
# build-fuzz/ and runs each for SECONDS (default 60) on a seed corpus made
# from the project's test pages. A crash leaves its input in
# build-fuzz/crashes/<target>/ and ends the script with status 1.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: document warc html resolve api
# A longer local run: scripts/fuzz.sh 3600 (corpora grow in build-fuzz/corpus/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(document warc html resolve api)
jobs=$(nproc)

CXX=${CXX:-clang++} cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEKONG_FUZZ=ON \
  -DMEKONG_BUILD_TESTS=OFF -DMEKONG_BUILD_BENCH=OFF -DMEKONG_WERROR=ON >/dev/null
cmake --build build-fuzz -j "$jobs" --target "${targets[@]/#/fuzz_}"

# Seed corpora (kept between runs; only ever added to).
seed() {  # target, files...
  local dir=build-fuzz/corpus/$1
  shift
  mkdir -p "$dir"
  for f in "$@"; do cp -n "$f" "$dir/" 2>/dev/null || true; done
}
pages=$(find tests/data/pages tests/data/pages2 tests/data/content -type f \( -name '*.txt' -o -name '*.html' -o -name '*.warc' \))
seed document $pages
seed html $(find tests/data -name '*.html')
seed warc $(find tests/data -name '*.warc')
mkdir -p build-fuzz/corpus/resolve build-fuzz/corpus/api
# Lines with digits from the text pages, one seed each (a leading byte picks the reference date).
n=0
for f in $(find tests/data/pages -name '*.txt' | sort); do
  grep -E '[0-9]' "$f" | head -40 | while IFS= read -r line; do
    printf '\001%s' "$line" >"build-fuzz/corpus/resolve/$(basename "$f")-$((n++))"
  done
done
printf 'events\ndyad=VNM-LAO\nfrom=2020\nlimit=5' >build-fuzz/corpus/api/events
printf 'search\nq=hiệp định' >build-fuzz/corpus/api/search
printf 'documents/1\noffset=1\nlimit=1' >build-fuzz/corpus/api/document
printf 'figures\nindicator=trade_turnover\nto=2024-05' >build-fuzz/corpus/api/figures

status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/crashes/$t"
  echo "== fuzz_$t for ${seconds}s"
  max_len=65536
  [ "$t" = resolve ] || [ "$t" = api ] && max_len=1024
  if ! MEKONG_CACHE_DIR= build-fuzz/fuzz/fuzz_$t "build-fuzz/corpus/$t" -max_total_time="$seconds" \
       -max_len=$max_len -timeout=10 -rss_limit_mb=2048 -artifact_prefix="build-fuzz/crashes/$t/" \
       -print_final_stats=1 2>"build-fuzz/fuzz_$t.log"; then
    status=1
    echo "fuzz_$t FAILED: see build-fuzz/fuzz_$t.log and build-fuzz/crashes/$t/"
    grep -E 'ERROR|runtime error|SUMMARY' "build-fuzz/fuzz_$t.log" | head -5 || true
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "build-fuzz/fuzz_$t.log" | tail -2 || true
done
exit $status
