// @ts-check
// The early screens: the start screen and the first question, rendered from
// the widget's own components at build time, painted while the wasm loads,
// and handed over to it (docs/architecture.md draws the path).
import { loadLanguage } from "./core.js";
import { LANGUAGES } from "./languages.js";
import { localeFrom, localeOf, offeredLanguages, option } from "./option-rules.js";

/** @typedef {import("./core.js").MountOptions} MountOptions */
/** @typedef {import("./languages.js").ScreenNode} ScreenNode */
/**
 * What the visitor did on the painted screens, for the wasm to open on: the
 * options (with the language chosen there), and in the stored form the
 * screen, an answer chosen there and whether Continue was tapped
 * (src/browser/storage.rs reads it; the visit's reducer applies it).
 * @typedef {{ options: MountOptions, resume?: string }} Handover
 */
/**
 * A control, as both the painted screens and the widget's have it: a CSS
 * selector (an id, a data-action, a link's address) and which match it is.
 * @typedef {{ selector: string, index: number } | null} Hook
 */
/**
 * @typedef {{ quiet(): Promise<void>, take(): Handover, replaced(): void, dispose(): void }} EarlyScreens
 */

/**
 * A node of the build's screen as DOM, with the provider's name as text: never markup.
 * @param {ScreenNode} node
 * @param {string} org
 * @returns {Node}
 */
const build = (node, org) => {
  if (typeof node === "string") return document.createTextNode(node.split("{org}").join(org));
  const el = document.createElement(node[0]);
  for (const name of Object.keys(node[1])) el.setAttribute(name, node[1][name]);
  for (let i = 2; i < node.length; i++) el.appendChild(build(node[i], org));
  return el;
};

/**
 * The name the wasm keeps the answers of the widget in `host` under, as
 * src/mount.rs's storage_name makes it: the storageKey option, else the
 * host's id, else its place in the page (each element's position among its
 * parent's children, from <html>). tests/e2e/storage.test.mjs checks that
 * the two agree.
 * @param {Element} host
 * @param {MountOptions} options
 */
const storageName = (host, options) => {
  const key = option(options, "storageKey", true);
  if (key) return key;
  if (host.id) return "#" + host.id;
  const path = [];
  for (let el = /** @type {Element | null} */ (host); el; el = el.parentElement) {
    let place = 0;
    for (let before = el.previousElementSibling; before; before = before.previousElementSibling) place++;
    path.unshift(place);
  }
  return path.join("/");
};

/**
 * Whether this widget has answers from earlier in this tab: it then resumes
 * where it was, so its start screen is not painted and it waits for the wasm.
 * Other widgets on the page decide for themselves.
 * @param {Element} host
 * @param {MountOptions} options
 */
export const resuming = (host, options) => {
  if (option(options, "storage", true) === "false") return false; // the wasm reads no stored answers then
  try {
    return sessionStorage.getItem(IOP_OP_FIT_STORAGE_PREFIX + storageName(host, options)) !== null;
  } catch (e) {
    return false; // storage blocked: nothing to resume
  }
};

/**
 * Paints the screens the build rendered from the widget's own components, the
 * start screen and the first question that Start opens, in `root` (already
 * styled) while the wasm loads, in the language and with the options the
 * widget will use. What the visitor does there (Start, Back, an answer,
 * Continue, a language) is kept, for the widget to carry on from:
 * take() gives it, as data, the options, the screen, the answer chosen and
 * whether Continue was tapped, and replaced(), once it has rendered beside
 * these screens, removes them, keeps focus on the same control (or, when
 * Continue moved the widget on, puts it on the new question, as the
 * widget's own moves do), and repeats a tap made after take(), on the
 * widget's own controls. Controls are matched by a hook both screens share,
 * as they come from the same components: an id, a data-action, or a link's
 * address (and which of the matches it is), never by their position.
 * @param {ShadowRoot} root
 * @param {MountOptions} options
 * @returns {EarlyScreens}
 */
