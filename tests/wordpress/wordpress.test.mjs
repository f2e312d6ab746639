// The WordPress plugin (integrations/wordpress/iop-op-fit/) in a real
// WordPress from Debian's packages (wordpress, mariadb-server, php-cli,
// php-mysql), started here: MariaDB on a socket in a temporary folder, a
// temporary WP_CONTENT_DIR holding a copy of the plugin (with the built
// widget from $IOP_OP_FIT_DIST, default dist/, in its assets/), PHP's own web
// server, and WordPress's install form. Then, in Chromium at phone size: the
// administrator saves the defaults on Settings → IOP/OP self-screen; an
// Author (whose pasted <script> WordPress strips) publishes a post with two
// shortcodes through the REST API, as the block editor does, one with an
// attribute full of quotes and HTML; the post loads the loader once,
// deferred, shows the attribute as text, and a visitor completes a visit to
// a result. Every process started here is stopped by its pid, even on failure.
//
// Needs root (or write access to /etc/wordpress, where Debian's wp-config.php
// looks for its per-site file); run with `node --test tests/wordpress/`.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import {
  BROWSER_ARGS, CASES, CHROMIUM, complete, consoleMessages, DIST, expectFlags, expectNextSteps, MAIN, newPhone, TIMEOUT,
} from "../e2e/helpers.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const PLUGIN = join(MAIN, "integrations", "wordpress", "iop-op-fit");
const WORDPRESS = "/usr/share/wordpress";
const THEMES = join(WORDPRESS, "wp-content", "themes");
// In /usr/sbin, which a non-root PATH may lack.
const MARIADBD = existsSync("/usr/sbin/mariadbd") ? "/usr/sbin/mariadbd" : "mariadbd";
const CONFIG_NAME = `iop-op-fit-test-${process.pid}`;
const CONFIG = `/etc/wordpress/config-${CONFIG_NAME}.php`;

/** The text of the Author's shortcode attribute: quotes, an event handler and HTML, which must all stay text. */
const HOSTILE_NAME = `Say "hi" onmouseover="alert(1)" <b>bold</b> & more`;
/** What the administrator types on the settings page, and what should be stored. */
const TYPED = {
  org_name: `Harbor "Default" & Co`,
  phone: "+1-555-010-0100<script>alert(1)</script>",
  contact_url: "/contact",
  theme_color: "#7a1f5c",
};
const STORED = {
  org_name: `Harbor "Default" & Co`, phone: "+1-555-010-0100", contact_url: "/contact", locale: "en",
  crisis_region: "massachusetts", theme_color: "#7a1f5c", levels: "op,iop", detox: "false",
  medication: "buprenorphine,naltrexone", languages: "en,zh-Hans", script_url: "",
};

const children = new Map(); // name -> ChildProcess, each stopped by pid in stopAll()
let tmp;
const wp = {}; // origin, host, users

