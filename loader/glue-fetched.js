// @ts-check
// wasm-bindgen's glue, fetched from core/ in parallel with the wasm: the first
// screens never run it, so the loader does not carry it (issue 23).
//
// It runs only if it is the glue this loader was built with, by its SHA-384,
// as for every core/ file. A modulepreload link fetches it with `integrity`
// and puts it in the page's module map; import() then runs that very module
// and fetches nothing more. script-src governs both, as it does the loader;
// neither is a Trusted Types sink. Unlike fetch(), a link cannot leave out
// cookies: the page's own origin gets them, as it does for the loader's
// script tag, and any other gets none (crossorigin="anonymous").
import { base, failure, fetchChecked } from "./fetch.js";

const GLUE_URL = base + IOP_OP_FIT_GLUE_PATH;
// A string here: the single-file build carries the glue (glue-bundled.js).
const integrity = /** @type {string} */ (IOP_OP_FIT_GLUE_INTEGRITY);

/**
 * The glue's module, once it has run.
 * @returns {Promise<typeof import("wasm-bindgen-glue")>}
 */
export const loadGlue = () => {
  const link = document.createElement("link");
  // A browser without modulepreload (Safari before 17) fetches the glue with
  // its digest first; import() most often takes it from the HTTP cache then.
  if (!link.relList.supports("modulepreload")) {
    return fetchChecked(GLUE_URL, integrity).then((response) => (response.ok ? response.arrayBuffer() : missing(response)))
      .then(() => import(GLUE_URL));
  }
  return new Promise((resolve, reject) => {
    link.rel = "modulepreload";
    link.crossOrigin = "anonymous";
    link.integrity = integrity;
    link.href = GLUE_URL;
    link.onload = () => resolve(import(GLUE_URL));
    link.onerror = reject;
    (document.head || document.documentElement).append(link);
  }).finally(() => link.remove()).catch(whyNot);
};

/** @param {Response} response @returns {never} */
const missing = (response) => {
  throw failure(GLUE_URL + " could not be fetched: the server answered " + response.status,
    "Upload the core/ folder of this release beside iop-op-fit.js.");
};

/**
 * The link failed and says nothing of why; the same file fetched as data
 * tells a missing or mismatched file and a network or CORS failure (as for
 * the wasm), and what is left is the page's script-src or the file's type.
 * @returns {Promise<never>}
 */
const whyNot = () => fetchChecked(GLUE_URL, integrity).then((response) => {
  if (response.body) response.body.cancel().catch(() => {});
  if (!response.ok) missing(response);
  throw failure(GLUE_URL + " could not be run as a script (the server sent it as " + (response.headers.get("content-type") || "no type") + ")",
    "Serve .js files as text/javascript, and check that script-src in the page's Content-Security-Policy (if it has one) allows " + new URL(GLUE_URL).origin + ".");
});