export const paintEarly = (root, options) => {
  /** @type {{ screen: string, answer: string | null, submitted: boolean, locale: string | null }} */
  let visit = { screen: "start", answer: null, submitted: false, locale: null };
  const focusable = "a[href],button,select,input,[tabindex]";
  /** @type {any} the painted screen's <div> (null once gone) */
  let box = null;
  let taken = false;
  /** After take(): the control last used, and its hook. @type {{ el: any, hook: Hook } | null} */
  let late = null;
  let busy = 0; // a tap under way (from the finger going down) or just answered, until its frame is drawn
  let announcing = 0; // the widget's progress said again after the swap (see replaced), cancelled on unmount
  /** The painted language: its words and screens. @type {import("./languages.js").Language} */
  let lang;
  // Every timer and frame callback still to run. Each holds these screens
  // (through this scope) until it runs, so once they are gone, or the
  // widget is unmounted, they are cancelled and nothing keeps the nodes.
  /** @type {number[]} */
  let timers = [];
  /** @type {number[]} */
  let frames = [];
  /** @param {() => void} fn @param {number} ms */
  const later = (fn, ms) => { timers.push(setTimeout(fn, ms)); };
  /** @param {() => void} fn */
  const nextFrame = (fn) => { frames.push(requestAnimationFrame(fn)); };
  const letGo = () => {
    timers.forEach(clearTimeout);
    frames.forEach(cancelAnimationFrame);
    timers = [];
    frames = [];
    if (box) box.remove();
    box = null;
  };
  /**
   * The hook of the control `el` is in, on these screens.
   * @param {Element | null} el
   * @returns {Hook}
   */
  const hook = (el) => {
    const control = el && /** @type {HTMLElement | null} */ (el.closest(focusable));
    if (!control) return null;
    const href = control.getAttribute("href");
    const selector = control.id ? "#" + CSS.escape(control.id)
      : control.dataset.action ? `[data-action="${CSS.escape(control.dataset.action)}"]`
      : href !== null ? `a[href="${CSS.escape(href)}"]`
      : null;
    return selector ? { selector, index: Array.prototype.indexOf.call(box.querySelectorAll(selector), control) } : null;
  };
  /**
   * The widget's control with `hook`, once these screens are gone.
   * @param {Hook} h
   * @returns {any}
   */
  const find = (h) => h && root.querySelectorAll(h.selector)[h.index];
  /** @param {ParentNode} screen */
  const focusHeading = (screen) => {
    const selection = window.getSelection && window.getSelection();
    if (selection) selection.removeAllRanges(); // as page::focus: a screen reader reads on from the heading
    /** @type {HTMLElement} */ (screen.querySelector("h2[tabindex]")).focus();
  };
  /**
   * A live region is heard when its text changes, not when it arrives with
   * it: "Question 1 of 17" is put back a moment after the new screen, as the
   * widget's own region, which stays in place, is given it. Its text node is
   * kept (the widget's renderer holds it), and a no-break space holds the
   * line meanwhile, so nothing moves.
   * @param {ParentNode} screen
   * @param {(fn: () => void, ms: number) => void} after `later` on these screens (cancelled with them)
   */
  const announce = (screen, after) => {
    const text = /** @type {Text | null} */ (screen.querySelector("[aria-live]")?.firstChild ?? null);
    if (!text || !text.data) return;
    const said = text.data;
    text.data = "\u00a0";
    after(() => { if (text.data === "\u00a0") text.data = said; }, 50);
  };
  /** The screen shown in `screen`: its question's id, or its own name. @param {ParentNode} screen */
  const shown = (screen) => {
    const el = screen.querySelector("[data-question]") || screen.querySelector("[data-screen]");
    return el && (el.getAttribute("data-question") || el.getAttribute("data-screen"));
  };
  const paint = () => {
    const next = document.createElement("div"); // as src/mount.rs renders in, so the layout is the same
    next.appendChild(build(visit.screen === "start" ? lang.start : lang.question, option(options, "orgName", true) || lang.org));
    const region = /** @type {HTMLElement} */ (next.firstChild);
    const scheme = option(options, "colorScheme", true);
    if (scheme) region.setAttribute("data-scheme", scheme);
    const accent = option(options, "themeColor", true);
    if (accent) region.style.setProperty("--iof-accent", accent); // the CSSOM, as page::set_accent
    // Painted with emitEvents off; with it on, the sentence says what the website is told (Text::privacy).
    const privacy = next.querySelector(".iof-privacy");
    if (privacy && option(options, "emitEvents", true) === "true") privacy.textContent += " " + lang.events;
    if (visit.submitted) /** @type {Element} */ (next.querySelector("[role=status]")).textContent = lang.loading;
    // The switch offers the languages option's languages, as the widget's (LanguageSwitch); none for one.
    const offered = offeredLanguages(options);
    const choices = next.querySelectorAll(".iof-language option");
    choices.forEach((o) => { if (!offered.includes(/** @type {HTMLOptionElement} */ (o).value)) o.remove(); });
    if (offered.length < 2) next.querySelectorAll(".iof-language").forEach((s) => s.remove());
    const chosen = visit.answer && next.querySelector("input[value='" + visit.answer + "']");
    if (chosen) /** @type {HTMLInputElement} */ (chosen).checked = true;
    // On the screen itself, so nothing stays behind on the shadow root once it is gone.
    next.addEventListener("pointerdown", () => { busy = Date.now(); });
    next.addEventListener("click", onClick);
    next.addEventListener("change", onChange);
    next.addEventListener("submit", onSubmit);
    if (box) root.replaceChild(next, box); else root.appendChild(next);
    box = next;
  };
  /** @param {string} tag the catalog's tag */
  const language = (tag) => {
    lang = LANGUAGES[tag];
    paint();
  };
  /** @param {any} e */
  const onClick = (e) => {
    const tap = busy = Date.now();
    nextFrame(() => later(() => { if (busy === tap) busy = 0; }, 0));
    const button = e.target.closest("button");
    if (taken) {
      if (!button) return; // links work as they are; an answer is a change, below
      e.preventDefault();
      // Continue was tapped already and is handed over: the widget applies it, once.
      if (!(visit.submitted && button.type === "submit")) late = { el: button, hook: hook(button) };
      return;
    }
    if (!button) return;
    if (button.closest("[data-screen=start]")) {
      visit.screen = "question";
    } else if (button.classList.contains("iof-back")) {
      visit = { screen: "start", answer: null, submitted: false, locale: visit.locale };
    } else {
      return; // Continue: the form's submit, below
    }
    paint();
    focusHeading(box);
    announce(box, later);
  };
  /** @param {any} e */
  const onChange = (e) => {
    if (taken) {
      late = { el: e.target, hook: hook(e.target) };
      return;
    }
    if (e.target.localName === "select") {
      visit.locale = e.target.value;
      const tag = /** @type {string} */ (localeFrom(e.target.value));
      language(tag);
      loadLanguage(tag).catch(() => {}); // fetched now, for the widget to open in
      box.querySelector("select").focus();
    } else {
      visit.answer = e.target.value;
      // A new answer waits for its own Continue, as in the widget, where a change never moves on.
      if (visit.submitted) {
        visit.submitted = false;
        /** @type {Element} */ (box.querySelector("[role=status]")).textContent = "";
      }
    }
  };
  /** @param {Event} e */
  const onSubmit = (e) => {
    e.preventDefault(); // never a real submit: the answer would go into the page's address
    if (taken) return;
    visit.submitted = true;
    box.querySelector("[role=status]").textContent = lang.loading;
  };
  language(localeOf(options, true));
  return {
    // Resolves once a frame has been drawn and no tap is under way. The
    // takeover is one long task on a slow phone: a tap begun just before it
    // is answered here first, and its answer drawn, instead of waiting.
    // (A hidden tab draws no frames and runs timers about once a second:
    // there it resolves at once, unless a tap is under way, which stops
    // counting after a second.)
    quiet: () => new Promise((resolve) => {
      const check = () => {
        if (busy && Date.now() - busy < 1000) later(check, 16); else resolve();
      };
      if (document.hidden) return check();
      let done = 0;
      const once = () => done++ || check();
      nextFrame(() => later(once, 0));
      later(once, 100);
    }),
    take: () => {
      taken = true;
      const question = box.querySelector("fieldset[data-question]");
      const id = question && question.getAttribute("data-question");
      // The answer is only chosen here: the widget gives it if Continue was tapped.
      /** @type {Record<string, string>} */
      const chosen = {};
      if (id && visit.answer) chosen[id] = visit.answer;
      return {
        options: visit.locale ? Object.assign({}, options, { locale: visit.locale }) : options,
        resume: id ? JSON.stringify({ screen: id, answers: {}, chosen, continued: visit.submitted }) : undefined,
      };
    },
    // Called before the browser draws the widget: nothing moves or flashes.
    replaced: () => {
      const inside = root.activeElement !== null; // the visitor may have gone on in the host page meanwhile
      const at = hook(/** @type {Element | null} */ (root.activeElement));
      const painted = shown(box);
      box.remove();
      if (shown(root) !== painted) {
        // Continue moved the widget on (it opened on the next screen): focus
        // and the live region follow, as after the widget's own moves.
        if (inside) focusHeading(root);
        // The widget's own region: its timer outlives these screens, until an unmount.
        announce(root, (fn, ms) => { announcing = setTimeout(fn, ms); });
      } else {
        const focused = find(at);
        if (focused) focused.focus();
      }
      const tapped = late && find(late.hook);
      if (tapped && tapped.localName === "select") {
        tapped.value = late && late.el.value;
        tapped.dispatchEvent(new Event("change", { bubbles: true }));
      } else if (tapped) {
        tapped.click();
      }
      letGo();
    },
    // The widget was unmounted, perhaps before it took over: the painted
    // screens go, and with them anything that could keep them alive.
    dispose: () => {
      clearTimeout(announcing);
      letGo();
    },
  };
};
