#!/usr/bin/env bash
# Scores `mekong extract` on tests/data/pages2 (text, HTML and WARC pages of
# many sites and country pairs) against their gold, with floors just under
# what extraction reaches today.
# Usage: score_pages2.sh BIN SHARED_DIR
set -uo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BIN SHARED_DIR" >&2
  exit 2
fi
bin=$(realpath "$1")
shared=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" extract "$root/tests/data/pages2/pages" -o "$work/out.jsonl"
rc=$?
(( rc >= 2 )) && { echo "extract failed on tests/data/pages2 ($rc)" >&2; exit 2; }
python3 "$shared/eval/score.py" --gold "$root/tests/data/pages2/gold" --system "$work/out.jsonl" \
  --inputs "$root/tests/data/pages2/pages" --min content_f1=0.88 --min published_acc=0.9 --min events_f1=0.72 \
  --min figures_f1=0.68 --min agreements_f1=0.72 --min projects_f1=0.6 | tail -6
