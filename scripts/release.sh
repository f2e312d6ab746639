#!/usr/bin/env bash
# The files a site owner hosts, without Rust. Builds the widget (scripts/build.sh,
# the release build; run scripts/setup.sh first) and writes, under release/:
#   release/iop-op-fit-VERSION.tgz  the npm package (`npm pack`), what CDNs such as jsDelivr
#                                   and unpkg serve from npm once it is published
#   release/iop-op-fit-VERSION.zip  the same files in an iop-op-fit/ folder, to upload to a site
# Both hold dist/iop-op-fit.js (the loader), dist/core/iop-op-fit_bg.wasm and
# dist/core/iop-op-fit-glue.js (wasm-bindgen's glue), a
# language file per language but English (dist/core/<tag>.txt), dist/iop-op-fit.inline.js (the single-file build) and dist/integrity.json (each
# file's SHA-384, `sha384-...`), and a README for site owners (packaging/npm/).
# The package also has iop-op-fit.d.ts (loader/api.d.ts), the TypeScript types of
# window.IopOpFit and <iop-op-fit>, named in its package.json's "types".
# VERSION is Cargo.toml's [package] version. Nothing is published.
#
#   --from-dist DIR  package a release build already in DIR instead of building
#                    (the end-to-end tests pass the build they test)
#   --out DIR        write the package and the zip to DIR instead of release/
set -euo pipefail
here=$PWD
cd "$(dirname "$0")/.."
abs() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$here" "$1" ;; esac; }

from_dist="" out="$PWD/release"
while [ $# -gt 0 ]; do
  case "$1" in
    --from-dist) from_dist=$(abs "${2:?--from-dist needs a folder}"); shift 2 ;;
    --out) out=$(abs "${2:?--out needs a folder}"); shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "release.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# The first version = "..." of the [package] table.
version=$(awk '/^\[/ { inpkg = ($0 == "[package]") } inpkg && /^version *=/ { gsub(/^version *= *"|".*$/, ""); print; exit }' Cargo.toml)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] || { echo "release.sh: no version in Cargo.toml's [package] (found '$version')" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/iop-op-fit-release.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -z "$from_dist" ]; then
  echo "[release] release build (scripts/build.sh) of iop-op-fit $version"
  ./scripts/build.sh --dist "$work/build"
  from_dist="$work/build"
fi

# The files a site hosts, as the build names them (scripts/post-build.mjs).
FILES=(iop-op-fit.js core/iop-op-fit_bg.wasm core/iop-op-fit-glue.js iop-op-fit.inline.js)
for f in "$from_dist"/core/*.txt; do [ -f "$f" ] && FILES+=("core/${f##*/}"); done
[ "${#FILES[@]}" -gt 4 ] || { echo "release.sh: $from_dist/core/ has no language files: is that a release build (scripts/build.sh)?" >&2; exit 1; }
pkg="$work/package"
for f in "${FILES[@]}"; do
  [ -f "$from_dist/$f" ] || { echo "release.sh: $from_dist/$f is missing: is that a release build (scripts/build.sh)?" >&2; exit 1; }
  mkdir -p "$(dirname "$pkg/dist/$f")"
  cp "$from_dist/$f" "$pkg/dist/$f"
done

# The types, beside dist/ (the zip, for uploading to a site, leaves them out).
cp loader/api.d.ts "$pkg/iop-op-fit.d.ts"

# A release build's loader is minified (a few lines); `trunk build` without --release writes thousands.
[ "$(wc -l < "$pkg/dist/iop-op-fit.js")" -lt 50 ] ||
  { echo "release.sh: $from_dist/iop-op-fit.js is not minified: is that a release build (scripts/build.sh)?" >&2; exit 1; }

# integrity.json, package.json (the template with this version) and the README
# (its snippets with this version and these integrity values). The loader must
# carry the SHA-384 of its wasm, its glue and its language files, or it would run any wasm
# put beside it (and refuse its own languages).
VERSION="$version" PKG="$pkg" node --input-type=module - "${FILES[@]}" <<'EOF'
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
const { VERSION, PKG } = process.env;
const files = process.argv.slice(2);
const integrity = Object.fromEntries(files.map((f) =>
  [f, `sha384-${createHash("sha384").update(readFileSync(join(PKG, "dist", f))).digest("base64")}`]));
