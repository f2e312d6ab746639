// The screens the loader paints before the wasm arrives, the start screen and
// the first question (rendered from the widget's own components at build
// time, src/bin/prerender.rs): with the wasm held back they are there, in the
// widget's language, with the site owner's options as text, and work; what the
// visitor did there (Start, an answer, Continue, Back, a language) the widget
// carries on from, once; the takeover moves nothing; a resumed visit waits for
// the wasm; and the options they show follow the Rust rules
// (tests/fixtures/options.json).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { consoleMessages, en, expectNoAxeViolations, expectScreen, holdWasm, locale, MAIN, setup, widget } from "./helpers.mjs";

const env = setup();
const FIXTURE = JSON.parse(readFileSync(join(MAIN, "tests", "fixtures", "options.json"), "utf8")).cases;
const es = locale("es");
const pt = locale("pt-BR");

/** Resolves when the page's widget (or every widget) has told the page it started. */
function readyCount(page) {
  return page.evaluate(() => window.__ready || 0);
}

async function countReady(page) {
  await page.addInitScript(() => {
    window.__ready = 0;
    document.addEventListener("iop-op-fit:ready", () => { window.__ready += 1; });
  });
}

/** True once the wasm has taken over: the widget's own root, and no painted screen left. */
async function waitForTakeover(page, count = 1) {
  await page.waitForFunction((n) => window.__ready >= n, count);
  // The takeover finishes before the next frame; one frame is plenty.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

/** What the shadow root holds: how many screens, and the region's language. */
function shadowState(page) {
  return widget(page).evaluate((host) => {
    const root = host.shadowRoot;
    return {
      roots: root.children.length,
      screens: root.querySelectorAll("[data-screen]").length,
      lang: root.querySelector(".iof")?.getAttribute("lang") ?? null,
      heading: root.querySelector("h2")?.textContent ?? null,
      status: root.querySelector("[role=status]")?.textContent ?? null,
    };
  });
}

/**
 * The pixels (x, y) where two PNGs of the same size differ by more than 2 of
 * 255 in a channel, decoded by the browser. (The rounded border's corners are
 * anti-aliased one level apart from one raster to the next; a change of text,
 * colour or place differs by far more.)
 */
function differentPixels(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (base64) => {
      const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      return { width: image.width, data: context.getImageData(0, 0, image.width, image.height).data };
    };
    const [x, y] = [await pixels(a), await pixels(b)];
    if (x.data.length !== y.data.length) return ["different sizes"];
    const differ = [];
    for (let i = 0; i < x.data.length; i += 4) {
      if ([0, 1, 2].some((c) => Math.abs(x.data[i + c] - y.data[i + c]) > 2)) {
        differ.push(`${(i / 4) % x.width},${Math.floor(i / 4 / x.width)}`);
      }
    }
    return differ.slice(0, 20);
  }, [a.toString("base64"), b.toString("base64")]);
}

const START = "[data-screen=start] button.iof-primary";
const CONTINUE = "form[data-screen=question] button[type=submit]";
const progress = (t, n) => t.progress.replace("{n}", String(n)).replace("{total}", "17");
const focusedText = (w) => w.evaluate((host) => host.shadowRoot.activeElement?.textContent ?? null);

/** The plain host page with the wasm held back: its console, the widget, and what lets the wasm in. */
async function heldBack(page) {
  const messages = consoleMessages(page);
  const release = await holdWasm(page);
  await countReady(page);
  await page.goto(`${env.server.origin}/plain.html`);
  return { messages, release, w: widget(page) };
}

