#!/usr/bin/env bash
# Sets everything up and runs every test: the native engine, content and
# options tests; the readability of the English texts; the browser tests
# (wasm-bindgen-test in Chromium and Firefox); a release build; the
# end-to-end suite against the built widget (Chromium); the main flow in
# WebKit and Firefox; the Orca screen reader listening to a whole visit in
# Firefox; and the first run of a new machine (empty cargo registry).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

# Each step says when it starts, so a run's log gives every suite's time (tests/README.md).
step() { printf '\n\033[1m== %s (%s, %ss into the run)\033[0m\n' "$*" "$(date -u +%T)" "$SECONDS"; }

step "native tests (engine, content, options, UI logic, the build's HTML reader, the loader's option rules and types)"
cargo test --no-default-features
cargo test --lib --test vendored_yew
node --test tests/build/ tests/loader/ tests/bench/
node_modules/.bin/tsc -p loader

step "readability: English texts of 6 or more words at Flesch-Kincaid grade 7 or lower (textstat)"
target/readability-venv/bin/python tests/readability/check_test.py
target/readability-venv/bin/python tests/readability/check.py

step "browser tests: wasm-bindgen-test in headless Chromium, then Firefox ESR"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web
GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown --test web

step "release build with Trunk, and the Yew example for Rust users"
./scripts/build.sh
cargo build --target wasm32-unknown-unknown --example yew_app

step "end-to-end tests: playwright-core driving Chromium at phone size"
node --test --test-concurrency=1 tests/e2e/

step "WordPress plugin: shortcode and settings in a real WordPress (Debian's packages), a visit in Chromium"
node --test tests/wordpress/

step "main flow in WebKit and Firefox ESR (WebDriver, under Xvfb)"
xvfb-run -a node --test tests/browsers/

step "screen reader: Orca hears a whole visit by keyboard in Firefox ESR (its own Xvfb, D-Bus, AT-SPI bus and Openbox)"
node --test tests/screen-reader/

step "new machine: setup and release build from a fresh clone with an empty cargo registry"
./scripts/check-new-machine.sh
step "all passed"
