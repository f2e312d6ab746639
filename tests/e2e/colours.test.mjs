// Forced colours and dark mode: Chromium with `forced-colors: active`, with
// `prefers-color-scheme: dark` (on the widget's default light scheme, and with
// colorScheme "auto", where it turns dark), and with both (the DevTools
// protocol's media emulation). In each, the selected option, the focus ring,
// the buttons and the levels picture stay visible: checked on computed styles
// (contrast of what draws them against what is behind them) and kept as screenshots.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { CASES, complete, MAIN, openHost, setup, snap, start, widget } from "./helpers.mjs";

const SCREENSHOTS = join(MAIN, "tests", "e2e", "screenshots");

const env = setup();

const FORCED = { name: "forced-colors", value: "active" };
const DARK = { name: "prefers-color-scheme", value: "dark" };
/** Each mode: the emulated media features and the host page (auto: the widget follows the visitor's scheme). */
const MODES = {
  light: { features: [], host: "plain.html" },
  "forced-colors": { features: [FORCED], host: "plain.html" },
  "dark-setting-light-widget": { features: [DARK], host: "plain.html" },
  dark: { features: [DARK], host: "scheme-auto.html", darkWidget: true },
  "forced-colors-dark": { features: [FORCED, DARK], host: "scheme-auto.html" },
};

/** sRGB "rgb(r, g, b)" or "rgba(r, g, b, a)" to [r, g, b, a]. */
function parse(colour) {
  const m = colour.match(/rgba?\(([^)]+)\)/);
  assert.ok(m, `a colour: ${colour}`);
  const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
}

