// What the provider really offers (options levels, detox, medication): on a
// page configured as an IOP/OP-only centre without withdrawal care, a
// residential result says plainly that the centre does not offer it, keeps
// the call button and adds where to find it; a detox-first result says
// withdrawal care is needed elsewhere first; an IOP result shows the IOP as usual.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CASES, complete, en, expectNextSteps, hrefs, locale, openHost, setup, widget } from "./helpers.mjs";

const env = setup();
const url = () => `${env.server.origin}/iop-op-only.html`;
const ORG = "Harbor Light Recovery";
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m);
const FIND_TREATMENT = "https://findtreatment.gov/";
const SAMHSA = "tel:18006624357";

async function result(name) {
  await openHost(env.page, url());
  assert.equal((await complete(env.page, CASES[name].answers)).screen, "result");
  const screen = widget(env.page).locator("[data-screen=result]");
  assert.equal(await screen.getAttribute("data-level"), CASES[name].level);
  return screen;
}

describe("an IOP/OP-only centre without withdrawal care", () => {
  test("R7 (residential): not offered here, with the call button and where to find it", async () => {
    const screen = await result("R7");
    const notes = screen.locator("[data-offered-here]");
    assert.equal(await notes.getAttribute("data-offered-here"), "false");
    const level = en["level.residential.name"];
    assert.ok((await notes.innerText()).includes(fill(en["result.not_offered"], { org: ORG, level })));
    // The nearest level the centre runs, as a step after, never instead.
    assert.ok((await notes.innerText()).includes(fill(en["result.step_after"], { org: ORG, next: en["level.iop.name"] })));
    assert.equal(await screen.locator(".iof-program .iof-program-name").innerText(), en["level.iop.name"]);
    await expectNextSteps(screen);
    const referral = screen.locator("[data-referral]");
    for (const href of [FIND_TREATMENT, SAMHSA]) assert.ok((await hrefs(referral)).includes(href), href);
  });

  test("R4 (detox first): withdrawal care is needed elsewhere first", async () => {
    const screen = await result("R4");
    assert.equal(await screen.getAttribute("data-detox-first"), "true");
    const text = await screen.locator("[data-offered-here]").innerText();
    assert.ok(text.includes(fill(en["result.detox.elsewhere"], { org: ORG })), text);
    assert.ok((await hrefs(screen.locator("[data-referral]"))).includes(FIND_TREATMENT));
  });

  test("R1 (IOP, alcohol): the centre's IOP as usual, its naltrexone, and no referral", async () => {
    const screen = await result("R1");
    const notes = screen.locator("[data-offered-here]");
    assert.equal(await notes.getAttribute("data-offered-here"), "true");
    assert.equal(await notes.innerText(), fill(en["result.medicines.here"], { org: ORG, medicines: en["medicine.naltrexone"] }),
      "only the medicine is said: IOP is offered and no withdrawal care is needed");
    assert.equal(await screen.locator("[data-referral]").count(), 0);
    assert.equal(await screen.locator(".iof-program .iof-program-name").innerText(), en["level.iop.name"]);
  });

  test("R12 (opioids): the centre's buprenorphine is named, in Spanish too", async () => {
    const es = locale("es");
    await openHost(env.page, url());
    await widget(env.page).locator("select#iof-language").selectOption("es");
    assert.equal((await complete(env.page, CASES.R12.answers)).screen, "result");
    const screen = widget(env.page).locator("[data-screen=result]");
    const text = await screen.locator("[data-offered-here]").innerText();
    assert.ok(text.includes(es["medicine.buprenorphine"]) && text.includes(es["medicine.naltrexone"]), text);
    assert.ok(text.includes(fill(es["result.not_offered"], { org: ORG, level: es["level.php.name"] })), text);
  });
});
