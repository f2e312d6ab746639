// Answers stay in the tab: resume after a reload from sessionStorage, a clear
// control that erases it, and no requests, cookies, URL, title or history
// changes; no DOM event the host page can see carries answers or the level,
// unless the site owner opted in to the result event.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  answer, ANSWER_WORDS, back, CASES, complete, en, expectScreen, LEVELS, openHost, option, setup, start, storedKeys, TIMEOUT, widget,
} from "./helpers.mjs";

const env = setup();
const url = () => `${env.server.origin}/plain.html`;

describe("resume after reload", () => {
  test("shows the next question, with earlier answers kept", async () => {
    const page = env.page;
    await openHost(page, url());
    await start(page);
    await answer(page, "respondent", ["someone_else"]);
    await answer(page, "danger", ["none"]);
    await answer(page, "age", ["65_plus"]);
    await expectScreen(page, "pregnancy");

    await page.reload();
    await expectScreen(page, "pregnancy");
    assert.equal(await back(page), "age");
    assert.ok(await option(page, "age", "65_plus").isChecked());
    // The "they" wording survives the reload too: respondent was restored.
    const title = await widget(page).locator("form:has(> fieldset[data-question=age]) > h2").innerText();
    assert.equal(title.trim(), en["q.age.title.other"]);
  });
});

describe("clear my answers", () => {
  test("erases the answers, says so, and a reload starts afresh", async () => {
    const page = env.page;
    const w = widget(page);
    await openHost(page, url());
    assert.equal(await w.locator("button[data-action=clear]").count(), 0, "nothing to clear before any answer");
    await start(page);
    await answer(page, "respondent", ["self"]);
    await answer(page, "danger", ["none"]);
    assert.ok((await storedKeys(page)).length > 0, "answers are kept for this tab before clearing");

    const clear = w.locator("button[data-action=clear]");
    assert.equal((await clear.innerText()).trim(), en["privacy.clear"]);
    await clear.tap();
    await expectScreen(page, "start");
    const status = w.locator("[role=status]");
    assert.ok(await status.isVisible(), "the cleared message is visible");
    assert.equal((await status.innerText()).trim(), en["privacy.cleared"]);
    await page.waitForFunction(
      () => !Object.keys(sessionStorage).some((k) => k.startsWith("iop-op-fit:")), null, { timeout: TIMEOUT });

    await page.reload();
    await expectScreen(page, "start");
    assert.equal((await w.locator("[data-screen=start] button.iof-primary").innerText()).trim(), en["start.button"]);
    assert.equal(await w.locator("button[data-action=clear]").count(), 0);
    assert.deepEqual(await storedKeys(page), []);
  });
});

describe("privacy smoke", () => {
  test("completing R1 makes no requests, sets no cookies, leaves URL and title alone", async () => {
    const page = env.page;
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.addInitScript(() => {
      window.__hostSaw = [];
      window.addEventListener("iop-op-fit:result", (e) => window.__hostSaw.push(e.type), true);
    });
    await openHost(page, url());

    // Up to the start screen: the page and the widget's three files, nothing else.
    const paths = requests.map((u) => new URL(u).pathname).sort();
    assert.deepEqual(paths, ["/dist/core/iop-op-fit-glue.js", "/dist/core/iop-op-fit_bg.wasm", "/dist/iop-op-fit.js", "/plain.html"]);
    const loaded = requests.length;
    const served = env.server.requests.length;
    const href = await page.evaluate(() => location.href);
    const title = await page.title();

    const { screen } = await complete(page, CASES.R1.answers);
    assert.equal(screen, "result");
    await page.waitForTimeout(500); // room for any late beacon to show up

    assert.deepEqual(requests.slice(loaded), [], "no requests after the widget's files loaded");
    assert.equal(env.server.requests.length, served, "the server saw no requests either");
    assert.equal(await page.evaluate(() => document.cookie), "");
    assert.equal(await page.evaluate(() => location.href), href);
    assert.equal(await page.title(), title);
    assert.deepEqual(await page.evaluate(() => window.__hostSaw), [], "no result event reaches the host by default");
  });

  test("in Spanish, one request more, before the first answer: its language file, with no cookie or query string", async () => {
    const page = env.page;
    await page.context().addCookies([{ name: "session", value: "secret", url: env.server.origin }]);
    const requests = [];
    page.on("request", (r) => requests.push({ url: new URL(r.url()), cookie: r.headers().cookie }));
    await openHost(page, `${env.server.origin}/lang.html?lang=es`);
    assert.equal(await widget(page).locator(".iof").getAttribute("lang"), "es");
    const paths = requests.map((r) => r.url.pathname).sort();
    assert.deepEqual(paths, ["/dist/core/es.txt", "/dist/core/iop-op-fit-glue.js", "/dist/core/iop-op-fit_bg.wasm", "/dist/iop-op-fit.js", "/lang.html"]);
    const file = requests.find((r) => r.url.pathname.endsWith("es.txt"));
    assert.equal(file.url.search, "", "no query string");
    assert.equal(file.cookie, undefined, "no cookie");
    const loaded = requests.length;
    const { screen } = await complete(page, CASES.R1.answers);
    assert.equal(screen, "result");
    await page.waitForTimeout(500);
    assert.deepEqual(requests.slice(loaded), [], "no requests after the widget's files loaded");
  });
});