const loader = readFileSync(join(PKG, "dist", "iop-op-fit.js"), "utf8");
const core = files.filter((f) => f.startsWith("core/"));
if (!core.every((f) => loader.includes(JSON.stringify(integrity[f])))) {
  console.error("release.sh: this iop-op-fit.js does not carry the SHA-384 of each file in core/ (a build from before the check, " +
    "or files from two builds); rebuild with scripts/build.sh");
  process.exit(1);
}
writeFileSync(join(PKG, "dist", "integrity.json"), JSON.stringify(integrity, null, 2) + "\n");
const manifest = JSON.parse(readFileSync(join("packaging", "npm", "package.json"), "utf8"));
writeFileSync(join(PKG, "package.json"), JSON.stringify({ ...manifest, version: VERSION }, null, 2) + "\n");
const values = { VERSION, INTEGRITY_JS: integrity["iop-op-fit.js"], INTEGRITY_INLINE_JS: integrity["iop-op-fit.inline.js"] };
const readme = readFileSync(join("packaging", "npm", "README.md"), "utf8").replace(/\{\{(\w+)\}\}/g, (all, name) => {
  if (!(name in values)) throw new Error(`packaging/npm/README.md: unknown placeholder ${all}`);
  return values[name];
});
writeFileSync(join(PKG, "README.md"), readme);
EOF

mkdir -p "$out"
tgz="$out/iop-op-fit-$version.tgz" zip="$out/iop-op-fit-$version.zip"
rm -f "$tgz" "$zip"
# No dependencies and no scripts: nothing to fetch.
(cd "$pkg" && npm pack --offline --ignore-scripts --silent --pack-destination "$out" >/dev/null)
[ -f "$tgz" ] || { echo "release.sh: npm pack did not write $tgz" >&2; exit 1; }

# A zip of every file under a folder, inside one folder named PREFIX,
# compressed, in a fixed order with the last commit's date, so the same build
# gives the same zip.
stamp=$(git log -1 --format=%cd --date=format:'%Y %m %d %H %M %S' 2>/dev/null || date -u '+%Y %m %d %H %M %S')
make_zip() { # ZIP PREFIX DIR
  python3 - "$1" "$2" "$3" "$stamp" <<'EOF'
import os, sys, zipfile
zip_path, prefix, top, stamp = sys.argv[1], sys.argv[2], sys.argv[3], tuple(int(x) for x in sys.argv[4].split())
files = sorted(os.path.relpath(os.path.join(root, n), top).replace(os.sep, "/")
               for root, _, names in os.walk(top) for n in names)
with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in files:
        info = zipfile.ZipInfo(prefix + "/" + name, stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(top, name), "rb") as f:
            z.writestr(info, f.read())
EOF
}

# The zip: the package's README and dist/ files in one iop-op-fit/ folder.
site="$work/site" && mkdir -p "$site" && cp -R "$pkg/dist/." "$site/" && cp "$pkg/README.md" "$site/"
make_zip "$zip" iop-op-fit "$site"

# The WordPress plugin, with the loader and core/ in its assets/ (the plugin
# serves them itself unless its Script URL setting names another copy).
plugin="$work/wordpress" wpzip="$out/iop-op-fit-wordpress-$version.zip"
mkdir -p "$plugin" && cp -R integrations/wordpress/iop-op-fit/. "$plugin/"
rm -rf "$plugin/.gitignore" "$plugin/assets" && mkdir -p "$plugin/assets"
cp "$pkg/dist/iop-op-fit.js" "$plugin/assets/" && cp -R "$pkg/dist/core" "$plugin/assets/"
rm -f "$wpzip" && make_zip "$wpzip" iop-op-fit "$plugin"

show() { case "$1" in "$PWD"/*) printf '%s' "${1#"$PWD"/}" ;; *) printf '%s' "$1" ;; esac; }
group() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; } # 1234567 -> 1,234,567
bytes() { stat -c %s "$1" | group; }
echo "[release] iop-op-fit $version (not published):"
printf '  %-40s %10s bytes  npm package (npm publish %s)\n' "$(show "$tgz")" "$(bytes "$tgz")" "$(show "$tgz")"
printf '  %-40s %10s bytes  zip: an iop-op-fit/ folder to upload\n' "$(show "$zip")" "$(bytes "$zip")"
printf '  %-40s %10s bytes  WordPress plugin (Plugins > Add New > Upload Plugin)\n' "$(show "$wpzip")" "$(bytes "$wpzip")"
echo "  files (raw bytes, gzip -9 bytes, integrity):"
for f in "${FILES[@]}" integrity.json; do
  p="$pkg/dist/$f"
  printf '    %-26s %9s %9s  %s\n' "$f" "$(bytes "$p")" "$(gzip -9 -c "$p" | wc -c | group)" \
    "$(node -p "require(process.argv[1])[process.argv[2]] || ''" "$pkg/dist/integrity.json" "$f")"
done
