// @ts-check
// The wasm: fetched at once from beside this script, run only if it is the
// one this loader was built with, and started with wasm-bindgen's glue.
// "wasm-bindgen-glue" is the glue Trunk's build wrote (its `web` output),
// bundled in by scripts/post-build.mjs, so its names stay private. Its top
// level only makes text encoders, which every browser that runs this script
// has; the wasm starts in loadCore.
import init, { add_language, check, languages, mount } from "wasm-bindgen-glue";

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

const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
const base = new URL(".", (script && script.src) || document.baseURI).href;
/** The wasm in base64 in the single-file build, else null (see scripts/post-build.mjs). @type {string | null} */
export const INLINE_WASM = IOP_OP_FIT_WASM;
export const WASM_URL = base + IOP_OP_FIT_WASM_PATH;

/** @param {string} reason @param {string} fix */
const failure = (reason, fix) => Object.assign(new Error(reason), { fix });

// The wasm and the language files this loader was built with, by their
// SHA-384 (integrity values put in by scripts/post-build.mjs): the browser
// refuses any other core/ file, an older build as much as damaged bytes, so
// the glue never meets a wasm it was not made for. The single-file build has
// none (null) and checks nothing more: its wasm and languages are inside this
// same file, so they cannot be swapped apart from the glue, and the file as a
// whole is what the page's own integrity attribute checks (crypto.subtle, for
// a second check, is missing on plain-http pages anyway). No cookie goes
// with these requests: they carry nothing but the file's name.
/** @param {string} url @param {string} integrity @returns {Promise<Response>} */
const fetchChecked = (url, integrity) =>
  fetch(url, { integrity, credentials: "omit" }).catch((error) =>
    // A refused digest, a missing file (with integrity, a 404 is refused too)
    // and a network error all reject alike; one more request, made only when
    // the file cannot be used anyway, tells which.
    fetch(url, { credentials: "omit" }).then((response) => {
      if (response.body) response.body.cancel().catch(() => {}); // its status is all that is needed
      if (!response.ok) return response; // the caller names the status
      throw failure(url + " does not match this loader, iop-op-fit.js: it is from another release, " +
        "or damaged, so it was not used", "Upload iop-op-fit.js and the core/ folder beside it from the same release.");
    }, () => unreachable(url, error)));

// A string here: the single-file build (null) does not fetch.
const fetchWasm = () => fetchChecked(WASM_URL, /** @type {string} */ (IOP_OP_FIT_WASM_INTEGRITY));

/**
 * A core/ file could not be fetched at all. From another origin, a request that
 * needs no CORS tells a missing Access-Control-Allow-Origin header (it gets
 * through) from a network failure or a connect-src rule (it fails too).
 * @param {string} url
 * @param {Error} error
 * @returns {Promise<never>}
 */
const unreachable = (url, error) => {
  const origin = new URL(url).origin;
  /** @param {string} reason @param {string} fix @returns {never} */
  const fail = (reason, fix) => { throw failure(url + " could not be fetched: " + reason + " (" + error.message + ")", fix); };
  const network = () => fail("the network failed, or the page's Content-Security-Policy does not allow it",
    "Check that " + origin + " can be reached from this page, and that connect-src in the page's Content-Security-Policy (if it has one) allows it.");
  if (origin === location.origin) return network();
  return fetch(url, { mode: "no-cors", credentials: "omit" }).then(() => fail(origin + " does not allow this page's origin (CORS)",
    "Have " + origin + " send Access-Control-Allow-Origin: * (or " + location.origin + ") with the files in core/, or serve them from this site."),
  network);
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
 * The wasm's exports, once it runs. The download starts at the first call,
 * before anything is painted; compiling follows a moment later, so the first
 * screen is not kept waiting.
 * @returns {Promise<Core>}
 */
export const loadCore = () => {
  if (!core) {
    /** @type {Promise<Response> | Uint8Array | null} */
    let wasm = window.WebAssembly && !INLINE_WASM ? fetchWasm() : null;
    core = Promise.resolve().then(() => {
      if (!window.WebAssembly) throw new Error("this browser does not support WebAssembly");
      if (INLINE_WASM) wasm = Uint8Array.from(atob(INLINE_WASM), (c) => c.charCodeAt(0));
      return init({ module_or_path: wasm }).then(() => {
        languages((tag, done) => loadLanguage(tag).then(done, () => done(null)));
        return { mount, check, languages, add_language };
      });
    });
  }
  return core;
};
