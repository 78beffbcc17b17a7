#!/usr/bin/env bash
# The thirty pages of ../shared/data/negatives are not about relations between
# countries: the right output is no item at all. Fails when `mekong extract`
# writes any event, figure, agreement or project for them (and prints them),
# or when content and publication time fall below their floors.
# Usage: score_negatives.sh BIN SHARED_DIR
set -uo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BIN SHARED_DIR" >&2
  exit 2
fi
bin=$(realpath "$1")
shared=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" extract "$shared"/data/negatives/*.txt -o "$work/neg.jsonl"
rc=$?
(( rc >= 2 )) && { echo "extract failed on the negative pages ($rc)" >&2; exit 2; }
status=0
python3 "$shared/eval/score.py" --gold "$shared/gold/negatives" --system "$work/neg.jsonl" \
  --inputs "$shared/data/negatives" --min content_f1=0.95 --min published_acc=0.95 | tail -4 || status=1
python3 - "$work/neg.jsonl" <<'PY' || status=1
import json, sys
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    for kind in ("events", "figures", "agreements", "projects"):
        for item in rec.get(kind) or []:
            bad += 1
            print(f"false {kind[:-1]} in {rec['doc_id']} line {item.get('line')}: {json.dumps(item, ensure_ascii=False)}")
print(f"negative pages: {bad} false items")
sys.exit(1 if bad else 0)
PY
exit "$status"
