// Heard as a screen-reader user hears it: the Orca screen reader, listening to
// Firefox ESR through AT-SPI, while the widget is used by keyboard alone.
//
// session.sh starts a private desktop (Xvfb, D-Bus, the AT-SPI bus, Openbox
// and Orca). Orca speaks into a file (transcript_speech.py), so the test reads
// back every utterance. Firefox is opened by geckodriver, which is used only to
// load the page and to read the page's state; every key is a real X key event
// (xdotool), so Orca hears the keys as well and works as it does for a person:
// in browse mode, Down reads on and moves between options, Space chooses,
// Tab and Enter pass to the page. The transcript is kept as
// tests/e2e/screenshots/orca-transcript.txt (not committed).
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Builder } from "selenium-webdriver";
import { DEFAULTS, DIST, en, HOSTS, locale, MAIN } from "../e2e/helpers.mjs";
import { serve } from "../e2e/server.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ARTEFACTS = join(MAIN, "tests", "e2e", "screenshots");
const ORG = "Test Clinic";
const PHONE = "+1-555-010-0100";
/** The words the visitor hears, with the host page's organisation filled in. */
const say = (key) => en[key].replaceAll("{org}", ORG);

let work, session, server, geckodriver, driver, env;
const transcript = [];

/** Every utterance Orca has spoken so far, in order. */
function spoken() {
  const path = join(work, "transcript.jsonl");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text);
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Waits until Orca has finished reacting: the first new utterance within
 * `first` ms, then `quiet` ms without another (a live region and the heading
 * after it can be a second apart). With `until`, it also keeps listening
 * (up to `max`) until what was said so far satisfies it: on a slow, busy
 * machine Orca has said a new screen's heading more than `quiet` after its
 * live region, and a reading cut off there failed by chance. Returns the new
 * utterances.
 */
async function settle(from, { first = 3000, quiet = 1500, max = 15000, until = null } = {}) {
  const t0 = Date.now();
  let count = spoken().length, last = Date.now();
  const heard = () => spoken().slice(from).join(" ").replace(/\s+/g, " ");
  while (Date.now() - t0 < max) {
    await sleep(80);
    const now = spoken().length;
    if (now !== count) { count = now; last = Date.now(); continue; }
    if (until && !until(heard())) continue;
    if (count > from ? Date.now() - last >= quiet : Date.now() - t0 >= first) break;
  }
  return spoken().slice(from);
}

/** Orca's debug log (session.sh writes it): every event Orca got, and what it did with it. */
const debugLog = () => join(work, "orca-debug.log");
const debugSize = () => (existsSync(debugLog()) ? statSync(debugLog()).size : 0);
/** Where the debug log was when the last key was pressed. */
let keyAt = 0;

/**
 * What Orca got and did since the last key: the accessibility events, focus
 * and speech, from its debug log. Added to a failed arrival, it says whether
 * Firefox reported the move and why Orca said nothing of it.
 */
function orcaSinceKey() {
  if (!existsSync(debugLog())) return "    (Orca wrote no debug log)";
  const lines = readFileSync(debugLog()).subarray(keyAt).toString("utf8").split("\n");
  const wanted = /EVENT MANAGER: (\S+:\S*.* for \[|Dequeued)|SPEECH OUTPUT|locusOfFocus from|WEB: (Ignoring|Not |Event)/;
  return lines.filter((l) => wanted.test(l)).slice(0, 120).map((l) => `    ${l.slice(0, 220)}`).join("\n");
}

/** What arriving on a new screen is heard as: its heading, and (for a question) its progress text. */
const ARRIVAL = (text) => /heading level 2/.test(text) && /Question \d+ of \d+/.test(text);
const HEADING = (text) => /heading level 2/.test(text);

/**
 * Presses one key (xdotool's name, e.g. "Tab", "shift+Tab", "space") and returns what Orca said,
 * as one string; with `until` (ARRIVAL or HEADING), once that has been said.
 */
async function press(key, expectSilence = false, until = null) {
  const from = spoken().length;
  keyAt = debugSize();
  execFileSync("xdotool", ["key", "--clearmodifiers", key], { env });
  const heard = await settle(from, expectSilence ? { first: 1500 } : { until });
  transcript.push(`> ${key}`, ...heard.map((u) => `    ${u}`));
  expectNoRepeats(heard, `after ${key}`);
  return heard.join(" ").replace(/\s+/g, " ").trim();
}

/** Presses `key` until Orca says something matching `pattern` (at most `times`); returns what it said then. */
async function pressUntil(key, pattern, times = 8) {
  const said = [];
  for (let i = 0; i < times; i++) {
    const s = await press(key);
    said.push(s);
    if (pattern.test(s)) return s;
  }
  assert.fail(`after ${times} × ${key}, Orca never said ${pattern}; it said:\n  ${said.join("\n  ")}`);
}

/** The element with focus, looking into the widget's shadow root. */
function focused() {
  return driver.executeScript(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el.tagName.toLowerCase(), type: el.type || null, value: el.value || null, checked: !!el.checked,
      text: el.textContent.trim().slice(0, 120) };
  });
}

