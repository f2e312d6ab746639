#!/usr/bin/env bash
# The release build of the widget into dist/ (arguments go to `trunk build`,
# e.g. --dist DIR). Run scripts/setup.sh first; demo.sh, test.sh and bench.sh do.
#
# Visitors download the wasm on phones, so the standard library is rebuilt for
# size with the widget, and a panic stops the wasm at once, without the code
# that formats panic messages, source locations or Debug text (no one reads
# them in a visitor's browser): about 12 KB gzip less. The standard library's
# optimize_for_size feature picks its smaller algorithms (sorting, say), which
# are as fast for the few items the widget handles: 0.5 KB less. These are unstable
# cargo/rustc features; RUSTC_BOOTSTRAP enables them on the stable toolchain.
# They need rust-src and the standard library's crates in the registry (Trunk
# builds offline); without them the build uses the prebuilt standard library.
# Tests and `trunk serve` build as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# First the screens painted before the wasm arrives, rendered natively by the
# real components (src/bin/prerender.rs); Trunk's post-build step puts them in
# the loader (docs/architecture.md). Native, so before the wasm's settings below.
mkdir -p target
cargo run --quiet --locked --features prerender --bin prerender > target/prerendered.json
export IOP_OP_FIT_PRERENDERED="$PWD/target/prerendered.json"
if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ] &&
   RUSTC_BOOTSTRAP=1 cargo fetch --offline -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown >/dev/null 2>&1; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
else
  echo "[build] rust-src or the standard library's crates are missing (see scripts/setup.sh): building with the prebuilt standard library, about 12 KB gzip larger" >&2
fi
exec trunk build --release "$@"
