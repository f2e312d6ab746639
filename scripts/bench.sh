#!/usr/bin/env bash
# The performance benchmark (docs/benchmark.md): sets everything up, builds the
# release widget, then measures it beside the same first question as static
# HTML and the same questions in SurveyJS, in headless Chromium at phone size
# with a 4x CPU slowdown. Prints a table and rewrites docs/benchmark.md and
# docs/benchmark.png. Takes a few minutes; not part of CI.
#
#   ./scripts/bench.sh                 # build into dist/ and measure it
#   ./scripts/bench.sh --runs 15       # arguments go to bench/run.mjs
#   BENCH_DIST=/tmp/d ./scripts/bench.sh   # build and measure in another folder
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
dist="${BENCH_DIST:-dist}"
./scripts/build.sh --dist "$dist"
exec node bench/run.mjs --dist "$dist" "$@"
