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
  time >/dev/null
