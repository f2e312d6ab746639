// The loader runs only the wasm and the glue it was built with: it carries
// their SHA-384 (put in by scripts/post-build.mjs) and fetches core/ with
// `integrity` (the wasm's digest is taken as it arrives, by crypto.subtle,
// or by the fetch where that is missing). A core/ folder from another build (a valid wasm that would
// otherwise run: the same code with one more custom section; a glue with one
// more line) or damaged bytes show the fallback, with one console line naming
// the file and the fix; the wasm is never instantiated. A missing wasm is
// still reported as missing, and the untouched build works.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  answer, consoleMessages, DIST, expectNextSteps, expectScreen, HOSTS, openHost, partialDist, setup, start, widget,
} from "./helpers.mjs";

const WASM = join("core", "iop-op-fit_bg.wasm");
const GLUE = join("core", "iop-op-fit-glue.js");
const original = readFileSync(join(DIST, WASM));
const originalGlue = readFileSync(join(DIST, GLUE));
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

/** LEB128, as wasm writes sizes. */
function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/** `wasm` with a custom section added at the end: the same module, other bytes (as another build would be). */
function withCustomSection(wasm, name, data) {
  const payload = Buffer.concat([leb(name.length), Buffer.from(name), Buffer.from(data)]);
  return Buffer.concat([wasm, Buffer.from([0]), leb(payload.length), payload]);
}

// Valid, with the very imports and exports the glue expects: without the check it would run.
const swapped = withCustomSection(original, "built-by", "an older release of iop-op-fit");
// The same length, with 64 bytes in the middle of the code damaged.
const corrupted = Buffer.from(original);
for (let i = 0; i < 64; i++) corrupted[(corrupted.length >> 1) + i] ^= 0x5a;

/** A copy of the loader with `bytes` (or no file at all) as its core/ `file`. */
function distWith(bytes, file = WASM) {
  const dir = partialDist(["iop-op-fit.js", WASM, GLUE]);
  if (bytes) writeFileSync(join(dir, file), bytes);
  else rmSync(join(dir, file));
  return dir;
}

// A glue that still works, from "another build": one more statement at its end.
const swappedGlue = Buffer.concat([originalGlue, Buffer.from(";globalThis.__glueFromAnotherBuild = 1;\n")]);
const COPIES = {
  good: DIST, swapped: distWith(swapped), corrupted: distWith(corrupted), missing: distWith(null),
  "swapped-glue": distWith(swappedGlue, GLUE), "text-glue": DIST,
};
// /NAME/integrity-check.html loads /NAME/lib/iop-op-fit.js.
const extraRoots = Object.fromEntries(Object.entries(COPIES).flatMap(([name, dir]) => [[`/${name}/`, HOSTS], [`/${name}/lib/`, dir]]));
// A host that sends .js files as plain text: no browser runs a module sent so.
const headers = (path) => (path.startsWith("/text-glue/") && path.endsWith("-glue.js") ? { "Content-Type": "text/plain" } : {});
const env = setup({ extraRoots, headers });

/** A page without crypto.subtle (one on plain http), as an init script. */
function withoutSubtleCrypto() {
  Object.defineProperty(window.crypto, "subtle", { value: undefined });
}

/** A browser without modulepreload (Safari before 17), as an init script. */
function withoutModulePreload() {
  const supports = DOMTokenList.prototype.supports;
  DOMTokenList.prototype.supports = function (token) { return token === "modulepreload" ? false : supports.call(this, token); };
}

/**
 * Counts the WebAssembly modules the page instantiates, in window.__instantiated (an init script).
 * Compiling is not counted: it runs none of the module, and the loader compiles the wasm as it
 * arrives, before its digest is known.
 */
function countInstantiations() {
  window.__instantiated = 0;
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const real = WebAssembly[name];
    if (real) WebAssembly[name] = function (...args) { window.__instantiated++; return real.apply(this, args); };
  }
}

/** The console lines the widget itself writes (the browser's own lines name the file too, so they are left out here). */
const ours = (messages) => messages.filter((m) => m.text.startsWith("iop-op-fit"));

