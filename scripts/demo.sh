#!/usr/bin/env bash
# Sets everything up, builds the widget, and serves the demo host page at
# http://127.0.0.1:8080/ (gzip, like a real host). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
exec node tests/e2e/server.mjs "${PORT:-8080}"
