// The in-page half of the benchmark. bench/run.mjs injects this with
// Playwright's addInitScript, so it runs in every page before the page's own
// scripts, as `(probe)(config)`. It only watches: it never clicks (the taps
// come from bench/run.mjs as real input, through the DevTools protocol), and
// the page works the same without it. Times are performance.now(), i.e.
// milliseconds since the navigation started (the document's time origin).
//
// How "shown" is measured:
//  - A condition (say, "the first question's radios exist, are visible and
//    enabled") is checked after every DOM mutation batch (a MutationObserver on
//    the document and on every shadow root, caught by hooking attachShadow) and
//    at the start of every frame (a requestAnimationFrame loop, which also
//    catches changes that are not mutations, such as a stylesheet arriving).
//    The first time it holds is `dom`.
//  - Each frame of the loop posts a message to itself from its rAF callback; the
//    message runs as the next task, after that frame's style, layout and paint
//    have run on the main thread. `paint` is the end of the first frame that
//    ended after `dom`, i.e. the frame that drew the change.
// A click on a visible, enabled native radio is handled as soon as it is in
// the DOM (the browser checks it; Yew and SurveyJS attach their listeners when
// they render), and `paint` runs on the main thread, so at `paint` the main
// thread is free to take the click.
//
// Config: `question` (the selector of a question, with {id}), `first` (the
// target that makes the first screen usable), `ready` (the page has a widget:
// settling waits for its iop-op-fit:ready event) and `tapAtOnce` (a label and
// target: the first screen's button is tapped the moment it is usable, so the
// probe arms that measurement itself, before bench/run.mjs can tap).
(function probe(cfg) {
  "use strict";
  if (window !== window.top) return;
  const now = () => performance.now();
  const bench = {
    marks: {},
    /** WebAssembly.Memory objects of instances the page created. */
    memories: [],
    /** Event Timing entries (INP-style: input to next paint, 8 ms granularity). */
    events: [],
    transitions: [],
    errors: [],
    /** Layout shifts not caused by input (CLS's definition), summed from the start. */
    layoutShift: { score: 0, count: 0 },
  };
  Object.defineProperty(window, "__bench", { value: bench, enumerable: false });

  // --- roots: the document, shadow roots made by script, and declarative ones ---
  const roots = [document];
  const origAttach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = origAttach.call(this, init);
    roots.push(root);
    observe(root);
    return root;
  };
  function allRoots() {
    const list = roots.slice();
    for (const host of document.querySelectorAll("[data-iop-op-fit]")) {
      if (host.shadowRoot && !list.includes(host.shadowRoot)) list.push(host.shadowRoot);
    }
    return list;
  }
  function queryAll(selector) {
    const out = [];
    for (const root of allRoots()) out.push(...root.querySelectorAll(selector));
    return out;
  }

  // --- wasm: capture each instance's exported memory, and when it was made ---
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const orig = WebAssembly[name];
    if (typeof orig !== "function") continue;
    WebAssembly[name] = function (...args) {
      bench.marks.wasmStart ??= now();
      return orig.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result.instance;
        const memory = instance && instance.exports && instance.exports.memory;
        if (memory instanceof WebAssembly.Memory) bench.memories.push(memory);
        bench.marks.wasmReady ??= now();
        return result;
      });
    };
  }

  // --- Event Timing (Chromium): input delay + processing + time to next paint ---
  // 16 ms is the lowest threshold the API allows: an event under it has no
  // entry at all, which bench/report.mjs reports as "< 16 ms". The
  // interactionId groups a tap's pointerdown, pointerup and click, as INP does.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.events.push({ name: e.name, interactionId: e.interactionId, startTime: e.startTime,
          processingStart: e.processingStart, processingEnd: e.processingEnd, duration: e.duration });
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch (e) {
    bench.errors.push("Event Timing unavailable: " + e.message);
  }

  // --- long tasks: every main-thread task over 50 ms, from the navigation start ---
  // Each in its own list, as the browser reports them; bench/run.mjs pairs them
  // with the long animation frames, whose scripts say what ran (a long task
  // entry itself names only the frame it ran in).
  bench.longTasks = [];
  bench.longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {
    bench.errors.push("Long Tasks API unavailable: " + e.message);
  }
  if ((PerformanceObserver.supportedEntryTypes || []).includes("long-animation-frame")) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.longFrames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          renderStart: e.renderStart, scripts: e.scripts.map((s) => ({ start: s.startTime, duration: s.duration,
            invoker: s.invoker, invokerType: s.invokerType, sourceURL: s.sourceURL,
            sourceFunctionName: s.sourceFunctionName, sourceCharPosition: s.sourceCharPosition,
            forcedStyleAndLayout: s.forcedStyleAndLayoutDuration })) });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  }
  document.addEventListener("DOMContentLoaded", () => { bench.marks.domContentLoaded = now(); });

  // --- layout shifts: buffered, so shifts before this observer count too ---
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // A shift within 500 ms of a tap is the page answering it, not the page jumping.
        if (e.hadRecentInput) continue;
        bench.layoutShift.score += e.value;
        bench.layoutShift.count += 1;
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) {
    bench.errors.push("Layout Instability API unavailable: " + e.message);
  }

  // --- the widget's own "started" event (bubbles from the mount point) ---
  const ready = new Promise((resolve) => {
    window.addEventListener("iop-op-fit:ready", () => { bench.marks.ready ??= now(); resolve(); }, { capture: true, once: true });
  });

  // --- conditions ---
  function shown(el) {
    if (!el || !el.isConnected) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }
  /** The question's radios or checkboxes exist, are enabled, and each (or its label) is visible. */
  function answerable(id) {
    const inputs = queryAll(cfg.question.replace("{id}", id) + " input")
      .filter((i) => i.type === "radio" || i.type === "checkbox");
    if (inputs.length < 2) return false;
    return inputs.every((i) => !i.disabled && !i.closest("[inert]") && shown((i.labels && i.labels[0]) || i));
  }
  function usable(selector) {
    const el = queryAll(selector)[0];
    return !!el && !el.disabled && shown(el);
  }
  function isChecked(id, value) {
    const input = queryAll(`${cfg.question.replace("{id}", id)} input[value="${value}"]`)[0];
    return !!input && input.checked;
  }
  function condition(target) {
    if (target.kind === "question") return () => answerable(target.id);
    if (target.kind === "button") return () => usable(target.selector);
    if (target.kind === "checked") return () => isChecked(target.id, target.value);
    throw new Error("unknown target " + JSON.stringify(target));
  }

  // --- the watcher: mutation batches and frames ---
  const waiting = new Set(); // { test, dom, resolve }
  function check(source) {
    for (const w of waiting) {
      if (w.dom !== undefined) continue;
      let ok = false;
      try { ok = w.test(); } catch (e) { bench.errors.push(String(e && e.message || e)); }
      if (ok) { w.dom = now(); w.source = source; }
    }
  }
  function observe(root) {
    new MutationObserver(() => { if (waiting.size) check("mutation"); })
      .observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  }
  observe(document);

  let looping = false;
  function frame() {
    if (!waiting.size) { looping = false; return; }
    const start = now();
    check("frame");
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const end = now();
      for (const w of waiting) {
        if (w.dom !== undefined && w.dom < end) {
          waiting.delete(w);
          // `frame`: when the frame that drew it began (its rAF callback), for its rendering time.
          w.resolve({ dom: w.dom, paint: end, frame: start, source: w.source });
        }
      }
    };
    channel.port2.postMessage(null);
    requestAnimationFrame(frame);
  }
  /** Resolves with { dom, paint } once `target` holds and has been drawn. */
  function until(target) {
    return new Promise((resolve) => {
      const w = { test: condition(target), dom: undefined, resolve };
      waiting.add(w);
      check("start");
      if (!looping) { looping = true; requestAnimationFrame(frame); }
    });
  }

  /** Where to tap `el`: the centre of its box, if that point hits it (not something drawn over it). */
  function pointOn(el) {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = el.getRootNode().elementFromPoint(x, y);
    const inView = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
    return { x, y, hit: inView && !!hit && el.contains(hit) };
  }

  /**
   * Where to tap `selector` for a later tap: scrolled into view first if its
   * centre is not (as Playwright's tap does), then, two frames later, when it
   * has been drawn there, its point.
   */
  bench.tapPoint = (selector) => {
    const el = queryAll(selector)[0];
    if (!el) return Promise.resolve({ hit: false });
    if (!pointOn(el).hit) el.scrollIntoView({ block: "center", inline: "center" });
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(pointOn(el)))));
  };

  // The first screen: the first question's radios (or, for the widget's start
  // screen, its Start button, with the point to tap). bench/run.mjs awaits `__bench.first`.
  bench.first = until(cfg.first).then((first) => {
    if (cfg.first.kind === "button") first.point = pointOn(queryAll(cfg.first.selector)[0]);
    // Armed in the same task as the paint is seen, so the tap that follows cannot come first.
    if (cfg.tapAtOnce) first.armed = bench.arm(cfg.tapAtOnce.label, cfg.tapAtOnce.target);
    return first;
  });

  /**
   * The layout shifts of the load: once the first screen is usable and, on a
   * widget's page, the widget has started (the wasm has taken over), then 500 ms
   * more for anything that moves after it.
   */
  bench.settled = () => Promise.all([bench.first, cfg.ready ? ready : null])
    .then(() => new Promise((resolve) => setTimeout(resolve, 500)))
    .then(() => ({ ...bench.layoutShift, at: now(), ready: bench.marks.ready }));

  // --- interactions: bench/run.mjs arms one, then taps ---
  let armed = null;
  /** Measures from the next click to `target` being drawn; returns the index to await. */
  bench.arm = (label, target) => {
    const t = { label, target };
    bench.transitions.push(t);
    t.done = new Promise((resolve) => { armed = { t, resolve }; });
    return bench.transitions.length - 1;
  };
  bench.result = (i) => bench.transitions[i].done;
  window.addEventListener("click", (e) => {
    if (!armed) return;
    const { t, resolve } = armed;
    armed = null;
    // The input event's own time stamp: when the browser received the tap.
    t.input = e.timeStamp;
    t.listener = now();
    until(t.target).then(({ dom, paint, frame }) => {
      resolve({ label: t.label, input: t.input, listener: t.listener, dom, paint, frame });
    });
  }, true);

  bench.wasmBytes = () => bench.memories.map((m) => m.buffer.byteLength);
})
