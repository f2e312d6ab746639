// Trunk post-build hook. It builds the files a site serves:
//   iop-op-fit.js          the loader with wasm-bindgen's glue inside it
//   core/iop-op-fit_bg.wasm
//   iop-op-fit.inline.js   the same loader with the wasm inlined, for hosts that cannot serve .wasm
// Trunk leaves the glue and wasm named after the package (the loader's own
// name), so they are moved first. A release build is then shrunk: wasm-opt
// (binaryen) on the wasm, esbuild on the JavaScript.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dist = process.env.TRUNK_STAGING_DIR;
if (!dist) throw new Error("post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)");
const release = process.env.TRUNK_PROFILE === "release";
const glue = readFileSync(join(dist, "iop-op-fit.js"), "utf8");
rmSync(join(dist, "iop-op-fit.js"));
mkdirSync(join(dist, "core"), { recursive: true });
const wasm = join(dist, "core", "iop-op-fit_bg.wasm");
renameSync(join(dist, "iop-op-fit_bg.wasm"), wasm);

if (release) {
  // The features current Rust emits; binaryen rejects the module without them.
  const features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-reference-types", "--enable-multivalue", "--enable-mutable-globals"];
  execFileSync(join("node_modules", ".bin", "wasm-opt"), ["-Oz", "--converge", ...features, wasm, "-o", wasm], { stdio: "inherit" });
}

const MARK = "/* @wasm-bindgen-glue */";
const loader = readFileSync(join("embed", "iop-op-fit.js"), "utf8");
if (!loader.includes(MARK)) throw new Error(`embed/iop-op-fit.js lost its ${MARK} marker`);
if (!glue.startsWith("let wasm_bindgen")) throw new Error("expected wasm-bindgen's no-modules glue (data-bindgen-target=\"no-modules\")");
const source = loader.replace(MARK, () => glue);
// IOP_OP_FIT_WASM is a global only in the source: esbuild replaces it.
const build = (inlineWasm) => transformSync(source, {
  minify: release,
  legalComments: "inline",
  define: { IOP_OP_FIT_WASM: inlineWasm ? JSON.stringify(inlineWasm) : "null" },
}).code;
writeFileSync(join(dist, "iop-op-fit.js"), build(null));
writeFileSync(join(dist, "iop-op-fit.inline.js"), build(readFileSync(wasm).toString("base64")));