// ---------------------------------------------------------------------------
// Events the host page can see

/**
 * Runs before any page script: records every event a host script could
 * observe, both those dispatched from script (EventTarget.prototype.dispatchEvent
 * wrapped, whatever the type, custom ones included) and those seen by
 * capture listeners on window and document for the common types.
 */
function recordEvents() {
  const TYPES = ["click", "dblclick", "auxclick", "contextmenu", "mousedown", "mouseup", "pointerdown", "pointerup",
    "touchstart", "touchend", "keydown", "keyup", "keypress", "beforeinput", "input", "change", "submit", "reset",
    "invalid", "select", "focus", "blur", "focusin", "focusout", "hashchange", "popstate", "pagehide", "pageshow",
    "visibilitychange", "storage", "message", "beforeunload", "unload", "load", "DOMContentLoaded", "copy", "toggle",
    "result", "answer", "level", "iop-op-fit:result", "iop-op-fit:answer", "iop-op-fit:level", "iop-op-fit:change",
    "iop-op-fit:start", "iop-op-fit:complete"];
  const seen = (window.__events = []);
  const describe = (t) => (t === window ? "window" : t === document ? "document"
    : t && t.nodeType === 1 ? (t.matches("[data-iop-op-fit]") ? "mount" : t.tagName.toLowerCase()) : String(t));
  const record = (how) => (e, target = e.target) => {
    let detail = e.detail;
    if (detail !== undefined && detail !== null && typeof detail !== "number") {
      try { detail = JSON.parse(JSON.stringify(detail)); } catch { detail = String(detail); }
    }
    seen.push({ how, type: e.type, kind: e.constructor.name, target: describe(target), detail: detail ?? null,
      data: typeof e.data === "string" || (e.data && typeof e.data === "object") ? JSON.stringify(e.data) : null });
  };
  const dispatch = EventTarget.prototype.dispatchEvent;
  const onDispatch = record("dispatchEvent");
  EventTarget.prototype.dispatchEvent = function (event) {
    try { onDispatch(event, this); } catch (e) { seen.push({ how: "recorder failed", type: String(e), detail: null, data: null }); }
    return dispatch.call(this, event);
  };
  for (const type of TYPES) {
    window.addEventListener(type, record("window"), true);
    document.addEventListener(type, record("document"), true);
  }
}

/** Events whose type or payload carries an answer or a level. */
function leaks(events) {
  const words = new RegExp(`\\b(${[...ANSWER_WORDS, ...LEVELS].join("|")})\\b`, "i");
  return events.filter((e) => !isReady(e)).filter((e) => e.how === "recorder failed" || /iop-op-fit|result|level|answer/i.test(e.type) || words.test(e.type)
    || (e.detail !== null && typeof e.detail !== "number") || (e.data !== null && words.test(e.data)));
}

/** The documented `iop-op-fit:ready`: on the mount element, carrying nothing. */
const isReady = (e) => e.type === "iop-op-fit:ready" && e.target === "mount" && e.detail === null && e.data === null;