/** The question shown: its id, and its options' values and kind. */
function shownQuestion() {
  return driver.executeScript(() => {
    const fieldset = document.querySelector("[data-iop-op-fit]").shadowRoot?.querySelector("fieldset[data-question]");
    if (!fieldset) return null;
    return {
      id: fieldset.dataset.question,
      multi: fieldset.querySelector("input").type === "checkbox",
      options: [...fieldset.querySelectorAll("input")].map((i) => i.value),
    };
  });
}

/** Whichever screen the widget shows: "start", "emergency", "result" or a question id. */
function screenShown() {
  return driver.executeScript(() => {
    const root = document.querySelector("[data-iop-op-fit]").shadowRoot;
    const el = root?.querySelector("fieldset[data-question], [data-screen=emergency], [data-screen=result], [data-screen=start]");
    return el ? el.dataset.question || el.dataset.screen : null;
  });
}

/** How often `text` occurs in `heard`. */
function count(heard, text) {
  return heard.split(text).length - 1;
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Nothing said twice in a row: no utterance of one reaction (longer than a
 * role name) repeats the one before it.
 */
function expectNoRepeats(utterances, what) {
  const parts = utterances.map((u) => u.replace(/\s+/g, " ").replace(/[.\s]+$/, "").trim()).filter((u) => u.length > 12);
  for (let i = 1; i < parts.length; i++) {
    assert.notEqual(parts[i], parts[i - 1], `${what}: "${parts[i]}" was said twice in a row:\n  ${utterances.join("\n  ")}`);
  }
}

/**
 * On arrival at question `id`: Orca says its title once, as a heading, and
 * the progress text; focus is on the heading.
 */
async function expectArrival(heard, id, { progress = true } = {}) {
  const title = say(`q.${id}.title`);
  try {
    // Focus first: if the heading is not heard, this tells whether the widget or Orca missed the move.
    const f = await focused();
    assert.equal(f.tag, "h2", `${id}: focus is on the heading, not ${JSON.stringify(f)}; Orca said: ${heard}`);
    assert.equal(f.text, title);
    assert.equal(count(heard, title), 1, `on arriving at ${id} (focus on its heading), the title "${title}" is said once; Orca said: ${heard}`);
    assert.match(heard, new RegExp(`${escape(title)}\\.? heading level 2`), `${id}: the title is said as a heading: ${heard}`);
    if (progress) assert.equal(heard.match(/Question \d+ of \d+/g)?.length, 1, `${id}: the progress text is said once: ${heard}`);
  } catch (e) {
    e.message += `\nWhat Orca got and did since the key (its debug log):\n${orcaSinceKey()}`;
    throw e;
  }
}

/** The words Orca uses for an option of question `id`, with its role and state. */
function optionSpeech(id, value, multi, checked) {
  const label = escape(say(`q.${id}.${value}`));
  return multi
    ? new RegExp(`${label}\\.? check box ${checked ? "checked" : "not checked"}`)
    : new RegExp(`${label}\\.? ${checked ? "selected" : "not selected"} radio button`);
}

/** What Orca said names the focused option with its role and its state. */
async function expectOptionSaid(id, heard) {
  const f = await focused();
  assert.equal(f.tag, "input", `${id}: focus is on an option, not ${JSON.stringify(f)}; Orca said: ${heard}`);
  assert.match(heard, optionSpeech(id, f.value, f.type === "checkbox", f.checked), `${id}: the option ${f.value} (checked: ${f.checked})`);
  return f;
}

/**
 * From the question's heading, reads on with Down to the first option: the
 * hint comes on the way, once. Returns what Orca said.
 */
async function readToOptions(id) {
  const hint = say(`q.${id}.hint`);
  let heard = "";
  for (let i = 0; i < 8; i++) {
    const s = await press("Down");
    heard += ` ${s}`;
    if (/(radio button|check box)/.test(s)) {
      assert.equal((await focused()).value, (await shownQuestion()).options[0], `${id}: reading on reaches the first option: ${heard}`);
      await expectOptionSaid(id, s);
      break;
    }
  }
  heard = heard.replace(/\s+/g, " ");
  assert.equal(count(heard, hint), 1, `${id}: the hint "${hint}" is said once on the way to the options; Orca said: ${heard}`);
  // Reaching the options enters their group, which Orca names (the question, as a panel) once.
  const title = say(`q.${id}.title`);
  assert.equal(count(heard, title), 1, `${id}: on reaching the options, the group's name is said once: ${heard}`);
  assert.match(heard, new RegExp(`${escape(title)}\\.? panel`), `${id}: the options' group is named by the question`);
  return heard;
}

/**
 * With focus on the first option: moves Down through the options (each said
 * with its role and state) and presses Space where the state must change, so
 * that exactly `values` are chosen; then Tab to Continue.
 */
async function choose(id, values) {
  const q = await shownQuestion();
  const wrong = () => driver.executeScript((vals) => {
    const root = document.querySelector("[data-iop-op-fit]").shadowRoot;
    return [...root.querySelectorAll("fieldset[data-question] input")].filter((i) => i.checked !== vals.includes(i.value)).length;
  }, values);
  for (let i = 0; i < q.options.length; i++) {
    let f = await focused();
    assert.equal(f.value, q.options[i], `${id}: Down moves to the next option`);
    if (values.includes(f.value) !== f.checked) {
      const s = await press("space");
      f = await focused();
      assert.equal(f.checked, values.includes(f.value), `${id}: Space changes ${f.value}`);
      assert.equal(s, f.type === "checkbox" ? (f.checked ? "checked" : "not checked") : "selected", `${id}: Space on ${f.value} is confirmed`);
    }
    if (await wrong() === 0) break;
    await expectOptionSaid(id, await downToOption(id, f.value));
  }
  assert.equal(await wrong(), 0, `${id}: exactly ${values} are chosen`);
  await pressUntil("Tab", new RegExp(`${escape(say("nav.continue"))} push button`), 8);
}

/**
 * Down to the next option. A label longer than a line is said whole with its
 * box, and then Orca, reading line by line, says its wrapped end again as text
 * (it does so on any page); that line is passed over, and checked to be only
 * the end of the previous option's label.
 */
async function downToOption(id, previous) {
  let s = await press("Down");
  for (let i = 0; i < 4 && !/(radio button|check box)/.test(s); i++) {
    const tail = s.replace(/\.? clickable\.?$/, "");
    assert.ok(tail.length > 0 && say(`q.${id}.${previous}`).includes(tail),
      `${id}: between options, only wrapped lines of the label of ${previous} is said, not "${s}"`);
    s = await press("Down");
  }
  return s;
}

/** Reads a question from its heading, answers it, and presses Continue. Returns what Orca said next. */
async function answer(id, values) {
  await readToOptions(id);
  await choose(id, values);
  // A question (heading and progress) or, at the end, the result (no progress text: heard out to `max`).
  return press("Return", false, ARRIVAL);
}

/** A TCP port nothing listens on now, for geckodriver. */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), "iop-op-fit-orca-"));
  session = spawn(join(HERE, "session.sh"), [work], {
    detached: true, // its own process group, ended as one in after()
    env: { ...process.env, IOF_SR_TRANSCRIPT: join(work, "transcript.jsonl") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  session.stderr.on("data", (d) => { errors += d; });
  const [, display, bus] = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Orca did not start within 60 s: ${errors}`)), 60_000);
    let out = "";
    session.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/ready (\S+) (\S+)/);
      if (m) { clearTimeout(timer); ok(m); }
    });
    session.on("exit", (code) => { clearTimeout(timer); fail(new Error(`the screen-reader session ended (${code}): ${errors}`)); });
  });
  env = {
    ...process.env, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: bus, GNOME_ACCESSIBILITY: "1",
    HOME: join(work, "home"), XDG_RUNTIME_DIR: join(work, "runtime"),
  };
  server = await serve({ roots: { "/dist/": DIST, "/": HOSTS } });
  const port = await freePort();
  geckodriver = spawn("geckodriver", [`--port=${port}`], { env, stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    if (await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false)) break;
    await sleep(100);
  }
  driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
    browserName: "firefox",
    "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["--kiosk"] },
  }).build();
});

after(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  writeFileSync(join(ARTEFACTS, "orca-transcript.txt"), `${transcript.join("\n")}\n`);
  await driver?.quit().catch(() => {});
  geckodriver?.kill();
  await server?.close();
  if (session?.pid) {
    try { process.kill(-session.pid, "SIGTERM"); } catch { /* already gone */ }
  }
  await sleep(500);
  // Orca's debug log (every event it got), kept beside the transcript.
  if (work && existsSync(debugLog())) writeFileSync(join(ARTEFACTS, "orca-debug.log"), readFileSync(debugLog()));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("Orca in Firefox ESR", () => {
  test("a whole visit by keyboard alone, as heard", async () => {
    await driver.get(`${server.origin}/plain.html`);
    await driver.wait(async () => (await screenShown()) === "start", 10_000);
    // Orca reads the page as it loads (the widget may not be there yet); let it finish.
    await settle(0, { first: 10_000, quiet: 1500 });
    transcript.push("(the page loads)", ...spoken().map((u) => `    ${u}`));

    // Tab to Start, Enter.
    const startButton = await pressUntil("Tab", new RegExp(`${say("start.button")} push button`));
    assert.equal(count(startButton, say("start.button")), 1);
    let heard = await press("Return", false, ARRIVAL);
    await expectArrival(heard, "respondent");
    await readToOptions("respondent");

    // Continue with nothing chosen: the error is said once, and focus stays on Continue.
    await pressUntil("Tab", new RegExp(`${escape(say("nav.continue"))} push button`));
    heard = await press("Return");
    assert.match(heard, new RegExp(escape(say("error.title"))), `the error's title is said: ${heard}`);
    assert.equal(count(heard, say("error.choose_one")), 1, `the error message is said once: ${heard}`);
    let f = await focused();
    assert.equal(f.tag, "button", `after the error, focus stays on Continue: ${JSON.stringify(f)}`);
    // The error's link, reached with Shift+Tab, leads to the first option.
    await pressUntil("shift+Tab", new RegExp(`${escape(say("error.choose_one"))} link`), 4);
    heard = await press("Return");
    f = await expectOptionSaid("respondent", heard);
    assert.equal(f.value, "self", "the error's link moves focus to the first option");
    // Arrow keys and Space: Down to the second option and Up again, then Space.
    await expectOptionSaid("respondent", await downToOption("respondent", "self"));
    await expectOptionSaid("respondent", await press("Up"));
    await choose("respondent", DEFAULTS.respondent);
    heard = await press("Return", false, ARRIVAL);
    await expectArrival(heard, "danger");

    // A danger: the emergency screen.
    heard = await answer("danger", ["overdose"]);
    assert.equal(await screenShown(), "emergency");
    assert.match(heard, new RegExp(`${escape(say("emergency.heading"))}\\.? heading level 2`), `the emergency heading: ${heard}`);
    assert.equal(count(heard, say("emergency.heading")), 1);
    assert.equal((await focused()).tag, "h2");
    await pressUntil("Down", new RegExp(escape(say("emergency.lead"))), 3);
    heard = await press("Tab");
    assert.match(heard, new RegExp(`${escape(say("crisis.911"))} link`), `911 first: ${heard}`);
    await pressUntil("Tab", new RegExp(`${escape(say("crisis.988"))} link`));
    await pressUntil("Tab", new RegExp(`${escape(`${say("result.call")} · ${PHONE}`)} link`));

    // Back: to the danger question, focus on its heading, the answer kept.
    await pressUntil("shift+Tab", new RegExp(`${say("nav.back")} push button`), 20);
    heard = await press("Return", false, HEADING);
    await expectArrival(heard, "danger", { progress: false });

    // "None of these" (which clears the others).
    heard = await answer("danger", ["none"]);

    // Every other question, least severe answers, to the result.
    for (let i = 0; i < 20; i++) {
      const id = await screenShown();
      if (id === "result" || id === "emergency") break;
      await expectArrival(heard, id);
      heard = await answer(id, DEFAULTS[id]);
    }
    assert.equal(await screenShown(), "result");
    const level = await driver.executeScript(() =>
      document.querySelector("[data-iop-op-fit]").shadowRoot.querySelector("[data-screen=result]").dataset.level);
    const heading = say(`result.heading.${level}`);
    assert.match(heard, new RegExp(`${escape(heading)}\\.? heading level 2`), `the result's heading: ${heard}`);
    assert.equal(count(heard, heading), 1);
    assert.equal((await focused()).text, heading);

    // Tab from the heading: the call button with the phone number, then 911 and 988.
    await pressUntil("Tab", new RegExp(`${escape(`${say("result.call")} · ${PHONE}`)} link`), 12);
    await pressUntil("Tab", new RegExp(`${escape(say("crisis.911"))} link`), 6);
    await pressUntil("Tab", new RegExp(`${escape(say("crisis.988"))} link`), 3);

    // "Change" on the review: the question, focus on its heading, then back to the result.
    const changeLabel = say("result.review.change_label").replace("{question}", say("q.health.title"));
    heard = await pressUntil("Tab", new RegExp(`${escape(changeLabel)} push button`), 30);
    assert.equal(count(heard, changeLabel), 1, `the Change button's name is said once: ${heard}`);
    heard = await press("Return", false, ARRIVAL);
    await expectArrival(heard, "health");
    await readToOptions("health");
    await choose("health", DEFAULTS.health);
    heard = await press("Return", false, HEADING);
    assert.equal(await screenShown(), "result");
    assert.equal(count(heard, heading), 1, `back on the result after Change, its heading is said once: ${heard}`);
    assert.equal((await focused()).text, heading, "after Change, focus is back on the result's heading");

    // Say all (Orca's KP_Add) from the heading: the whole result, the levels picture as its text only.
    heard = await press("KP_Add");
    const caption = await driver.executeScript(() =>
      document.querySelector("[data-iop-op-fit]").shadowRoot.querySelector(".iof-levels-text").textContent);
    assert.equal(count(heard, caption.replace(/\s+/g, " ")), 1, `the levels picture is read as its text: ${heard}`);
    const firstSentence = caption.slice(0, caption.indexOf(".") + 1);
    assert.equal(count(heard, firstSentence), 1, `the levels picture's text is read once (not also as a figure's name): ${heard}`);
    // The picture itself says nothing: not its step labels, not its marker, not an image or figure.
    const around = heard.slice(Math.max(0, heard.indexOf(say("result.levels")) - 10), heard.indexOf(caption) + caption.length + 40);
    for (const word of ["OP", "IOP", "PHP", "RES", "▼", "image", "graphic", "figure", "caption"]) {
      assert.ok(!new RegExp(`(^|[ .])${escape(word)}([ .]|$)`).test(around.replace(caption, "")),
        `the levels picture's "${word}" is not read: ${around}`);
    }
    assert.match(heard, new RegExp(escape(say("result.not_diagnosis"))), "say all reaches the end of the result");
    await press("Escape", true); // stops say all

    // The language switch, from the top of the page (Control+Home, then Tab):
    // focus stays on it, it says the new language once, and the widget speaks Spanish.
    await press("ctrl+Home");
    await pressUntil("Tab", new RegExp(`${say("lang.label")} combo box`), 4);
    heard = await press("Down");
    assert.equal(count(heard, "Español"), 1, `the new language is said once: ${heard}`);
    await driver.wait(async () => (await driver.executeScript(() =>
      document.querySelector("[data-iop-op-fit]").shadowRoot.querySelector(".iof").lang)) === "es", 5000);
    f = await focused();
    assert.equal(f.tag, "select", `after the switch, focus stays on the language switch: ${JSON.stringify(f)}`);
    heard = await press("Tab");
    assert.match(heard, new RegExp(`${locale("es")["nav.back"]} push button`), `the next control speaks Spanish: ${heard}`);
  });
});
