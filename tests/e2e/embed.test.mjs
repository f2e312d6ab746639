// Embedding on someone else's page: the one-tag embed, another origin, the
// fallback when the wasm cannot load, the single-file build, two instances on
// one page, and the JavaScript API.
import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "./server.mjs";
import {
  answer, CASES, complete, consoleMessages, DIST, en, expectNextSteps, expectScreen, openHost, option, partialDist,
  setup, start, storedKeys, TIMEOUT, widget,
} from "./helpers.mjs";

// Folders that hold only some of the built files, as a careless upload might,
// or a web page where the wasm should be (a site that answers every path with its home page).
const htmlAsWasm = partialDist(["iop-op-fit.js", join("core", "iop-op-fit-glue.js")]);
writeFileSync(join(htmlAsWasm, "core", "iop-op-fit_bg.wasm"), "<!doctype html><title>Home</title><p>Welcome</p>");
const extraRoots = {
  "/missing-core/": partialDist(["iop-op-fit.js"]),
  "/missing-wasm/": htmlAsWasm,
  "/octet-stream/": DIST,
};
// Many hosts send an unknown type for .wasm files.
const headers = (path) => (path.startsWith("/octet-stream/") && path.endsWith(".wasm") ? { "Content-Type": "application/octet-stream" } : {});
const env = setup({ extraRoots, headers });
const scratch = mkdtempSync(join(tmpdir(), "iop-op-fit-e2e-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A site on its own origin whose page embeds the widget from the asset host `assets` (served at /iop-op-fit/). */
async function siteOn(assets) {
  const siteDir = mkdtempSync(join(scratch, "site-"));
  writeFileSync(join(siteDir, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="icon" href="data:,"><title>Another origin</title></head><body>
    <div data-iop-op-fit data-org-name="Test Clinic" data-phone="+1-555-010-0100" data-contact-url="/contact"></div>
    <script src="${assets.origin}/iop-op-fit/iop-op-fit.js" defer></script></body></html>`);
  return serve({ roots: { "/": siteDir } });
}

describe("the one-tag embed", () => {
  test("mounts into an open shadow root on a plain page and starts", async () => {
    const page = env.page;
    await openHost(page, `${env.server.origin}/plain.html`);
    const mode = await page.locator("[data-iop-op-fit]").evaluate((el) => el.shadowRoot && el.shadowRoot.mode);
    assert.equal(mode, "open");
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
  });

  test("starts when the host serves the wasm with another type, and says how to fix it", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await openHost(page, `${env.server.origin}/octet-stream.html`);
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    // wasm-bindgen's loader falls back to compiling from the bytes, and says so.
    const warnings = messages.of("warning").filter((w) => w.includes("application/wasm"));
    assert.equal(warnings.length, 1, `one warning naming the type to serve: ${messages.of("warning")}`);
  });

  test("loads from another origin (asset host) than the page's", async () => {
    const assets = await serve({ roots: { "/iop-op-fit/": DIST } });
    const site = await siteOn(assets);
    try {
      const page = env.page;
      await openHost(page, `${site.origin}/`);
      await start(page);
      await answer(page, "respondent", ["self"]);
      await expectScreen(page, "danger");
      assert.ok(assets.requests.includes("/iop-op-fit/core/iop-op-fit_bg.wasm"), `asset host saw ${assets.requests}`);
      assert.ok(!site.requests.some((p) => p.includes("core/")), `the page's host saw ${site.requests}`);
    } finally {
      await site.close();
      await assets.close();
    }
  });
});

describe("when the widget cannot start", () => {
  for (const [page_, what] of [["missing-core.html", "core/ is missing"], ["missing-wasm.html", "a web page stands where the .wasm should be"]]) {
    test(`shows a plain fallback with phone, contact, 988 and 911 (${what})`, async () => {
      const page = env.page;
      const messages = consoleMessages(page);
      await page.goto(`${env.server.origin}/${page_}`);
      const box = page.locator("[data-iop-op-fit] [data-fallback]");
      await box.waitFor();
      await expectNextSteps(box);
      assert.equal(await widget(page).locator("[data-screen]").count(), 0);
      const errors = messages.of("error");
      assert.ok(errors.some((e) => e.includes("iop-op-fit")), `a console error names iop-op-fit: ${errors}`);
    });
  }
});

