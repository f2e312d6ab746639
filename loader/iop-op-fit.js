/*! iop-op-fit loader: mounts the self-screen into every [data-iop-op-fit]
 * element, now and later, and exposes IopOpFit.mount(element, options).
 * It finds its wasm next to its own URL, so the folder can live on any host
 * or CDN, and starts fetching it at once. Each widget's start screen and first
 * question (rendered from the widget's own components at build time) work
 * straight away; the wasm takes over from them when ready. If the WebAssembly cannot start, each
 * mount point shows a plain-HTML fallback with the provider's phone, 988 and 911. */
(function () {
  "use strict";
  // Loading the script twice must do no harm: the first copy stays in charge.
  if (window.IopOpFit) return;

  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || document.baseURI).href;
  // The single-file build defines IOP_OP_FIT_WASM as the wasm in base64 (see scripts/post-build.mjs).
  var INLINE_WASM = typeof IOP_OP_FIT_WASM === "undefined" ? null : IOP_OP_FIT_WASM;

  // The build puts wasm-bindgen's glue (its `no-modules` output) in here, so
  // it arrives with this file, its `wasm_bindgen` stays private, and it runs
  // only when a widget mounts (where a failure shows the fallback).
  function bindings() {
    /* @wasm-bindgen-glue */
    return wasm_bindgen;
  }

  var core = null; // Promise of the wasm module's exports, started on first use.
  var mounted = new WeakMap(); // element -> Promise of handle

  // The wasm this loader was built with, by its SHA-384 (an integrity value put
  // in by scripts/post-build.mjs): the browser refuses any other core/ file, an
  // older build as much as damaged bytes, so the glue above never meets a wasm
  // it was not made for. The single-file build has none (null) and checks
  // nothing more: its wasm is inside this same file, so it cannot be swapped
  // apart from the glue, and the file as a whole is what the page's own
  // integrity attribute checks (crypto.subtle, for a second check, is missing
  // on plain-http pages anyway).
  var WASM_URL = base + IOP_OP_FIT_WASM_PATH;
  function fetchWasm() {
    return fetch(WASM_URL, { integrity: IOP_OP_FIT_WASM_INTEGRITY }).catch(function (error) {
      // A refused digest, a missing file (with integrity, a 404 is refused too)
      // and a network error all reject alike; one more request, made only
      // when the widget cannot start anyway, tells which.
      return fetch(WASM_URL).then(function (response) {
        if (response.body) response.body.cancel().catch(function () {}); // its status is all that is needed
        if (!response.ok) return response; // wasm-bindgen's glue names the status, as without integrity
        var mismatch = new Error(WASM_URL + " does not match this loader, iop-op-fit.js: it is from another release, " +
          "or damaged, so it was not run");
        mismatch.fix = "Upload iop-op-fit.js and the core/ folder beside it from the same release.";
        throw mismatch;
      }, function () { return unreachable(error); });
    });
  }

  // The wasm could not be fetched at all. From another origin, a request that
  // needs no CORS tells a missing Access-Control-Allow-Origin header (it gets
  // through) from a network failure or a connect-src rule (it fails too).
  function unreachable(error) {
    var origin = new URL(WASM_URL).origin;
    function fail(reason, fix) {
      var e = new Error(WASM_URL + " could not be fetched: " + reason + " (" + error.message + ")");
      e.fix = fix;
      throw e;
    }
    var network = function () {
      fail("the network failed, or the page's Content-Security-Policy does not allow it",
        "Check that " + origin + " can be reached from this page, and that connect-src in the page's Content-Security-Policy (if it has one) allows it.");
    };
    if (origin === location.origin) return network();
    return fetch(WASM_URL, { mode: "no-cors" }).then(function () {
      fail(origin + " does not allow this page's origin (CORS)",
        "Have " + origin + " send Access-Control-Allow-Origin: * (or " + location.origin + ") with the files in core/, or serve them from this site.");
    }, network);
  }

  // The download starts at once, before anything is painted; compiling, and
  // the glue, follow a moment later, so the first screen is not kept waiting.
  function loadCore() {
    if (!core) {
      var wasm = window.WebAssembly && !INLINE_WASM ? fetchWasm() : null;
      core = Promise.resolve().then(function () {
        if (!window.WebAssembly) throw new Error("this browser does not support WebAssembly");
        if (INLINE_WASM) wasm = Uint8Array.from(atob(INLINE_WASM), function (c) { return c.charCodeAt(0); });
        var bindgen = bindings();
        return bindgen({ module_or_path: wasm }).then(function () { return bindgen; });
      });
    }
    return core;
  }

  // Options from data-* attributes: data-org-name -> orgName, as in the JS API.
  function dataOptions(el) {
    var options = {};
    Object.keys(el.dataset).forEach(function (key) {
      if (key !== "iopOpFit") options[key] = el.dataset[key];
    });
    return options;
  }

  // The widget's own words for the fallback, and its early screens, by primary
  // subtag (en, es, pt), put in by scripts/post-build.mjs.
  var WORDS = JSON.parse(IOP_OP_FIT_FALLBACK);

  // The option rules of src/options/, for the fallback and the early
  // screens: the trim in Options::parse, then each kind's rule, so neither
  // shows a value the widget would refuse. The limits and the words come from
  // the options table (src/options/spec.rs, put in by scripts/post-build.mjs);
  // only the kinds' rules are here. The cases in tests/fixtures/options.json
  // are checked against both.
  var LIMITS = JSON.parse(IOP_OP_FIT_OPTION_RULES);
  function hasOwn(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  // Unicode White_Space, which Rust's str::trim removes (String.prototype.trim differs: U+FEFF, U+0085).
  var SPACE = "\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var TRIM = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");
  var HAS_SPACE = new RegExp("[" + SPACE + "]");
  var URL_TRIM = new RegExp("^[\\x00-\\x20" + SPACE + "]+|[\\x00-\\x20" + SPACE + "]+$", "g");
  var RULES = {
    orgName: function (value) {
      var length = Array.from(value).length; // characters, as Rust counts them, not UTF-16 units
      return length > 0 && length <= LIMITS.orgName.max ? value : null;
    },
    phone: function (value) {
      var digits = value.replace(/\D/g, "").length;
      return /^\+?[\d ().-]*$/.test(value) && digits >= LIMITS.phone.minDigits && digits <= LIMITS.phone.maxDigits ? value : null;
    },
    contactUrl: function (value) {
      // As browsers read an href: tabs and newlines removed anywhere, C0 controls and spaces
      // (and, as for every option, Unicode whitespace) trimmed.
      var link = value.replace(/[\t\n\r]/g, "").replace(URL_TRIM, "");
      var colon = link.indexOf(":");
      var scheme = colon < 0 || /[\/?#]/.test(link.slice(0, colon)) ? null : link.slice(0, colon);
      var ok = scheme === null ? link !== "" && !HAS_SPACE.test(link) : /^(https?|mailto)$/i.test(scheme);
      return ok ? link : null;
    },
    // The primary subtag, any case: es-MX and ES_mx are es; pt of any region is pt-BR.
    locale: function (value) {
      var primary = value.replace(TRIM, "").split(/[-_]/)[0].toLowerCase();
      return hasOwn(WORDS, primary) ? primary : null;
    },
    // #rgb or #rrggbb with enough contrast against white text (WCAG 2), as #rrggbb.
    themeColor: function (value) {
      var hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value.slice(1).toLowerCase() : null;
      if (!hex) return null;
      if (hex.length === 3) hex = hex.replace(/./g, "$&$&");
      var l = [0, 2, 4].map(function (i) {
        var c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      });
      return 1.05 / (0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] + 0.05) >= LIMITS.themeColor.minContrast ? "#" + hex : null;
    },
    colorScheme: function (value) {
      var scheme = value.toLowerCase();
      return LIMITS.colorScheme.values.indexOf(scheme) >= 0 ? scheme : null;
    },
    // Yes or no, as src/options/ reads one: the privacy sentence on the painted start screen depends on it.
    emitEvents: function (value) {
      var word = value.toLowerCase();
      return /^(true|yes|on|1|)$/.test(word) ? "true" : /^(false|no|off|0)$/.test(word) ? "false" : null;
    }
  };

  // An option as the wasm reads it (src/mount.rs): text, or a number or boolean
  // as JavaScript writes it; trimmed; then checked. Each refusal is named in the
  // console, unless `quiet`: for the early screens, since the wasm names them itself.
  function option(options, name, quiet) {
    if (!hasOwn(options, name)) return null;
    var given = options[name];
    if (typeof given === "number" || typeof given === "boolean") given = String(given);
    if (typeof given !== "string") {
      if (!quiet) console.warn("iop-op-fit: option `" + name + "` must be text, a number or true/false; it was ignored.");
      return null;
    }
    var value = RULES[name](given.replace(TRIM, ""));
    if (value === null && !quiet) {
      console.warn("iop-op-fit: option `" + name + "` is \"" + given + "\"; use " + LIMITS[name].allowed + ". Leaving it out.");
    }
    return value;
  }

  function pageLocale(tag) {
    return typeof tag === "string" ? RULES.locale(tag) : null;
  }

  // The locale option, else the page's language, else the browser's, else English (as src/browser/page.rs).
  function localeOf(options, quiet) {
    return option(options, "locale", quiet) || pageLocale(document.documentElement.getAttribute("lang")) ||
      pageLocale(navigator.language) || "en";
  }

  // Plain HTML, built with textContent and checked links, so configuration never becomes markup or script.
  function fallback(el, options, error) {
    var reason = (error && error.message) || String(error);
    console.error("iop-op-fit: the self-screen could not start (" + reason + "). Showing contact details instead. " +
      ((error && error.fix) || "Check that the page's Content-Security-Policy allows 'wasm-unsafe-eval' in script-src" +
        (INLINE_WASM ? "." : ", and that " + WASM_URL + " exists (served as application/wasm).")));
    var t = WORDS[localeOf(options, false)];
    var root = el.shadowRoot || el.attachShadow({ mode: "open" });
    var css = ":host{all:initial!important;display:block!important;font-family:inherit}" +
      "div{border:1px solid #d0d4da;border-radius:8px;padding:16px;color:#1b1b1b;background:#fff;line-height:1.5}" +
      "a{display:flex;align-items:center;min-height:48px;color:#0b5cad;font-size:1.1em}p{margin:0 0 8px;font-weight:bold}";
    style(root, css);
    var box = document.createElement("div");
    box.setAttribute("data-fallback", "");
    box.setAttribute("lang", t.tag);
    function add(tag, text, href) {
      var node = document.createElement(tag);
      node.textContent = text;
      if (href) node.setAttribute("href", href);
      box.appendChild(node);
    }
    // Every {org}, in one pass, so the name is never searched itself (as Catalog::fill).
    var org = option(options, "orgName") || t.org;
    function withOrg(text) { return text.split("{org}").join(org); }
    add("p", t.title);
    var phone = option(options, "phone");
    if (phone) add("a", withOrg(t.call) + " · " + phone, "tel:" + phone.replace(/[^\d+]/g, "")); // tel_href
    var contact = option(options, "contactUrl");
    if (contact) add("a", withOrg(t.contact), contact);
    add("a", t.e988, "tel:988");
    add("a", t.e911, "tel:911");
    root.appendChild(box);
  }

  // Empties a shadow root and styles it with `css`. A constructed style sheet
  // is not inline style, so a Content-Security-Policy without style-src
  // 'unsafe-inline' keeps it (the fallback's large targets included); old
  // browsers get a <style>.
  function style(root, css) {
    root.textContent = ""; // not innerHTML, which pages enforcing Trusted Types forbid
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      var element = document.createElement("style");
      element.textContent = css;
      root.appendChild(element);
    }
  }

  function unstyle(root) {
    root.textContent = "";
    if (root.adoptedStyleSheets) root.adoptedStyleSheets = [];
  }

  // A node of the build's start screen ([name, {attributes}, ...children], or
  // text), as DOM, with the provider's name as text: never markup.
  function build(node, org) {
    if (typeof node === "string") return document.createTextNode(node.split("{org}").join(org));
    var el = document.createElement(node[0]);
    Object.keys(node[1]).forEach(function (name) { el.setAttribute(name, node[1][name]); });
    for (var i = 2; i < node.length; i++) el.appendChild(build(node[i], org));
    return el;
  }

  // Answers from earlier in this tab (the wasm keeps them as "iop-op-fit:" + a
  // name, src/mount.rs): that visit resumes where it was, so the start screen
  // is not painted and the widget waits for the wasm.
  function resuming() {
    try {
      for (var i = 0; i < sessionStorage.length; i++) {
        if (sessionStorage.key(i).indexOf("iop-op-fit:") === 0) return true;
      }
    } catch (e) { /* storage blocked: nothing to resume */ }
    return false;
  }

  // Paints the screens the build rendered from the widget's own components, the
  // start screen and the first question that Start opens, in `root` (already
  // styled) while the wasm loads, in the language and with the options the
  // widget will use. What the visitor does there (Start, Back, an answer,
  // Continue, a language) is kept, for the widget to carry on from:
  // take() gives it the options and the answers and screen (in the stored
  // form) to open on, and replaced(), once it has rendered beside these
  // screens, removes them, keeps focus in the same place, and taps Continue
  // again, or whatever was tapped after take(), on the widget's own controls.
  function paintEarly(root, options) {
    var visit = { screen: "start", answer: null, submitted: false, locale: null };
    var focusable = "a[href],button,select,input,[tabindex]";
    var box = null;
    var taken = false;
    var late = -1; // after take(): the control last used, by its place among the focusable ones
    var busy = 0; // a tap under way (from the finger going down) or just answered, until its frame is drawn
    var t;
    // Every timer and frame callback still to run. Each holds these screens
    // (through this scope) until it runs, so once they are gone, or the
    // widget is unmounted, they are cancelled and nothing keeps the nodes.
    var timers = [];
    var frames = [];
    function later(fn, ms) { timers.push(setTimeout(fn, ms)); }
    function nextFrame(fn) { frames.push(requestAnimationFrame(fn)); }
    function letGo() {
      timers.forEach(clearTimeout);
      frames.forEach(cancelAnimationFrame);
      timers = [];
      frames = [];
      if (box) box.remove();
      box = null;
    }
    function place(el) {
      return Array.prototype.indexOf.call(box.querySelectorAll(focusable), el && el.closest(focusable));
    }
    function focusHeading() {
      var selection = window.getSelection && window.getSelection();
      if (selection) selection.removeAllRanges(); // as page::focus: a screen reader reads on from the heading
      box.querySelector("h2").focus();
    }
    function paint() {
      var next = document.createElement("div"); // as src/mount.rs renders in, so the layout is the same
      next.appendChild(build(visit.screen === "start" ? t.start : t.question, option(options, "orgName", true) || t.org));
      var region = next.firstChild;
      var scheme = option(options, "colorScheme", true);
      if (scheme) region.setAttribute("data-scheme", scheme);
      var accent = option(options, "themeColor", true);
      if (accent) region.style.setProperty("--iof-accent", accent); // the CSSOM, as page::set_accent
      // Painted with emitEvents off; with it on, the sentence says what the website is told (Text::privacy).
      var privacy = next.querySelector(".iof-privacy");
      if (privacy && option(options, "emitEvents", true) === "true") privacy.textContent += " " + t.events;
      if (visit.submitted) next.querySelector("[role=status]").textContent = t.loading;
      var chosen = visit.answer && next.querySelector("input[value='" + visit.answer + "']");
      if (chosen) chosen.checked = true;
      // On the screen itself, so nothing stays behind on the shadow root once it is gone.
      next.addEventListener("pointerdown", function () { busy = Date.now(); });
      next.addEventListener("click", onClick);
      next.addEventListener("change", onChange);
      next.addEventListener("submit", onSubmit);
      if (box) root.replaceChild(next, box); else root.appendChild(next);
      box = next;
    }
    function language(primary) {
      t = WORDS[primary];
      paint();
    }
    function onClick(e) {
      var tap = busy = Date.now();
      nextFrame(function () { later(function () { if (busy === tap) busy = 0; }, 0); });
      var button = e.target.closest("button");
      if (taken) {
        if (!button) return; // links work as they are; an answer is a change, below
        e.preventDefault();
        // Continue already waits to be tapped again; a second tap would answer twice.
        if (!(visit.submitted && button.type === "submit")) late = place(button);
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
      focusHeading();
      // A live region is heard when its text changes, not when it arrives with
      // it: "Question 1 of 17" is put in a moment after the new screen, as the
      // widget's own region, which stays in place, is given it. (A no-break
      // space holds the line meanwhile, so nothing moves.)
      var live = box.querySelector("[aria-live]");
      var said = live.textContent;
      if (said) {
        live.textContent = "\u00a0";
        later(function () { live.textContent = said; }, 50);
      }
    }
    function onChange(e) {
      if (taken) {
        late = place(e.target);
        return;
      }
      if (e.target.localName === "select") {
        visit.locale = e.target.value;
        language(RULES.locale(e.target.value));
        box.querySelector("select").focus();
      } else {
        visit.answer = e.target.value;
      }
    }
    function onSubmit(e) {
      e.preventDefault(); // never a real submit: the answer would go into the page's address
      if (taken) return;
      visit.submitted = true;
      box.querySelector("[role=status]").textContent = t.loading;
    }
    language(localeOf(options, true));
    return {
      // Resolves once a frame has been drawn and no tap is under way. The
      // takeover is one long task on a slow phone: a tap begun just before it
      // is answered here first, and its answer drawn, instead of waiting.
      // (A hidden tab draws no frames: there the timers go first, and a tap
      // never finished stops counting after a second.)
      quiet: function () {
        return new Promise(function (resolve) {
          function check() {
            if (busy && Date.now() - busy < 1000) later(check, 16); else resolve();
          }
          var once = function () { if (once) { once = null; check(); } };
          nextFrame(function () { later(once, 0); });
          later(once, 100);
        });
      },
      take: function () {
        taken = true;
        var question = box.querySelector("fieldset[data-question]");
        // Continue makes an answer an answer; one only chosen is chosen again in replaced().
        var answers = {};
        if (question && visit.answer && visit.submitted) answers[question.getAttribute("data-question")] = visit.answer;
        return {
          options: visit.locale ? Object.assign({}, options, { locale: visit.locale }) : options,
          resume: question ? JSON.stringify({ screen: question.getAttribute("data-question"), answers: answers }) : undefined
        };
      },
      // Called before the browser draws the widget: nothing moves or flashes.
      replaced: function () {
        var at = place(root.activeElement);
        box.remove();
        var controls = root.querySelectorAll(focusable);
        if (controls[at]) controls[at].focus();
        if (visit.submitted) root.querySelector("form [type=submit]").click();
        else if (visit.answer) root.querySelector("input[value='" + visit.answer + "']").click();
        var tapped = controls[late];
        if (tapped && tapped.localName === "select") {
          tapped.value = box.querySelectorAll(focusable)[late].value;
          tapped.dispatchEvent(new Event("change", { bubbles: true }));
        } else if (tapped) {
          tapped.click();
        }
        letGo();
      },
      // The widget was unmounted, perhaps before it took over: the painted
      // screens go, and with them anything that could keep them alive.
      dispose: letGo
    };
  }

  // The elements the DOM lets hold a shadow root (and custom elements, whose names have a
  // hyphen), but not <body>: a shadow root there would hide the whole page.
  var SHADOW_HOSTS = /^(article|aside|blockquote|div|footer|h[1-6]|header|main|nav|p|section|span)$|-/;
  var NO_CHILDREN = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
  var boxes = new WeakMap(); // mount point -> the <div> added for it

  // Where the widget's shadow root goes: the mount point itself, or, when it
  // cannot hold one (a list item, a table cell, an image), a <div> added
  // inside it, or after it if it cannot have children. The site owner is told.
  function hostFor(el) {
    var name = el.localName;
    if (el.namespaceURI === "http://www.w3.org/1999/xhtml" && SHADOW_HOSTS.test(name)) return el;
    if (boxes.has(el)) return boxes.get(el);
    var box = document.createElement("div");
    boxes.set(el, box);
    var inside = el.namespaceURI === "http://www.w3.org/1999/xhtml" && !NO_CHILDREN.test(name);
    if (inside) el.appendChild(box); else el.after(box);
    console.warn("iop-op-fit: a <" + name + "> cannot hold the widget, so it was put in a <div> " +
      (inside ? "inside" : "after") + " it. Put data-iop-op-fit on a <div> (or use IopOpFit.mount on one) instead.");
    return box;
  }

  function mount(el, options) {
    if (!(el instanceof Element)) {
      return Promise.reject(new TypeError("IopOpFit.mount: the first argument must be a DOM element"));
    }
    if (mounted.has(el)) return mounted.get(el);
    options = options || {};
    var host = hostFor(el);
    function removeAdded() {
      if (host === el) return;
      host.remove();
      boxes.delete(el);
    }
    var early = null;
    try {
      var root = host.shadowRoot || host.attachShadow({ mode: "open" });
      style(root, IOP_OP_FIT_STYLES);
      if (!resuming()) early = paintEarly(root, options);
    } catch (e) { /* the wasm's mount meets the same problem and names it; the fallback follows */ }
    var pending = loadCore().then(function (m) {
      return early ? early.quiet().then(function () { return m; }) : m;
    }).then(function (m) {
      var given = early ? early.take() : { options: options };
      var inner = m.mount(host, given.options, given.resume, early && early.replaced);
      // The widget has started: for the host page's own scripts (it carries no data).
      el.dispatchEvent(new CustomEvent("iop-op-fit:ready", { bubbles: true }));
      var handle = {
        unmount: function () {
          if (!inner) return;
          inner.unmount();
          inner.free();
          inner = null;
          // Unmounted before the widget had rendered: its painted screens are still there.
          if (early) early.dispose();
          unstyle(host.shadowRoot);
          removeAdded();
          mounted.delete(el);
        },
        reset: function () { if (inner) inner.reset(); }
      };
      return handle;
    }).catch(function (error) {
      if (early) early.dispose();
      try {
        fallback(host, options, error);
      } catch (e) {
        console.error("iop-op-fit: cannot show anything in this element: " + e.message);
      }
      return {
        unmount: function () {
          removeAdded();
          mounted.delete(el);
          if (host.shadowRoot) unstyle(host.shadowRoot);
        },
        reset: function () {}
      };
    });
    mounted.set(el, pending);
    return pending;
  }

  // The mount points in and under a node.
  function mountPoints(node) {
    if (node.nodeType !== 1) return [];
    var found = Array.prototype.slice.call(node.querySelectorAll("[data-iop-op-fit]"));
    return node.matches("[data-iop-op-fit]") ? [node].concat(found) : found;
  }

  function mountAll(node) {
    mountPoints(node).forEach(function (el) { mount(el, dataOptions(el)); });
  }

  function unmountRemoved(node) {
    mountPoints(node).forEach(function (el) {
      if (!el.isConnected && mounted.has(el)) mounted.get(el).then(function (h) { h.unmount(); });
    });
  }

  function start() {
    mountAll(document.documentElement);
    // Mount points added later (single-page sites) get a widget; removed ones are cleaned up.
    var observer = new MutationObserver(function (records) {
      records.forEach(function (r) {
        r.addedNodes.forEach(mountAll);
        r.removedNodes.forEach(unmountRemoved);
      });
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  // The warnings mount() would give for `options`, from the widget's own rules.
  function check(options) {
    return loadCore().then(function (m) { return m.check(options); });
  }

  // <iop-op-fit org-name="…" phone="…">, for site builders that take only a tag
  // name and a script URL: every option as a kebab-case attribute, mounted when
  // the element is in the page and cleaned up when it is removed.
  function attributeOptions(el) {
    var options = {};
    Array.prototype.forEach.call(el.attributes, function (a) {
      options[a.name.replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); })] = a.value;
    });
    return options;
  }
  if (window.customElements && !customElements.get("iop-op-fit")) {
    customElements.define("iop-op-fit", class extends HTMLElement {
      connectedCallback() { mount(this, attributeOptions(this)); }
      disconnectedCallback() {
        var el = this;
        // Moved rather than removed: it is connected again by the time this runs, and stays.
        if (mounted.has(el)) mounted.get(el).then(function (h) { if (!el.isConnected) h.unmount(); });
      }
    });
  }

  Object.defineProperty(window, "IopOpFit", {
    value: Object.freeze({ mount: mount, check: check }),
    configurable: false,
    writable: false
  });

  // The wasm downloads and compiles (from the stream) while the page is still
  // parsing and the first screen is painted; a failure shows when a widget mounts.
  loadCore().catch(function () {});
  // Mount points are mounted as the parser adds them, so a start screen is
  // painted as soon as its place exists, not after the whole page.
  start();
})();
