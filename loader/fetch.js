// @ts-check
// The files in core/ (the wasm, wasm-bindgen's glue, the language files):
// found beside this script, fetched with the SHA-384 this loader was built
// with, and, when one cannot be used, a failure that names why and the fix.

const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
export const base = new URL(".", (script && script.src) || document.baseURI).href;

/** @param {string} reason @param {string} fix */
export const failure = (reason, fix) => Object.assign(new Error(reason), { fix });

// The wasm and the language files this loader was built with, by their
// SHA-384 (integrity values put in by scripts/post-build.mjs): the browser
// refuses any other core/ file, an older build as much as damaged bytes, so
// the glue and the wasm never meet one they were not made for. The single-file build has
// none (null) and checks nothing more: its wasm and languages are inside this
// same file, so they cannot be swapped apart from the glue, and the file as a
// whole is what the page's own integrity attribute checks (crypto.subtle, for
// a second check, is missing on plain-http pages anyway). No cookie goes
// with these requests: they carry nothing but the file's name.
/** @param {string} url @param {string} integrity @returns {Promise<Response>} */
export const fetchChecked = (url, integrity) =>
  fetch(url, { integrity, credentials: "omit" }).catch((error) =>
    // A refused digest, a missing file (with integrity, a 404 is refused too)
    // and a network error all reject alike; one more request, made only when
    // the file cannot be used anyway, tells which.
    fetch(url, { credentials: "omit" }).then((response) => {
      if (response.body) response.body.cancel().catch(() => {}); // its status is all that is needed
      if (!response.ok) return response; // the caller names the status
      throw mismatch(url);
    }, () => unreachable(url, error)));

/** @param {string} url a core/ file whose SHA-384 is not the one this loader was built with */
export const mismatch = (url) => failure(url + " does not match this loader, iop-op-fit.js: it is from another release, " +
  "or damaged, so it was not used", "Upload iop-op-fit.js and the core/ folder beside it from the same release.");

/**
 * A core/ file could not be fetched at all. From another origin, a request that
 * needs no CORS tells a missing Access-Control-Allow-Origin header (it gets
 * through) from a network failure or a connect-src rule (it fails too).
 * @param {string} url
 * @param {Error} error
 * @returns {Promise<never>}
 */
export const unreachable = (url, error) => {
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
