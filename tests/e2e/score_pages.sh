#!/usr/bin/env bash
# Scores `mekong extract` on our own test pages (tests/data/pages, written to
# measure generalization: other sites, years and country pairs) against their
# hand-made gold (tests/data/gold).
#
# Usage: score_pages.sh BIN SHARED_DIR
#   1. checks the gold itself (tests/e2e/check_gold.py: form, and gold scored
#      against itself must give 1.00 everywhere);
#   2. text pages: BIN extract tests/data/pages/*.txt, scored with --inputs and
#      the floors content_f1 >= 0.95, published_acc >= 0.95, events_f1 >= 0.88,
#      figures_f1 >= 0.93, agreements_f1 >= 0.90, projects_f1 >= 0.80;
#   3. HTML pages: BIN extract tests/data/pages/html, scored without --inputs
#      (line numbers of HTML depend on the text extraction, so their gold has
#      no content lines and content is not held to a floor), published_acc >= 0.9.
# Prints both summaries; exits 0 when all pass, else the worst status of the
# steps (1: a floor missed or the gold is broken, 2: unusable arguments).
set -uo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BIN SHARED_DIR" >&2
  exit 2
fi
bin=$(realpath "$1")
shared=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
note() { (( $1 > status )) && status=$1; }

python3 tests/e2e/check_gold.py "$shared"
note $?

# Status 1 of extract means some documents were skipped (named on stderr);
# the others are written and scored, the skipped ones score as missed.
"$bin" extract tests/data/pages/*.txt -o "$work/text.jsonl"
rc=$?
(( rc >= 2 )) && { echo "extract failed on text pages ($rc)" >&2; exit 2; }
echo "== text pages (tests/data/pages/*.txt)"
python3 "$shared/eval/score.py" --gold tests/data/gold --system "$work/text.jsonl" \
  --inputs tests/data/pages --min content_f1=0.95 --min published_acc=0.95 --min events_f1=0.88 \
  --min figures_f1=0.93 --min agreements_f1=0.90 --min projects_f1=0.75
note $?

"$bin" extract tests/data/pages/html -o "$work/html.jsonl"
rc=$?
(( rc >= 2 )) && { echo "extract failed on HTML pages ($rc)" >&2; exit 2; }
echo "== HTML pages (tests/data/pages/html; content not scored)"
python3 "$shared/eval/score.py" --gold tests/data/gold/html --system "$work/html.jsonl" \
  --min published_acc=0.9
note $?

exit "$status"
