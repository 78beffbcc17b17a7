#!/usr/bin/env bash
# The main job on the seed pages: extract every page (a summary line per
# page, records in build/seeds.jsonl, scored against the hand-made gold),
# store them in mekong.db and serve the browser view.
#   NO_SERVE=1 scripts/demo.sh   # stop after ingesting
#   PORT=9000 scripts/demo.sh    # another port
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MEKONG_SHARED:-../shared}
port=${PORT:-8080}
./build/mekong extract "$shared/data/seeds" --summary -o build/seeds.jsonl
echo "records: build/seeds.jsonl"
if [ -f "$shared/eval/score.py" ]; then
  python3 "$shared/eval/score.py" --gold "$shared/gold/seeds" --system build/seeds.jsonl --inputs "$shared/data/seeds" | tail -n 6
fi
./build/mekong ingest "$shared/data/seeds" --db mekong.db
./build/mekong events --db mekong.db --dyad VNM-LAO
if [ -z "${NO_SERVE:-}" ]; then
  echo "Open http://127.0.0.1:$port/ (Ctrl-C to stop)"
  exec ./build/mekong serve --db mekong.db --port "$port"
fi
