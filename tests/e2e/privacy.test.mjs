// Answers stay in the tab: resume after a reload from sessionStorage, a clear
// control that erases it, and no requests, cookies, URL or title changes.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  answer, back, CASES, complete, en, expectScreen, openHost, option, setup, start, storedKeys, TIMEOUT, widget,
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
    await expectScreen(page, "substances");

    await page.reload();
    await expectScreen(page, "substances");
    assert.equal(await back(page), "age");
    assert.ok(await option(page, "age", "65_plus").isChecked());
    // The "they" wording survives the reload too: respondent was restored.
    const title = await widget(page).locator("fieldset[data-question=age] legend h2").innerText();
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
    assert.deepEqual(paths, ["/dist/core/iop-op-fit.js", "/dist/core/iop-op-fit_bg.wasm", "/dist/iop-op-fit.js", "/plain.html"]);
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
});
