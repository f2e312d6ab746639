// Trunk post-build hook. It builds the files a site serves:
//   iop-op-fit.js          the loader (loader/*.js)
//   core/iop-op-fit_bg.wasm
//   core/iop-op-fit-glue.js wasm-bindgen's glue, an ES module the loader fetches beside the wasm
//   core/<tag>.txt         each language but English, fetched when a widget needs it
//   iop-op-fit.inline.js   the same loader with the wasm inlined, for hosts that cannot serve .wasm
// Trunk leaves the glue and wasm named after the package (the loader's own
// name), so they are moved first. A release build is then shrunk: wasm-opt
// (binaryen) on the wasm, esbuild on the JavaScript. The loader is given the
// SHA-384 of the wasm and of the glue and refuses any other. (scripts/release.sh packages the
// loader, core/ and the single file with integrity.json for site owners.) The loader also gets the
// widget's styles, and its start screen and first question in every language,
// rendered by the real components (src/bin/prerender.rs, which scripts/build.sh
// runs before `trunk build`), to paint before the wasm arrives
// (docs/architecture.md draws the whole path).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync, transformSync } from "esbuild";
import { tree } from "./html-tree.mjs";
import { lowestDataAddress } from "./wasm-layout.mjs";

const dist = process.env.TRUNK_STAGING_DIR;
if (!dist) throw new Error("post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)");
const release = process.env.TRUNK_PROFILE === "release";
/** A file's SHA-384 as an integrity value, which the loader fetches it with. */
const sha384 = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
// wasm-bindgen's glue (its `web` output, an ES module), which the loader imports as "wasm-bindgen-glue".
const glue = join(dist, "iop-op-fit.js");
if (!/^export /m.test(readFileSync(glue, "utf8"))) {
  throw new Error("expected wasm-bindgen's ES module glue (data-bindgen-target=\"web\" in index.html)");
}
// The folder beside the loader for the files it fetches: the wasm, the glue
// and the language files (the loader is told: IOP_OP_FIT_WASM_PATH,
// IOP_OP_FIT_GLUE_PATH, IOP_OP_FIT_LANGUAGE_DIR).
const CORE = "core";
const WASM_PATH = `${CORE}/iop-op-fit_bg.wasm`;
const GLUE_PATH = `${CORE}/iop-op-fit-glue.js`;
mkdirSync(join(dist, CORE), { recursive: true });
const wasm = join(dist, WASM_PATH);
renameSync(join(dist, "iop-op-fit_bg.wasm"), wasm);
// The glue as the loader fetches it (the single-file build bundles the original).
const glueText = transformSync(readFileSync(glue, "utf8"), { format: "esm", minify: release, legalComments: "none" }).code;
writeFileSync(join(dist, GLUE_PATH), glueText);

if (release) {
  // The features current Rust emits; binaryen rejects the module without them.
  const features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-reference-types", "--enable-multivalue", "--enable-mutable-globals"];
  // --low-memory-unused lets binaryen fold constant offsets into loads and
  // stores (1.1 KB gzip), on the promise that nothing lives in the first 1 KB
  // of memory. Rust's linker puts the stack first: it grows down from 1 MB
  // towards 0, and the data and the heap lie above it, so only a stack 1023 KB
  // deep would reach there. Checked here, so a build that lays memory out
  // otherwise stops instead of shipping a wrong assumption.
  const lowest = lowestDataAddress(readFileSync(wasm));
  if (lowest === null || lowest < 1024 * 1024) {
    throw new Error(`the wasm's data starts at ${lowest}, not above its stack: --low-memory-unused is not safe for this layout`);
  }
  execFileSync(join("node_modules", ".bin", "wasm-opt"), ["-Oz", "--converge", "--low-memory-unused", ...features, wasm, "-o", wasm], { stdio: "inherit" });
}

/**
 * Each language's start screen and first question as HTML, from Yew's
 * server-side renderer (src/bin/prerender.rs). scripts/build.sh runs it before
 * `trunk build` and names its output in IOP_OP_FIT_PRERENDERED.
 */
function prerendered() {
  const file = process.env.IOP_OP_FIT_PRERENDERED;
  if (!file) throw new Error("the prerendered screens are missing: build with ./scripts/build.sh, which renders them before `trunk build`");
  return JSON.parse(readFileSync(file, "utf8"));
}

// The loader speaks with the widget's own texts: in the fallback (shown when
// the wasm cannot start) the next step, the provider's phone and contact link,
// 988 and 911; on the screens it paints, what it says when Continue waits for the wasm.
// Keyed by the catalog's tag, as the locale option's rule gives it.
const WORD_KEYS = { title: "result.next", call: "result.call", contact: "result.contact", org: "org.default",
  e988: "crisis.988", e911: "crisis.911", loading: "nav.loading", events: "privacy.events" };
