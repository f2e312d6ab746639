// The configurator (configure.html): every option as a field, a live preview
// mounted with IopOpFit.mount, the widget's own warnings from IopOpFit.check
// (the rules live in the widget, never here), and the snippet to paste.
// Everything is written with textContent, so the page works under Trusted Types.
(function () {
  "use strict";

  var CDN = "https://cdn.jsdelivr.net/npm/iop-op-fit@{version}/dist/iop-op-fit.js";
  var SELF_HOSTED = "/path/to/iop-op-fit/iop-op-fit.js";
  var DEBOUNCE_MS = 200;

  var $ = function (id) { return document.getElementById(id); };

  // Each level's program fields, from one template: the option names are the
  // level's prefix and the field (opName, opHours…; residential has no hours).
  var PROGRAMS = [
    { level: "op", legend: "Outpatient (OP) program", hours: "3-6", when: "When it meets" },
    { level: "iop", legend: "Intensive outpatient (IOP) program", hours: "9-12", when: "When it meets" },
    { level: "php", legend: "Partial hospitalization (PHP) program", hours: "20-25", when: "When it meets" },
    { level: "residential", legend: "Residential program", hours: null, when: "When it runs" }
  ];
  PROGRAMS.forEach(function (p) {
    var fields = $("program-fields").content.cloneNode(true);
    fields.querySelector("legend").textContent = p.legend;
    fields.querySelector("[data-when]").firstChild.nodeValue = p.when + " ";
    if (p.hours) fields.querySelector("[data-hours] code").textContent = p.hours;
    else fields.querySelector("[data-hours]").remove();
    Array.prototype.forEach.call(fields.querySelectorAll("[data-field]"), function (el) {
      var name = p.level + el.dataset.field;
      if (el.localName === "label") {
        el.htmlFor = "opt-" + name;
        el.querySelector(".name").textContent = name;
      } else if (el.localName === "input") {
        el.id = "opt-" + name;
        el.dataset.option = name;
        if (el.previousElementSibling.classList.contains("hint")) el.setAttribute("aria-describedby", "hint-" + name);
      } else {
        el.id = "hint-" + name;
      }
      el.removeAttribute("data-field");
    });
    $("programs").appendChild(fields);
  });

  var inputs = Array.prototype.slice.call(document.querySelectorAll("[data-option]"));
  var version = (document.querySelector('meta[name="iop-op-fit-version"]') || {}).content || "0.1.0";
  var integrity = null; // "sha384-…" of the loader as served here, once computed
  var integrityProblem = "";

  /** The non-empty fields, by option name, in the page's order. */
  function options() {
    var out = {};
    inputs.forEach(function (input) {
      var value = input.value.trim();
      if (value !== "") out[input.dataset.option] = value;
    });
    return out;
  }

  function kebab(name) {
    return name.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); });
  }

  function escapeAttribute(value) {
    return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function chosen(name) {
    return document.querySelector('input[name="' + name + '"]:checked').value;
  }

  /** The snippet for `opts`: the mount element, then the script tag. */
  function snippet(opts) {
    var element = chosen("form") === "element";
    var attrs = Object.keys(opts).map(function (name) {
      return (element ? "" : "data-") + kebab(name) + '="' + escapeAttribute(opts[name]) + '"';
    });
    var tag = element
      ? "<iop-op-fit" + attrs.map(function (a) { return " " + a; }).join("") + "></iop-op-fit>"
      : "<div data-iop-op-fit" + attrs.map(function (a) { return " " + a; }).join("") + "></div>";
    var script;
    if (chosen("source") === "cdn") {
      var src = CDN.replace("{version}", version);
      script = '<script src="' + escapeAttribute(src) + '"' +
        (integrity ? ' integrity="' + integrity + '" crossorigin="anonymous"' : "") + " defer></" + "script>";
    } else {
      script = '<script src="' + SELF_HOSTED + '" defer></' + "script>";
    }
    return tag + "\n" + script + "\n";
  }

  function showSnippet() {
    $("snippet").textContent = snippet(options());
    var note = $("source-note");
    if (chosen("source") === "cdn") {
      note.textContent = integrity
        ? "The integrity value is the SHA-384 of iop-op-fit.js version " + version +
          "; the browser refuses the file if it changes."
        : "The integrity value could not be worked out here" + (integrityProblem ? " (" + integrityProblem + ")" : "") +
          "; the code works without it, but add it before you publish.";
    } else {
      note.textContent = "Copy iop-op-fit.js and the core/ folder beside it to your server, and change " +
        SELF_HOSTED + " to where you put them.";
    }
  }

  function showProblems(problems) {
    var list = $("problems-list");
    list.textContent = "";
    problems.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    });
    $("problems").dataset.count = String(problems.length);
    $("problems-none").hidden = problems.length > 0;
  }

  // The preview: unmount the last one and mount again; a newer change wins.
  var handle = null;
  var generation = 0;
  function update() {
    var mine = ++generation;
    var opts = options();
    showSnippet();
    window.IopOpFit.check(opts).then(function (problems) {
      if (mine === generation) showProblems(problems);
    }, function (e) {
      if (mine === generation) showProblems(["The widget could not check these options: " + e.message]);
    });
    var previous = handle;
    handle = null;
    if (previous) previous.unmount();
    // A fresh mount point each time, so nothing of the last preview remains.
    var old = $("preview");
    var fresh = document.createElement("div");
    fresh.id = "preview";
    old.replaceWith(fresh);
    var previewOptions = Object.assign({}, opts, { storage: "false" });
    window.IopOpFit.mount(fresh, previewOptions).then(function (h) {
      if (mine === generation) handle = h; else h.unmount();
    });
  }

  var timer = 0;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  }

  /** The SHA-384 of the loader exactly as this server sends it, for the CDN snippet's integrity. */
  function computeIntegrity() {
    if (!window.crypto || !crypto.subtle) {
      integrityProblem = "this page needs https to use the browser's crypto";
      return Promise.resolve();
    }
    return fetch("iop-op-fit.js", { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) throw new Error("iop-op-fit.js: HTTP " + r.status);
        return r.arrayBuffer();
      })
      .then(function (bytes) { return crypto.subtle.digest("SHA-384", bytes); })
      .then(function (digest) {
        var binary = "";
        new Uint8Array(digest).forEach(function (b) { binary += String.fromCharCode(b); });
        integrity = "sha384-" + btoa(binary);
        document.body.dataset.integrity = integrity;
      })
      .catch(function (e) { integrityProblem = e.message; });
  }

  function copy() {
    var text = $("snippet").textContent;
    var status = $("copy-status");
    function selectIt() {
      var range = document.createRange();
      range.selectNodeContents($("snippet"));
      var selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      $("snippet").focus();
      status.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = "Copied.";
      }, selectIt);
    } else {
      selectIt();
    }
  }

  inputs.forEach(function (input) { input.addEventListener("input", schedule); });
  Array.prototype.forEach.call(document.querySelectorAll('input[name="form"], input[name="source"]'), function (r) {
    r.addEventListener("change", showSnippet);
  });
  $("options").addEventListener("submit", function (e) { e.preventDefault(); update(); });
  $("copy").addEventListener("click", copy);

  showSnippet();
  update();
  computeIntegrity().then(function () {
    showSnippet();
    document.body.dataset.ready = "true";
  });
})();
