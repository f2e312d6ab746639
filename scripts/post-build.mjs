// Trunk post-build hook. Trunk names the wasm-bindgen output after the
// package, which is also the loader's name, so this moves the glue and wasm
// into core/, puts the loader in their place, wasm-opts a release build, and
// writes the single-file build (loader + glue + base64 wasm).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.env.TRUNK_STAGING_DIR;
if (!dist) throw new Error("post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)");
mkdirSync(join(dist, "core"), { recursive: true });
for (const file of ["iop-op-fit.js", "iop-op-fit_bg.wasm"]) renameSync(join(dist, file), join(dist, "core", file));
copyFileSync(join("embed", "iop-op-fit.js"), join(dist, "iop-op-fit.js"));
const wasm = join(dist, "core", "iop-op-fit_bg.wasm");

if (process.env.TRUNK_PROFILE === "release") {
  // The features current Rust emits; binaryen rejects the module without them.
  const features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-reference-types", "--enable-multivalue", "--enable-mutable-globals"];
  execFileSync(join("node_modules", ".bin", "wasm-opt"), ["-Oz", ...features, wasm, "-o", wasm], { stdio: "inherit" });
}

const loader = readFileSync(join(dist, "iop-op-fit.js"), "utf8");
const inline = JSON.stringify({
  glue: readFileSync(join(dist, "core", "iop-op-fit.js"), "utf8"),
  wasm: readFileSync(wasm).toString("base64"),
});
if (!loader.includes("/*INLINE*/ null")) throw new Error("the loader lost its /*INLINE*/ marker");
writeFileSync(join(dist, "iop-op-fit.inline.js"), loader.replace("/*INLINE*/ null", () => inline));