describe("when the wasm cannot be fetched, the console says why", () => {
  /** A site page on its own origin loading the widget from `assets`; the fallback shows; the loader's console error. */
  async function fallbackError(page, assets) {
    const site = await siteOn(assets);
    try {
      const messages = consoleMessages(page);
      await page.goto(`${site.origin}/`);
      const box = page.locator("[data-iop-op-fit] [data-fallback]");
      await box.waitFor();
      await expectNextSteps(box);
      const ours = messages.of("error").filter((e) => e.startsWith("iop-op-fit:"));
      assert.equal(ours.length, 1, `one error from the loader: ${messages.of("error").join("\n")}`);
      console.log(`  ${ours[0]}`);
      return ours[0];
    } finally {
      await site.close();
    }
  }

  test("an asset host that sends no CORS header is named, not the page's script policy", async () => {
    const assets = await serve({ roots: { "/iop-op-fit/": DIST }, cors: false });
    try {
      const error = await fallbackError(env.page, assets);
      assert.match(error, /does not allow this page's origin \(CORS\)/, error);
      assert.ok(error.includes(`Have ${assets.origin} send Access-Control-Allow-Origin`), error);
      assert.doesNotMatch(error, /wasm-unsafe-eval/, error);
    } finally {
      await assets.close();
    }
  });

  test("a network failure is named as one", async () => {
    const assets = await serve({ roots: { "/iop-op-fit/": DIST } });
    try {
      await env.page.route("**/core/iop-op-fit_bg.wasm", (route) => route.abort("connectionfailed"));
      const error = await fallbackError(env.page, assets);
      assert.match(error, /could not be fetched: the network failed, or the page's Content-Security-Policy does not allow it/, error);
      assert.doesNotMatch(error, /CORS|wasm-unsafe-eval/, error);
    } finally {
      await assets.close();
    }
  });
});

describe("several widgets and the JavaScript API", () => {
  test("a mount point that cannot hold a shadow root gets the widget in a <div>, and a warning", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await page.goto(`${env.server.origin}/odd-mounts.html`);
    const inLi = page.locator(".list li > div");
    const afterImg = page.locator(".image img + div");
    for (const w of [inLi, afterImg]) await w.locator("[data-screen=start] button.iof-primary").waitFor();
    await start(inLi);
    await answer(inLi, "respondent", ["self"]);
    await expectScreen(inLi, "danger");
    await start(afterImg);
    await expectScreen(afterImg, "respondent");

    const warnings = messages.of("warning").filter((w) => w.includes("cannot hold the widget"));
    assert.equal(warnings.length, 2, `one warning per odd mount point: ${warnings}`);
    assert.ok(warnings.some((w) => w.includes("<li>") && w.includes("inside")), warnings.join("\n"));
    assert.ok(warnings.some((w) => w.includes("<img>") && w.includes("after")), warnings.join("\n"));

    // unmount() takes the added <div>s away too.
    await page.evaluate(() => Promise.all([...document.querySelectorAll("[data-iop-op-fit]")]
      .map((el) => IopOpFit.mount(el).then((h) => h.unmount()))));
    assert.equal(await page.locator(".list li").evaluate((li) => li.childNodes.length), 0);
    assert.equal(await page.locator(".image").evaluate((p) => p.children.length), 1, "only the image is left");
  });

  test("a mount point on <body> does not hide the page: the widget goes in a <div> at its end", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await page.goto(`${env.server.origin}/body-mount.html`);
    const box = page.locator("body > div:last-of-type");
    await start(box);
    assert.ok(await page.locator("h1").isVisible(), "the page's own content stays visible");
    const warnings = messages.of("warning").filter((w) => w.includes("cannot hold the widget"));
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0], /<body>/);
  });

  test("two widgets on one page keep their own answers", async () => {
    const page = env.page;
    await page.goto(`${env.server.origin}/two.html`);
    const one = page.locator(".one [data-iop-op-fit]");
    const two = page.locator(".two [data-iop-op-fit]");
    await start(one);
    await start(two);
    await answer(one, "respondent", ["self"]);
    await answer(one, "danger", ["none"]);
    await answer(two, "respondent", ["someone_else"]);
    await expectScreen(one, "age");
    await expectScreen(two, "danger");
    assert.equal((await one.locator("form[data-screen=question] > h2").innerText()).trim(), en["q.age.title"]);

    const r1 = await complete(one, CASES.R1.answers);
    const r7 = await complete(two, { respondent: ["someone_else"], ...CASES.R7.answers });
    assert.equal(r1.screen, "result");
    assert.equal(r7.screen, "result");
    assert.equal(r1.asked[0], "age", "the first widget carried on from its own place");
    assert.equal(r7.asked[0], "danger", "the second widget carried on from its own place");
    assert.equal(await one.locator("[data-screen=result]").getAttribute("data-level"), CASES.R1.level);
    assert.equal(await two.locator("[data-screen=result]").getAttribute("data-level"), CASES.R7.level);
    assert.equal(await one.locator("[data-review=respondent] .iof-review-answer").first().innerText(), en["q.respondent.self"]);
    assert.equal(await two.locator("[data-review=respondent] .iof-review-answer").first().innerText(), en["q.respondent.someone_else"]);
    assert.equal((await storedKeys(page)).length, 2, "each widget keeps its own answers");
  });

  test("IopOpFit.mount returns a handle whose reset() and unmount() work", async () => {
    const page = env.page;
    const target = page.locator("#api-target");
    await page.goto(`${env.server.origin}/api.html`);
    await page.waitForFunction(() => window.IopOpFit, null, { timeout: TIMEOUT });
    const methods = await page.evaluate(async () => {
      const handle = await window.IopOpFit.mount(document.getElementById("api-target"),
        { orgName: "Test Clinic", phone: "+1-555-010-0100", contactUrl: "/contact" });
      window.__handle = handle;
      return [typeof handle.unmount, typeof handle.reset];
    });
    assert.deepEqual(methods, ["function", "function"]);

    await start(target);
    await answer(target, "respondent", ["someone_else"]);
    await expectScreen(target, "danger");
    await page.evaluate(() => window.__handle.reset());
    await expectScreen(target, "start");
    assert.equal((await target.locator("[data-screen=start] button.iof-primary").innerText()).trim(), en["start.button"]);
    await start(target);
    assert.ok(!(await option(target, "respondent", "someone_else").isChecked()), "reset forgot the answers");

    await page.evaluate(() => window.__handle.unmount());
    const left = await target.evaluate((el) => el.shadowRoot && el.shadowRoot.childNodes.length);
    assert.equal(left, 0);
  });
});
