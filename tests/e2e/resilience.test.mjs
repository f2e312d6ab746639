// When the widget cannot start: a Content-Security-Policy without
// 'wasm-unsafe-eval' shows the plain fallback (phone, contact, 988, 911) and
// the console says why; the single-file build needs no more than the
// ordinary one, and works where .wasm files 404.
// (A missing core/ or .wasm is in embed.test.mjs.)
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  answer, consoleMessages, DIST, expectNextSteps, expectScreen, HOSTS, openHost, setup, snap, start, widget,
} from "./helpers.mjs";

/** A policy a careful site might send: scripts and styles from itself only, no eval, no inline style. */
const STRICT = "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
/**
 * What the README asks of a site with a policy: 'wasm-unsafe-eval' in script-src, nothing
 * more. No 'unsafe-inline' in style-src: the widget's styles are a constructed style sheet.
 */
const WITH_WASM = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; " +
  "style-src 'self'; object-src 'none'; base-uri 'none'";

const env = setup({
  // /csp-wasm/ and /csp-strict/ serve the host pages again, with and without 'wasm-unsafe-eval'.
  extraRoots: { "/no-wasm/": DIST, "/csp-wasm/": HOSTS, "/csp-strict/": HOSTS },
  headers: (path) => (path === "/csp.html" || path.startsWith("/csp-strict/") ? { "Content-Security-Policy": STRICT }
    : path.startsWith("/csp-wasm/") ? { "Content-Security-Policy": WITH_WASM } : {}),
  notFound: (path) => path.startsWith("/no-wasm/") && path.endsWith(".wasm"),
});

describe("a Content-Security-Policy", () => {
  test("without 'wasm-unsafe-eval': the fallback with phone, contact, 988 and 911, and the console says it is the CSP", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    const response = await page.goto(`${env.server.origin}/csp.html`);
    assert.equal(response.headers()["content-security-policy"], STRICT);
    const box = widget(page).locator("[data-fallback]");
    await box.waitFor();
    await expectNextSteps(box);
    assert.equal(await widget(page).locator("[data-screen]").count(), 0, "no half-started widget");
    // Styled even without inline styles allowed: big targets, not a bare list of links.
    const heights = await box.locator("a").evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
    assert.ok(heights.every((h) => h >= 44), `every fallback link is at least 44 px tall: ${heights}`);
    await snap(page, "fallback-csp");

    const ours = messages.of("error").filter((e) => e.includes("iop-op-fit"));
    assert.equal(ours.length, 1, `one console error from iop-op-fit per mount point: ${JSON.stringify(messages)}`);
    assert.ok(!messages.of("error").some((e) => /inline style/i.test(e)), "the fallback needs no inline style");
    // It names the cause (the browser's refusal to compile WebAssembly) and the fix.
    assert.match(ours[0], /Content-Security-Policy/);
    assert.match(ours[0], /'wasm-unsafe-eval'/);
    assert.match(ours[0], /could not start \([^]*?(Content Security Policy|unsafe-eval)[^]*?\)\. Showing/, ours[0]);
  });

  test("with 'wasm-unsafe-eval' in script-src, the same page starts the widget", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await openHost(page, `${env.server.origin}/csp-wasm/csp.html`);
    // Styled even though the policy forbids inline style: the start button keeps its large target.
    const look = await widget(page).locator("[data-screen=start] button")
      .evaluate((b) => [getComputedStyle(b).minHeight, getComputedStyle(b).backgroundColor]);
    // ...and in the site's theme colour (data-theme-color="#6b2c91").
    assert.deepEqual(look, ["48px", "rgb(107, 44, 145)"]);
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    // Nothing was refused: no inline style or script anywhere (the progress bar is a native <progress>).
    assert.deepEqual(messages.of("error"), []);
  });

  test("the single-file build needs nothing more than 'wasm-unsafe-eval' either", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await openHost(page, `${env.server.origin}/csp-wasm/inline-no-wasm.html`);
    await start(page);
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    assert.deepEqual(messages.of("error"), []);
  });

  test("the single-file build without 'wasm-unsafe-eval': the fallback, and the console names no core/ folder", async () => {
    const page = env.page;
    const messages = consoleMessages(page);
    await page.goto(`${env.server.origin}/csp-strict/inline-no-wasm.html`);
    const box = widget(page).locator("[data-fallback]");
    await box.waitFor();
    await expectNextSteps(box);
    const ours = messages.of("error").filter((e) => e.includes("iop-op-fit"));
    assert.equal(ours.length, 1, JSON.stringify(messages));
    assert.match(ours[0], /'wasm-unsafe-eval'/);
    assert.doesNotMatch(ours[0], /core\//, "the single-file build has no core/ folder to check");
  });
});

describe("a host that cannot serve .wasm files", () => {
  test("the single-file build still reaches the first question", async () => {
    const page = env.page;
    // The server really refuses .wasm here: the ordinary build from the same folder could not load.
    const refused = await page.request.get(`${env.server.origin}/no-wasm/core/iop-op-fit_bg.wasm`);
    assert.equal(refused.status(), 404);
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await openHost(page, `${env.server.origin}/inline-no-wasm.html`);
    await start(page);
    await expectScreen(page, "respondent");
    await answer(page, "respondent", ["self"]);
    await expectScreen(page, "danger");
    // Nothing but the one file: no core/ folder, no .wasm.
    assert.deepEqual(requests.filter((p) => p.startsWith("/no-wasm/")), ["/no-wasm/iop-op-fit.inline.js"]);
    assert.equal(await widget(page).locator("[data-fallback]").count(), 0);
  });
});
