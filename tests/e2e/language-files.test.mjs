// Every language but English is a file in core/, fetched with its SHA-384
// only when a widget needs it: the page's language before the first answer
// (tests/e2e/privacy.test.mjs checks those requests), or a language the visitor picks. A switch mid-visit keeps the answers and
// the screen; a file that is refused (another release's, or damaged) or
// missing leaves the widget working in the language it shows, says so to the
// visitor, and names the file and the fix in the console. The early screens
// speak every language before the wasm or any file arrives.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  answer, consoleMessages, DIST, expectScreen, holdWasm, HOSTS, locale, LOCALES, openHost, partialDist, setup, start,
  widget,
} from "./helpers.mjs";

const TAGS = LOCALES.slice(1); // every language with a file: all but English
const FILES = TAGS.map((t) => join("core", `${t}.txt`));
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** A copy of the loader, its wasm and glue, and the language files, with es.txt changed by `edit` (or removed: null). */
function distWithSpanish(edit) {
  const dir = partialDist(["iop-op-fit.js", join("core", "iop-op-fit_bg.wasm"), join("core", "iop-op-fit-glue.js"), ...FILES]);
  const file = join(dir, "core", "es.txt");
  if (edit) writeFileSync(file, edit(readFileSync(file, "utf8")));
  else rmSync(file);
  return dir;
}
const COPIES = {
  // Another release's file: the same form, other words.
  other: distWithSpanish((text) => text.replace("Español", "Español (2)")),
  missing: distWithSpanish(null),
};
const extraRoots = Object.fromEntries(Object.entries(COPIES).flatMap(([name, dir]) => [[`/${name}/`, HOSTS], [`/${name}/lib/`, dir]]));
const env = setup({ extraRoots });

/** The widget's language and the heading it shows. */
const shown = (page) => widget(page).locator(".iof").evaluate((el) => ({
  lang: el.getAttribute("lang"),
  heading: el.querySelector("h2").textContent.trim(),
}));

/** Every request the page makes, with its headers. */
function requestsOf(page) {
  const seen = [];
  page.on("request", (r) => seen.push({ url: new URL(r.url()), headers: r.headers() }));
  return seen;
}

