// Good manners on someone else's page: loading the script twice does no harm,
// a mount point added later gets a widget, and unmount() leaves no nodes,
// listeners or timers behind (and mounting again works).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  answer, consoleMessages, en, eventListeners, expectScreen, openHost, openWithoutWidget, setup, snap, start, TIMEOUT,
  widget,
} from "./helpers.mjs";

const env = setup();

/** What a widget's shadow root holds: how many styles, apps and screens. */
function shadowCensus(locator) {
  return locator.evaluate((el) => ({
    open: el.shadowRoot && el.shadowRoot.mode,
    // Constructed sheets (or <style> elements, in browsers without them).
    styles: el.shadowRoot ? el.shadowRoot.adoptedStyleSheets.length + el.shadowRoot.querySelectorAll("style").length : 0,
    apps: el.shadowRoot ? el.shadowRoot.querySelectorAll(".iof").length : 0,
    screens: el.shadowRoot ? el.shadowRoot.querySelectorAll("[data-screen]").length : 0,
  }));
}

describe("loading the script twice", () => {
  test("one widget per mount point, no errors, and IopOpFit still works", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    const scripts = [];
    page.on("request", (r) => { if (r.url().endsWith("/iop-op-fit.js")) scripts.push(r.url()); });
    await openHost(page, `${env.server.origin}/twice.html`);
    assert.equal(await page.locator("script[src$='iop-op-fit.js']").count(), 2);
    // And a third copy, added by a single-page app after everything loaded.
    await page.evaluate(() => new Promise((ok, fail) => {
      const s = document.createElement("script");
      s.src = "/dist/iop-op-fit.js?again";
      s.onload = ok;
      s.onerror = fail;
      document.body.appendChild(s);
    }));
    await page.waitForTimeout(200);
    assert.deepEqual(await shadowCensus(widget(page)), { open: "open", styles: 1, apps: 1, screens: 1 });

    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    assert.deepEqual(await shadowCensus(widget(page)), { open: "open", styles: 1, apps: 1, screens: 1 });

    // The API still works for a new element.
    await page.evaluate(async () => {
      const el = document.createElement("div");
      el.id = "api-mounted";
      document.body.appendChild(el);
      await window.IopOpFit.mount(el, { orgName: "Test Clinic", phone: "+1-555-010-0100" });
    });
    const second = page.locator("#api-mounted");
    await second.locator("[data-screen=start] button.iof-primary").waitFor();
    await start(second);
    await expectScreen(second, "respondent");
    await expectScreen(widget(page).first(), "danger");
    const blank = await page.context().newPage();
    await openWithoutWidget(blank, `${env.server.origin}/twice.html`);
    const builtins = new Set(await blank.evaluate(() => Object.getOwnPropertyNames(window)));
    await blank.close();
    const added = await page.evaluate(() => Object.getOwnPropertyNames(window));
    assert.deepEqual(added.filter((k) => !builtins.has(k)), ["IopOpFit"], "one global name, even with three copies");
    assert.deepEqual(messages.of("error"), []);
    assert.deepEqual(messages.of("warning"), []);
  });
});

describe("mount points added later (single-page sites)", () => {
  test("get a widget, and each works on its own", async () => {
    const page = env.page;
    await openHost(page, `${env.server.origin}/plain.html`);
    await page.evaluate(() => {
      const late = document.createElement("div");
      late.id = "late";
      late.setAttribute("data-iop-op-fit", "");
      late.dataset.orgName = "Late Clinic";
      document.body.appendChild(late);
      // A whole section arriving at once, with the mount point inside it.
      const section = document.createElement("section");
      section.innerHTML = '<article><div id="nested" data-iop-op-fit data-org-name="Nested Clinic"></div></article>';
      document.body.appendChild(section);
    });
    for (const [id, org] of [["late", "Late Clinic"], ["nested", "Nested Clinic"]]) {
      const w = page.locator(`#${id}`);
      await w.locator("[data-screen=start] button.iof-primary").waitFor({ timeout: TIMEOUT });
      assert.ok((await w.locator(".iof-privacy").innerText()).includes(org), `${id} uses its own options`);
      assert.deepEqual(await shadowCensus(w), { open: "open", styles: 1, apps: 1, screens: 1 });
    }
    const late = page.locator("#late");
    await start(late);
    await answer(late, "respondent", ["someone_else"]);
    await expectScreen(late, "danger");
    await expectScreen(page.locator("#nested"), "start");
    await expectScreen(page.locator("[data-iop-op-fit]").first(), "start");
    await snap(page, "late-mount");

    // Removing a mount point from the page cleans it up without errors.
    const messages = consoleMessages(page);
    await page.evaluate(() => document.getElementById("late").remove());
    await page.waitForTimeout(100);
    assert.deepEqual(messages.of("error"), []);
  });
});

// ---------------------------------------------------------------------------
// unmount()