function luminance([r, g, b]) {
  const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two opaque colours. */
function contrast(a, b) {
  const [la, lb] = [luminance(parse(a)), luminance(parse(b))].sort((x, y) => y - x);
  return (la + 0.05) / (lb + 0.05);
}

function opaque(colour) {
  return parse(colour)[3] > 0.5;
}

/** The computed styles that draw the question screen's parts; `focusedLabel` is the label of the focused option. */
function questionLooks(page) {
  return widget(page).evaluate((host) => {
    const root = host.shadowRoot;
    const s = (el) => getComputedStyle(el);
    let focused = root.activeElement;
    const checked = root.querySelector("fieldset input:checked + label");
    const unchecked = root.querySelector("fieldset input:not(:checked) + label");
    const ring = focused.matches("input") ? focused.labels[0] : focused;
    const submit = root.querySelector("form button[type=submit]");
    const back = root.querySelector("button.iof-back");
    const look = (el) => {
      const c = s(el);
      return {
        color: c.color, background: c.backgroundColor, border: c.borderTopColor, borderWidth: parseFloat(c.borderTopWidth),
        borderStyle: c.borderTopStyle, weight: c.fontWeight, outline: c.outlineColor, outlineStyle: c.outlineStyle,
        outlineWidth: parseFloat(c.outlineWidth), shadow: c.boxShadow,
      };
    };
    return {
      canvas: s(root.querySelector(".iof")).backgroundColor,
      checked: look(checked), unchecked: look(unchecked), ring: look(ring), ringIsOption: focused.matches("input"),
      submit: look(submit), back: look(back),
    };
  });
}

/** The levels picture's steps (fill and stroke, the current one marked) and labels, and what is behind them. */
function levelsLooks(page) {
  return widget(page).evaluate((host) => {
    const root = host.shadowRoot;
    const steps = [...root.querySelectorAll(".iof-levels .iof-step")].map((g) => {
      const rect = getComputedStyle(g.querySelector("rect"));
      return { here: g.hasAttribute("data-here"), fill: rect.fill, stroke: rect.stroke,
        label: getComputedStyle(g.querySelector("text")).fill };
    });
    const marker = root.querySelector(".iof-levels .iof-marker");
    const call = root.querySelector("a[data-action=call]");
    const c = getComputedStyle(call);
    return {
      canvas: getComputedStyle(root.querySelector(".iof")).backgroundColor, steps,
      marker: marker && getComputedStyle(marker).fill,
      call: { color: c.color, background: c.backgroundColor, border: c.borderTopColor },
      text: getComputedStyle(root.querySelector(".iof-levels-text")).color,
    };
  });
}

/** `colour` stands out from `behind` by at least `ratio`, with what it says in the message. */
function stands(colour, behind, ratio, what) {
  const r = contrast(colour, behind);
  assert.ok(r >= ratio, `${what}: ${colour} on ${behind} has contrast ${r.toFixed(2)}, below ${ratio}`);
}

for (const [mode, { features, host, darkWidget }] of Object.entries(MODES)) {
  describe(`${mode}`, () => {
    test(`the selected option, the focus ring, the buttons and the levels picture stay visible (${mode})`, async () => {
      const page = env.page;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setEmulatedMedia", { features });
      for (const { name, value } of features) {
        assert.ok(await page.evaluate(([n, v]) => matchMedia(`(${n}: ${v})`).matches, [name, value]), `${name}: ${value} is in effect`);
      }
      await openHost(page, `${env.server.origin}/${host}`);
      if (darkWidget) {
        const bg = await widget(page).evaluate((h) => getComputedStyle(h.shadowRoot.querySelector(".iof")).backgroundColor);
        assert.ok(contrast(bg, "rgb(0, 0, 0)") < 1.5, `the widget is dark: ${bg}`);
      }
      await start(page);
      // Choose the second option by keyboard, so the focus ring shows on it.
      await page.keyboard.press("Tab");
      await page.keyboard.press("ArrowDown");
      const q = await questionLooks(page);
      assert.ok(q.ringIsOption, "focus is on an option");
      await snap(page, `colours-${mode}-question`);

      // The selected option: its border stands out from the canvas, and it
      // differs from an unselected one by more than its background (which forced colours may replace).
      stands(q.checked.border, q.canvas, 3, "the selected option's border");
      assert.ok(q.checked.borderWidth >= 2 && q.checked.borderStyle === "solid", "the selected option has a solid border of 2px or more");
      const differs = q.checked.border !== q.unchecked.border || q.checked.weight !== q.unchecked.weight;
      assert.ok(differs, `the selected option looks different from the others: ${JSON.stringify({ checked: q.checked, unchecked: q.unchecked })}`);
      stands(q.checked.color, opaque(q.checked.background) ? q.checked.background : q.canvas, 4.5, "the selected option's text");
      stands(q.unchecked.color, opaque(q.unchecked.background) ? q.unchecked.background : q.canvas, 4.5, "an option's text");

      // The focus ring: a solid outline of 2px or more that stands out (box-shadows are dropped in forced colours).
      assert.equal(q.ring.outlineStyle, "solid", "the focused option's label has an outline");
      assert.ok(q.ring.outlineWidth >= 2, `the outline is ${q.ring.outlineWidth}px`);
      stands(q.ring.outline, q.canvas, 3, "the focus ring");

      // Buttons: Continue's text on its background, and its edge against the canvas; Back's text.
      const submitBack = opaque(q.submit.background) ? q.submit.background : q.canvas;
      stands(q.submit.color, submitBack, 4.5, "Continue's text");
      assert.ok(contrast(q.submit.border, q.canvas) >= 3 || contrast(submitBack, q.canvas) >= 3,
        `Continue's edge stands out: border ${q.submit.border}, background ${q.submit.background} on ${q.canvas}`);
      stands(q.back.color, opaque(q.back.background) ? q.back.background : q.canvas, 4.5, "Back's text");

      // The levels picture on a result: every step is drawn, the current one
      // stands out from the others, the labels and the text under it can be read.
      assert.equal((await complete(page, CASES.R1.answers)).screen, "result");
      await widget(page).locator(".iof-levels").scrollIntoViewIfNeeded();
      const l = await levelsLooks(page);
      await snap(page, `colours-${mode}-result`);
      await widget(page).locator(".iof-levels").screenshot({ path: join(SCREENSHOTS, `colours-${mode}-levels.png`) });
      const here = l.steps.find((s) => s.here);
      assert.ok(here, "one step is marked");
      for (const s of l.steps) {
        assert.ok(contrast(s.fill, l.canvas) >= 3 || contrast(s.stroke, l.canvas) >= 3,
          `a step of the picture is drawn: fill ${s.fill}, stroke ${s.stroke} on ${l.canvas}`);
        stands(s.label, l.canvas, 4.5, "a step's label");
        if (!s.here) stands(here.fill, s.fill, 3, "the current step against the others");
      }
      stands(here.fill, l.canvas, 3, "the current step");
      stands(l.marker, l.canvas, 3, "the marker over the current step");
      stands(l.text, l.canvas, 4.5, "the picture's text");
      const callBack = opaque(l.call.background) ? l.call.background : l.canvas;
      stands(l.call.color, callBack, 4.5, "the call button's text");
    });
  });
}