describe("language files in core/", () => {
  test("the loader carries each file's SHA-384; the single-file build carries the files and fetches none", () => {
    const loader = readFileSync(join(DIST, "iop-op-fit.js"), "utf8");
    for (const file of FILES) {
      assert.ok(loader.includes(JSON.stringify(sri(readFileSync(join(DIST, file))))), `iop-op-fit.js names ${file}'s SHA-384`);
    }
    const inline = readFileSync(join(DIST, "iop-op-fit.inline.js"), "utf8");
    assert.doesNotMatch(inline, /sha384-/);
    for (const tag of TAGS) assert.ok(inline.includes(`iop-op-fit language 1 ${tag} `), `${tag}'s file is inside it`);
  });

  test("English fetches no language file; a switch fetches one file once, with no query string and no cookie, and keeps the answers and the screen", async () => {
    const page = env.page;
    await page.context().addCookies([{ name: "session", value: "secret", url: env.server.origin }]);
    const requests = requestsOf(page);
    await openHost(page, `${env.server.origin}/lang.html`);
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    assert.deepEqual(requests.filter((r) => r.url.pathname.endsWith(".txt")), [], "English needs no file");
    const w = widget(page);
    for (const tag of TAGS) {
      const words = locale(tag);
      await w.locator("select#iof-language").selectOption(tag);
      await w.locator(`.iof[lang="${tag}"]`).waitFor();
      assert.deepEqual(await shown(page), { lang: tag, heading: words["q.danger.title"] }, `${tag}: the same question`);
      assert.equal(await w.locator("select#iof-language").inputValue(), tag);
    }
    // Back in each language: the first answer is still given.
    await w.locator("button.iof-back").tap();
    await expectScreen(page, "respondent");
    assert.equal(await w.locator("input[value=self]").isChecked(), true, "the answer is kept");
    const files = requests.filter((r) => r.url.pathname.endsWith(".txt"));
    assert.deepEqual(files.map((r) => r.url.pathname), TAGS.map((t) => `/dist/core/${t}.txt`), "one request per language");
    for (const r of files) {
      assert.equal(r.url.search, "", "no query string");
      assert.equal(r.headers.cookie, undefined, "no cookie");
    }
  });

  for (const [name, why] of [["other", "does not match this loader, iop-op-fit.js"], ["missing", "the server answered 404"]]) {
    test(`a ${name} es.txt: the widget works in English, tells the visitor, and names the file and the fix once`, async () => {
      const page = env.page;
      const messages = consoleMessages(page);
      await openHost(page, `${env.server.origin}/lang.html?lang=es&loader=/${name}/lib/iop-op-fit.js`);
      const w = widget(page);
      // Painted in Spanish while the wasm loads (the painted screens carry their words); the
      // widget that takes over speaks English, and says why.
      const status = locale("en")["lang.failed"].replace("{language}", "Español");
      await w.locator(".iof-status", { hasText: status }).waitFor();
      assert.deepEqual(await shown(page), { lang: "en", heading: locale("en")["start.heading"] });
      assert.equal(await w.locator("select#iof-language").inputValue(), "en", "the switch says what is shown");
      const lines = messages.filter((m) => m.text.startsWith("iop-op-fit"));
      const file = `${env.server.origin}/${name}/lib/core/es.txt`;
      assert.equal(lines.length, 1, JSON.stringify(messages));
      assert.ok(lines[0].type === "error" && lines[0].text.includes(file) && lines[0].text.includes(why), lines[0].text);
      assert.match(lines[0].text, /core\/ folder/);
      // The widget works, and another language still can be picked.
      await start(page);
      await w.locator("select#iof-language").selectOption("pt-BR");
      await w.locator('.iof[lang="pt-BR"]').waitFor();
      assert.equal((await shown(page)).heading, locale("pt-BR")["q.respondent.title"]);
      assert.equal(await w.locator(".iof-status").textContent(), "", "the failure is no longer said");
    });
  }

  test("data-languages: the switch offers those (painted and in the wasm), the page's language only if listed, none for one", async () => {
    const page = env.page;
    const offered = () => widget(page).locator("select#iof-language option").evaluateAll((os) => os.map((o) => o.value));
    await page.addInitScript(() => addEventListener("iop-op-fit:ready", () => { window.__ready = true; }, true));
    for (const [given, lang, switchOffers] of [["zh-Hans, en", "en", ["en", "zh-Hans"]], ["ht", "ht", []]]) {
      const release = await holdWasm(page);
      await page.goto(`${env.server.origin}/lang.html?lang=es&languages=${encodeURIComponent(given)}`);
      await widget(page).locator("[data-screen=start] button").waitFor();
      assert.equal((await shown(page)).lang, lang, `${given}: painted`);
      assert.deepEqual(await offered(), switchOffers, `${given}: the painted switch`);
      release();
      // The widget's own screen, once it has taken over from the painted one.
      await page.waitForFunction(() => window.__ready
        && document.querySelector("[data-iop-op-fit]").shadowRoot.querySelectorAll(".iof").length === 1);
      await start(page);
      assert.equal((await shown(page)).lang, lang, `${given}: the widget`);
      assert.deepEqual(await offered(), switchOffers, `${given}: the widget's switch`);
      await page.unrouteAll({ behavior: "ignoreErrors" });
    }
  });

  test("the early screens speak every language before the wasm or any file arrives", async () => {
    const page = env.page;
    for (const tag of LOCALES) {
      const release = await holdWasm(page);
      await page.route("**/core/*.txt", () => {}); // never answered
      await page.goto(`${env.server.origin}/lang.html?lang=${tag}`);
      const w = widget(page);
      await w.locator("[data-screen=start] button").waitFor();
      const words = locale(tag);
      assert.deepEqual(await shown(page), { lang: tag, heading: words["start.heading"] }, `${tag}: the start screen`);
      await w.locator("[data-screen=start] button").tap();
      await w.locator("fieldset[data-question=respondent]").waitFor();
      assert.equal((await shown(page)).heading, words["q.respondent.title"], `${tag}: the first question`);
      release();
      await page.unrouteAll({ behavior: "ignoreErrors" });
    }
  });
});