describe("the screens painted before the wasm", () => {
  test("start, the first question and Continue work before the wasm, and the widget carries on from there once", async () => {
    const page = env.page;
    const { messages, release, w } = await heldBack(page);
    await w.locator(START).waitFor();
    assert.equal(await readyCount(page), 0, "the wasm has not started");
    assert.deepEqual(await shadowState(page), {
      roots: 1, screens: 1, lang: "en", heading: en["start.heading"], status: "",
    });
    assert.equal(await w.locator("[data-screen=start] li").nth(1).textContent(),
      en["privacy.note"].replace("{org}", "Test Clinic"));
    assert.equal(await w.locator(".iof-privacy").textContent(), en["privacy.note"].replace("{org}", "Test Clinic"));
    await expectNoAxeViolations(page, "the painted start screen");

    // A screen reader hears a live region when its text changes once it is in the page.
    await w.evaluate((host) => {
      window.__heard = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const region = (r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest("[aria-live]");
          if (region && region.isConnected) window.__heard.push(region.textContent);
        }
      }).observe(host.shadowRoot, { subtree: true, childList: true, characterData: true });
    });
    await w.locator(START).tap();
    await expectScreen(page, "respondent");
    await page.waitForFunction((text) => window.__heard.includes(text), progress(en, 1));
    await expectNoAxeViolations(page, "the painted first question");
    assert.equal(await w.locator(".iof-progress-text").textContent(), progress(en, 1));
    assert.equal(await focusedText(w), en["q.respondent.title"], "focus on the question, as the widget does");
    await w.locator('label[for="iof-respondent-someone_else"]').tap();
    await w.locator(CONTINUE).tap();
    await w.locator(CONTINUE).tap();
    assert.equal(await w.locator("[role=status]").textContent(), en["nav.loading"]);
    assert.equal(new URL(page.url()).search, "", "the form was not submitted to the page");
    assert.equal(await readyCount(page), 0);

    release();
    await waitForTakeover(page);
    await expectScreen(page, "danger");
    // Said as after the widget's own moves: put back a moment after the swap.
    await page.waitForFunction((text) => window.__heard.includes(text), progress(en, 2));
    assert.equal(await w.locator(".iof-progress-text").textContent(), progress(en, 2), "answered once");
    assert.equal(await focusedText(w), en["q.danger.title.other"], "focus on the next question");
    assert.equal(await w.locator("[role=alert]").count(), 0, "Continue given once: no error on the next question");
    assert.equal((await shadowState(page)).roots, 1, "the painted screens are gone");
    await widget(page).locator("button.iof-back").tap();
    await expectScreen(page, "respondent");
    assert.equal(await w.locator("input[value=someone_else]").isChecked(), true, "the answer is the widget's own");
    assert.deepEqual(messages.of("error"), []);
    assert.deepEqual(messages.of("warning"), []);
  });

  test("speak the page's language, and a language picked there carries over, with focus kept", async () => {
    const page = env.page;
    const release = await holdWasm(page);
    await countReady(page);
    await page.goto(`${env.server.origin}/lang-es.html`);
    const w = widget(page);
    await w.locator(START).waitFor();
    assert.equal((await shadowState(page)).heading, es["start.heading"]);
    await w.locator("select").selectOption("pt-BR");
    assert.deepEqual(await shadowState(page), {
      roots: 1, screens: 1, lang: "pt-BR", heading: pt["start.heading"], status: "",
    });
    assert.equal(await w.evaluate((host) => host.shadowRoot.activeElement?.id), "iof-language");
    await w.locator(START).tap();
    assert.equal(await focusedText(w), pt["q.respondent.title"]);
    await w.locator('label[for="iof-respondent-self"]').tap();
    release();
    await waitForTakeover(page);
    assert.equal((await shadowState(page)).roots, 1);
    assert.equal((await shadowState(page)).lang, "pt-BR");
    assert.equal(await w.locator("select").inputValue(), "pt-BR");
    assert.equal(await w.evaluate((host) => host.shadowRoot.activeElement?.id), "iof-respondent-self",
      "focus stays on the answer tapped");
    assert.equal(await w.locator("input[value=self]").isChecked(), true, "the answer chosen is kept");
    await w.locator(CONTINUE).tap();
    await expectScreen(page, "danger");
    assert.equal(await w.locator("h2").textContent(), pt["q.danger.title"]);
  });

  test("Continue with nothing chosen on the painted question: the widget opens there, saying to choose one", async () => {
    const page = env.page;
    const { messages, release, w } = await heldBack(page);
    await w.locator(START).tap();
    await w.locator(CONTINUE).tap();
    assert.equal(await w.locator("[role=status]").textContent(), en["nav.loading"]);
    release();
    await waitForTakeover(page);
    await expectScreen(page, "respondent");
    assert.equal(await w.locator("[role=alert] h2").textContent(), en["error.title"]);
    assert.equal(await w.locator("#iof-error").textContent(), en["error.choose_one"]);
    assert.equal(await w.locator("input:checked").count(), 0);
    assert.equal(await w.locator(".iof-progress-text").textContent(), progress(en, 1), "still the first question");
    assert.equal(await focusedText(w), en["nav.continue"], "focus stays on Continue");
    await w.locator('label[for="iof-respondent-self"]').tap();
    await w.locator(CONTINUE).tap();
    await expectScreen(page, "danger");
    assert.deepEqual(messages.of("error"), []);
    assert.deepEqual(messages.of("warning"), []);
  });

  test("an answer chosen after a waiting Continue waits for its own Continue, as in the widget", async () => {
    const page = env.page;
    const { release, w } = await heldBack(page);
    await w.locator(START).tap();
    await w.locator(CONTINUE).tap();
    await w.locator('label[for="iof-respondent-self"]').tap();
    assert.equal(await w.locator("[role=status]").textContent(), "", "no longer waiting");
    release();
    await waitForTakeover(page);
    await expectScreen(page, "respondent");
    assert.equal(await w.locator("input[value=self]").isChecked(), true, "chosen, not given");
    assert.equal(await w.locator("[role=alert]").count(), 0);
    await w.locator(CONTINUE).tap();
    await expectScreen(page, "danger");
  });

  test("Back on the painted question goes back to the painted start, and the widget opens there", async () => {
    const page = env.page;
    const { release, w } = await heldBack(page);
    await w.locator(START).tap();
    await w.locator('label[for="iof-respondent-self"]').tap();
    await w.locator("button.iof-back").tap();
    await expectScreen(page, "start");
    assert.equal(await focusedText(w), en["start.heading"]);
    release();
    await waitForTakeover(page);
    await expectScreen(page, "start");
    assert.equal(await focusedText(w), en["start.heading"]);
    await w.locator(START).tap();
    await expectScreen(page, "respondent");
    assert.equal(await w.locator("input:checked").count(), 0, "an answer left by Back is not kept (as in the widget)");
  });

  for (const [name, before] of [
    ["the start screen", async () => {}],
    ["the first question, answered", async (w) => {
      await w.locator(START).tap();
      // A click, not a tap: the phone's tap highlight on the tapped label would still be fading.
      await w.locator('label[for="iof-respondent-self"]').click();
    }],
  ]) {
    test(`the wasm's takeover of ${name} shifts nothing and changes no pixel`, async () => {
      const page = env.page;
      const release = await holdWasm(page);
      await countReady(page);
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__shifts.push(e.value);
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${env.server.origin}/plain.html`);
      const w = widget(page);
      await w.locator(START).waitFor();
      await before(w);
      const boxes = () => w.evaluate((host) => [...host.shadowRoot.querySelectorAll("h2, p, li, button, select, a, input, label")]
        .map((el) => { const r = el.getBoundingClientRect(); return `${el.localName} ${r.x},${r.y} ${r.width}x${r.height}`; }));
      const shot = await w.screenshot({ animations: "disabled" }); // scrolls the widget into view first
      const placed = await boxes();
      const shiftsBefore = await page.evaluate(() => window.__shifts.length);
      release();
      await waitForTakeover(page);
      assert.equal((await shadowState(page)).roots, 1, "taken over");
      assert.deepEqual(await boxes(), placed, "every element is where it was");
      assert.deepEqual(await differentPixels(page, shot, await w.screenshot({ animations: "disabled" })), [], "the same pixels");
      assert.deepEqual((await page.evaluate(() => window.__shifts)).slice(shiftsBefore), [], "no layout shift");
    });
  }

  test("a resumed visit is not painted early: it waits for the wasm and opens where it was", async () => {
    const page = env.page;
    await page.goto(`${env.server.origin}/api.html`); // same origin, no widget mounted
    await page.evaluate(() => sessionStorage.setItem("iop-op-fit:0/1/2",
      JSON.stringify({ v: 1, screen: "danger", answers: { respondent: "self" } })));
    const release = await holdWasm(page);
    await countReady(page);
    await page.goto(`${env.server.origin}/plain.html`);
    await page.waitForFunction(() => document.querySelector("[data-iop-op-fit]")?.shadowRoot);
    await page.waitForTimeout(300);
    assert.equal((await shadowState(page)).screens, 0, "no start screen stands in for a resumed visit");
    release();
    await waitForTakeover(page);
    await expectScreen(page, "danger");
  });
});

describe("the options it is painted with follow the Rust rules", () => {
  // Each case on its own widget, held before the wasm; what the painted screen
  // shows must be what the fixture says, and what the wasm then shows.
  // emitEvents changes the privacy sentence; the fallback never reads it, so it is not in the shared
  // fixture: the widget's own sentence after the takeover is what the painted one must equal.
  const CASES = [
    ...FIXTURE.filter((c) => ["orgName", "locale", "themeColor", "colorScheme"].includes(c.option)),
    ...["true", "Yes", "", "off", "sometimes"].map((value) => ({ option: "emitEvents", value })),
  ];

  test(`${CASES.length} cases, before and after the wasm`, async () => {
    const page = env.page;
    const release = await holdWasm(page);
    await countReady(page);
    await page.goto(`${env.server.origin}/api.html`);
    await page.evaluate((cases) => {
      for (const c of cases) {
        const el = document.createElement("div");
        el.className = "case";
        document.body.appendChild(el);
        IopOpFit.mount(el, { [c.option]: c.value, storage: "false" });
      }
    }, CASES);
    const read = () => page.evaluate(() => [...document.querySelectorAll(".case")].map((el) => {
      const roots = el.shadowRoot.querySelectorAll(".iof");
      const region = roots[roots.length - 1];
      return {
        roots: roots.length,
        lang: region.getAttribute("lang"),
        scheme: region.getAttribute("data-scheme"),
        accent: region.style.getPropertyValue("--iof-accent") || null,
        privacy: region.querySelector(".iof-privacy").textContent,
      };
    }));
    const painted = await read();
    release();
    await waitForTakeover(page, CASES.length);
    const taken = await read();
    CASES.forEach((c, i) => {
      const what = `${c.option} = ${JSON.stringify(c.value)}`;
      const used = c.accepted ? c.normalised : null;
      const p = painted[i];
      assert.equal(p.roots, 1, `${what}: painted`);
      if (c.option === "locale") assert.equal(p.lang, used ?? "en", what);
      if (c.option === "themeColor") assert.equal(p.accent, used, what);
      if (c.option === "colorScheme") assert.equal(p.scheme, used ?? "light", what);
      if (c.option === "orgName") {
        assert.equal(p.privacy, en["privacy.note"].split("{org}").join(used ?? en["org.default"]), what);
      }
      if (c.option === "emitEvents") {
        assert.equal(p.privacy.includes(en["privacy.events"]), ["true", "Yes", ""].includes(c.value), `${what}: ${p.privacy}`);
      }
      assert.deepEqual({ ...taken[i], roots: 1 }, p, `${what}: the wasm shows the same`);
      assert.equal(taken[i].roots, 1, `${what}: one screen after the takeover`);
    });
  });
});
