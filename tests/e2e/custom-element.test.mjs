// <iop-op-fit>, for site builders that take only a tag name and a script URL:
// options as kebab-case attributes with the same rules, two on a page and one
// added later, cleaned up when removed; iop-op-fit:ready on each; and
// IopOpFit.check(options) giving the widget's own warnings.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { consoleMessages, en, locale, setup, TIMEOUT } from "./helpers.mjs";

const env = setup();
const url = () => `${env.server.origin}/custom-element.html`;

/** The text of `selector` in the shadow root of the element `#id`, once it is there. */
async function inWidget(page, id, selector) {
  const handle = await page.waitForFunction(([id, selector]) =>
    document.getElementById(id)?.shadowRoot?.querySelector(selector)?.textContent, [id, selector], { timeout: TIMEOUT });
  return handle.jsonValue();
}

describe("the <iop-op-fit> custom element", () => {
  test("two on a page and one added later, each with its own options, ready, and cleaned up when removed", async () => {
    const messages = consoleMessages(env.page);
    await env.page.goto(url());
    assert.equal(await inWidget(env.page, "first", "[data-screen=start] .iof-primary"), en["start.button"]);
    assert.equal(await inWidget(env.page, "second", "[data-screen=start] .iof-primary"), locale("es")["start.button"]);
    await env.page.evaluate(() => {
      const el = document.createElement("iop-op-fit");
      el.id = "later";
      el.setAttribute("org-name", "Later Clinic");
      document.body.append(el);
    });
    assert.equal(await inWidget(env.page, "later", "[data-screen=start] .iof-primary"), en["start.button"]);
    await env.page.waitForFunction(() => readyEvents.length === 3);
    assert.deepEqual((await env.page.evaluate(() => readyEvents)).sort(), ["first", "later", "second"]);
    // The same option rules as data-* attributes: the bad phone is named once (by the wasm's mount).
    assert.equal(messages.of("warning").filter((m) => /option `phone`/.test(m)).length, 1, messages.of("warning").join("\n"));
    // Removed: its widget goes (nodes and styles); the others stay.
    await env.page.evaluate(() => {
      window.secondRoot = document.getElementById("second").shadowRoot;
      document.getElementById("second").remove();
    });
    await env.page.waitForFunction(() => secondRoot.childNodes.length === 0 && secondRoot.adoptedStyleSheets.length === 0,
      null, { timeout: TIMEOUT });
    assert.equal(await inWidget(env.page, "first", "[data-screen=start] .iof-primary"), en["start.button"]);
    // Moved, not removed: it stays mounted.
    await env.page.evaluate(() => document.body.prepend(document.getElementById("first")));
    await env.page.waitForTimeout(200);
    assert.equal(await inWidget(env.page, "first", "[data-screen=start] .iof-primary"), en["start.button"]);
  });

  test("IopOpFit.check(options) gives the widget's own warnings", async () => {
    await env.page.goto(url());
    const warnings = await env.page.evaluate(() =>
      IopOpFit.check({ org_name: "Good", phone: "((( )))", contactUrl: "javascript:alert(1)" }));
    assert.equal(warnings.length, 3, warnings.join("\n"));
    assert.ok(warnings.some((w) => w.includes("`phone`")));
    assert.ok(warnings.some((w) => w.includes("`contactUrl`")));
    assert.ok(warnings.some((w) => w.includes("`org_name`") && w.includes("orgName")), warnings.join("\n"));
    assert.deepEqual(await env.page.evaluate(() => IopOpFit.check({ orgName: "Good", phone: "+1-555-010-0100" })), []);
  });
});
