// The configurator (demo/configure.html, built to dist/configure.html): its
// controls come from the options table (configure-options.json), each kind with
// its own control; typing updates the live preview; the widget's own warnings
// (IopOpFit.check) show by the field they belong to and go when fixed; a
// refused value never reaches the snippet; the snippet escapes every value in
// both forms and carries the loader's SHA-384 for the CDN, and the copied
// snippet works on a fresh host page; all of it under Trusted Types.
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
// /tt/ serves the build again, the configurator enforcing Trusted Types: a string
// given to an HTML or script sink throws there, and fails the test (axe, which
// such a page cannot load, runs on /dist/).
const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types 'none'";
const env = setup({
  extraRoots: { "/fresh/": FRESH, "/tt/": DIST },
  headers: (path) => (path === "/tt/configure.html" ? { "Content-Security-Policy": TRUSTED_TYPES } : {}),
});
const url = () => `${env.server.origin}/dist/configure.html`;

/** A name with every character the snippet must escape. */
const NAME = `Fish & "Chips" <Clinic> O'Neil`;
const ESCAPED = "Fish &amp; &quot;Chips&quot; &lt;Clinic&gt; O&#39;Neil";
/** A plain name (HTML tags in a name earn their own warning, which the escaping test relies on). */
const PLAIN = "Bayview Recovery & Wellness";
const privateNote = (org) => en["privacy.note"].replace("{org}", org);

/**
 * The preview, mounted again after each change, shows its start screen, and
 * the wasm has taken over from the painted one (axe reads a stable tree):
 * `iop-op-fit:ready` on the mount point, then a frame, as tests/e2e/prerender.test.mjs waits.
 */
const previewShown = (page) => page.locator("#preview[data-took-over] [data-screen=start] button.iof-primary").waitFor();

async function open(page, at = url()) {
  await page.addInitScript(() => document.addEventListener("iop-op-fit:ready", (e) =>
    requestAnimationFrame(() => { e.target.dataset.tookOver = ""; })));
  await page.goto(at);
  await page.locator("body[data-ready=true]").waitFor();
  await previewShown(page);
}

const problems = (page) => page.locator("#problems-list li").allTextContents();
const snippet = (page) => page.locator("#snippet").textContent();
const waitForSnippet = (page, text) => page.locator("#snippet", { hasText: text }).waitFor();

/** Waits until the problems list links to `option`'s field, or (`linked` false) no longer does. */
async function waitForProblem(page, option, linked = true) {
  await page.waitForFunction(([id, linked]) =>
    !!document.querySelector(`#problems-list a[href="#${id}"]`) === linked, [`opt-${option}`, linked], { timeout: TIMEOUT });
}

