// @ts-check
// Mounting: IopOpFit.mount(element, options), and every [data-iop-op-fit]
// element mounted as it appears in the page and unmounted when it leaves.
import { loadCore, loadLanguage, nextTask } from "./core.js";
import { paintEarly, resuming } from "./early.js";
import { localeOf } from "./option-rules.js";
import { fallback } from "./fallback.js";
import { hostFor, removeAdded, shadowOf, style, unstyle } from "./host.js";

/** @typedef {import("./core.js").MountOptions} MountOptions */
/** A mounted widget, as IopOpFit.mount resolves to it (loader/api.d.ts, the package's types). @typedef {import("./api").IopOpFitHandle} Handle */

/** element -> its mount @type {WeakMap<Element, Promise<Handle>>} */
const mounted = new WeakMap();

/**
 * @param {Element} el
 * @param {MountOptions} [options]
 * @returns {Promise<Handle>}
 */
export const mount = (el, options) => {
  if (!(el instanceof Element)) {
    return Promise.reject(new TypeError("IopOpFit.mount: the first argument must be a DOM element"));
  }
  const running = mounted.get(el);
  if (running) return running;
  const given = options || {};
  const host = hostFor(el);
  /** @type {import("./early.js").EarlyScreens | null} */
  let early = null;
  try {
    const root = shadowOf(host);
    style(root, IOP_OP_FIT_STYLES);
    if (!resuming(host, given)) early = paintEarly(root, given);
  } catch (e) { /* the wasm's mount meets the same problem and names it; the fallback follows */ }
  // The widget's language file, if the wasm does not carry it, in parallel with the wasm.
  loadLanguage(localeOf(given, true)).catch(() => {});
  const pending = loadCore().then((core) => early ? nextTask().then(() => {
    // V8 compiles each wasm function on its first call, on this thread: the
    // code that reads options, run here once in a task of its own, is then
    // compiled before the mount's task (which stays under 50 ms at 4x CPU).
    core.check(given);
    return early.quiet();
  }).then(() => core) : core).then((core) => {
    const handover = early ? early.take() : { options: given };
    // The widget opens in its language: the file is added first (fetched by
    // now, unless a language was picked on the painted screen a moment ago).
    // Without it, the widget shows English and says the language failed.
    // Reading a file is a task of its own, apart from the render.
    return loadLanguage(localeOf(handover.options, true)).then((file) => {
      if (!file) return;
      core.add_language(file);
      return nextTask();
    }).catch((/** @type {unknown} */ why) => {
      if (typeof why === "string") console.error("iop-op-fit: " + why);
    }).then(() => ({ core, handover }));
  }).then(({ core, handover }) => {
    /**
     * The widget, rendered unseen, goes into the page (where the painted
     * screen was), in a task after the render's, so that neither holds the
     * page long; then the host page hears that it has started.
     * @param {Element} widget
     */
    const show = (widget) => nextTask().then(() => {
      if (!inner) return; // unmounted in between
      /** @type {ShadowRoot} */ (host.shadowRoot).appendChild(widget);
      if (early) early.replaced();
      // For the host page's own scripts (it carries no data).
      el.dispatchEvent(new CustomEvent("iop-op-fit:ready", { bubbles: true }));
    });
    /** @type {import("./core.js").CoreHandle | null} */
    let inner = core.mount(host, handover.options, handover.resume, show);
    return {
      unmount: () => {
        if (!inner) return;
        inner.unmount();
        inner.free();
        inner = null;
        // Unmounted before the widget had rendered: its painted screens are still there.
        if (early) early.dispose();
        unstyle(/** @type {ShadowRoot} */ (host.shadowRoot));
        removeAdded(el);
        mounted.delete(el);
      },
      reset: () => { if (inner) inner.reset(); },
    };
  }).catch((error) => {
    if (early) early.dispose();
    try {
      fallback(host, given, error);
    } catch (e) {
      console.error("iop-op-fit: cannot show anything in this element: " + /** @type {Error} */ (e).message);
    }
    return {
      unmount: () => {
        removeAdded(el);
        mounted.delete(el);
        if (host.shadowRoot) unstyle(host.shadowRoot);
      },
      reset: () => {},
    };
  });
  mounted.set(el, pending);
  return pending;
};

/** Unmounts the widget in `el` unless `el` is in the page again by then (moved, not removed). @param {Element} el */
export const unmountIfGone = (el) => {
  const running = mounted.get(el);
  if (running) running.then((handle) => { if (!el.isConnected) handle.unmount(); });
};

/** The mount points in and under a node. @param {Node} node @returns {Element[]} */
const mountPoints = (node) => {
  if (node.nodeType !== 1) return [];
  const el = /** @type {Element} */ (node);
  const found = Array.from(el.querySelectorAll("[data-iop-op-fit]"));
  return el.matches("[data-iop-op-fit]") ? [el, ...found] : found;
};

/** Options from data-* attributes: data-org-name -> orgName, as in the JS API. @param {Element} el */
const dataOptions = (el) => {
  /** @type {MountOptions} */
  const options = {};
  const data = /** @type {HTMLElement} */ (el).dataset;
  for (const key of Object.keys(data)) if (key !== "iopOpFit") options[key] = data[key];
  return options;
};

/** @param {Node} node */
const mountAll = (node) => mountPoints(node).forEach((el) => mount(el, dataOptions(el)));

// Mount points are mounted as the parser adds them, so a start screen is
// painted as soon as its place exists, not after the whole page; those added
// later (single-page sites) get a widget too, and removed ones are cleaned up.
export const autoMount = () => {
  mountAll(document.documentElement);
  new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach(mountAll);
      r.removedNodes.forEach((node) => mountPoints(node).forEach(unmountIfGone));
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
};

/**
 * The warnings mount() would give for `options`, from the widget's own rules.
 * @param {MountOptions} options
 * @returns {Promise<string[]>}
 */
export const check = (options) => loadCore().then((core) => core.check(options));
