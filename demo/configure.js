// The configurator (configure.html): a control for every option, built from
// the options table (configure-options.json, which the build writes from
// src/options/spec.rs), a live preview mounted with IopOpFit.mount, the
// widget's own warnings from IopOpFit.check (the rules live in the widget,
// never here) shown by the field they belong to, and the snippet to paste,
// which never carries a value the widget would refuse.
// Everything is written with textContent, so the page works under Trusted Types.
(function () {
  "use strict";

  var CDN = "https://cdn.jsdelivr.net/npm/iop-op-fit@{version}/dist/iop-op-fit.js";
  var SELF_HOSTED = "/path/to/iop-op-fit/iop-op-fit.js";
  var DEBOUNCE_MS = 200;

  var $ = function (id) { return document.getElementById(id); };

  /** Words for values whose id says little; any other value is shown as written, capitalised. */
  var WORDS = {
    true: "Yes", false: "No", op: "Outpatient (OP)", iop: "Intensive outpatient (IOP)", php: "Partial hospitalization (PHP)",
    residential: "Residential", national: "National (SAMHSA helpline)",
    massachusetts: "Massachusetts (the state's helplines)"
  };
  var languages = window.Intl && Intl.DisplayNames ? new Intl.DisplayNames(["en"], { type: "language" }) : null;

  /** A value's words: a language's name with its tag, else WORDS, else the id. */
  function words(spec, value) {
    if (spec.languages && languages) return languages.of(value) + " (" + value + ")";
    if (WORDS[value]) return WORDS[value];
    var text = value.replace(/_/g, " ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function element(name, attributes, text) {
    var el = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (a) { el.setAttribute(a, attributes[a]); });
    if (text != null) el.textContent = text;
    return el;
  }

  /**
   * The field's frame, in GOV.UK's order: label (a legend for a group of
   * controls), hint, the message (hidden until there is one), then the controls.
   */
  function frame(spec, slot, group) {
    var id = "opt-" + spec.name;
    var root = element(group ? "fieldset" : "div", { class: "field", "data-option": spec.name });
    var label = element(group ? "legend" : "label", group ? {} : { for: id });
    var own = slot && slot.querySelector("[data-label]");
    label.append((own ? own.textContent : spec.name) + " ", element("span", { class: "name" }, spec.name));
    var hint = element("span", { class: "hint", id: "hint-" + spec.name });
    var hintWords = slot && slot.querySelector("[data-hint]");
    // The allowed values in the widget's words, for the kinds that are typed.
    var typed = !group || spec.kind === "hours";
    hint.textContent = [hintWords ? hintWords.textContent : "", typed ? "Use " + spec.allowed + "." : ""]
      .filter(Boolean).join(" ");
    var message = element("p", { id: "error-" + spec.name, hidden: "" });
    var prefix = element("span", { class: "visually-hidden" });
    var text = element("span");
    message.append(prefix, text);
    root.append(label, hint, message);
    return { id: id, root: root, hint: hint, message: message, prefix: prefix, text: text };
  }

  /** Radios, one per value; "Not set" first when no value means the default. */
  function radios(spec, f) {
    var box = element("div", { class: "choices" });
    var values = spec.values.slice();
    if (spec.default == null) values.unshift("");
    values.forEach(function (value, i) {
      var id = f.id + (i ? "-" + i : "");
      var input = element("input", { type: "radio", name: f.id, id: id, value: value });
      input.checked = value === (spec.default || "");
      var text = value === "" ? "Not set" : words(spec, value);
      var item = element("span");
      item.append(input, element("label", { for: id }, text + (value === spec.default ? " (default)" : "")));
      box.append(item);
    });
    return {
      node: box,
      inputs: [],
      value: function () {
        var v = box.querySelector("input:checked").value;
        return v === "" || v === spec.default ? null : v;
      }
    };
  }

  /** A text box: the value as typed, trimmed; empty leaves the option out. */
  function textBox(type, extra) {
    return function (spec, f) {
      var input = element("input", Object.assign({ type: type, id: f.id }, extra || {}));
      return { node: input, inputs: [input], value: function () { return input.value.trim() || null; } };
    };
  }

  // One builder per kind of configurator_json(); tests/option_lists.rs checks
  // that every kind the spec has is here.
  var CONTROLS = {
    text: textBox("text"),
    textList: textBox("text"),
    phone: textBox("tel", { autocomplete: "tel" }),
    url: textBox("text", { inputmode: "url" }),
    // A picker and a text box, kept in step: the picker cannot be empty, and empty is the default.
    color: function (spec, f) {
      var box = element("div", { class: "colour" });
      var input = element("input", { type: "text", id: f.id });
      var picker = element("input", { type: "color", id: f.id + "-picker" });
      box.append(input, " ", picker, " ", element("label", { for: f.id + "-picker" }, "or pick one"));
      picker.addEventListener("input", function () { input.value = picker.value; });
      input.addEventListener("input", function () {
        var hex = input.value.trim().toLowerCase();
        if (/^#[0-9a-f]{3}$/.test(hex)) hex = hex.replace(/[0-9a-f]/g, "$&$&");
        if (/^#[0-9a-f]{6}$/.test(hex)) picker.value = hex;
      });
      return { node: box, inputs: [input], value: function () { return input.value.trim() || null; } };
    },
    oneOf: radios,
    yesNo: radios,
    // Checkboxes; unticking all is a choice the widget may refuse (a provider runs some level).
    list: function (spec, f) {
      var box = element("div", { class: "choices" });
      var ticked = (spec.default || "").split(",");
      var values = spec.values.concat(spec.none ? ["none"] : []);
      var inputs = values.map(function (value, i) {
        var id = f.id + (i ? "-" + i : "");
        var input = element("input", { type: "checkbox", id: id, value: value });
        input.checked = ticked.indexOf(value) >= 0;
        var item = element("span");
        item.append(input, element("label", { for: id }, value === "none" ? "None of these" : words(spec, value)));
        box.append(item);
        return input;
      });
      // "None of these" and a value cannot both be ticked.
      box.addEventListener("change", function (e) {
        inputs.forEach(function (input) {
          if (input !== e.target && e.target.checked && (input.value === "none" || e.target.value === "none")) input.checked = false;
        });
      });
      return {
        node: box,
        inputs: inputs,
        value: function () {
          var v = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; }).join(",");
          return v === (spec.default || "") ? null : v;
        }
      };
    },
    // From and to: one number, or a range.
    hours: function (spec, f) {
      var box = element("div", { class: "range" });
      var ends = ["From", "To"].map(function (word, i) {
        var id = f.id + (i ? "-to" : "");
        var input = element("input", { type: "number", id: id, min: spec.min, max: spec.max, inputmode: "numeric" });
        box.append(element("label", { for: id }, word), input, " ");
        return input;
      });
      return {
        node: box,
        inputs: ends,
        value: function () {
          var from = ends[0].value.trim();
          var to = ends[1].value.trim();
          return to === "" || to === from ? from || null : from + "-" + to;
        }
      };
    }
  };

  var fields = []; // in the spec's order: { spec, root, value(), … }
  var keptNote = "";

  /** Builds every option's field from the spec, in its slot on the page. */
  function buildFields(table) {
    keptNote = table.keptNote;
    var byName = {};
    table.options.forEach(function (spec) { byName[spec.name] = spec; });
    // Each level's program fields, from one template: the options named after the level and the field.
    byName.levels.values.forEach(function (level) {
      var fieldset = $("program-fields").content.cloneNode(true);
      fieldset.querySelector("legend").textContent = words(byName.levels, level) + " program";
      Array.prototype.forEach.call(fieldset.querySelectorAll("[data-field]"), function (slot) {
        var name = level + slot.dataset.field;
        if (byName[name]) slot.dataset.option = name; else slot.remove();
      });
      $("programs").appendChild(fieldset);
    });
    var slots = {};
    Array.prototype.forEach.call($("options").querySelectorAll("[data-option]"), function (slot) {
      slots[slot.dataset.option] = slot;
    });
    var others = null; // options this page has no words for yet, under their names
    table.options.forEach(function (spec) {
      var group = ["oneOf", "yesNo", "list", "hours"].indexOf(spec.kind) >= 0;
      var f = frame(spec, slots[spec.name], group);
      var control = CONTROLS[spec.kind](spec, f);
      f.root.append(control.node);
      // What the hint and the message describe: the text box, or the whole group.
      f.described = group ? f.root : control.inputs[0];
      f.described.setAttribute("aria-describedby", f.hint.id);
      f.spec = spec;
      f.inputs = control.inputs;
      f.value = control.value;
      f.first = f.root.querySelector("input");
      if (slots[spec.name]) {
        slots[spec.name].replaceWith(f.root);
      } else {
        if (!others) {
          others = element("fieldset");
          others.append(element("legend", {}, "More options"));
          $("options").append(others);
        }
        others.append(f.root);
      }
      fields.push(f);
    });
    $("options").addEventListener("input", schedule);
    $("options").addEventListener("change", schedule);
  }

  /** Shows the widget's warnings for one field by it; returns whether the value is refused. */
  function showField(f, warnings) {
    // Every warning refuses its value but one, which keeps it (and says so).
    var refused = warnings.some(function (w) { return !w.endsWith(keptNote); });
    f.message.hidden = warnings.length === 0;
    f.message.className = refused ? "error-message" : "note-message";
    f.prefix.textContent = refused ? "Error: " : "Note: ";
    f.text.textContent = warnings.join(" ");
    f.root.classList.toggle("field-error", refused);
    f.described.setAttribute("aria-describedby", f.hint.id + (warnings.length ? " " + f.message.id : ""));
    f.inputs.forEach(function (input) {
      if (refused) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    });
    return refused;
  }

  var version = (document.querySelector('meta[name="iop-op-fit-version"]') || {}).content || "0.1.0";
  var integrity = null; // "sha384-…" of the loader as served here, once computed
  var integrityProblem = "";
  var accepted = {}; // the values the widget takes, by option name, in the spec's order

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
    var asElement = chosen("form") === "element";
    var attrs = Object.keys(opts).map(function (name) {
      return (asElement ? "" : "data-") + kebab(name) + '="' + escapeAttribute(opts[name]) + '"';
    });
    var tag = asElement
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
    $("snippet").textContent = snippet(accepted);
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

  /** The list: each field's problem, linked to the field, then those of no one field. */
  function showProblems(byField, others) {
    var list = $("problems-list");
    list.textContent = "";
    byField.forEach(function (item) {
      var link = element("a", { href: "#" + item.field.first.id }, item.text);
      link.addEventListener("click", function (e) { e.preventDefault(); item.field.first.focus(); });
      list.appendChild(element("li")).appendChild(link);
    });
    others.forEach(function (text) { list.appendChild(element("li", {}, text)); });
    var count = byField.length + others.length;
    $("problems").dataset.count = String(count);
    $("problems-none").hidden = count > 0;
  }

  // Each field is checked alone, so its warnings are its own; then the values
  // kept are checked together for any problem of no one field. The preview:
  // unmount the last one and mount again; a newer change wins.
  var handle = null;
  var generation = 0;
  function update() {
    var mine = ++generation;
    var given = fields.map(function (f) { return { field: f, value: f.value() }; })
      .filter(function (g) { return g.value !== null; });
    var check = window.IopOpFit.check;
    Promise.all(given.map(function (g) {
      var one = {};
      one[g.field.spec.name] = g.value;
      return check(one);
    })).then(function (results) {
      if (mine !== generation) return null;
      var kept = {};
      var byField = [];
      var shown = {};
      fields.forEach(function (f) { showField(f, []); });
      given.forEach(function (g, i) {
        if (!showField(g.field, results[i])) kept[g.field.spec.name] = g.value;
        results[i].forEach(function (text) { byField.push({ field: g.field, text: text }); shown[text] = true; });
      });
      return check(kept).then(function (all) {
        if (mine !== generation) return;
        showProblems(byField, all.filter(function (text) { return !shown[text]; }));
        accepted = kept;
        showSnippet();
        preview(mine);
      });
    }).catch(function (e) {
      if (mine === generation) showProblems([], ["The widget could not check these options: " + e.message]);
    });
  }

  function preview(mine) {
    var previous = handle;
    handle = null;
    if (previous) previous.unmount();
    // A fresh mount point each time, so nothing of the last preview remains.
    var fresh = element("div", { id: "preview" });
    $("preview").replaceWith(fresh);
    var previewOptions = Object.assign({}, accepted, { storage: "false" });
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

  Array.prototype.forEach.call(document.querySelectorAll('input[name="form"], input[name="source"]'), function (r) {
    r.addEventListener("change", showSnippet);
  });
  $("options").addEventListener("submit", function (e) { e.preventDefault(); update(); });
  $("copy").addEventListener("click", copy);

  showSnippet();
  var table = fetch("configure-options.json")
    .then(function (r) {
      if (!r.ok) throw new Error("configure-options.json: HTTP " + r.status);
      return r.json();
    })
    .then(function (t) { buildFields(t); update(); })
    .catch(function (e) { showProblems([], ["The options could not be loaded: " + e.message]); });
  Promise.all([table, computeIntegrity()]).then(function () {
    showSnippet();
    document.body.dataset.ready = "true";
  });
})();
