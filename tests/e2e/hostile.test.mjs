// Hostile hosts: a page styled by a real CSS framework (Bootstrap, from npm)
// and a page with aggressive global CSS (*, html, body, button, input,
// fieldset and svg rules with !important, a 62.5% root font size). The widget
// must look and behave as on the plain page, and the host page's own layout
// must be the same with and without the widget.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  answer, back, CASES, complete, expectNextSteps, expectScreen, MAIN, newPhone, openHost, openWithoutWidget, setup,
  snap, start, widget,
} from "./helpers.mjs";

const env = setup({ extraRoots: { "/bootstrap/": join(MAIN, "node_modules", "bootstrap", "dist") } });
const HOSTILE = [["bootstrap.html", "Bootstrap 5"], ["aggressive.html", "aggressive global CSS"]];

/**
 * How the widget's key elements look, from computed styles. Fonts inherit
 * from the host by design, so the family is left out, and so are widths that
 * depend on it; heights are taken only of one-line elements.
 */
function widgetLooks(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-iop-op-fit]").shadowRoot;
    const props = ["font-size", "font-weight", "font-style", "line-height", "letter-spacing", "word-spacing", "text-transform",
      "text-align", "text-decoration-line", "color", "background-color", "visibility", "opacity", "display", "box-sizing",
      "min-height", "min-width", "direction",
      "padding-top", "padding-right", "padding-bottom", "padding-left", "margin-top", "margin-right", "margin-bottom", "margin-left",
      "border-top-width", "border-right-width", "border-bottom-width", "border-left-width", "border-top-style", "border-top-color",
      "border-radius", "outline-style"];
    const look = (selector, { height = false, width = false } = {}) => {
      const el = root.querySelector(selector);
      if (!el) return { missing: selector };
      const s = getComputedStyle(el);
      const out = Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
      const r = el.getBoundingClientRect();
      if (height) out.height = `${r.height}px`;
      if (width) out.width = `${r.width}px`;
      return out;
    };
    const host = getComputedStyle(root.host);
    const looks = {
      host: Object.fromEntries(["display", "margin-top", "margin-left", "padding-top", "padding-left", "border-top-width",
        "font-size", "line-height", "color", "text-transform", "letter-spacing", "visibility", "opacity", "transform"]
        .map((p) => [p, host.getPropertyValue(p)])),
      box: look(".iof"),
      // Not on the start screen, whose heading says the same.
      ...(root.querySelector("[data-screen=start]") ? {} : { title: look(".iof-title") }),
      select: look("select", { height: true }),
    };
    if (root.querySelector("[data-screen=start]")) {
      Object.assign(looks, { heading: look("[data-screen=start] h2"), lead: look(".iof-lead"), start: look("button.iof-primary", { height: true }) });
    }
    if (root.querySelector("fieldset[data-question=respondent]")) {
      Object.assign(looks, {
        fieldset: look("fieldset"),
        heading: look("form[data-screen=question] > h2"),
        hint: look(".iof-hint"),
        back: look("button.iof-back", { height: true }),
        label: look(".iof-choice label", { height: true }),
        radio: look(".iof-choice input", { height: true, width: true }),
        submit: look("button[type=submit]", { height: true }),
        progress: look(".iof-progress-bar", { height: true }),
      });
    }
    if (root.querySelector("[data-screen=result]")) {
      Object.assign(looks, {
        heading: look("[data-screen=result] h2"),
        call: look("a[data-action=call]"),
        contact: look("a[data-action=contact]", { height: true }),
        chart: look(".iof-levels svg"),
        bar: look(".iof-step[data-here] rect"),
        review: look(".iof-review-question"),
      });
    }
    return looks;
  });
}

/** Differences between two looks: px values may differ by 1 px, everything else must match. */
function differences(expected, actual) {
  const out = [];
  for (const [element, props] of Object.entries(expected)) {
    for (const [prop, want] of Object.entries(props)) {
      const got = actual[element] && actual[element][prop];
      const px = (v) => (/^-?[\d.]+px$/.test(v) ? parseFloat(v) : null);
      const same = px(want) !== null && px(got) !== null ? Math.abs(px(want) - px(got)) <= 1 : want === got;
      if (!same) out.push(`${element} ${prop}: plain page ${want}, here ${got}`);
    }
  }
  return out;
}

/**
 * The host page's own elements (not the widget's): computed styles and boxes.
 * Boxes that contain the widget naturally grow taller, and elements after it
 * move down; their x and width must not change.
 */
