/*! iop-op-fit loader: mounts the self-screen into every [data-iop-op-fit]
 * element, now and later, and exposes IopOpFit.mount(element, options).
 * It finds its wasm next to its own URL, so the folder can live on any host
 * or CDN, and starts fetching it at once. Each widget's start screen and first
 * question (rendered from the widget's own components at build time) work
 * straight away; the wasm takes over from them when ready. If the WebAssembly cannot start, each
 * mount point shows a plain-HTML fallback with the provider's phone, 988 and 911. */
// @ts-check
// The entry module: scripts/post-build.mjs bundles it and the modules it
// imports into one script (docs/architecture.md names each one's job).
import { loadCore } from "./core.js";
import { defineElement } from "./element.js";
import { autoMount, check, mount } from "./mount.js";

// Loading the script twice must do no harm: the first copy stays in charge.
if (!window.IopOpFit) {
  defineElement();
  Object.defineProperty(window, "IopOpFit", {
    // As the npm package's types (loader/api.d.ts) declare it.
    value: /** @satisfies {import("./api").IopOpFitApi} */ (Object.freeze({ mount, check })),
    configurable: false,
    writable: false,
  });
  // The wasm downloads and compiles (from the stream) while the page is still
  // parsing and the first screen is painted; a failure shows when a widget mounts.
  loadCore().catch(() => {});
  autoMount();
}