function php(...args) {
  const run = spawnSync("php", [join(HERE, "site.php"), ...args], {
    encoding: "utf8", env: { ...process.env, IOP_WP_HOST: wp.host, WORDPRESS_CONFIG: CONFIG_NAME }, timeout: 30_000,
  });
  assert.equal(run.status, 0, `php site.php ${args[0]} failed:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop());
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 60_000, ...opts });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function start(name, cmd, args, opts = {}) {
  // Its own process group, so stopping it by its pid also stops what it forks (php -S workers).
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, ...opts });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  child.log = () => log;
  children.set(name, child);
  return child;
}

/** Stops every process this file started, by pid (its process group): SIGTERM, then SIGKILL after 5 s. */
async function stopAll() {
  await Promise.all([...children.entries()].map(async ([name, child]) => {
    children.delete(name);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((ok) => child.once("exit", ok));
    try { process.kill(-child.pid, "SIGTERM"); } catch { return; }
    const timer = setTimeout(() => { try { process.kill(-child.pid, "SIGKILL"); } catch {} }, 5000);
    await exited;
    clearTimeout(timer);
  }));
}
// If the run is cut short, the processes must not outlive it.
const killNow = () => { for (const c of children.values()) { try { process.kill(-c.pid, "SIGKILL"); } catch {} } };
process.on("exit", () => {
  killNow();
  try { unlinkSync(CONFIG); } catch {}
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { killNow(); process.exit(130); });

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

async function until(what, check, child, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited (${child.exitCode}):\n${child.log()}`);
    if (await check().catch(() => false)) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${what}: not ready after ${ms} ms${child ? `:\n${child.log()}` : ""}`);
}

/** Every PHP file of the plugin and of this test, through `php -l`. */
function phpFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".php") && !join(e.parentPath ?? e.path, e.name).includes("/assets/"))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

test("every PHP file passes php -l", () => {
  const files = [...phpFiles(PLUGIN), ...phpFiles(HERE)];
  assert.ok(files.length >= 4, `PHP files found: ${files}`);
  for (const file of files) run("php", ["-l", file]);
});

describe("the plugin in a real WordPress", () => {
  let browser;

  before(async () => {
    assert.ok(existsSync(join(DIST, "iop-op-fit.js")) && existsSync(join(DIST, "core")),
      `no built widget in ${DIST} (build it with ./scripts/build.sh, or set IOP_OP_FIT_DIST)`);
    assert.ok(existsSync(join(WORDPRESS, "wp-load.php")), "Debian's wordpress package is missing (scripts/setup.sh installs it)");

    // The plugin as a site owner uploads it: its own files plus the built widget in assets/ (git ignores it).
    rmSync(join(PLUGIN, "assets"), { recursive: true, force: true });
    mkdirSync(join(PLUGIN, "assets"));
    cpSync(join(DIST, "iop-op-fit.js"), join(PLUGIN, "assets", "iop-op-fit.js"));
    cpSync(join(DIST, "core"), join(PLUGIN, "assets", "core"), { recursive: true });

    tmp = mkdtempSync(join(tmpdir(), "iop-op-fit-wp-"));
    const content = join(tmp, "wp-content");
    mkdirSync(join(content, "plugins"), { recursive: true });
    mkdirSync(join(content, "themes"));
    mkdirSync(join(content, "uploads"));
    assert.ok(existsSync(THEMES) && readdirSync(THEMES).length, `no theme in ${THEMES} (Debian's wordpress recommends wordpress-theme-twentytwentythree)`);
    for (const theme of readdirSync(THEMES)) symlinkSync(join(THEMES, theme), join(content, "themes", theme));
    cpSync(PLUGIN, join(content, "plugins", "iop-op-fit"), { recursive: true });

    // MariaDB on a socket only, its data in tmp.
    const data = join(tmp, "db");
    const socket = join(tmp, "mysql.sock");
    const asRoot = process.getuid() === 0 ? ["--user=root"] : [];
    run("mariadb-install-db", [...asRoot, `--datadir=${data}`, "--auth-root-authentication-method=socket", "--skip-test-db"]);
    const db = start("mariadbd", MARIADBD, ["--no-defaults", ...asRoot, `--datadir=${data}`, `--socket=${socket}`,
      "--skip-networking", `--pid-file=${join(tmp, "mariadbd.pid")}`, `--log-error=${join(tmp, "mariadbd.err")}`]);
    db.log = () => { try { return readFileSync(join(tmp, "mariadbd.err"), "utf8"); } catch { return ""; } };
    await until("mariadbd", async () => spawnSync("mariadb", [`--socket=${socket}`, "-u", "root", "-e", "SELECT 1"]).status === 0, db);
    run("mariadb", [`--socket=${socket}`, "-u", "root", "-e",
      "CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-test'; " +
      "GRANT ALL ON wordpress.* TO 'wp'@'localhost'; FLUSH PRIVILEGES;"]);

    const port = await freePort();
    wp.host = `127.0.0.1:${port}`;
    wp.origin = `http://${wp.host}`;
    const q = (s) => `'${s.replace(/[\\']/g, "\\$&")}'`;
    writeFileSync(CONFIG, `<?php
// Written by tests/wordpress/wordpress.test.mjs (pid ${process.pid}); removed when it ends.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-test');
define('DB_HOST', ${q(`localhost:${socket}`)});
define('WP_CONTENT_DIR', ${q(content)});
define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords over plain http
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', ${q(join(tmp, "debug.log"))});
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
`);
    const server = start("php -S", "php", ["-S", wp.host, "-t", WORDPRESS, join(HERE, "router.php")], {
      env: { ...process.env, WORDPRESS_CONFIG: CONFIG_NAME, IOP_WP_CONTENT: content, PHP_CLI_SERVER_WORKERS: "4" },
    });
    await until("php -S", async () => (await fetch(`${wp.origin}/wp-admin/install.php`)).ok, server);

    const form = new URLSearchParams({ weblog_title: "Harbor Recovery", user_name: "admin", admin_password: "admin-pass-1",
      admin_password2: "admin-pass-1", pw_weak: "on", admin_email: "admin@example.org", blog_public: "0", language: "" });
    const installed = await fetch(`${wp.origin}/wp-admin/install.php?step=2`, { method: "POST", body: form });
    const page = await installed.text();
    assert.ok(installed.ok && /Success!/.test(page), `WordPress did not install:\n${page.slice(0, 2000)}`);

    assert.deepEqual(php("activate"), { active: true });
    wp.author = php("user", JSON.stringify({ login: "author", password: "author-pass-1", role: "author" }));
    assert.equal(wp.author.unfilteredHtml, false, "an Author may not post unfiltered HTML, so kses applies");
    assert.equal(wp.author.publishPosts, true);
    assert.equal(wp.author.manageOptions, false);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  });

  after(async () => {
    await browser?.close();
    await stopAll();
    try { unlinkSync(CONFIG); } catch {}
    const log = tmp && existsSync(join(tmp, "debug.log")) ? readFileSync(join(tmp, "debug.log"), "utf8") : "";
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    // PHP notices or warnings from the plugin fail the run (WP_DEBUG_LOG).
    const ours = log.split("\n").filter((l) => /iop-op-fit/.test(l));
    assert.deepEqual(ours, [], "PHP errors from the plugin in WordPress's debug.log");
  });

  test("settings: the administrator saves the defaults, sanitized; an Author and a forged form cannot", async () => {
    const context = await offline(await browser.newContext());
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    await logIn(page, "admin", "admin-pass-1");
    await page.goto(`${wp.origin}/wp-admin/options-general.php`, { waitUntil: "domcontentloaded" });
    await page.locator("#adminmenu a", { hasText: "IOP/OP self-screen" }).click();
    await page.waitForURL(/page=iop-op-fit/, { waitUntil: "domcontentloaded" });
    assert.equal(await page.locator(".wrap h1").innerText(), "IOP/OP self-screen");
    await page.fill("#iop_op_fit_org_name", TYPED.org_name);
    await page.fill("#iop_op_fit_phone", TYPED.phone);
    await page.fill("#iop_op_fit_contact_url", TYPED.contact_url);
    await page.fill("#iop_op_fit_theme_color", TYPED.theme_color);
    await page.selectOption("#iop_op_fit_locale", "en");
    await page.selectOption("#iop_op_fit_crisis_region", "massachusetts");
    await page.selectOption("#iop_op_fit_detox", "false");
    for (const level of ["op", "iop"]) await page.check(`input[name="iop_op_fit_settings[levels][]"][value=${level}]`);
    for (const m of ["buprenorphine", "naltrexone"]) await page.check(`input[name="iop_op_fit_settings[medication][]"][value=${m}]`);
    for (const l of ["zh-Hans", "en"]) await page.check(`input[name="iop_op_fit_settings[languages][]"][value=${l}]`);
    await save(page);
    assert.match(await page.locator("#setting-error-settings_updated").innerText(), /Settings saved/);
    assert.deepEqual(php("option"), STORED, "the stored settings (the phone's <script> removed by sanitize_text_field)");
    // The form shows what was stored.
    assert.equal(await page.inputValue("#iop_op_fit_org_name"), STORED.org_name);
    assert.equal(await page.inputValue("#iop_op_fit_phone"), STORED.phone);
    await page.screenshot({ path: screenshot("wordpress-settings"), fullPage: true });

    // A form posted without the Settings API's nonce changes nothing.
    const forged = await context.request.post(`${wp.origin}/wp-admin/options.php`, {
      form: { option_page: "iop_op_fit", action: "update", "iop_op_fit_settings[org_name]": "Forged" }, maxRedirects: 0,
    });
    assert.notEqual(forged.status(), 302, "options.php refused the forged form");
    assert.deepEqual(php("option"), STORED);

    // A value the widget would refuse is not stored: the notice names the field and
    // the fix, and the field says it too (aria-describedby, aria-invalid).
    await page.fill("#iop_op_fit_phone", "call me");
    await page.fill("#iop_op_fit_theme_color_picker", "#ffff00");
    assert.equal(await page.inputValue("#iop_op_fit_theme_color"), "#ffff00", "the picker fills the text box");
    await save(page);
    assert.match(await page.locator("#setting-error-iop_op_fit_phone").innerText(), /Phone: "call me" is not a phone number.*Use digits/s);
    assert.match(await page.locator("#setting-error-iop_op_fit_theme_color").innerText(), /Theme colour: "#ffff00" is too light.*darker colour/s);
    for (const key of ["phone", "theme_color"]) {
      assert.equal(await page.getAttribute(`#iop_op_fit_${key}`, "aria-invalid"), "true");
      assert.equal(await page.getAttribute(`#iop_op_fit_${key}`, "aria-describedby"), `iop_op_fit_${key}_error`);
      assert.equal(await page.locator(`#iop_op_fit_${key}_error`).isVisible(), true);
    }
    await page.screenshot({ path: screenshot("wordpress-settings-refused"), fullPage: true });
    assert.deepEqual(php("option"), { ...STORED, phone: "", theme_color: "" });
    php("set", JSON.stringify(STORED)); // for the tests after this one
    await context.close();

    const authorContext = await offline(await browser.newContext());
    const authorPage = await authorContext.newPage();
    await logIn(authorPage, "author", "author-pass-1");
    await authorPage.goto(`${wp.origin}/wp-admin/options-general.php?page=iop-op-fit`, { waitUntil: "domcontentloaded" });
    assert.match(await authorPage.locator("body").innerText(), /not allowed/i, "an Author cannot open the settings page");
    await authorContext.close();
  });

  test("settings: bad values are refused on save (sanitize callback)", () => {
    const clean = php("sanitize", JSON.stringify({
      org_name: "<em>Tidy</em>  Recovery\n", phone: "555<b>0100</b>", contact_url: "javascript:alert(1)",
      script_url: "https://cdn.example.org/iop-op-fit/iop-op-fit.js", locale: "fr", crisis_region: "national",
      theme_color: "red", levels: ["iop", "nonsense", "op"], detox: "maybe", medication: ["methadone", "none"], extra: "x",
      languages: ["zh-Hans", "xx", "es"],
    }));
    assert.deepEqual(clean, {
      org_name: "Tidy Recovery", phone: "5550100", contact_url: "", script_url: "https://cdn.example.org/iop-op-fit/iop-op-fit.js",
      locale: "", crisis_region: "", detox: "", theme_color: "", levels: "op,iop", medication: "none",
      languages: "es,zh-Hans",
    });
    // Its own output is stable (WordPress runs it twice on the first save).
    assert.deepEqual(php("sanitize", JSON.stringify(clean)), clean);
    // The plugin's copies of the widget's phone rule, colour contrast limit and name length
    // limit (PHP cannot run the wasm) accept and refuse what the widget does: the cases of
    // tests/fixtures/options.json, which the Rust parser and the loader are checked against.
    // WordPress's sanitize_text_field runs first and changes some values (tags, tabs, line
    // breaks); those cases test WordPress, not the copy, and are left out.
    const fields = { orgName: "org_name", phone: "phone", themeColor: "theme_color" };
    const cases = JSON.parse(readFileSync(join(HERE, "..", "fixtures", "options.json"), "utf8")).cases
      .filter((c) => fields[c.option]);
    const results = php("sanitize-each", JSON.stringify(cases.map((c) => ({ key: fields[c.option], value: c.value }))));
    let compared = 0;
    cases.forEach((c, i) => {
      const { text, stored } = results[i];
      if (text !== c.value.trim()) return;
      compared++;
      assert.equal(stored !== "", c.accepted, `${c.option} ${JSON.stringify(c.value)}: the plugin ${stored !== "" ? "stores" : "refuses"} it, the widget ${c.accepted ? "accepts" : "refuses"} it`);
    });
    assert.ok(compared >= 30, `${compared} of ${cases.length} fixture cases compared`);
  });

  test("an Author's post with the shortcode: loader once, attributes escaped, and a whole visit to a result", async () => {
    const content = [
      "<!-- wp:paragraph -->\n<p>Not sure which care fits? Try our short, private self-screen.</p>\n<!-- /wp:paragraph -->",
      `<!-- wp:shortcode -->\n[iop_op_fit org_name='${HOSTILE_NAME}' iop_hours="9-12" unknown_option="ignored"]\n<!-- /wp:shortcode -->`,
      // What a site owner might paste instead: kses removes the script for an Author.
      `<!-- wp:html -->\n<script src="${wp.origin}/wp-content/plugins/iop-op-fit/assets/iop-op-fit.js"></script>\n<!-- /wp:html -->`,
      "<!-- wp:shortcode -->\n[iop_op_fit]\n<!-- /wp:shortcode -->",
    ].join("\n\n");
    // The block editor saves through the REST API; so does this, as the Author.
    const auth = "Basic " + Buffer.from(`author:${wp.author.appPassword}`).toString("base64");
    const saved = await fetch(`${wp.origin}/?rest_route=/wp/v2/posts`, {
      method: "POST", headers: { Authorization: auth, "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Which care fits?", content, status: "publish" }),
    });
    const post = await saved.json();
    assert.equal(saved.status, 201, `the Author could not publish: ${JSON.stringify(post)}`);
    assert.equal(post.author, wp.author.id);
    const raw = await (await fetch(`${wp.origin}/?rest_route=/wp/v2/posts/${post.id}&context=edit`, { headers: { Authorization: auth } })).json();
    assert.doesNotMatch(raw.content.raw, /<script/i, "kses removed the Author's pasted <script>");
    assert.match(raw.content.raw, /\[iop_op_fit org_name='/, "the shortcode survived kses");

    // The page's HTML: the mount points, escaped, and one deferred loader.
    const html = await (await fetch(post.link)).text();
    const loaders = [...html.matchAll(/<script\b[^>]*\bsrc=['"][^'"]*\/iop-op-fit\.js[^'"]*['"][^>]*>/g)].map((m) => m[0]);
    assert.equal(loaders.length, 1, `the loader is included once: ${loaders}`);
    assert.match(loaders[0], /\sdefer[\s=>]/, "the loader is deferred");
    assert.match(loaders[0], /\/wp-content\/plugins\/iop-op-fit\/assets\/iop-op-fit\.js/, "from the plugin's own copy by default");
    assert.doesNotMatch(html, /onmouseover="alert/, "the attribute's quotes are escaped");
    assert.match(html, /data-org-name="Say &quot;hi&quot; onmouseover=&quot;alert\(1\)&quot; &lt;b&gt;bold&lt;\/b&gt; &amp; more"/);
    // A page without the shortcode loads nothing of the widget.
    const home = await (await fetch(`${wp.origin}/?page_id=2`)).text();
    assert.ok(/Sample Page/.test(home) && !/iop-op-fit\.js/.test(home), "the loader only on pages using the shortcode");

    const context = await offline(await newPhone(browser));
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const messages = consoleMessages(page);
    await page.goto(post.link);

    const mounts = page.locator("[data-iop-op-fit]");
    assert.equal(await mounts.count(), 2);
    const [first, second] = [mounts.nth(0), mounts.nth(1)];
    // Attributes: the shortcode's override and the site's defaults; the unknown one dropped; nothing else.
    assert.deepEqual(await first.evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]))), {
      "data-iop-op-fit": "", "data-org-name": HOSTILE_NAME, "data-phone": STORED.phone, "data-contact-url": STORED.contact_url,
      "data-locale": "en", "data-theme-color": STORED.theme_color, "data-levels": "op,iop", "data-detox": "false",
      "data-medication": STORED.medication, "data-crisis-region": "massachusetts", "data-iop-hours": "9-12",
      "data-languages": STORED.languages,
    });
    assert.equal(await second.getAttribute("data-org-name"), STORED.org_name);
    assert.equal(await page.evaluate(() => document.querySelectorAll("script[src*='iop-op-fit.js']").length), 1);

    // The widget runs, shows the name as text (no <b> element anywhere), and a visit reaches a result.
    await first.locator("[data-screen=start] button.iof-primary").waitFor();
    await second.locator("[data-screen=start] button.iof-primary").waitFor();
    const startText = await first.locator("[data-screen=start]").innerText();
    assert.ok(startText.includes(HOSTILE_NAME), `the start screen shows the name as text: ${startText}`);
    assert.ok((await second.locator("[data-screen=start]").innerText()).includes(STORED.org_name));
    const { answers, level, detoxFirst, flags } = CASES.R1;
    const { screen } = await complete(first, answers);
    assert.equal(screen, "result");
    const result = first.locator("[data-screen=result]");
    assert.equal(await result.getAttribute("data-level"), level);
    assert.equal(await result.getAttribute("data-detox-first"), detoxFirst);
    await expectFlags(result, flags);
    await expectNextSteps(result);
    assert.ok((await result.innerText()).includes(`Call ${HOSTILE_NAME}`), "the call button names the provider, as text");
    assert.equal(await first.evaluate((el) => el.shadowRoot.querySelectorAll("b").length), 0, "no <b> element from the name");
    await page.screenshot({ path: screenshot("wordpress-result"), fullPage: true });

    assert.deepEqual(errors, [], "uncaught errors on the page");
    // One console line, the widget's own, about the HTML in the Author's name; nothing failed to load.
    const problems = [...messages.of("warning"), ...messages.of("error")];
    assert.equal(problems.length, 1, `console: ${problems.join("\n")}`);
    assert.match(problems[0], /option `orgName` contains HTML tags; it is shown as plain text/);
    await context.close();

    // With a Script URL set (a CDN, say), the loader comes from there, exactly as given, still once and deferred.
    const cdn = "https://cdn.example.org/npm/iop-op-fit@0.1.0/dist/iop-op-fit.js";
    php("set", JSON.stringify({ ...STORED, script_url: cdn }));
    try {
      const fromCdn = await (await fetch(post.link)).text();
      const tags = [...fromCdn.matchAll(/<script\b[^>]*\/iop-op-fit\.js[^>]*>/g)].map((m) => m[0]);
      assert.equal(tags.length, 1, `one loader: ${tags}`);
      assert.ok([`src='${cdn}'`, `src="${cdn}"`].some((src) => tags[0].includes(src)), `the Script URL, with no ?ver added: ${tags[0]}`);
      assert.match(tags[0], /\sdefer[\s=>]/);
    } finally {
      php("set", JSON.stringify(STORED));
    }
  });
});