describe("the loader checks its wasm", () => {
  test("the loader carries its own wasm's and glue's SHA-384; the single-file build carries none (they are inside it)", () => {
    const loader = readFileSync(join(DIST, "iop-op-fit.js"), "utf8");
    assert.ok(loader.includes(JSON.stringify(sri(original))), `iop-op-fit.js names ${sri(original)}`);
    // The others are the language files' (tests/e2e/language-files.test.mjs).
    const languages = readdirSync(join(DIST, "core")).filter((f) => f.endsWith(".txt"));
    assert.deepEqual(loader.match(/sha384-[A-Za-z0-9+/=]+/g).filter((v) => v === sri(original)), [sri(original)],
      "the wasm's, once");
    assert.ok(loader.includes(JSON.stringify(sri(originalGlue))), `iop-op-fit.js names the glue's ${sri(originalGlue)}`);
    assert.equal(loader.match(/sha384-[A-Za-z0-9+/=]+/g).length, 2 + languages.length, "the wasm's, the glue's and each language file's");
    assert.doesNotMatch(readFileSync(join(DIST, "iop-op-fit.inline.js"), "utf8"), /sha384-/);
  });

  test("the swapped wasm is valid and a drop-in for the glue, so only the check refuses it", () => {
    assert.notEqual(sri(swapped), sri(original));
    assert.ok(WebAssembly.validate(swapped), "a valid module");
    const [a, b] = [original, swapped].map((bytes) => new WebAssembly.Module(bytes));
    assert.deepEqual(WebAssembly.Module.exports(b), WebAssembly.Module.exports(a));
    assert.deepEqual(WebAssembly.Module.imports(b), WebAssembly.Module.imports(a));
  });

  test("with its own wasm the widget starts, and writes nothing to the console", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await openHost(page, `${env.server.origin}/good/integrity-check.html`);
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    assert.deepEqual(messages.filter((m) => m.type === "error" || m.type === "warning"), []);
    assert.deepEqual(env.server.requests.filter((p) => p.includes("/core/")).sort(),
      ["/good/lib/core/iop-op-fit-glue.js", "/good/lib/core/iop-op-fit_bg.wasm"], "the glue and the wasm are each fetched once");
  });

  for (const [name, what, file] of [["swapped", "a valid wasm from another build", "iop-op-fit_bg.wasm"],
    ["corrupted", "damaged bytes", "iop-op-fit_bg.wasm"], ["swapped-glue", "a working glue from another build", "iop-op-fit-glue.js"]]) {
    test(`${what} in core/: the fallback, one console line naming the file and the fix, and the wasm never runs`, async () => {
      const page = env.page;
      await page.addInitScript(countInstantiations);
      const messages = consoleMessages(page);
      await page.goto(`${env.server.origin}/${name}/integrity-check.html`);
      const box = widget(page).locator("[data-fallback]");
      await box.waitFor();
      await expectNextSteps(box);
      assert.equal(await widget(page).locator("[data-screen]").count(), 0, "no half-started widget");
      assert.equal(await page.evaluate(() => window.__instantiated), 0, "the wasm was never instantiated");
      assert.equal(await page.evaluate(() => window.__glueFromAnotherBuild), undefined, "the refused glue never ran");

      const lines = ours(messages);
      assert.equal(lines.length, 1, `one console line from iop-op-fit: ${JSON.stringify(messages)}`);
      assert.equal(lines[0].type, "error");
      const url = `${env.server.origin}/${name}/lib/core/${file}`;
      assert.ok(lines[0].text.includes(`${url} does not match this loader, iop-op-fit.js`), lines[0].text);
      assert.match(lines[0].text, /Upload iop-op-fit\.js and the core\/ folder beside it from the same release\.$/);
      assert.doesNotMatch(lines[0].text, /Content-Security-Policy/, "no false lead");
    });
  }

  test("a missing wasm is still reported as missing, not as a mismatch", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await page.goto(`${env.server.origin}/missing/integrity-check.html`);
    const box = widget(page).locator("[data-fallback]");
    await box.waitFor();
    await expectNextSteps(box);
    const lines = ours(messages);
    assert.equal(lines.length, 1, JSON.stringify(messages));
    assert.doesNotMatch(lines[0].text, /does not match/);
    assert.match(lines[0].text, /404/);
    assert.ok(lines[0].text.includes(`${env.server.origin}/missing/lib/core/iop-op-fit_bg.wasm exists`), lines[0].text);
  });

  test("a glue sent as plain text is named, with the type the server sent and the fix", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await page.goto(`${env.server.origin}/text-glue/integrity-check.html`);
    const box = widget(page).locator("[data-fallback]");
    await box.waitFor();
    await expectNextSteps(box);
    const lines = ours(messages);
    assert.equal(lines.length, 1, JSON.stringify(messages));
    assert.ok(lines[0].text.includes(`${env.server.origin}/text-glue/lib/core/iop-op-fit-glue.js could not be run as a script ` +
      "(the server sent it as text/plain"), lines[0].text);
    assert.match(lines[0].text, /Serve \.js files as text\/javascript/);
  });

  test("a browser without modulepreload still runs only the glue it was built with", async () => {
    const page = env.page;
    await page.addInitScript(withoutModulePreload);
    await page.addInitScript(countInstantiations);
    const messages = consoleMessages(page);
    await page.goto(`${env.server.origin}/swapped-glue/integrity-check.html`);
    const box = widget(page).locator("[data-fallback]");
    await box.waitFor();
    await expectNextSteps(box);
    assert.equal(await page.evaluate(() => window.__glueFromAnotherBuild), undefined, "the refused glue never ran");
    assert.equal(await page.evaluate(() => window.__instantiated), 0);
    const lines = ours(messages);
    assert.equal(lines.length, 1, JSON.stringify(messages));
    assert.ok(lines[0].text.includes(`${env.server.origin}/swapped-glue/lib/core/iop-op-fit-glue.js does not match this loader`), lines[0].text);

    await openHost(page, `${env.server.origin}/good/integrity-check.html`);
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    assert.deepEqual(ours(messages).slice(1), [], "and with its own glue, the widget works and says nothing");
  });

  test("a page without crypto.subtle (plain http): the fetch checks the wasm instead", async () => {
    const page = env.page;
    await page.addInitScript(withoutSubtleCrypto);
    await page.addInitScript(countInstantiations);
    const messages = consoleMessages(page);
    await page.goto(`${env.server.origin}/swapped/integrity-check.html`);
    const box = widget(page).locator("[data-fallback]");
    await box.waitFor();
    await expectNextSteps(box);
    assert.equal(await page.evaluate(() => window.__instantiated), 0);
    const lines = ours(messages);
    assert.equal(lines.length, 1, JSON.stringify(messages));
    assert.ok(lines[0].text.includes(`${env.server.origin}/swapped/lib/core/iop-op-fit_bg.wasm does not match this loader`), lines[0].text);

    await openHost(page, `${env.server.origin}/good/integrity-check.html`);
    assert.equal(await page.evaluate(() => crypto.subtle), undefined, "the page has no crypto.subtle");
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    assert.deepEqual(ours(messages).slice(1), [], "and with its own wasm, the widget works and says nothing");
  });
});
