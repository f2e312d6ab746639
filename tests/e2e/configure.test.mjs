// The configurator (demo/configure.html, built to dist/configure.html): typing
// updates the live preview, the widget's own warnings (IopOpFit.check) show in
// plain words and go when fixed, the snippet escapes every value in both forms
// and carries the loader's SHA-384 for the CDN, and the copied snippet works
// on a fresh host page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { DIST, en, expectNoAxeViolations, MAIN, setup, TIMEOUT } from "./helpers.mjs";

const FRESH = mkdtempSync(join(tmpdir(), "iop-op-fit-configure-"));
after(() => rmSync(FRESH, { recursive: true, force: true }));
const env = setup({ extraRoots: { "/fresh/": FRESH } });
const url = () => `${env.server.origin}/dist/configure.html`;

/** A name with every character the snippet must escape. */
const NAME = `Fish & "Chips" <Clinic> O'Neil`;
const ESCAPED = "Fish &amp; &quot;Chips&quot; &lt;Clinic&gt; O&#39;Neil";
/** A plain name (HTML tags in a name earn their own warning, which the escaping test relies on). */
const PLAIN = "Bayview Recovery & Wellness";
const privateNote = (org) => en["privacy.note"].replace("{org}", org);

async function open(page) {
  await page.goto(url());
  await page.locator("body[data-ready=true]").waitFor();
  await page.locator("#preview [data-screen=start] button.iof-primary").waitFor();
}

const problems = (page) => page.locator("#problems-list li").allTextContents();
const snippet = (page) => page.locator("#snippet").textContent();

describe("the configurator page", () => {
  test("typing a name updates the preview; a bad phone shows the phone message, and fixing it removes it", async () => {
    const page = env.page;
    await open(page);
    assert.equal(await page.locator("#problems").getAttribute("role"), "status");
    assert.deepEqual(await problems(page), []);
    await expectNoAxeViolations(page, "the configurator");

    await page.getByLabel(/organisation's name/).pressSequentially(PLAIN);
    await page.locator("#preview [data-screen=start]", { hasText: privateNote(PLAIN) }).waitFor();

    await page.getByLabel(/Phone number/).fill("call us maybe");
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#problems-list li")].some((li) => li.textContent.includes("`phone`")), null,
    { timeout: TIMEOUT });
    const shown = await problems(page);
    assert.equal(shown.length, 1, shown.join("\n"));
    assert.match(shown[0], /`phone`/);

    await page.getByLabel(/Phone number/).fill("+1-555-010-0100");
    await page.waitForFunction(() => document.querySelectorAll("#problems-list li").length === 0, null, { timeout: TIMEOUT });
    assert.equal(await page.locator("#problems-none").isVisible(), true);
    // The preview, mounted again, still shows the name.
    assert.ok((await page.locator("#preview [data-screen=start]").textContent()).includes(privateNote(PLAIN)));
    await expectNoAxeViolations(page, "the configurator after a fix");
    // Only one widget in the preview: the last one was unmounted.
    assert.equal(await page.locator("#preview [data-screen=start]").count(), 1);
  });

  test("both snippet forms escape the values; the CDN form carries the loader's SHA-384", async () => {
    const page = env.page;
    await open(page);
    await page.getByLabel(/organisation's name/).fill(NAME);
    await page.getByLabel(/Contact page/).fill("/contact?a=1&b=2");
    await page.locator("#preview [data-screen=start]", { hasText: privateNote(NAME) }).waitFor();
    // Each field's change is applied after a short pause in typing: when the two fills are further
    // apart than that, the name's update comes first and the contact's a moment later. Wait for it.
    await page.locator("#snippet", { hasText: 'contact-url="/contact?a=1&amp;b=2"' }).waitFor();

    const element = await snippet(page);
    assert.ok(element.includes(`<iop-op-fit org-name="${ESCAPED}" contact-url="/contact?a=1&amp;b=2"></iop-op-fit>`), element);
    const version = readFileSync(join(MAIN, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
    const sri = "sha384-" + createHash("sha384").update(readFileSync(join(DIST, "iop-op-fit.js"))).digest("base64");
    assert.ok(element.includes(
      `<script src="https://cdn.jsdelivr.net/npm/iop-op-fit@${version}/dist/iop-op-fit.js" integrity="${sri}" crossorigin="anonymous" defer></script>`),
    element);

    await page.getByLabel(/data-iop-op-fit/).check();
    const div = await snippet(page);
    assert.ok(div.includes(`<div data-iop-op-fit data-org-name="${ESCAPED}" data-contact-url="/contact?a=1&amp;b=2"></div>`), div);

    await page.getByLabel("Your own server").check();
    assert.ok((await snippet(page)).includes('<script src="/path/to/iop-op-fit/iop-op-fit.js" defer></script>'));
    // Shown as text, never parsed: the page has no element the snippet names.
    assert.equal(await page.locator("#snippet *").count(), 0);
  });

  for (const form of ["element", "div"]) {
    test(`the copied snippet (${form}, self-hosted) starts the widget with that name on a fresh host page`, async () => {
      const page = env.page;
      await env.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.origin });
      await open(page);
      await page.getByLabel(/organisation's name/).fill(NAME);
      await page.getByLabel(/Phone number/).fill("(555) 010-0100");
      await page.locator(`#form-${form}`).check();
      await page.locator("#source-self").check();
      await page.locator("#preview [data-screen=start]", { hasText: privateNote(NAME) }).waitFor();
      await page.locator("#snippet", { hasText: "(555) 010-0100" }).waitFor(); // the phone's update too
      await page.getByRole("button", { name: "Copy the code" }).click();
      await page.locator("#copy-status", { hasText: "Copied." }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await snippet(page));

      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fresh host</title></head>
<body><h1>A provider's page</h1>
${copied.replace("/path/to/iop-op-fit/iop-op-fit.js", "/dist/iop-op-fit.js")}
</body></html>`;
      writeFileSync(join(FRESH, `${form}.html`), html);
      await page.goto(`${env.server.origin}/fresh/${form}.html`);
      const mountPoint = page.locator(form === "element" ? "iop-op-fit" : "[data-iop-op-fit]");
      await mountPoint.locator("[data-screen=start]", { hasText: privateNote(NAME) }).waitFor();
    });
  }
});
