// Shared set-up for the end-to-end tests: one Chromium per test file, a fresh
// phone-sized context per test, the static server, and helpers that walk the
// questionnaire through its markup contract (data-screen, data-question, ...).
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, afterEach, before, beforeEach } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
export const MAIN = join(HERE, "..", "..");
/** The built widget; IOP_OP_FIT_DIST can point the suite at another build. */
export const DIST = process.env.IOP_OP_FIT_DIST || join(MAIN, "dist");
export const HOSTS = join(HERE, "hosts");
/** Phone-size PNGs of every state the suite visits (not committed). */
const SCREENSHOTS = join(HERE, "screenshots");

/** Every wait in these tests is at most this long. */
export const TIMEOUT = 10_000;

/** The phone and contact options the host pages in hosts/ set, and what the widget must make of them. */
export const PHONE_HREF = "tel:+15550100100";
export const CONTACT_HREF = "/contact";

/** The translations, read from the sources the widget is built from. */
export function locale(tag) {
  return JSON.parse(readFileSync(join(MAIN, "src", "content", "locales", `${tag}.json`), "utf8"));
}
export const en = locale("en");
/** Every language's tag, English first (as src/content/locales/ holds them). */
export const LOCALES = ["en", ...readdirSync(join(MAIN, "src", "content", "locales")).map((f) => f.replace(/\.json$/, ""))
  .filter((t) => t !== "en").sort()];

/** The least severe answer to every question (docs/clinical-rules.md, version 2). */
export const DEFAULTS = {
  respondent: ["self"],
  danger: ["none"],
  age: ["18_to_64"],
  pregnancy: ["no"],
  substances: ["cannabis"],
  opioid_medicine: ["no"],
  frequency: ["not_past_month"],
  sober_time: ["over_six_months"],
  withdrawal: ["none"],
  overdose_risk: ["none"],
  health: ["none"],
  mental_health: ["none"],
  control: ["can_stop"],
  treatment: ["none"],
  home: ["stable"],
  support: ["strong"],
  commitments: ["none"],
  readiness: ["ready"],
};

/** The questions in the order they are asked (docs/clinical-rules.md): each asked when `asked` holds, or always. */
const ORDER = [
  ["respondent"], ["danger"], ["age"], ["pregnancy"], ["substances"], ["opioid_medicine"], ["frequency"],
  ["sober_time", (a) => a.frequency[0] === "not_past_month"],
  ["withdrawal", (a) => a.frequency[0] !== "not_past_month"],
  ["overdose_risk", (a) => a.substances.some((s) => ["opioids", "sedatives", "stimulants", "other"].includes(s))
    || ["buprenorphine", "methadone"].includes(a.opioid_medicine[0])],
  ["health"], ["mental_health"],
  ["control", (a) => a.frequency[0] !== "not_past_month"],
  ["treatment"], ["home"], ["support"], ["commitments"], ["readiness"],
];

/**
 * The questions the spec asks for `answers` (least-severe defaults for the
 * rest), in order: what `complete` should see when there is no emergency.
 */
export function pathFor(answers = {}) {
  const all = Object.fromEntries(Object.entries({ ...DEFAULTS, ...answers }).map(([q, v]) => [q, [].concat(v)]));
  return ORDER.filter(([, asked]) => !asked || asked(all)).map(([id]) => id);
}

/**
 * The reference cases of docs/clinical-rules.md that the UI tests walk: the
 * answers (others least severe), the level, detox_first, crisis_first (for an
 * emergency) and the flags the result must show, by block: `safety` flags in
 * section[data-flags=safety], the rest in section[data-flags=advice].
 */
