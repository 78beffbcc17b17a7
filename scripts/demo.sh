#!/usr/bin/env bash
# Runs the main job on the seed pages: extract every page, print a summary
# per page, and write the records to build/seeds.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MEKONG_SHARED:-../shared}
./build/mekong extract "$shared/data/seeds" --summary -o build/seeds.jsonl
echo "records: build/seeds.jsonl"
if [ -f "$shared/eval/score.py" ]; then
  python3 "$shared/eval/score.py" --gold "$shared/gold/seeds" --system build/seeds.jsonl --inputs "$shared/data/seeds" | tail -n 6
fi
