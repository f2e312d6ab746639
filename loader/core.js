// @ts-check
// The wasm: fetched at once from beside this script, run only if it is the
// one this loader was built with, and started with wasm-bindgen's glue.
// The glue is the module "iop-op-fit-glue" gives: fetched from core/, in
// parallel with the wasm (glue-fetched.js), or, in the single-file build,
// inside this script (glue-bundled.js); scripts/post-build.mjs chooses.
import { loadGlue } from "iop-op-fit-glue";
import { base, failure, fetchChecked, mismatch, unreachable } from "./fetch.js";

/**
 * Options as the site owner gives them, by their camelCase names (data-org-name is orgName):
 * text, or a number or true/false as JavaScript writes them (src/mount.rs reads them).
 * @typedef {Record<string, unknown>} MountOptions
 */
/**
 * A mounted widget in the wasm (src/mount.rs, `Handle`); `free` releases its Rust side.
 * @typedef {{ unmount(): void, reset(): void, free(): void }} CoreHandle
 */
/**
 * What the loader uses of the wasm (src/mount.rs): `mount` renders a widget into `host`'s
 * shadow root, opening on `early` (what was done on the painted screens, in the stored form) and calling
 * `onRendered` with the rendered widget to put in its place (without it, the wasm puts
 * the widget at the end of the shadow root); `check` gives the warnings mount would give;
 * `languages` is given the loader's way to fetch a language file, once; `add_language` adds
 * one fetched before a mount (and throws the reason if it refuses it).
 * @typedef {{
 *   mount(host: Element, options: MountOptions, early?: string, onRendered?: (widget: Element) => void): CoreHandle,
 *   check(options: MountOptions): string[],
 *   languages(fetch: (tag: string, done: (file: string | null) => void) => void): void,
 *   add_language(file: string): void
 * }} Core
 */

/** The wasm in base64 in the single-file build, else null (see scripts/post-build.mjs). @type {string | null} */
export const INLINE_WASM = IOP_OP_FIT_WASM;
export const WASM_URL = base + IOP_OP_FIT_WASM_PATH;

/**
 * The bytes as they came, cut in pieces of 32 KB, each in a task of its own:
 * on a fast network the whole wasm comes at once, and the compiler decodes
 * what it is given in one task (about 26 ms at 4x CPU for all of it).
 */
const slices = () => new TransformStream({
  /** @param {Uint8Array} bytes @param {TransformStreamDefaultController<Uint8Array>} out */
  async transform(bytes, out) {
    for (let at = 0; at < bytes.length; at += 32768) {
      if (at) await nextTask();
      out.enqueue(bytes.subarray(at, at + 32768));
    }
  },
});

/**
 * The wasm, fetched and compiled, and checked against its SHA-384. With the
 * fetch's own `integrity`, the browser hands the compiler the whole file at
 * once, after checking it: one task of 65 to 100 ms at 4x CPU on Slow 4G,
 * while the painted screen waits for a tap. So the file is read twice as it
 * arrives: one copy into the compiler, a bit at a time, the other into
 * crypto.subtle's digest, which runs off the main thread. The module is used
 * only if the digest is the one this loader was built with, so a wasm from
 * another build, or damaged, never runs (compiling runs none of it). Where
 * crypto.subtle is missing (a page on plain http), the fetch checks it as
 * before. The single-file build does not fetch (INLINE_WASM).
 * @returns {Promise<WebAssembly.Module>}
 */
const fetchWasm = () => {
  const integrity = /** @type {string} */ (IOP_OP_FIT_WASM_INTEGRITY);
  if (!(window.crypto && crypto.subtle)) return fetchChecked(WASM_URL, integrity).then(compile);
  return fetch(WASM_URL, { credentials: "omit" }).catch((error) => unreachable(WASM_URL, error)).then((response) => {
    if (!response.ok || !response.body) return compile(response); // names the status
    const [compiler, digest] = response.body.tee();
    const module = compile(new Response(window.TransformStream ? compiler.pipeThrough(slices()) : compiler, { headers: response.headers }));
    module.catch(() => {}); // a damaged file fails to compile, but the digest's verdict is the one named
    return new Response(digest).arrayBuffer().then((bytes) => crypto.subtle.digest("SHA-384", bytes)).then((hash) => {
      if (btoa(String.fromCharCode(...new Uint8Array(hash))) !== integrity.split("-")[1]) throw mismatch(WASM_URL); // sha384-BASE64
      return module;
    });
  });
};

