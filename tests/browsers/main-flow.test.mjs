// The main flow in the other engines, against the release build embedded by
// its script tag: WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, under
// Xvfb) and Firefox ESR (through geckodriver). Each answers R1 and reaches an
// IOP result. Playwright cannot drive Debian's WebKit, so this uses W3C
// WebDriver (selenium-webdriver), and clicks are dispatched in the page.
// Run: xvfb-run -a node --test tests/browsers/
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Builder } from "selenium-webdriver";
import { CASES, DEFAULTS, DIST, HOSTS, pathFor } from "../e2e/helpers.mjs";
import { serve } from "../e2e/server.mjs";

const ENGINES = [
  {
    name: "WebKit",
    driver: "WebKitWebDriver",
    port: 4471,
    capabilities: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    },
  },
  {
    name: "Firefox",
    driver: "geckodriver",
    port: 4472,
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"] },
    },
  },
];

let server;
before(async () => {
  server = await serve({ roots: { "/dist/": DIST, "/": HOSTS } });
});
after(async () => {
  await server?.close();
});

for (const engine of ENGINES) {
  describe(engine.name, () => {
    let webdriver, driver;
    before(async () => {
      webdriver = spawn(engine.driver, [`--port=${engine.port}`], { stdio: "ignore" });
      // Ready when it answers /status: a fixed wait raced a slow start on a new machine.
      const deadline = Date.now() + 30_000;
      while (!(await fetch(`http://127.0.0.1:${engine.port}/status`).then((r) => r.ok, () => false))) {
        if (webdriver.exitCode !== null) throw new Error(`${engine.driver} exited (${webdriver.exitCode})`);
        if (Date.now() > deadline) throw new Error(`${engine.driver} did not answer /status within 30 s`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
      driver = await new Builder()
        .usingServer(`http://127.0.0.1:${engine.port}`)
        .withCapabilities(engine.capabilities)
        .build();
    });
    after(async () => {
      await driver?.quit();
      webdriver?.kill();
    });
    test(`${engine.name}: R1 through the widget reaches intensive outpatient`, () => r1(driver));
  });
}

/** Answers the reference case R1 in the page (clicks from script) and checks its result. */
async function r1(driver) {
  await driver.get(`${server.origin}/plain.html`);
  const result = await driver.executeAsyncScript(async (answers, done) => {
    const until = async (find) => {
      for (let i = 0; i < 200; i++) {
        const found = find();
        if (found) return found;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error("timed out");
    };
    try {
      const root = await until(() => document.querySelector("[data-iop-op-fit]").shadowRoot?.querySelector("[data-screen]") &&
        document.querySelector("[data-iop-op-fit]").shadowRoot);
      root.querySelector("[data-screen=start] button").click();
      const asked = [];
      for (let step = 0; step < 20; step++) {
        const screen = await until(() => root.querySelector("fieldset[data-question], [data-screen=result]"));
        if (screen.matches("[data-screen=result]")) break;
        const q = screen.dataset.question;
        asked.push(q);
        for (const v of answers[q]) root.querySelector(`input[name="${q}"][value="${v}"] + label`).click();
        root.querySelector("button[type=submit]").click();
        await until(() => root.querySelector(`fieldset[data-question="${q}"]`) === null);
      }
      const r = await until(() => root.querySelector("[data-screen=result]"));
      done({ level: r.dataset.level, detox: r.dataset.detoxFirst, asked, tel: !!r.querySelector('a[href="tel:988"]') });
    } catch (e) {
      done({ error: String(e) });
    }
  }, Object.fromEntries(Object.entries({ ...DEFAULTS, ...CASES.R1.answers }).map(([q, v]) => [q, [].concat(v)])));
  assert.equal(result.error, undefined);
  assert.equal(result.level, CASES.R1.level);
  assert.equal(result.detox, CASES.R1.detoxFirst);
  assert.deepEqual(result.asked, pathFor(CASES.R1.answers), "R1's 15 questions, in order");
  assert.ok(result.tel);
}