/** Where a screenshot goes: beside the end-to-end suite's (tests/e2e/screenshots/, not committed). */
function screenshot(name) {
  mkdirSync(join(MAIN, "tests", "e2e", "screenshots"), { recursive: true });
  return join(MAIN, "tests", "e2e", "screenshots", `${name}.png`);
}

// PHP's development server runs each request to its end before the next one
// on the same worker: a save is answered in well under a second here (its
// log), but the e2e TIMEOUT is sized for a static file server.
const SERVER_TIMEOUT = 30_000;

/**
 * Save Changes, waited on step by step so a failure says which step failed:
 * the form's POST sent, options.php's answer, and the page its redirect leads to.
 */
async function save(page) {
  const isSave = (r) => r.method() === "POST" && new URL(r.url()).pathname === "/wp-admin/options.php";
  const sent = page.waitForRequest(isSave);
  const answered = page.waitForResponse((r) => isSave(r.request()), { timeout: SERVER_TIMEOUT });
  answered.catch(() => {}); // awaited below, unless nothing was sent
  await page.locator("#submit").click();
  await sent.catch(async (e) => {
    const at = await page.locator("#submit").evaluate((b) => {
      const r = b.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return `${hit ? hit.outerHTML.slice(0, 120) : "nothing"}; the form is ${b.form.checkValidity() ? "valid" : "invalid"}`;
    }).catch((why) => why.message);
    throw new Error(`Save Changes sent no POST to options.php (at the button's centre: ${at}):\n${e.message}`);
  });
  const response = await answered.catch((e) => {
    throw new Error(`options.php did not answer the save within ${SERVER_TIMEOUT / 1000} s; the server's last lines:\n` +
      `${children.get("php -S").log().split("\n").slice(-15).join("\n")}\n${e.message}`);
  });
  assert.equal(response.status(), 302, "options.php redirects back to the settings page");
  await page.waitForURL(/settings-updated=true/, { waitUntil: "domcontentloaded", timeout: SERVER_TIMEOUT }).catch(async (e) => {
    throw new Error(`saving the settings led to ${page.url()}:\n${(await page.locator("body").innerText()).slice(0, 1500)}\n${e.message}`);
  });
}

async function logIn(page, user, password) {
  await page.goto(`${wp.origin}/wp-login.php`, { waitUntil: "domcontentloaded" });
  await page.fill("#user_login", user);
  await page.fill("#user_pass", password);
  await page.click("#wp-submit");
  await page.waitForURL((url) => url.pathname.startsWith("/wp-admin/"), { waitUntil: "domcontentloaded" });
}

/**
 * `context`, with every request to another origin refused at once. WordPress's
 * admin pages ask Gravatar for the admin bar's avatar; with no network, how long
 * that takes to fail depends on the machine's resolver, and a page's load event
 * waits for it, so a wait for "load" could pass or fail by chance. The widget needs
 * nothing outside the site (the privacy test checks that), and the waits here
 * are for the document, not its images.
 */
async function offline(context) {
  await context.route((url) => url.origin !== wp.origin, (route) => route.abort("blockedbyclient"));
  return context;
}
