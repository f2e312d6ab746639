// Storage that throws (private modes, blocked storage) and corrupted stored
// answers: the widget works, warns once per problem, and keeps what is good.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  answer, CASES, complete, consoleMessages, en, expectScreen, holdWasm, openHost, option, setup, start, storedKeys, widget,
} from "./helpers.mjs";

const env = setup();
const plain = () => `${env.server.origin}/plain.html`;
/** Where plain.html's widget (with no id) keeps its answers: named by its place in the page,
 * the third child of <body>, the second child of <html> (src/mount.rs, `storage_name`). */
const KEY = "iop-op-fit:0/1/2";

const storageWarnings = (messages) => messages.of("warning").filter((t) => /storage/i.test(t));

/** A full flow to the R1 result, then "Clear my answers" and a second start. */
async function fullFlow(page) {
  await openHost(page, plain());
  const { screen } = await complete(page, CASES.R1.answers);
  assert.equal(screen, "result");
  assert.equal(await widget(page).locator("[data-screen=result]").getAttribute("data-level"), CASES.R1.level);
  await widget(page).locator("button[data-action=clear]").click();
  await expectScreen(page, "start");
  await start(page);
  await answer(page, "respondent", ["self"]);
  await expectScreen(page, "danger");
}

describe("sessionStorage that throws", () => {
  const blockers = {
    "reading window.sessionStorage throws a SecurityError": () => {
      Object.defineProperty(window, "sessionStorage", {
        configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
      });
    },
    "every Storage method throws": () => {
      for (const method of ["getItem", "setItem", "removeItem", "clear", "key"]) {
        Storage.prototype[method] = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
      }
    },
  };
  for (const [what, block] of Object.entries(blockers)) {
    test(`${what}: a full flow works, with exactly one warning about storage`, async () => {
      const page = env.page;
      const messages = consoleMessages(page);
      await page.addInitScript(block);
      await fullFlow(page);
      const warnings = storageWarnings(messages);
      assert.equal(warnings.length, 1, `one storage warning, got: ${JSON.stringify(warnings)}`);
      assert.match(warnings[0], /iop-op-fit/);
      assert.deepEqual(messages.of("error"), [], "no console errors");
    });
  }
});

describe("corrupted stored answers", () => {
  /** Puts `value` under the widget's key in this tab's sessionStorage, then opens plain.html. */
  async function openWithStored(page, value) {
    await page.goto(`${env.server.origin}/api.html`); // same origin, no widget mounted
    await page.evaluate(([key, v]) => sessionStorage.setItem(key, v), [KEY, value]);
    await page.goto(plain());
  }

  test("invalid JSON: the widget starts afresh with one warning, and works", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await openWithStored(page, "{\"v\":1,\"screen\":\"age\",\"answers\":{\"respondent\":");
    await expectScreen(page, "start");
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    const warnings = messages.of("warning");
    assert.equal(warnings.length, 1, `one warning, got: ${JSON.stringify(warnings)}`);
    assert.match(warnings[0], /iop-op-fit/);
    assert.match(warnings[0], /stored/i);
    // The broken entry was replaced by a good one.
    const stored = JSON.parse(await page.evaluate((key) => sessionStorage.getItem(key), KEY));
    assert.equal(stored.answers.respondent, "self");
  });

  test("bad entries among good ones: one warning per bad entry, the good answers kept, resume at the first gap", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await openWithStored(page, JSON.stringify({
      v: 1, screen: "frequency",
      answers: { respondent: "someone_else", danger: ["none"], age: "not_an_age", substances: ["alcohol"], favourite_colour: "blue" },
    }));
    // age lost its answer, so the widget asks it again rather than skipping to frequency.
    await expectScreen(page, "age");
    const warnings = messages.of("warning");
    assert.equal(warnings.length, 2, `one warning per bad entry, got: ${JSON.stringify(warnings)}`);
    assert.ok(warnings.some((w) => w.includes("age")), `a warning names age: ${warnings}`);
    assert.ok(warnings.some((w) => w.includes("favourite_colour")), `a warning names favourite_colour: ${warnings}`);
    for (const w of warnings) assert.match(w, /iop-op-fit/);

    // The good answers are kept: "they" wording (respondent), and the later answer (substances).
    const title = await widget(page).locator("form:has(> fieldset[data-question=age]) > h2").innerText();
    assert.equal(title.trim(), en["q.age.title.other"]);
    await answer(page, "age", ["18_to_64"]);
    await answer(page, "pregnancy", ["no"]); // never stored, so asked next
    await expectScreen(page, "substances");
    assert.ok(await option(page, "substances", "alcohol").isChecked(), "the stored substances answer was kept");
    const { screen } = await complete(page, { respondent: ["someone_else"], ...CASES.R1.answers });
    assert.equal(screen, "result");
    assert.equal(messages.of("warning").length, 2, "no further warnings");
  });
});

describe("each widget resumes for itself", () => {
  // Whether a widget resumes, and so waits for the wasm instead of being painted early, the
  // loader tells by the name the wasm keeps that widget's answers under: loader/early.js
  // computes it as src/mount.rs's storage_name does. Here the wasm stores the answers and the
  // loader reads them, so the two are checked against each other.
  test("two widgets, answers stored for one: the other is still painted before the wasm", async () => {
    const page = env.page;
    const [one, two] = [page.locator(".one [data-iop-op-fit]"), page.locator(".two [data-iop-op-fit]")];
    await page.goto(`${env.server.origin}/two.html`);
    await start(one);
    await answer(one, "respondent", ["self"]);
    await expectScreen(one, "danger");
    await page.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.startsWith("iop-op-fit:")));
    assert.equal((await storedKeys(page)).length, 1, "answers for the first widget only");

    const release = await holdWasm(page);
    await page.reload();
    await two.locator("[data-screen=start] button.iof-primary").waitFor();
    // Both were mounted as the page loaded (the first one first); the wasm is held back.
    const painted = await page.evaluate(() => [...document.querySelectorAll("[data-iop-op-fit]")]
      .map((el) => el.shadowRoot.querySelectorAll("[data-screen]").length));
    assert.deepEqual(painted, [0, 1], "the widget with answers waits for the wasm; the other shows its start screen");
    release();
    await expectScreen(one, "danger");
    await expectScreen(two, "start");
  });
});