/** The field's message as GOV.UK's pattern has it: shown, named by aria-describedby, the control marked invalid. */
async function assertRefusedBy(page, control, option, words) {
  const message = page.locator(`#error-${option}`);
  assert.equal(await message.isVisible(), true, `${option}'s message is shown`);
  assert.match(await message.textContent(), /^Error: /);
  assert.match(await message.textContent(), words);
  assert.ok((await control.getAttribute("aria-describedby")).split(" ").includes(`error-${option}`));
}

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
    // The preview, mounted again, still shows the name; axe waits for the wasm's widget (it
    // would otherwise read the painted screen while the widget takes its place).
    await previewShown(page);
    assert.ok((await page.locator("#preview [data-screen=start]").textContent()).includes(privateNote(PLAIN)));
    await expectNoAxeViolations(page, "the configurator after a fix");
    // Only one widget in the preview: the last one was unmounted.
    assert.equal(await page.locator("#preview [data-screen=start]").count(), 1);
  });

  test("a refused value stays out of the snippet, and its field says why; a good one goes in", async () => {
    const page = env.page;
    await open(page);
    const phone = page.getByLabel(/Phone number/);
    const contact = page.getByLabel(/Contact page/);
    assert.equal(await phone.getAttribute("type"), "tel");
    await phone.fill("call me");
    await contact.fill("javascript:alert(1)");
    await waitForProblem(page, "phone");
    await waitForProblem(page, "contactUrl");
    await assertRefusedBy(page, phone, "phone", /`phone` is "call me", which is not a phone number/);
    await assertRefusedBy(page, contact, "contactUrl", /`contactUrl` is "javascript:alert\(1\)"/);
    assert.equal(await phone.getAttribute("aria-invalid"), "true");
    assert.equal(await contact.getAttribute("aria-invalid"), "true");
    // The message sits in the field, between its hint and its control.
    assert.equal(await page.locator(".field-error[data-option=phone] #error-phone + #opt-phone").count(), 1);
    const refused = await snippet(page);
    assert.ok(!refused.includes("phone=") && !refused.includes("contact-url") && !refused.includes("javascript"), refused);
    await previewShown(page);
    await expectNoAxeViolations(page, "the configurator with refused values");
    // The list links each problem to its field.
    await page.locator('#problems-list a[href="#opt-phone"]').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), "opt-phone");

    await phone.fill("+1-555-010-0100");
    await contact.fill("/contact");
    await waitForSnippet(page, 'phone="+1-555-010-0100" contact-url="/contact"');
    await waitForProblem(page, "phone", false);
    assert.equal(await page.locator("#error-phone").isVisible(), false);
    assert.equal(await phone.getAttribute("aria-invalid"), null);
    assert.equal(await phone.getAttribute("aria-describedby"), "hint-phone");
    assert.deepEqual(await problems(page), []);

    // HTML in a name is kept (shown as text, tags and all): a note by the field, not an error.
    await page.getByLabel(/organisation's name/).fill(NAME);
    await waitForSnippet(page, `org-name="${ESCAPED}"`);
    assert.match(await page.locator("#error-orgName").textContent(), /^Note: .*contains HTML tags/);
    assert.equal(await page.getByLabel(/organisation's name/).getAttribute("aria-invalid"), null);
  });

  test("each kind has its control: yes/no and one-of radios, checkboxes, a colour picker, hours from and to", async () => {
    const page = env.page;
    await open(page);
    // Yes/no: radios with the default marked; the default is left out of the snippet.
    const teens = page.getByRole("group", { name: /under 18/ });
    assert.deepEqual(await teens.getByRole("radio").evaluateAll((r) => r.map((i) => i.labels[0].textContent)), ["Yes (default)", "No"]);
    await teens.getByRole("radio", { name: "No" }).check();
    await waitForSnippet(page, 'serves-adolescents="false"');
    await teens.getByRole("radio", { name: /Yes/ }).check();
    await page.waitForFunction(() => !document.getElementById("snippet").textContent.includes("serves-adolescents"), null, { timeout: TIMEOUT });
    // Not said is a choice of its own where no value means the default.
    const detox = page.getByRole("group", { name: /withdrawal/ });
    assert.equal(await detox.getByRole("radio", { name: "Not set" }).isChecked(), true);

    // One of a few, by keyboard: the arrow keys move along the languages.
    const language = page.getByRole("group", { name: /^Language locale/ });
    await language.getByRole("radio", { name: "Not set" }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    assert.equal(await language.getByRole("radio", { name: /\(es\)/ }).isChecked(), true);
    await waitForSnippet(page, 'locale="es"');

    // A list of known values: checkboxes, all four ticked by default; Space unticks one.
    const levels = page.getByRole("group", { name: /Levels of care/ });
    const boxes = levels.getByRole("checkbox");
    assert.equal(await boxes.count(), 4);
    await levels.getByRole("checkbox", { name: "Residential" }).focus();
    await page.keyboard.press("Space");
    await waitForSnippet(page, 'levels="op,iop,php"');
    // None ticked is refused: said by the group, and the levels stay out of the snippet.
    for (const name of ["Outpatient (OP)", "Intensive outpatient (IOP)", "Partial hospitalization (PHP)"]) {
      await levels.getByRole("checkbox", { name, exact: true }).uncheck();
    }
    await waitForProblem(page, "levels");
    await assertRefusedBy(page, levels, "levels", /`levels` is empty/);
    assert.equal(await boxes.first().getAttribute("aria-invalid"), "true");
    assert.ok(!(await snippet(page)).includes("levels="));
    await levels.getByRole("checkbox", { name: "Outpatient (OP)", exact: true }).check();
    await waitForSnippet(page, 'levels="op"');

    // The colour: a picker and a text box; a colour too light for white text is refused by the field.
    const colour = page.getByLabel(/Button and link colour/);
    await page.getByLabel("or pick one").fill("#ffff00");
    assert.equal(await colour.inputValue(), "#ffff00");
    await waitForProblem(page, "themeColor");
    await assertRefusedBy(page, colour, "themeColor", /contrast with white text/);
    assert.ok(!(await snippet(page)).includes("theme-color"));
    await colour.fill("#6b2c91");
    await waitForSnippet(page, 'theme-color="#6b2c91"');
    assert.equal(await page.getByLabel("or pick one").inputValue(), "#6b2c91");
    await colour.fill("");
    await page.waitForFunction(() => !document.getElementById("snippet").textContent.includes("theme-color"), null, { timeout: TIMEOUT });

    // Hours: numbers from and to, within the option's limits; a backward range is refused.
    const hours = page.getByRole("group", { name: /Hours a week/ }).first();
    assert.equal(await hours.getByLabel("From").getAttribute("type"), "number");
    assert.equal(await hours.getByLabel("From").getAttribute("max"), "80");
    await hours.getByLabel("From").fill("3");
    await hours.getByLabel("To").fill("6");
    await waitForSnippet(page, 'op-hours="3-6"');
    await hours.getByLabel("From").fill("9");
    await waitForProblem(page, "opHours");
    assert.ok(!(await snippet(page)).includes("op-hours"));
    // Residential has no hours option, so no hours field.
    assert.equal(await page.locator("[data-option=residentialHours]").count(), 0);
    await previewShown(page);
    await expectNoAxeViolations(page, "the configurator's controls");
  });

  test("under Trusted Types, the controls are built, a refused value is named by its field and a hostile name stays text", async () => {
    const page = env.page;
    const violations = [];
    page.on("console", (m) => { if (/Trusted ?Type|Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    const at = `${env.server.origin}/tt/configure.html`;
    assert.match((await page.request.get(at)).headers()["content-security-policy"], /require-trusted-types-for 'script'/);
    await open(page, at);
    await page.getByLabel(/Phone number/).fill("call <b>me</b>");
    await page.getByLabel(/organisation's name/).fill(NAME);
    await page.getByRole("group", { name: /under 18/ }).getByRole("radio", { name: "No" }).check();
    await waitForProblem(page, "phone");
    await waitForSnippet(page, `org-name="${ESCAPED}" serves-adolescents="false"`);
    assert.match(await page.locator("#error-phone").textContent(), /"call <b>me<\/b>"/);
    assert.equal(await page.locator("#error-phone b, #snippet *").count(), 0, "values are text, never markup");
    await page.locator("#preview", { hasText: privateNote(NAME) }).waitFor();
    assert.deepEqual(violations, []); // and no uncaught error (checked after each test)
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
