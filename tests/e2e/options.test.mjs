// Bad configuration never breaks the page and never leaves a blank box: each
// invalid option gives exactly one console warning naming it, the widget
// renders with a safe default, and text from options is shown as text.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { complete, consoleMessages, en, hrefs, openHost, setup, snap, TIMEOUT, widget } from "./helpers.mjs";

const env = setup();

/** Mount point id in hosts/bad-options.html → the option it gets wrong (as the warning names it). */
const BAD = {
  "bad-phone": "phone",
  "bad-locale": "locale",
  "bad-colour": "themeColor",
  "unknown-key": "colour",
  "html-name": "orgName",
  "bad-hours": "iopHours",
};
const DEFAULT_ACCENT = "rgb(11, 92, 173)"; // #0b5cad

/** The warnings that name `option` as `option`. */
const naming = (warnings, option) => warnings.filter((w) => w.includes(`\`${option}\``));

describe("invalid options", () => {
  test("each gives exactly one warning naming it; every widget still shows its start screen", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await page.addInitScript(() => {
      window.__ready = 0;
      document.addEventListener("iop-op-fit:ready", () => { window.__ready += 1; });
    });
    await page.goto(`${env.server.origin}/bad-options.html`);
    for (const id of Object.keys(BAD)) {
      await page.locator(`#${id}`).locator("[data-screen=start] button.iof-primary").waitFor({ timeout: TIMEOUT });
    }
    // A start screen shows before the wasm (painted by the loader); the warnings come from the
    // widget as it starts, just before its ready event. Waiting a fixed time raced the wasm.
    await page.waitForFunction(() => window.__ready === document.querySelectorAll("[data-iop-op-fit]").length, null, { timeout: TIMEOUT });
    const warnings = messages.of("warning");
    for (const [id, option] of Object.entries(BAD)) {
      const about = naming(warnings, option);
      assert.equal(about.length, 1, `${id}: one warning naming \`${option}\`, got ${JSON.stringify(about)}`);
      assert.match(about[0], /^iop-op-fit: /);
    }
    assert.equal(warnings.length, Object.keys(BAD).length, `no other warnings: ${JSON.stringify(warnings)}`);
    assert.deepEqual(messages.of("error"), []);

    // Safe defaults: English for an unknown locale (the page is English), the default colour for a bad one.
    const start = (id) => page.locator(`#${id}`).locator("[data-screen=start]");
    assert.equal((await start("bad-locale").locator("h2").innerText()).trim(), en["start.heading"]);
    assert.equal(await page.locator("#bad-locale").locator(".iof").getAttribute("lang"), "en");
    assert.equal(await start("bad-colour").locator("button.iof-primary").evaluate((b) => getComputedStyle(b).backgroundColor), DEFAULT_ACCENT);
    await snap(page, "bad-options");
  });

  test("HTML in the organisation name shows as literal text, never as markup", async () => {
    const page = env.page;
    await page.goto(`${env.server.origin}/bad-options.html`);
    const w = page.locator("#html-name");
    await w.locator("[data-screen=start] button.iof-primary").waitFor({ timeout: TIMEOUT });
    const { tags, text } = await w.evaluate((el) => ({
      tags: el.shadowRoot.querySelectorAll("b").length,
      text: el.shadowRoot.textContent,
    }));
    assert.equal(tags, 0, "no <b> element inside the shadow root");
    assert.ok(text.includes("<b>Evil</b> Clinic"), "the name shows with its tags as text");
    // And on the result, where the name appears in the call to action.
    await complete(w, {});
    const call = await w.locator("[data-screen=result] a[data-action=call]").innerText();
    assert.ok(call.includes("<b>Evil</b> Clinic"), call);
    assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll("b").length), 0);
  });

  test("a bad phone number hides the call button but keeps 988 and 911", async () => {
    const page = env.page;
    await page.goto(`${env.server.origin}/bad-options.html`);
    const w = page.locator("#bad-phone");
    await w.locator("[data-screen=start] button.iof-primary").waitFor({ timeout: TIMEOUT });
    await complete(w, {});
    const result = w.locator("[data-screen=result]");
    assert.equal(await result.locator("a[data-action=call]").count(), 0);
    const links = await hrefs(result);
    for (const href of ["tel:988", "tel:911", "/contact"]) assert.ok(links.includes(href), `${href} in ${links}`);
    for (const href of links.filter((h) => h.startsWith("tel:"))) assert.match(href, /^tel:\d{3,}$/, `no tel: link made of "call us"`);
  });

  test("the JavaScript API warns the same way, once per bad option", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await page.goto(`${env.server.origin}/api.html`);
    await page.waitForFunction(() => window.IopOpFit, null, { timeout: TIMEOUT });
    await page.evaluate(() => window.IopOpFit.mount(document.getElementById("api-target"),
      { orgName: "Test Clinic", phone: "call us", locale: "fr", themeColor: "red", colour: "#000", iopHours: -5 }));
    await widget(page.locator("#api-target")).locator("[data-screen=start] button.iof-primary").waitFor();
    const warnings = messages.of("warning");
    for (const option of ["phone", "locale", "themeColor", "colour", "iopHours"]) {
      assert.equal(naming(warnings, option).length, 1, `one warning naming \`${option}\`: ${JSON.stringify(warnings)}`);
    }
    assert.equal(warnings.length, 5, JSON.stringify(warnings));
  });
});
