#!/usr/bin/env bash
# Sets everything up and runs every test: the native engine, content and
# options tests; the browser tests (wasm-bindgen-test in Chromium and
# Firefox); a release build; the end-to-end suite against the built widget
# (Chromium); and the main flow in WebKit and Firefox.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests (engine, content, options, UI logic)"
cargo test --no-default-features
cargo test --lib

step "browser tests: wasm-bindgen-test in headless Chromium, then Firefox ESR"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web
GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown --test web

step "release build with Trunk, and the Yew example for Rust users"
./scripts/build.sh
cargo build --target wasm32-unknown-unknown --example yew_app

step "end-to-end tests: playwright-core driving Chromium at phone size"
node --test --test-concurrency=1 tests/e2e/

step "main flow in WebKit and Firefox ESR (WebDriver, under Xvfb)"
xvfb-run -a node --test tests/engines/
