#!/usr/bin/env bash
# Runs `mekong extract` on the seed pages and fails when the scorer says a
# figure fell below its floor.
set -euo pipefail
bin=$1
shared=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" extract "$shared/data/seeds" -o "$out"
python3 "$shared/eval/score.py" --gold "$shared/gold/seeds" --system "$out" --inputs "$shared/data/seeds" \
  --min content_f1=0.95 --min published_acc=1.0 --min events_f1=0.85 --min figures_f1=0.90 \
  --min agreements_f1=0.85 --min projects_f1=0.85
