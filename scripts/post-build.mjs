// Trunk post-build hook. Trunk names the wasm-bindgen output after the
// package, which is also the loader's name, so this moves the glue and wasm
// into core/ and puts the loader in their place. A release build is then
// shrunk: wasm-opt (binaryen) on the wasm, esbuild on the JavaScript. Last,
// it writes the single-file build (loader + glue + base64 wasm).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dist = process.env.TRUNK_STAGING_DIR;
if (!dist) throw new Error("post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)");
const release = process.env.TRUNK_PROFILE === "release";
const core = join(dist, "core");
mkdirSync(core, { recursive: true });
for (const file of ["iop-op-fit.js", "iop-op-fit_bg.wasm"]) renameSync(join(dist, file), join(core, file));
const wasm = join(core, "iop-op-fit_bg.wasm");
const glue = join(core, "iop-op-fit.js");

if (release) {
  // The features current Rust emits; binaryen rejects the module without them.
  const features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-reference-types", "--enable-multivalue", "--enable-mutable-globals"];
  execFileSync(join("node_modules", ".bin", "wasm-opt"), ["-Oz", ...features, wasm, "-o", wasm], { stdio: "inherit" });
  writeFileSync(glue, transformSync(readFileSync(glue, "utf8"), { minify: true, format: "esm" }).code);
}

// The loader, plain or with everything inlined (IOP_OP_FIT_INLINE is a global only in its source).
const loader = readFileSync(join("embed", "iop-op-fit.js"), "utf8");
const build = (inline) => transformSync(loader, {
  minify: release,
  legalComments: "inline",
  define: { IOP_OP_FIT_INLINE: inline ? JSON.stringify(inline) : "null" },
}).code;
writeFileSync(join(dist, "iop-op-fit.js"), build(null));
writeFileSync(join(dist, "iop-op-fit.inline.js"), build({
  glue: readFileSync(glue, "utf8"),
  wasm: readFileSync(wasm).toString("base64"),
}));
