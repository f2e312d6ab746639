// The main flow in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver,
// under Xvfb): the built widget, embedded by its script tag, answers R1 and
// reaches an IOP result. Playwright cannot drive Debian's WebKit, so this
// uses W3C WebDriver (selenium-webdriver); clicks are dispatched in the page.
// Run: xvfb-run -a node --test tests/engines/
import { spawn } from "node:child_process";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Builder } from "selenium-webdriver";
import { serve } from "../e2e/server.mjs";

const MAIN = join(import.meta.dirname, "..", "..");
const DIST = process.env.IOP_OP_FIT_DIST || join(MAIN, "dist");
const PORT = 4471;
let server, webdriver, driver;

before(async () => {
  server = await serve({ roots: { "/dist/": DIST, "/": join(MAIN, "tests", "e2e", "hosts") } });
  webdriver = spawn("WebKitWebDriver", [`--port=${PORT}`], { stdio: "ignore" });
  await new Promise((ok) => setTimeout(ok, 1000));
  driver = await new Builder()
    .usingServer(`http://127.0.0.1:${PORT}`)
    .withCapabilities({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    })
    .build();
});

after(async () => {
  await driver?.quit();
  webdriver?.kill();
  await server?.close();
});

test("WebKit: R1 through the widget reaches intensive outpatient", async () => {
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
  }, {
    respondent: ["self"], danger: ["none"], age: ["18_to_64"], substances: ["alcohol"], frequency: ["most_days"],
    withdrawal: ["mild"], health: ["none"], mental_health: ["some"], control: ["slips_back"], treatment: ["none"],
    home: ["stable"], support: ["some"], commitments: ["work"], readiness: ["ready"],
  });
  assert.equal(result.error, undefined);
  assert.equal(result.level, "iop");
  assert.equal(result.detox, "false");
  assert.equal(result.asked.length, 14);
  assert.ok(result.tel);
});