/** A language file's text by its tag, as it is fetched. @type {Map<string, Promise<string | null>>} */
const languageFiles = new Map();
/** The failures named in the console: each once, however often it is tried again. @type {Set<string>} */
const said = new Set();
/** @type {Record<string, string> | null} */
let inline = null;
/** The single-file build's language files, read from its JSON once, when one is first needed. */
const inlineLanguages = () => inline || (inline = JSON.parse(/** @type {string} */ (IOP_OP_FIT_INLINE_LANGUAGES)));

/**
 * The file of the language `tag` (the catalog's tag), fetched once and kept;
 * null for English, which the wasm carries. A failure is named in the
 * console (once), and the next call tries again (the network may be back).
 * @param {string} tag
 * @returns {Promise<string | null>}
 */
export const loadLanguage = (tag) => {
  let file = languageFiles.get(tag);
  if (!file) {
    const integrity = IOP_OP_FIT_LANGUAGE_INTEGRITY && IOP_OP_FIT_LANGUAGE_INTEGRITY[tag];
    const url = base + IOP_OP_FIT_LANGUAGE_DIR + "/" + tag + ".txt";
    file = IOP_OP_FIT_INLINE_LANGUAGES ? Promise.resolve(inlineLanguages()[tag] || null)
      : !integrity ? Promise.resolve(null)
      : fetchChecked(url, integrity).then((response) => {
        if (response.ok) return response.text();
        throw failure(url + " could not be fetched: the server answered " + response.status,
          "Upload the core/ folder of this release beside iop-op-fit.js.");
      });
    file.catch((/** @type {any} */ e) => {
      languageFiles.delete(tag);
      const line = "iop-op-fit: " + e.message + (e.fix ? " " + e.fix : "") + " The widget stays in the language it shows.";
      if (!said.has(line)) console.error(line);
      said.add(line);
    });
    languageFiles.set(tag, file);
  }
  return file;
};

/** @type {Promise<Core> | null} */
let core = null;

/**
 * Resolves in a later task, so that a tap waiting meanwhile is answered
 * first: the takeover's steps run apart, none of them long. In a hidden
 * page nobody can tap, and browsers run its timers about once a second, so
 * there the steps run on at once instead of starting some 12 s later.
 * @returns {Promise<void>}
 */
export const nextTask = () => document.hidden ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The wasm compiled, from its response. A server that sends another type than
 * application/wasm gets a warning, and the wasm is compiled from its bytes.
 * @param {Response} response
 * @returns {Promise<WebAssembly.Module>}
 */
const compile = (response) => {
  if (!response.ok) throw new Error(WASM_URL + " could not be fetched: the server answered " + response.status);
  return WebAssembly.compileStreaming(response).catch((error) => {
    const type = response.headers.get("Content-Type");
    if (type === "application/wasm" || response.bodyUsed) throw error;
    console.warn("iop-op-fit: " + WASM_URL + " is served as " + (type || "no type") + ", so it is compiled the slower way. " +
      "Serve .wasm files as application/wasm.");
    return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
};

/**
 * The wasm's exports, once it runs. The download starts at the first call,
 * before anything is painted; compiling follows a moment later, so the first
 * screen is not kept waiting. Instantiating is a task after the compiling's
 * (the fetch's integrity hands the compiler the whole file at once): the two
 * would make one long task while a painted screen waits for a tap.
 * @returns {Promise<Core>}
 */
export const loadCore = () => {
  if (!core) {
    const wasm = window.WebAssembly && !INLINE_WASM ? fetchWasm() : null;
    const glue = window.WebAssembly ? loadGlue() : null;
    core = Promise.resolve().then(() => {
      if (!window.WebAssembly || !glue) throw new Error("this browser does not support WebAssembly");
      const module = wasm ||
        WebAssembly.compile(Uint8Array.from(atob(/** @type {string} */ (INLINE_WASM)), (c) => c.charCodeAt(0)));
      // The glue and the wasm download side by side. When both fail, the
      // glue's failure is the one named; the wasm's is then left unread, not unhandled.
      module.catch(() => {});
      return glue.then((glue) => module.then((module) => nextTask().then(() => glue.default({ module_or_path: module })))
        .then(() => {
          glue.languages((tag, done) => loadLanguage(tag).then(done, () => done(null)));
          return glue;
        }));
    });
  }
  return core;
};