// One catalog per language the widget speaks (build.rs compiles the same files).
const LOCALES = readdirSync(join("src", "content", "locales")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
if (!LOCALES.includes("en")) throw new Error("the fallback needs the English catalog, src/content/locales/en.json");
const { screens: screensByTag, optionRules, storagePrefix, configurator, languageFiles } = prerendered();
// Every language but English (which the wasm carries) as a file in core/,
// which the loader fetches with its SHA-384 when a widget needs it
// (src/content/mod.rs writes and reads the form).
const languageIntegrity = Object.fromEntries(Object.entries(languageFiles).map(([tag, text]) => {
  if (!LOCALES.includes(tag)) throw new Error(`src/bin/prerender.rs wrote a language file for ${tag}, which has no catalog`);
  writeFileSync(join(dist, CORE, `${tag}.txt`), text);
  return [tag, sha384(Buffer.from(text, "utf8"))];
}));
for (const tag of LOCALES) {
  if (tag !== "en" && !languageIntegrity[tag]) throw new Error(`src/bin/prerender.rs wrote no language file for ${tag}`);
}
const wordsAndScreens = Object.fromEntries(LOCALES.map((tag) => {
  const catalog = JSON.parse(readFileSync(join("src", "content", "locales", `${tag}.json`), "utf8"));
  const words = Object.entries(WORD_KEYS).map(([name, key]) => {
    if (typeof catalog[key] !== "string") throw new Error(`${tag}.json has no text for ${key}`);
    return [name, catalog[key]];
  });
  const screens = screensByTag[tag];
  if (!screens) throw new Error(`src/bin/prerender.rs rendered no screens for ${tag}`);
  return [tag, { ...Object.fromEntries(words), start: tree(screens.start), question: tree(screens.question) }];
}));
const wasmBytes = readFileSync(wasm);
// The widget's styles, for the loader to put in each shadow root (src/ui/mod.rs's STYLES, for Rust apps, is the same file).
const styles = transformSync(readFileSync(join("styles", "widget.css"), "utf8"), { loader: "css", minify: release }).code;
// Every name the loader's source leaves to the build, in one place, for the
// loader (single = false) and the single-file build (single = true). They are
// globals only in the source: esbuild replaces them.
const defines = (single) => ({
  // The wasm in base64, in the single-file build only.
  IOP_OP_FIT_WASM: single ? JSON.stringify(wasmBytes.toString("base64")) : "null",
  IOP_OP_FIT_WASM_PATH: JSON.stringify(WASM_PATH),
  // The wasm's SHA-384 as an integrity value: the loader fetches core/ with it, so
  // a wasm from another build, or damaged, is refused. The single-file build
  // carries its wasm inside itself and has nothing to fetch.
  IOP_OP_FIT_WASM_INTEGRITY: single ? "null" : JSON.stringify(sha384(wasmBytes)),
  // The glue, fetched from core/ with its SHA-384 likewise (loader/glue-fetched.js);
  // the single-file build carries it.
  IOP_OP_FIT_GLUE_PATH: JSON.stringify(GLUE_PATH),
  IOP_OP_FIT_GLUE_INTEGRITY: single ? "null" : JSON.stringify(sha384(glueText)),
  // Each language file's SHA-384 by tag, for the loader to fetch it from
  // core/ with; the single-file build has none and carries the files' texts
  // instead (as JSON text), so it fetches nothing.
  IOP_OP_FIT_LANGUAGE_DIR: JSON.stringify(CORE),
  IOP_OP_FIT_LANGUAGE_INTEGRITY: single ? "null" : JSON.stringify(languageIntegrity),
  IOP_OP_FIT_INLINE_LANGUAGES: single ? JSON.stringify(JSON.stringify(languageFiles)) : "null",
  // As JSON text: browsers read a large object faster with JSON.parse than as code.
  IOP_OP_FIT_WORDS_AND_SCREENS: JSON.stringify(JSON.stringify(wordsAndScreens)),
  IOP_OP_FIT_STYLES: JSON.stringify(styles),
  // The limits and words of the options the loader checks, from src/options/spec.rs (as a string, like the words).
  IOP_OP_FIT_OPTION_RULES: JSON.stringify(JSON.stringify(optionRules)),
  // Where the wasm keeps a widget's answers (src/mount.rs), so a widget with answers is not painted early.
  IOP_OP_FIT_STORAGE_PREFIX: JSON.stringify(storagePrefix),
});
// One classic script, its modules' names private to it, strict as modules are
// (esbuild's IIFE does not say so itself), under the entry's opening comment.
// The single-file build bundles the glue; it would find its wasm by
// import.meta.url, which a classic script lacks, but the loader always hands
// it the wasm (fetched or inlined), so that path is never taken.
const entry = join("loader", "iop-op-fit.js");
const header = readFileSync(entry, "utf8").match(/^\/\*![\s\S]*?\*\//);
if (!header) throw new Error(`${entry} must open with its /*! … */ comment, which the bundle starts with`);
const bundle = (single) => buildSync({
  entryPoints: [entry], bundle: true, format: "iife", write: false,
  alias: { "wasm-bindgen-glue": glue, "iop-op-fit-glue": `./loader/glue-${single ? "bundled" : "fetched"}.js` }, logOverride: { "empty-import-meta": "silent" },
  banner: { js: `${header[0]}\n"use strict";` }, legalComments: "none",
  minify: release, define: defines(single),
}).outputFiles[0].text;
const [loader, inline] = [bundle(false), bundle(true)];
writeFileSync(join(dist, "iop-op-fit.js"), loader);
writeFileSync(join(dist, "iop-op-fit.inline.js"), inline);
// The demo configurator's controls, from the options table (src/options/spec.rs
// via the prerender), in a file of its own: neither the loader nor the wasm carries them.
writeFileSync(join(dist, "configure-options.json"), JSON.stringify(configurator));