export const CASES = {
  R1: {
    answers: { substances: "alcohol", frequency: "most_days", withdrawal: "mild", mental_health: "some",
      control: "slips_back", support: "some", commitments: "work" },
    level: "iop", detoxFirst: "false",
    flags: { safety: ["stop_safely"], advice: ["co_occurring", "evening_or_flexible", "medication_support"] },
  },
  R4: {
    answers: { substances: "alcohol", frequency: "most_days", withdrawal: "severe", control: "slips_back" },
    level: "php", detoxFirst: "true",
    flags: { safety: ["withdrawal_inpatient"], advice: [] },
  },
  R5: {
    answers: { danger: ["overdose"] },
    level: "emergency", detoxFirst: "false", crisisFirst: "911",
  },
  R7: {
    answers: { substances: "opioids", frequency: "most_days", withdrawal: "moderate", control: "cannot_stop",
      home: "unsafe", support: "none" },
    level: "residential", detoxFirst: "false",
    flags: { safety: ["naloxone"], advice: ["moud", "home_safety"] },
  },
  R11: {
    answers: { substances: "sedatives", frequency: "most_days", withdrawal: "not_sure", control: "slips_back" },
    level: "iop", detoxFirst: "true",
    flags: { safety: ["naloxone", "sedative_taper"], advice: [] },
  },
  R12: {
    answers: { substances: ["opioids", "alcohol"], frequency: "most_days", withdrawal: "moderate", control: "slips_back" },
    level: "php", detoxFirst: "true",
    flags: { safety: ["mixing_risk", "naloxone"], advice: ["moud"] },
  },
  R15: {
    answers: { pregnancy: "yes", substances: "cannabis", frequency: "less_than_weekly" },
    level: "op", detoxFirst: "false",
    flags: { safety: [], advice: ["pregnancy"] },
  },
  R17: {
    answers: { danger: ["suicide"] },
    level: "emergency", detoxFirst: "false", crisisFirst: "988",
  },
  R19: {
    answers: { substances: "alcohol", opioid_medicine: "methadone", frequency: "weekly", withdrawal: "mild" },
    level: "iop", detoxFirst: "false",
    flags: { safety: ["naloxone", "mixing_risk"], advice: ["moud", "medication_support"] },
  },
};

/** Every option id the visitor can choose, and every level id: words that must not leak to the host. */
export const ANSWER_WORDS = [...new Set(Object.keys(en).filter((k) => /^q\.[a-z_]+\.[a-z0-9_]+$/.test(k) && !/\.(title|hint)$/.test(k))
  .map((k) => k.split(".")[2]))];
export const LEVELS = ["op", "iop", "php", "residential", "emergency"];

/** Debian's Chromium (a test tool's own browser download does not work here), and how it is started. */
export const CHROMIUM = "/usr/bin/chromium";
export const BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];
/** A phone: iPhone 12 to 15 size, with touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * Registers before/after hooks for a test file and returns a live object:
 * `env.server` (serving /dist/ and hosts/ plus `extraRoots`; `headers` and
 * `notFound` are passed to serve()), `env.browser`,
 * and per test `env.context` and `env.page` (phone-sized, touch).
 */
