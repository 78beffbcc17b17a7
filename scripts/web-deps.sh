#!/usr/bin/env bash
# The web page's npm packages, pinned by web/package-lock.json: uPlot (the
# charts, bundled into web/dist), esbuild (the bundler) and playwright-core
# (drives Debian's chromium in the browser test). Rebuilds web/dist, which
# the build embeds in the mekong binary (the committed copy is the same).
set -euo pipefail
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
