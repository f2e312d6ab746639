#!/usr/bin/env bash
# What a new machine's first run does, with the tools already installed: from
# a fresh clone of this repository's HEAD and an empty cargo registry (a
# CARGO_HOME holding only a link to ~/.cargo/bin, so trunk, wasm-bindgen and
# geckodriver are kept), run the setup and the release build. It downloads
# every crate again, so it catches an install step that only worked because
# this machine's registry already had the crates (Trunk builds offline).
# test.sh runs it; it takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/cargo"
ln -s "$HOME/.cargo/bin" "$work/cargo/bin"
git clone --quiet . "$work/clone"
cd "$work/clone"
export CARGO_HOME="$work/cargo"
start=$SECONDS
./scripts/setup.sh
./scripts/build.sh --dist "$work/dist" 2>&1 | tee "$work/build.log"
# rust-src is installed here, so the build must have used the size-tuned standard library.
if grep -q '^\[build\] rust-src or' "$work/build.log"; then
  echo "new machine: the release build fell back to the prebuilt standard library" >&2
  exit 1
fi
for file in iop-op-fit.js iop-op-fit.inline.js core/iop-op-fit_bg.wasm core/iop-op-fit-glue.js; do
  [ -s "$work/dist/$file" ] || { echo "new machine: the build wrote no dist/$file" >&2; exit 1; }
done
echo "new machine: setup and release build from an empty cargo registry passed in $((SECONDS - start)) s"
