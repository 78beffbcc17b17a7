#!/usr/bin/env bash
# Builds and runs every test: unit suites, the lexicon check, and the
# end-to-end scoring of the seed pages (and of our own test pages).
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser test needs the web page's npm packages (playwright-core).
[ -d web/node_modules/playwright-core ] || scripts/web-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j "$(nproc)"
