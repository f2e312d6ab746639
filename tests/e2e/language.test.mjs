// Languages: the visible switch, the host page's lang, and the locale option.
// Expected words come from the locale files the widget is built from.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { en, locale, openHost, setup, start, widget } from "./helpers.mjs";

const env = setup();
const es = locale("es");
const pt = locale("pt-BR");

/** The widget's lang attribute and the text of the heading shown. */
async function shown(page) {
  const w = widget(page);
  return {
    lang: await w.locator(".iof").getAttribute("lang"),
    heading: (await w.locator("[data-screen] h2").first().innerText()).trim(),
  };
}

describe("language switch", () => {
  test("switches the question to Spanish, then to Brazilian Portuguese", async () => {
    const page = env.page;
    const w = widget(page);
    await openHost(page, `${env.server.origin}/plain.html`);
    await start(page);
    assert.deepEqual(await shown(page), { lang: "en", heading: en["q.respondent.title"] });

    const select = w.locator("select#iof-language");
    await select.selectOption("es");
    await w.locator(".iof[lang=es]").waitFor();
    assert.deepEqual(await shown(page), { lang: "es", heading: es["q.respondent.title"] });
    assert.notEqual(es["q.respondent.title"], en["q.respondent.title"]);

    await select.selectOption("pt-BR");
    await w.locator(".iof[lang=pt-BR]").waitFor();
    assert.deepEqual(await shown(page), { lang: "pt-BR", heading: pt["q.respondent.title"] });
    assert.notEqual(pt["q.respondent.title"], es["q.respondent.title"]);
  });
});

describe("language from the host", () => {
  test("a page with <html lang=\"es\"> gets Spanish without any option", async () => {
    const page = env.page;
    await openHost(page, `${env.server.origin}/lang-es.html`);
    assert.deepEqual(await shown(page), { lang: "es", heading: es["start.heading"] });
    assert.equal(await widget(page).locator("select#iof-language").inputValue(), "es");
    await start(page);
    assert.equal((await shown(page)).heading, es["q.respondent.title"]);
  });

  test("data-locale=\"pt-BR\" wins over the page's lang", async () => {
    const page = env.page;
    await openHost(page, `${env.server.origin}/locale-pt.html`);
    assert.deepEqual(await shown(page), { lang: "pt-BR", heading: pt["start.heading"] });
    assert.notEqual(pt["start.heading"], es["start.heading"]);
    assert.equal(await widget(page).locator("select#iof-language").inputValue(), "pt-BR");
  });
});
