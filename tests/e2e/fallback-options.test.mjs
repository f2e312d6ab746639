// The fallback shows what the Rust option rules make of each option. Every case
// of tests/fixtures/options.json is checked against the loader's rules in Node
// (tests/loader/option-rules.test.mjs) and against src/options/ (tests/options.rs);
// here, in the browser, an accepted and a refused case of each option the
// fallback shows go through its plain-HTML box on a page whose
// Content-Security-Policy lacks 'wasm-unsafe-eval', given to IopOpFit.mount and
// as a data-* attribute, and the issue's cases written in the page's HTML with
// character references (java&#9;script:…). The links are what Rust makes of the
// value or absent, each refusal is named once in the console, and no value
// becomes markup or a script URL.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { locale, MAIN, PHONE, setup } from "./helpers.mjs";

/** The cases for the options the fallback shows (the colours are the start screen's: prerender.test.mjs). */
const FIXTURE = JSON.parse(readFileSync(join(MAIN, "tests", "fixtures", "options.json"), "utf8")).cases
  .filter((c) => ["orgName", "phone", "contactUrl", "locale"].includes(c.option));
/** For each of those options, its first accepted case and its first refused one. */
const SHOWN = FIXTURE.filter((c, i) => FIXTURE.findIndex((f) => f.option === c.option && f.accepted === c.accepted) === i);
/** Scripts from the page's own origin only: no 'wasm-unsafe-eval', so the wasm cannot compile. */
const NO_WASM = "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
const PAGE = "/fallback-options.html";
const SAFE_PROTOCOLS = ["http:", "https:", "mailto:", "tel:"];

const env = setup({ headers: (path) => (path.startsWith("/fallback-") ? { "Content-Security-Policy": NO_WASM } : {}) });

/** The catalog texts the fallback shows, by the catalog's tag. */
const TEXTS = Object.fromEntries(["en", "es", "pt-BR"].map((tag) => [tag, locale(tag)]));

/** The options a case is shown with: the name needs a link to appear in. */
function optionsFor(c) {
  return c.option === "orgName" ? { orgName: c.value, contactUrl: "/contact" } : { [c.option]: c.value };
}

/** What the fallback must show for a case, on a page in English. */
function expected(c) {
  const tag = c.option === "locale" && c.accepted ? c.normalised : "en";
  const t = TEXTS[tag];
  const org = c.option === "orgName" && c.accepted ? c.normalised : t["org.default"];
  const fill = (key) => t[key].split("{org}").join(org);
  const links = [];
  if (c.option === "phone" && c.accepted) links.push({ href: c.href, text: `${fill("result.call")} · ${c.normalised}` });
  if (c.option === "contactUrl" && c.accepted) links.push({ href: c.normalised, text: fill("result.contact") });
  if (c.option === "orgName") links.push({ href: "/contact", text: fill("result.contact") });
  links.push({ href: "tel:988", text: t["crisis.988"] }, { href: "tel:911", text: t["crisis.911"] });
  return { lang: tag, title: t["result.next"], links };
}

/**
 * In the page: mounts a widget for each of `cases` ({ options, how }) one after
 * another, `how` being "api" (IopOpFit.mount) or "attribute" (data-* attributes
 * on a new mount point, mounted by the loader itself), and reports what each
 * fallback shows and the warnings it gave.
 */
