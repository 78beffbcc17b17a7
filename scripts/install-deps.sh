#!/usr/bin/env bash
# Installs what Mekong needs on Debian 12 (run as root, or with sudo available).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake ninja-build pkg-config python3 \
  libicu-dev libgumbo-dev libhyperscan-dev libre2-dev zlib1g-dev libarchive-dev libsqlite3-dev \
  libcli11-dev nlohmann-json3-dev libfmt-dev libcpp-httplib-dev \
  libgtest-dev libgmock-dev libbenchmark-dev \
  time libssl-dev chromium >/dev/null
# Node and npm for the web page's build and browser test (scripts/web-deps.sh);
# kept when another Node (with its own npm) is already installed.
if ! command -v npm >/dev/null; then
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