export function setup({ extraRoots = {}, headers, notFound } = {}) {
  const env = {};
  before(async () => {
    env.browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
    env.server = await serve({ roots: { "/dist/": DIST, "/": HOSTS, ...extraRoots }, headers, notFound });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  beforeEach(async () => {
    env.context = await newPhone(env.browser);
    env.page = await env.context.newPage();
    env.errors = [];
    env.page.on("pageerror", (e) => env.errors.push(e.message));
  });
  afterEach(async () => {
    await env.context?.close();
    // A panic in the wasm, or any uncaught error on the page, fails the test that caused it.
    assert.deepEqual(env.errors, [], "uncaught errors on the page");
  });
  return env;
}

/** A phone-sized browser context with touch (`viewport` for a smaller phone). */
export async function newPhone(browser, viewport = PHONE.viewport) {
  const context = await browser.newContext({ ...PHONE, viewport });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  return context;
}

/** `target` is a Page (with one widget) or a Locator for one mount element. */
export function widget(target) {
  return typeof target.goto === "function" ? target.locator("[data-iop-op-fit]") : target;
}

/** The input for one option of a question (to check whether it is selected). */
export function option(target, questionId, value) {
  return widget(target).locator(`fieldset[data-question=${questionId}] input[value="${value}"]`);
}

/** Whichever screen the widget shows: "start", "emergency", "result" or a question id. */
export async function currentScreen(target, timeout = TIMEOUT) {
  const w = widget(target);
  const shown = w.locator("[data-screen=start], fieldset[data-question], [data-screen=emergency], [data-screen=result]");
  await shown.first().waitFor({ timeout });
  return shown.first().evaluate((el) => el.dataset.question || el.dataset.screen);
}

/**
 * Waits (at most TIMEOUT) until the widget shows `screen` ("start", "emergency",
 * "result" or a question id); fails naming the screen it shows instead.
 */
export async function expectScreen(target, screen) {
  const deadline = Date.now() + TIMEOUT;
  let shown;
  while (Date.now() < deadline) {
    shown = await currentScreen(target, Math.max(1, deadline - Date.now())).catch(() => "(nothing)");
    if (shown === screen) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`expected the ${screen} screen, but the widget shows ${shown}`);
}

/** Opens a host page and waits for the widget's start screen, once the wasm has taken it over. */
export async function openHost(page, url) {
  // Counted under a symbol, so the page's global names stay the widget's own (manners.test.mjs).
  await page.addInitScript(() => {
    const shown = Symbol.for("iop-op-fit tests: widgets shown");
    if (shown in window) return; // added again by a later call on this page
    window[shown] = 0;
    addEventListener("iop-op-fit:ready", () => { window[shown] += 1; }, true);
  });
  await page.goto(url);
  await widget(page).locator("[data-screen=start] button.iof-primary").waitFor();
  // The wasm's widget, not the painted start screen it replaces: a test that
  // read the painted one could find its element taken out by the swap.
  await page.waitForFunction(() => window[Symbol.for("iop-op-fit tests: widgets shown")] > 0);
}

/** Taps the start screen's button and waits for the first question. */
export async function start(target) {
  const w = widget(target);
  await w.locator("[data-screen=start] button.iof-primary").tap();
  await w.locator("fieldset[data-question]").waitFor();
}

/** Taps Back and waits until the screen has changed. */
export async function back(target) {
  const before = await currentScreen(target);
  await widget(target).locator("button.iof-back").tap();
  await waitForScreenOtherThan(target, before);
  return currentScreen(target);
}

async function waitForScreenOtherThan(target, screen) {
  const w = widget(target);
  const gone = screen === "start" || screen === "emergency" || screen === "result"
    ? w.locator(`[data-screen=${screen}]`)
    : w.locator(`fieldset[data-question=${screen}]`);
  await gone.waitFor({ state: "detached" });
}

/**
 * Answers the question shown: waits for its fieldset, ticks exactly `values`
 * by clicking their labels (unticking others for checkboxes), submits, and
 * waits for the question to be replaced by the next screen.
 */
export async function answer(target, questionId, values) {
  values = [].concat(values);
  const w = widget(target);
  const fieldset = w.locator(`fieldset[data-question=${questionId}]`);
  await fieldset.waitFor();
  const label = (value) => fieldset.locator(`label[for="iof-${questionId}-${value}"]`);
  const input = (value) => fieldset.locator(`input[value="${value}"]`);
  for (const value of values) {
    if (!(await input(value).isChecked())) await label(value).click();
  }
  const ticked = () => fieldset.locator("input:checked").evaluateAll((inputs) => inputs.map((i) => i.value));
  for (const value of await ticked()) {
    if (!values.includes(value)) await label(value).click();
  }
  const checked = await ticked();
  if (checked.sort().join() !== [...values].sort().join()) {
    throw new Error(`${questionId}: wanted [${values}] ticked, but [${checked}] are`);
  }
  await w.locator("form[data-screen=question] button[type=submit]").click();
  await fieldset.waitFor({ state: "detached" }).catch(async (e) => {
    const alert = await w.locator("[role=alert]").allInnerTexts();
    throw new Error(`${questionId} was still shown after submitting [${values}]; alert: ${alert.join(" ")}\n${e.message}`);
  });
}

/**
 * Starts and answers every question the widget asks, in the widget's own
 * order (so its skip logic decides), using `answers` and least-severe
 * defaults. Stops at the emergency or result screen. Returns the screen
 * reached and the questions asked.
 */
export async function complete(target, answers = {}) {
  const w = widget(target);
  if (await w.locator("[data-screen=start]").count()) await start(target);
  const asked = [];
  for (let i = 0; i < 20; i++) {
    const screen = await currentScreen(target);
    if (screen === "result" || screen === "emergency") return { screen, asked };
    if (screen === "start") throw new Error(`back at the start screen after [${asked}]`);
    asked.push(screen);
    await answer(target, screen, answers[screen] ?? DEFAULTS[screen]);
  }
  throw new Error(`no result after [${asked}]`);
}

/** The hrefs of all links inside `locator`. */
export function hrefs(locator) {
  return locator.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
}

/** P5 and the fallback's promise: links to the provider's phone and contact page, 988 and 911. */
export async function expectNextSteps(target) {
  const links = await hrefs(target);
  for (const href of [PHONE_HREF, CONTACT_HREF, "tel:988", "tel:911"]) {
    assert.ok(links.includes(href), `a link to ${href} is expected; the links are ${links.join(", ")}`);
  }
}

/** Poison Control, among the crisis lines on every result and emergency screen. */
export const POISON_HREF = "tel:18002221222";

/** The hrefs of the big call buttons at the top of an emergency screen or result, in order. */
export function bigCalls(screen) {
  return screen.locator("a.iof-big").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
}

/**
 * The result shows each expected flag in its block, `safety` ones in
 * section[data-flags=safety] and the others in section[data-flags=advice]
 * (never in the other block), and the safety block comes first in the page.
 * An empty `safety` list means none: the result has no safety block at all.
 */
export async function expectFlags(result, { safety, advice }) {
  const shown = (block) => result.locator(`section[data-flags=${block}] li[data-flag]`)
    .evaluateAll((items) => items.map((li) => li.dataset.flag));
  const [inSafety, inAdvice] = [await shown("safety"), await shown("advice")];
  for (const flag of safety) {
    assert.ok(inSafety.includes(flag), `${flag} is expected among the safety flags [${inSafety}]`);
    assert.ok(!inAdvice.includes(flag), `${flag} is a safety flag, but it shows in the advice [${inAdvice}]`);
  }
  for (const flag of advice) {
    assert.ok(inAdvice.includes(flag), `${flag} is expected in the advice [${inAdvice}]`);
    assert.ok(!inSafety.includes(flag), `${flag} is not a safety flag, but it shows among them [${inSafety}]`);
  }
  assert.equal(await result.locator("section[data-flags=safety]").count(), safety.length ? 1 : 0,
    safety.length ? "one safety block" : "no safety block when no safety flag is expected");
  if (inSafety.length && inAdvice.length) {
    const safetyFirst = await result.evaluate((el) => {
      const [s, a] = ["safety", "advice"].map((b) => el.querySelector(`section[data-flags=${b}]`));
      return Boolean(s.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(safetyFirst, "the safety flags come before the advice block");
  }
}

/** Keys in this tab's sessionStorage that the widget owns. */
export function storedKeys(page) {
  return page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("iop-op-fit:")));
}

/**
 * Every console message of `page` from now on, as { type, text }. `.of(type)`
 * gives the texts of one type ("warning", "error").
 */
export function consoleMessages(page) {
  const messages = [];
  page.on("console", (m) => messages.push({ type: m.type(), text: m.text() }));
  messages.of = (type) => messages.filter((m) => m.type === type).map((m) => m.text);
  return messages;
}

/** Writes a PNG of the whole page (phone width) to tests/e2e/screenshots/<name>.png. */
export async function snap(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

const AXE = join(MAIN, "node_modules", "axe-core", "axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the whole document, open
 * shadow roots included, and fails listing every violation and its nodes.
 */
export async function expectNoAxeViolations(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const { violations, passes, shadow } = await page.evaluate((tags) =>
    window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
      .then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary.replace(/\s+/g, " ")}`) })),
      // Nodes inside a shadow root have a nested target: [["host", "inner"]].
      passes: r.passes.length, shadow: r.passes.some((p) => p.nodes.some((n) => Array.isArray(n.target[0]))) })), AXE_TAGS);
  const report = violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${n}`).join("\n")}`);
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) on ${state}:\n${report.join("\n")}`);
  assert.ok(passes > 0 && shadow, `axe did not look inside the widget's shadow root on ${state}`);
}

/** Goes to `url` with the widget's own script blocked, so the host page shows as it would without it. */
export async function openWithoutWidget(page, url) {
  await page.route("**/iop-op-fit*.js", (route) => route.abort());
  await page.goto(url);
  await page.waitForLoadState("load");
  await page.unroute("**/iop-op-fit*.js");
}

/**
 * A temporary folder holding only some of the built files (as a careless
 * upload might), for serving under an extra root. Removed when the file's tests end.
 */
export function partialDist(files) {
  const dir = mkdtempSync(join(tmpdir(), "iop-op-fit-e2e-"));
  for (const file of files) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    copyFileSync(join(DIST, file), join(dir, file));
  }
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---------------------------------------------------------------------------
// Added for hardening.test.mjs: axe with every rule, the widget's landmarks,
// and what a page holds (DOM, listeners, memory) for leak checks.

/**
 * Runs axe-core with every rule it has (best practices and experimental rules
 * included) except the WCAG AAA ones (the design's target is AA: 4.5:1
 * contrast, not AAA's 7:1), on the whole document, open shadow roots included.
 * Returns how many rules ran, each violation as text (rule, tags, help and
 * nodes), and whether axe looked inside a shadow root.
 */
export async function axeAllRules(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const { violations, rules, shadow } = await page.evaluate(() => {
    const rules = window.axe.getRules().filter((r) => !r.tags.includes("wcag2aaa")).map((r) => r.ruleId);
    return window.axe.run(document, { runOnly: { type: "rule", values: rules }, resultTypes: ["violations"] })
      .then((r) => ({ rules: rules.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        tags: v.tags.join(", "), nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary.replace(/\s+/g, " ")}`) })),
      shadow: r.passes.some((p) => p.nodes.some((n) => Array.isArray(n.target[0]))) }));
  });
  assert.ok(rules > 90, `axe ran only ${rules} rules`);
  return {
    rules, shadow,
    violations: violations.map((v) => `[${v.impact}] ${v.id} (${v.tags}): ${v.help}\n${v.nodes.map((n) => `      ${n}`).join("\n")}`),
  };
}

/** axeAllRules, failing with every violation found on `state`. */
export async function expectNoAxeViolationsAllRules(page, state) {
  const { rules, violations, shadow } = await axeAllRules(page);
  assert.equal(violations.length, 0, `axe (${rules} rules) found ${violations.length} violation(s) on ${state}:\n  ${violations.join("\n  ")}`);
  return { rules, shadow };
}

/** ARIA landmark roles. */
export const LANDMARK_ROLES = ["banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"];

/**
 * The landmarks in the accessibility tree (Chromium's, through the DevTools
 * protocol, so what a screen reader gets) at or under the element `selector`
 * finds in the page, each as { role, name, depth } where depth counts the
 * landmarks it is nested in (0: outermost among these).
 */
export async function landmarksUnder(page, cdp, selector) {
  const { result } = await cdp.send("Runtime.evaluate", { expression: `document.querySelector(${JSON.stringify(selector)})` });
  assert.ok(result.objectId, `no element matches ${selector}`);
  const { node } = await cdp.send("DOM.describeNode", { objectId: result.objectId });
  await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const landmark = (n) => !n.ignored && LANDMARK_ROLES.includes(n.role?.value);
  const found = [];
  for (const n of nodes.filter(landmark)) {
    let depth = 0;
    let inside = n.backendDOMNodeId === node.backendNodeId;
    for (let p = byId.get(n.parentId); p && !inside; p = byId.get(p.parentId)) {
      if (p.backendDOMNodeId === node.backendNodeId) inside = true;
      else if (landmark(p)) depth++;
    }
    if (inside) found.push({ role: n.role.value, name: n.name?.value ?? "", depth });
  }
  return found;
}

/**
 * The page's DOM as text, open shadow roots included (as `#shadow(...)`), for
 * comparing before and after: text, elements and attributes.
 */
export function domSnapshot(page) {
  return page.evaluate(() => {
    const serialize = (node) => {
      if (node.nodeType !== 1) return node.nodeType === 3 ? node.data : "";
      const attrs = [...node.attributes].map((a) => `${a.name}="${a.value}"`).join(" ");
      const shadow = node.shadowRoot
        ? `#shadow(${node.shadowRoot.adoptedStyleSheets.length ? `${node.shadowRoot.adoptedStyleSheets.length} sheets ` : ""}` +
          `${[...node.shadowRoot.childNodes].map(serialize).join("")})`
        : "";
      return `<${node.tagName}${attrs ? " " + attrs : ""}>${shadow}${[...node.childNodes].map(serialize).join("")}</${node.tagName}>`;
    };
    return serialize(document.documentElement);
  });
}

/**
 * Every event listener on window and on document and every node under it,
 * shadow roots included (DevTools protocol, DOMDebugger.getEventListeners),
 * as sorted text: where it is, its type and the script position that added it.
 */
export async function eventListeners(cdp) {
  const listeners = [];
  for (const expression of ["window", "document"]) {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners: found } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId, depth: -1, pierce: true });
    for (const l of found) listeners.push(`${expression}: ${l.type} on node ${l.backendNodeId ?? "itself"} (script ${l.scriptId}:${l.lineNumber}:${l.columnNumber})`);
    await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
  }
  return listeners.sort();
}

/**
 * An init script (page.addInitScript) that keeps each WebAssembly memory the
 * page instantiates in window.__wasmMemories, so a test can read its size.
 */
export function keepWasmMemories() {
  window.__wasmMemories = [];
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) window.__wasmMemories.push(value);
    }
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = function (...args) { return instantiate.apply(this, args).then(keep); };
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = function (...args) { return instantiateStreaming.apply(this, args).then(keep); };
  }
}

/**
 * Memory once collection has settled: the JS heap in use
 * (Runtime.getHeapUsage), the wasm linear memory (every memory
 * keepWasmMemories saw) and the DOM counters (nodes and JS event listeners
 * alive, attached or not). One reading is two drawn frames and a task (so
 * what the page scheduled runs first) and then three forced collections
 * (DevTools protocol); readings are taken until two in a row give the same
 * nodes, listeners and wasm memory. A single reading can catch an object that
 * a timer or a frame callback still holds for a moment, so it would pass or
 * fail by chance; two that agree are what is really kept.
 */
export async function memoryAfterGc(page, cdp) {
  const readings = [];
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));
    for (let j = 0; j < 3; j++) await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => (window.__wasmMemories || []).reduce((sum, m) => sum + m.buffer.byteLength, 0));
    const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
    const now = { js: usedSize, wasm, nodes, jsEventListeners };
    const last = readings.at(-1);
    readings.push(now);
    if (last && last.nodes === nodes && last.jsEventListeners === jsEventListeners && last.wasm === wasm) return now;
  }
  throw new Error(`memory did not settle in 20 readings: ${JSON.stringify(readings)}`);
}

/** Holds the widget's wasm back (a route) until the returned function is called. */
export async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route("**/core/iop-op-fit_bg.wasm", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
