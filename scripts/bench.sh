#!/usr/bin/env bash
# The performance benchmark (docs/benchmark.md): sets everything up, builds the
# release widget, then measures it beside the same first question as static
# HTML and the same questions in SurveyJS, in headless Chromium at phone size
# with a 4x CPU slowdown, on loopback and on Lighthouse's Slow 4G: the first
# screen painted and tappable (and Start tapped at once, to the first
# question), layout shift during load, bytes (gzip, and brotli beside it), the
# page's work for each tap, and JS heap + wasm memory; then judges the design's
# performance budgets against the static page. Prints a table and rewrites
# docs/benchmark.md and docs/benchmark.png. Takes several minutes; not part of CI.
#
#   ./scripts/bench.sh                 # build into dist/ and measure it
#   ./scripts/bench.sh --runs 15       # arguments go to bench/run.mjs
#   ./scripts/bench.sh --profiles slow4g   # one network profile only
#   BENCH_DIST=/tmp/d ./scripts/bench.sh   # build and measure in another folder
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
dist="${BENCH_DIST:-dist}"
./scripts/build.sh --dist "$dist"
exec node bench/run.mjs --dist "$dist" "$@"
