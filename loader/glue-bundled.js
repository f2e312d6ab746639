// @ts-check
// The single-file build's glue: inside the script, beside the inlined wasm,
// so nothing is fetched and the page's integrity attribute covers both.
import * as glue from "wasm-bindgen-glue";

/** @returns {Promise<typeof glue>} */
export const loadGlue = () => Promise.resolve(glue);