function hostLayout(page) {
  return page.evaluate(() => {
    const mount = document.querySelector("[data-iop-op-fit]");
    const props = ["display", "position", "float", "font-size", "font-family", "font-weight", "line-height", "color",
      "background-color", "margin-top", "margin-right", "margin-bottom", "margin-left", "padding-top", "padding-right",
      "padding-bottom", "padding-left", "border-top-width", "border-left-width", "box-sizing", "text-transform",
      "letter-spacing", "visibility", "overflow-x"];
    const skip = new Set(["HEAD", "SCRIPT", "STYLE", "LINK", "META", "TITLE"]);
    const path = (el) => (el.id ? `#${el.id}` : `${el.parentElement ? path(el.parentElement) + " > " : ""}${el.tagName.toLowerCase()}:nth-child(${[...el.parentElement?.children ?? [el]].indexOf(el) + 1})`);
    const out = { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
      sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length, elements: {} };
    for (const el of document.querySelectorAll("*")) {
      if (el === mount || skip.has(el.tagName) || el.closest("head")) continue;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const entry = Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
      if (el.getClientRects().length === 0) { out.elements[path(el)] = entry; continue; } // no box (display: none)
      entry.x = r.x.toFixed(1);
      entry.width = r.width.toFixed(1);
      const contains = el.contains(mount);
      const before = mount.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING;
      if (!contains) entry.height = r.height.toFixed(1);
      if (before && !contains) entry.y = (r.y + window.scrollY).toFixed(1);
      out.elements[path(el)] = entry;
    }
    return out;
  });
}

function layoutChanges(without, withWidget) {
  const out = [];
  for (const key of ["scrollWidth", "clientWidth", "sheets", "adopted"]) {
    if (without[key] !== withWidget[key]) out.push(`document ${key}: ${without[key]} without the widget, ${withWidget[key]} with it`);
  }
  for (const [el, props] of Object.entries(without.elements)) {
    const now = withWidget.elements[el];
    if (!now) { out.push(`${el} is gone`); continue; }
    for (const [p, v] of Object.entries(props)) if (now[p] !== v) out.push(`${el} ${p}: ${v} without the widget, ${now[p]} with it`);
  }
  for (const el of Object.keys(withWidget.elements)) if (!(el in without.elements)) out.push(`${el} was added to the host page`);
  return out;
}

/** The widget's looks on the plain page, at the start, a question and the R1 result (taken once). */
let reference;
async function plainLooks() {
  if (!reference) {
    const context = await newPhone(env.browser);
    try {
      const page = await context.newPage();
      await openHost(page, `${env.server.origin}/plain.html`);
      const start_ = await widgetLooks(page);
      await start(page);
      const question = await widgetLooks(page);
      await complete(page, CASES.R1.answers);
      reference = { start: start_, question, result: await widgetLooks(page) };
    } finally {
      await context.close();
    }
    assert.equal(reference.start.heading["font-size"], "24px");
    assert.ok(!JSON.stringify(reference).includes("missing"), JSON.stringify(reference));
  }
  return reference;
}

describe("the widget looks and behaves the same on hostile pages", () => {
  for (const [file, what] of HOSTILE) {
    test(`on a page with ${what} (${file}): same computed looks, and a flow completes`, async () => {
      const plain = await plainLooks();
      const page = env.page;
      const name = file.replace(".html", "");
      await openHost(page, `${env.server.origin}/${file}`);
      assert.deepEqual(differences(plain.start, await widgetLooks(page)), [], `${what}: start screen`);
      await snap(page, `hostile-${name}-start`);
      await start(page);
      assert.deepEqual(differences(plain.question, await widgetLooks(page)), [], `${what}: question screen`);
      await snap(page, `hostile-${name}-question`);

      // It behaves the same: answers, Back, and a complete flow to the right result.
      await answer(page, "respondent", ["self"]);
      assert.equal(await back(page), "respondent");
      const { screen } = await complete(page, CASES.R1.answers);
      assert.equal(screen, "result");
      const result = widget(page).locator("[data-screen=result]");
      assert.equal(await result.getAttribute("data-level"), CASES.R1.level);
      await expectNextSteps(result);
      assert.deepEqual(differences(plain.result, await widgetLooks(page)), [], `${what}: result screen`);
      await snap(page, `hostile-${name}-result`);
    });
  }
});

describe("the host page's own layout is unchanged by the widget", () => {
  for (const file of ["plain.html", ...HOSTILE.map(([f]) => f)]) {
    test(`${file}: same styles and boxes without the widget, at its start, and at a result`, async () => {
      const page = env.page;
      const url = `${env.server.origin}/${file}`;
      await openWithoutWidget(page, url);
      assert.equal(await widget(page).evaluate((el) => el.shadowRoot), null, "the widget's script was really blocked");
      const without = await hostLayout(page);

      await openHost(page, url);
      assert.deepEqual(layoutChanges(without, await hostLayout(page)), [], `${file}, widget at its start screen`);
      await complete(page, CASES.R4.answers);
      await expectScreen(page, "result");
      assert.deepEqual(layoutChanges(without, await hostLayout(page)), [], `${file}, widget showing a result`);
    });
  }
});