/** Counts timers still pending, wrapping the timer functions before any script runs. */
function trackTimers() {
  const pending = { timeouts: new Set(), intervals: new Set(), frames: new Set() };
  const wrap = (set, name, clear, once) => {
    const original = window[name];
    window[name] = function (fn, ...rest) {
      const id = original.call(this, typeof fn === "function" && once ? function (...a) { set.delete(id); return fn.apply(this, a); } : fn, ...rest);
      set.add(id);
      return id;
    };
    const originalClear = window[clear];
    window[clear] = function (id) { set.delete(id); return originalClear.call(this, id); };
  };
  wrap(pending.timeouts, "setTimeout", "clearTimeout", true);
  wrap(pending.intervals, "setInterval", "clearInterval", false);
  wrap(pending.frames, "requestAnimationFrame", "cancelAnimationFrame", true);
  window.__pendingTimers = () => ({ timeouts: pending.timeouts.size, intervals: pending.intervals.size, frames: pending.frames.size });
}

/**
 * Everything on the page a widget could leave behind: the DOM (open shadow
 * roots included), every event listener on window and on every node (through
 * the DevTools protocol, shadow roots included), and pending timers.
 */
async function leftovers(page, cdp) {
  const dom = await page.evaluate(() => {
    const serialize = (node) => {
      if (node.nodeType !== 1) return node.nodeType === 3 ? node.data : "";
      const attrs = [...node.attributes].map((a) => `${a.name}="${a.value}"`).join(" ");
      const shadow = node.shadowRoot ? `#shadow(${[...node.shadowRoot.childNodes].map(serialize).join("")})` : "";
      return `<${node.tagName}${attrs ? " " + attrs : ""}>${shadow}${[...node.childNodes].map(serialize).join("")}</${node.tagName}>`;
    };
    return serialize(document.documentElement);
  });
  const listeners = await eventListeners(cdp);
  const timers = await page.evaluate(() => window.__pendingTimers());
  return { dom, listeners, timers };
}

describe("unmount()", () => {
  test("leaves no nodes, listeners or timers, and mounting again works", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await page.addInitScript(trackTimers);
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${env.server.origin}/api.html`);
    await page.waitForFunction(() => window.IopOpFit, null, { timeout: TIMEOUT });
    // Once the wasm has loaded (check waits for it): its loading runs in timed steps
    // (the compiling's pieces, the instantiation), which are not the mount's to leave.
    await page.evaluate(() => window.IopOpFit.check({}));
    const target = page.locator("#api-target");
    const before = await leftovers(page, cdp);
    assert.equal(before.timers.intervals, 0);

    for (const round of [1, 2]) {
      await page.evaluate(async () => {
        window.__handle = await window.IopOpFit.mount(document.getElementById("api-target"),
          { orgName: "Test Clinic", phone: "+1-555-010-0100", contactUrl: "/contact" });
      });
      // Use it, so inputs, focus and storage are all exercised before unmounting.
      if (round === 1) {
        await start(target);
        await answer(target, "respondent", ["self"]);
      } else {
        await expectScreen(target, "danger"); // resumed where round 1 left off (the answers stay for this tab)
        await answer(target, "danger", ["none"]);
      }
      assert.equal((await target.locator("form[data-screen=question] > h2").innerText()).trim(),
        en[round === 1 ? "q.danger.title" : "q.age.title"], `round ${round}: the widget works`);
      const mounted = await leftovers(page, cdp);
      assert.ok(mounted.listeners.length > before.listeners.length, "the check sees the widget's own listeners");

      await page.evaluate(() => window.__handle.unmount());
      await page.waitForTimeout(100); // let anything scheduled run
      const after = await leftovers(page, cdp);
      // The shadow root itself cannot be removed once attached; it must be empty.
      assert.equal(after.dom, before.dom.replace('<DIV id="api-target">', '<DIV id="api-target">#shadow()'),
        `round ${round}: the page's DOM is as before the mount`);
      assert.deepEqual(after.listeners, before.listeners, `round ${round}: the same event listeners as before the mount`);
      assert.deepEqual(after.timers, before.timers, `round ${round}: no timers left pending`);
    }
    assert.deepEqual(messages.of("error"), []);
  });
});

describe("a page opened in a background tab", () => {
  test("the widget takes over without waiting on a timer, which browsers slow down there", async () => {
    const page = env.page;
    // As Chromium does for a hidden page: timers run about once a second.
    // Every timer callback that runs before the widget is ready is counted.
    await page.addInitScript(() => {
      Object.defineProperty(Document.prototype, "hidden", { get: () => true });
      Object.defineProperty(Document.prototype, "visibilityState", { get: () => "hidden" });
      window.__timersRun = [];
      window.__ready = false;
      addEventListener("iop-op-fit:ready", () => { window.__ready = true; }, true);
      const later = window.setTimeout;
      window.setTimeout = (f, delay, ...rest) => later(() => {
        if (!window.__ready) window.__timersRun.push(`${delay} ms: ${String(f).slice(0, 80)}`);
        if (typeof f === "function") f(...rest);
      }, Math.max(Number(delay) || 0, 1000));
    });
    await openHost(page, `${env.server.origin}/plain.html`);
    assert.deepEqual(await page.evaluate(() => window.__timersRun), [], "timers that ran before the widget was ready");
    await start(page);
    await expectScreen(page, "respondent");
  });
});