function showAll(page, cases) {
  return page.evaluate(async (cases) => {
    const reports = [];
    const warn = console.warn;
    for (const { options, how } of cases) {
      const warnings = [];
      console.warn = (...args) => { warnings.push(args.join(" ")); warn.apply(console, args); };
      try {
        const el = document.createElement("div");
        if (how === "attribute") {
          el.setAttribute("data-iop-op-fit", "");
          for (const [name, value] of Object.entries(options)) {
            el.setAttribute(`data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
          }
          document.getElementById("cases").append(el);
          // The loader's MutationObserver mounts it; mount() then returns that same mount.
          await new Promise((ok) => setTimeout(ok, 0));
          await window.IopOpFit.mount(el);
        } else {
          document.getElementById("cases").append(el);
          await window.IopOpFit.mount(el, options);
        }
        reports.push(window.fallbackReport(el, warnings));
      } finally {
        console.warn = warn;
      }
    }
    return reports;
  }, cases);
}

/** Installs window.fallbackReport(el, warnings) in the page: what a mount point's fallback shows. */
async function open(page) {
  await page.goto(env.server.origin + PAGE);
  await page.waitForFunction(() => window.IopOpFit);
  await page.evaluate(() => {
    window.fallbackReport = (el, warnings) => {
      const root = el.shadowRoot;
      const box = root && root.querySelector("[data-fallback]");
      if (!box) return { missing: true };
      return {
        rootChildren: [...root.children].map((n) => n.localName),
        elements: [...box.querySelectorAll("*")].map((n) => n.localName),
        lang: box.getAttribute("lang"),
        title: box.querySelector("p")?.textContent,
        links: [...box.querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href"), text: a.textContent })),
        protocols: [...box.querySelectorAll("a")].map((a) => a.protocol),
        warnings: warnings.filter((w) => w.startsWith("iop-op-fit:")),
      };
    };
  });
}

/** Fails naming the case unless `report` is what the fixture says the fallback shows. */
function check(c, report, how) {
  const name = `${how}: ${c.option} = ${JSON.stringify(c.value)} (${c.accepted ? "accepted" : "refused"})`;
  assert.ok(!report.missing, `${name}: no fallback shown`);
  const want = expected(c);
  assert.deepEqual(report.links, want.links, `${name}: the links`);
  assert.equal(report.title, want.title, `${name}: the heading's language`);
  assert.equal(report.lang, want.lang, `${name}: the box's lang`);
  // Text stays text: no element but the heading and the links, and only safe link schemes as the browser parses them.
  assert.deepEqual(report.rootChildren, ["div"], `${name}: the shadow root holds the box only`);
  assert.ok(report.elements.every((e) => e === "p" || e === "a"), `${name}: elements ${report.elements}`);
  assert.ok(report.protocols.every((p) => SAFE_PROTOCOLS.includes(p)), `${name}: link protocols ${report.protocols}`);
  if (report.warnings === undefined) return;
  if (c.accepted) {
    assert.deepEqual(report.warnings, [], `${name}: no warning`);
  } else {
    assert.equal(report.warnings.length, 1, `${name}: one warning, not ${JSON.stringify(report.warnings)}`);
    assert.ok(report.warnings[0].includes(`option \`${c.option}\``), `${name}: the warning names the option: ${report.warnings[0]}`);
  }
}

describe("the fallback reads options by the Rust rules (tests/fixtures/options.json)", () => {
  for (const how of ["api", "attribute"]) {
    test(`an accepted and a refused case of each option, ${how === "api" ? "given to IopOpFit.mount" : "as a data-* attribute"}`, async () => {
      await open(env.page);
      const reports = await showAll(env.page, SHOWN.map((c) => ({ options: optionsFor(c), how })));
      assert.equal(reports.length, 8);
      SHOWN.forEach((c, i) => check(c, reports[i], how));
    });
  }

  test("attributes written with character references (java&#9;script:…) are the fixture's cases, read the same", async () => {
    const page = env.page;
    // The page mounts its widgets as it loads: the warnings are collected from the start.
    await page.addInitScript(() => {
      const warn = console.warn;
      window.loadWarnings = [];
      console.warn = (...args) => { window.loadWarnings.push(args.join(" ")); warn.apply(console, args); };
    });
    await open(page);
    const { written, warnings } = await page.evaluate(async () => {
      const points = [...document.querySelectorAll("[data-iop-op-fit]")];
      await Promise.all(points.map((el) => window.IopOpFit.mount(el)));
      return {
        written: points.map((el) => ({ option: el.dataset.iopOpFit, value: el.dataset[el.dataset.iopOpFit],
          report: window.fallbackReport(el, []) })),
        warnings: window.loadWarnings.filter((w) => w.startsWith("iop-op-fit:")),
      };
    });
    assert.ok(written.length >= 10, `the page has its mount points: ${written.length}`);
    let refused = 0;
    for (const { option, value, report } of written) {
      const c = FIXTURE.find((f) => f.option === option && f.value === value);
      assert.ok(c, `the page's ${option} = ${JSON.stringify(value)} is a case of the fixture`);
      delete report.warnings; // counted below: the console does not say which mount point spoke
      check(c, report, "HTML");
      if (!c.accepted) refused += 1;
    }
    assert.ok(refused >= 5 && written.some((w) => w.value === "java\tscript:alert(1)"), "the issue's cases are there");
    assert.equal(warnings.length, refused, `one warning per refused option: ${JSON.stringify(warnings)}`);
  });

  test("every {org} in a text is filled, and the name is taken as written ($& is not a pattern)", async () => {
    const page = env.page;
    // The built loader with a text that says the name twice, as a translation may.
    let replaced = false;
    await page.route("**/dist/iop-op-fit.js", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll("Call {org}", () => { replaced = true; return "{org}: Call {org}"; });
      await route.fulfill({ response, body });
    });
    await open(page);
    assert.ok(replaced, "the built loader carries the English text \"Call {org}\"");
    const [report] = await showAll(page, [{ how: "api", options: { orgName: "Harbor $& Light", phone: "+1-555-010-0100" } }]);
    assert.equal(report.links[0].text, "Harbor $& Light: Call Harbor $& Light · +1-555-010-0100");
    assert.equal(report.links[0].href, "tel:+15550100100");
  });
});

describe("the fallback's language, as the widget picks it", () => {
  /** The fallback's language for a page `lang` (null: none) and a locale option, in a browser set to `browser`. */
  async function languageOf(lang, localeOption, browser) {
    const context = await env.browser.newContext({ ...PHONE, locale: browser });
    try {
      const page = await context.newPage();
      await open(page);
      await page.evaluate((lang) => {
        if (lang === null) document.documentElement.removeAttribute("lang");
        else document.documentElement.lang = lang;
      }, lang);
      const [report] = await showAll(page, [{ how: "api", options: localeOption === null ? {} : { locale: localeOption } }]);
      assert.equal(report.title, TEXTS[report.lang]["result.next"], "the heading is in the box's language");
      return report.lang;
    } finally {
      await context.close();
    }
  }

  test("the locale option, else the page's lang, else the browser's language, else English", async () => {
    assert.equal(await languageOf("en", "es-MX", "en-US"), "es");
    assert.equal(await languageOf("en", "PT_br", "en-US"), "pt-BR");
    assert.equal(await languageOf("PT_br", "zz", "en-US"), "pt-BR", "an unknown locale option: the page's lang");
    assert.equal(await languageOf("es-419", null, "pt-BR"), "es");
    assert.equal(await languageOf("fr", null, "es-MX"), "es", "a page language it does not speak: the browser's");
    assert.equal(await languageOf("esp", null, "pt-PT"), "pt-BR", "esp is not es (no slice(0, 2))");
    assert.equal(await languageOf(null, null, "pt"), "pt-BR");
    assert.equal(await languageOf(null, "fr", "de-DE"), "en");
    assert.equal(await languageOf("constructor", "__proto__", "de-DE"), "en", "names of Object's properties are not languages");
  });
});