/** Everything about the page a host script or a tracker could read besides events. */
function pageTraces(page) {
  return page.evaluate(async () => ({
    href: location.href, title: document.title, cookie: document.cookie, history: history.length,
    state: JSON.stringify(history.state), local: localStorage.length, databases: (await indexedDB.databases()).length,
  }));
}

describe("events visible to the host page", () => {
  test("a full flow dispatches none carrying answers or the level (no opt-in)", async () => {
    const page = env.page;
    await page.addInitScript(recordEvents);
    await openHost(page, url());
    const before = await pageTraces(page);
    const { screen } = await complete(page, CASES.R4.answers);
    assert.equal(screen, "result");
    await widget(page).locator("[data-review=withdrawal] button").click(); // change an answer, too
    await answer(page, "withdrawal", ["moderate"]);
    await expectScreen(page, "result");
    await page.waitForTimeout(200);

    // The recorder works: a probe with a payload, dispatched by script, is caught.
    await page.evaluate(() => document.body.dispatchEvent(new CustomEvent("probe", { detail: { level: "test" } })));
    const events = await page.evaluate(() => window.__events);
    assert.ok(events.some((e) => e.type === "click"), "the recorder saw the visitor's clicks");
    assert.deepEqual(leaks(events).filter((e) => e.type !== "probe"), [], "no event carries answers or the level");
    assert.equal(events.filter(isReady).length, 1, "one iop-op-fit:ready, with nothing in it");
    assert.ok(leaks(events).some((e) => e.type === "probe"), "the recorder catches script-dispatched payloads");
    assert.deepEqual(await pageTraces(page), before, "URL, title, cookies, history, localStorage and IndexedDB unchanged");
  });

  test("with data-emit-events=\"true\", one iop-op-fit:result event {level, detoxFirst, offeredHere} on the mount element", async () => {
    const page = env.page;
    await page.addInitScript(recordEvents);
    await page.addInitScript(() => {
      window.__results = [];
      document.addEventListener("iop-op-fit:result", (e) => window.__results.push({
        detail: e.detail, onMount: e.target.matches("[data-iop-op-fit]"), custom: e instanceof CustomEvent, bubbles: e.bubbles,
      }));
    });
    await openHost(page, `${env.server.origin}/emit-events.html`);
    const before = await pageTraces(page);
    const { screen } = await complete(page, CASES.R4.answers);
    assert.equal(screen, "result");
    await page.waitForFunction(() => window.__results.length > 0, null, { timeout: TIMEOUT });
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => window.__results),
      [{ detail: { level: CASES.R4.level, detoxFirst: true, offeredHere: true }, onMount: true, custom: true, bubbles: true }]);

    // Nothing else: the opted-in event is the only one with a payload, and it holds no answers.
    const events = await page.evaluate(() => window.__events);
    const others = leaks(events).filter((e) => !(e.type === "iop-op-fit:result" && e.target === "mount"));
    assert.deepEqual(others, [], "only the opted-in result event carries anything");
    assert.ok(events.some((e) => e.type === "iop-op-fit:result" && e.target === "mount"), "the recorder saw the opted-in event");
    assert.deepEqual(await pageTraces(page), before);
  });

  test("with data-emit-events=\"true\", the privacy sentence says so, and an emergency sends no result event", async () => {
    const page = env.page;
    const w = widget(page);
    await page.addInitScript(() => {
      window.__results = [];
      document.addEventListener("iop-op-fit:result", (e) => window.__results.push(e.detail));
    });
    await openHost(page, `${env.server.origin}/emit-events.html`);
    const told = `${en["privacy.note"]} ${en["privacy.events"]}`.replace("{org}", "Test Clinic");
    await w.locator("[data-screen=start] .iof-privacy", { hasText: en["privacy.events"] }).waitFor({ timeout: TIMEOUT });
    assert.equal(await w.locator(".iof-privacy").count(), 1, "the start screen says it once");
    assert.equal(await w.locator(".iof-privacy").textContent(), told);
    const { screen } = await complete(page, CASES.R5.answers);
    assert.equal(screen, "emergency");
    assert.equal(await w.locator(".iof-privacy").textContent(), told, "once on the next screens too");
    await page.waitForTimeout(500); // room for a late event to show up
    assert.deepEqual(await page.evaluate(() => window.__results), [], "no result event for an emergency");
  });
});
