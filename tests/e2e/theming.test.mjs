// Theming: the colorScheme option (light, dark, auto following the visitor's
// setting) with axe clean in dark, and the host's CSS custom properties for
// accent colour, font and corner radius.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CASES, complete, expectNoAxeViolations, openHost, setup } from "./helpers.mjs";

const env = setup();
const dark = () => `${env.server.origin}/theme-dark.html`;
const others = () => `${env.server.origin}/theme-auto.html`;

/** The computed style of `selector` inside the widget mounted on `#id`. */
function style(page, id, selector, property) {
  return page.evaluate(([id, selector, property]) => {
    const el = document.getElementById(id).shadowRoot.querySelector(selector);
    return getComputedStyle(el)[property];
  }, [id, selector, property]);
}

/** Opens the page with two widgets and waits for both start screens. */
async function openBoth(page) {
  await page.goto(others());
  await page.waitForFunction(() => ["auto", "themed"].every((id) =>
    document.getElementById(id).shadowRoot?.querySelector("[data-screen=start] .iof-primary")));
}

/** Relative luminance of an rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("colour scheme and host theming", () => {
  test("dark is dark on every screen, and axe finds nothing there", async () => {
    await env.page.emulateMedia({ colorScheme: "light" });
    await openHost(env.page, dark());
    assert.ok(luminance(await style(env.page, "dark", ".iof", "backgroundColor")) < 0.05, "dark background");
    assert.ok(luminance(await style(env.page, "dark", ".iof", "color")) > 0.8, "light text");
    await expectNoAxeViolations(env.page, "the start screen in dark");
    assert.equal((await complete(env.page, CASES.R12.answers)).screen, "result");
    await expectNoAxeViolations(env.page, "R12's result in dark");
  });

  test("auto turns dark with the visitor's setting", async () => {
    await env.page.emulateMedia({ colorScheme: "light" });
    await openBoth(env.page);
    assert.ok(luminance(await style(env.page, "auto", ".iof", "backgroundColor")) > 0.9, "auto is light when the visitor's setting is");
    await env.page.emulateMedia({ colorScheme: "dark" });
    assert.ok(luminance(await style(env.page, "auto", ".iof", "backgroundColor")) < 0.05);
    assert.ok(luminance(await style(env.page, "themed", ".iof", "backgroundColor")) > 0.9, "light by default, whatever the setting");
    await env.page.emulateMedia({ colorScheme: "light" });
  });

  test("the host's custom properties set the accent, the font and the corner radius", async () => {
    await openBoth(env.page);
    assert.equal(await style(env.page, "themed", ".iof-primary", "backgroundColor"), "rgb(107, 44, 145)");
    assert.match(await style(env.page, "themed", ".iof", "fontFamily"), /Courier New/);
    assert.equal(await style(env.page, "themed", ".iof", "borderRadius"), "2px");
    // Without them, the widget keeps its own accent and takes the host's font.
    assert.equal(await style(env.page, "auto", ".iof-primary", "backgroundColor"), "rgb(11, 92, 173)");
    assert.match(await style(env.page, "auto", ".iof", "fontFamily"), /Georgia/);
  });
});
