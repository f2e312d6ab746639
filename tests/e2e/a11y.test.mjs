// Accessibility (WCAG 2.2 AA) in a real browser: axe-core finds nothing in
// every state, the whole flow works by keyboard alone with focus on each new
// heading and a visible focus ring, and at 320 px wide and 200% text nothing
// scrolls sideways and every target is at least 44 by 44 CSS px.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import {
  answer, BROWSER_ARGS, CASES, CHROMIUM, complete, currentScreen, DEFAULTS, en, expectNoAxeViolations, expectScreen, locale, newPhone, openHost,
  partialDist, pathFor, setup, snap, start, TIMEOUT, widget,
} from "./helpers.mjs";

const env = setup({ extraRoots: { "/missing-core/": partialDist(["iop-op-fit.js"]) } });
const plain = () => `${env.server.origin}/plain.html`;

/** Submits the question shown with nothing chosen and waits for its error. */
async function submitEmpty(page) {
  const w = widget(page);
  await w.locator("form[data-screen=question] button[type=submit]").click();
  await w.locator("[role=alert]").waitFor();
  assert.equal(await w.locator("fieldset[aria-invalid=true]").count(), 1);
}

describe("axe-core reports no WCAG 2.2 A/AA violation", () => {
  test("start, single-choice question, its error, multi-choice question, IOP result (R1)", async () => {
    const page = env.page;
    await openHost(page, plain());
    await expectNoAxeViolations(page, "the start screen");
    await snap(page, "start");

    await start(page);
    assert.equal(await widget(page).locator("fieldset[data-question=respondent] input[type=radio]").count(), 2);
    await expectNoAxeViolations(page, "a single-choice question (respondent)");
    await snap(page, "question-single");

    await submitEmpty(page);
    await expectNoAxeViolations(page, "a question showing its error");
    await snap(page, "question-error");

    await answer(page, "respondent", ["self"]);
    await answer(page, "danger", ["none"]);
    await answer(page, "age", ["18_to_64"]);
    await answer(page, "pregnancy", ["no"]);
    await expectScreen(page, "substances");
    assert.ok(await widget(page).locator("fieldset[data-question=substances] input[type=checkbox]").count() > 1);
    await expectNoAxeViolations(page, "a multi-choice question (substances)");
    await snap(page, "question-multi");

    await complete(page, CASES.R1.answers);
    assert.equal(await widget(page).locator("[data-screen=result]").getAttribute("data-level"), CASES.R1.level);
    await expectNoAxeViolations(page, "the IOP result (R1)");
    await snap(page, "result-iop");
  });

  // R12's result has a safety block; R15 has advice only.
  for (const name of ["R15", "R12", "R7"]) {
    const { level } = CASES[name];
    test(`the ${level} result (${name})`, async () => {
      const page = env.page;
      await openHost(page, plain());
      assert.equal((await complete(page, CASES[name].answers)).screen, "result");
      assert.equal(await widget(page).locator("[data-screen=result]").getAttribute("data-level"), level);
      await expectNoAxeViolations(page, `the ${level} result (${name})`);
      await snap(page, `result-${level}`);
    });
  }

  test("the emergency screen (R5, 911 first; R17, 988 first) and the emergency result (R17)", async () => {
    const page = env.page;
    await openHost(page, plain());
    assert.equal((await complete(page, CASES.R5.answers)).screen, "emergency");
    await expectNoAxeViolations(page, "the emergency screen leading with 911");
    await snap(page, "emergency");

    await widget(page).locator("[data-screen=emergency] .iof-actions button").nth(1).click();
    await answer(page, "danger", CASES.R17.answers.danger);
    const emergency = widget(page).locator("[data-screen=emergency]");
    await emergency.waitFor();
    assert.equal(await emergency.getAttribute("data-crisis-first"), "988");
    await expectNoAxeViolations(page, "the emergency screen leading with 988");
    await snap(page, "emergency-988");

    await emergency.locator(".iof-actions button").first().click();
    assert.equal((await complete(page, CASES.R17.answers)).screen, "result");
    assert.equal(await widget(page).locator("[data-screen=result]").getAttribute("data-level"), CASES.R17.level);
    await expectNoAxeViolations(page, "the emergency result (R17)");
    await snap(page, "result-emergency");
  });

  test("the plain-HTML fallback", async () => {
    const page = env.page;
    await page.goto(`${env.server.origin}/missing-core.html`);
    await widget(page).locator("[data-fallback]").waitFor();
    await expectNoAxeViolations(page, "the fallback");
    await snap(page, "fallback");
  });

  for (const tag of ["es", "ht", "zh-Hans"]) {
    test(`in ${tag}: start, a question, its error, a result`, async () => {
      const page = env.page;
      const words = locale(tag);
      await openHost(page, `${env.server.origin}/lang.html?lang=${tag}`);
      assert.equal(await widget(page).locator(".iof").getAttribute("lang"), tag);
      assert.equal((await widget(page).locator("h2").innerText()).trim(), words["start.heading"]);
      await expectNoAxeViolations(page, `the ${tag} start screen`);
      await snap(page, `${tag}-start`);
      await start(page);
      await expectNoAxeViolations(page, `a ${tag} question`);
      await submitEmpty(page);
      await expectNoAxeViolations(page, `a ${tag} question showing its error`);
      await snap(page, `${tag}-question-error`);
      await complete(page, CASES.R1.answers);
      await expectNoAxeViolations(page, `a ${tag} result`);
      await snap(page, `${tag}-result-iop`);
    });
  }
});

// ---------------------------------------------------------------------------
// Keyboard alone

/** Describes the element that has focus, looking into open shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    const root = el && el.getRootNode();
    const heading = root instanceof ShadowRoot
      && root.querySelector("form[data-screen=question] > h2, [data-screen=emergency] > h2, [data-screen=result] > h2");
    return {
      tag: el ? el.tagName.toLowerCase() : null,
      type: el && el.type || null,
      value: el && el.value || null,
      checked: !!(el && el.checked),
      inWidget: root instanceof ShadowRoot,
      isScreenHeading: !!heading && heading === el,
      isSubmit: !!el && el.matches("form[data-screen=question] button[type=submit]"),
      isStart: !!el && el.matches("[data-screen=start] button.iof-primary"),
      text: el ? el.textContent.trim().slice(0, 80) : "",
    };
  });
}

/**
 * Records, for every control in the widget, how it looks without focus: its
 * outline and box-shadow (for an input, also its label's, which carries the ring).
 */
function recordUnfocusedLooks(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-iop-op-fit]").shadowRoot;
    const look = (el) => {
      const parts = [el];
      if (el.matches("input") && el.labels[0]) parts.push(el.labels[0]);
      return parts.map((p) => {
        const s = getComputedStyle(p);
        return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
      }).join(" || ");
    };
    window.__look = look;
    window.__unfocused = new Map([...root.querySelectorAll("a, button, input, select, summary")].map((el) => [el, look(el)]));
  });
}

/** The focused control looks different from its unfocused self, with a ring at least 2 px wide. */
async function expectVisibleFocus(page, what) {
  const r = await page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    const before = window.__unfocused && window.__unfocused.get(el);
    const now = window.__look(el);
    const ringed = [el, ...(el.matches("input") ? [...el.labels] : [])].some((p) => {
      const s = getComputedStyle(p);
      const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 && !/rgba\(.*, 0\)$/.test(s.outlineColor);
      return outline || (s.boxShadow !== "none" && s.boxShadow !== "");
    });
    return { before, now, ringed };
  });
  assert.ok(r.before, `${what}: no unfocused look was recorded for the focused control`);
  assert.notEqual(r.now, r.before, `${what}: focus changes nothing visible (${r.now})`);
  assert.ok(r.ringed, `${what}: no outline of 2px or more and no box-shadow when focused (${r.now})`);
}

async function press(page, key) {
  await page.keyboard.press(key);
  return focused(page);
}

/** After a move, focus is on the new screen's heading (h2) and the screen is `screen`. */
async function expectHeadingFocused(page, screen) {
  await expectScreen(page, screen);
  const deadline = Date.now() + TIMEOUT;
  let f;
  do {
    f = await focused(page);
    if (f.isScreenHeading && f.tag === "h2") return f;
    await page.waitForTimeout(20);
  } while (Date.now() < deadline);
  assert.fail(`on ${screen}, focus should be on the screen's h2 heading, but it is on ${JSON.stringify(f)}`);
}

/** Answers the question shown with the keyboard alone and presses Enter on Continue. */
async function answerByKeyboard(page, questionId, values) {
  await recordUnfocusedLooks(page);
  let f = await press(page, "Tab");
  assert.ok(f.inWidget && f.tag === "input", `${questionId}: Tab from the heading should reach the first choice; got ${JSON.stringify(f)}`);
  await expectVisibleFocus(page, `${questionId}: a ${f.type}`);
  if (f.type === "radio") {
    assert.equal(values.length, 1);
    for (let i = 0; i < 12 && f.value !== values[0]; i++) f = await press(page, "ArrowDown");
    assert.equal(f.value, values[0], `${questionId}: arrow keys reach ${values[0]}`);
    if (!f.checked) f = await press(page, " ");
    assert.ok(f.checked, `${questionId}: ${values[0]} is selected`);
    await expectVisibleFocus(page, `${questionId}: the chosen radio`);
    f = await press(page, "Tab");
  } else {
    for (let i = 0; i < 20 && f.tag === "input"; i++) {
      if (values.includes(f.value) !== f.checked) f = await press(page, " ");
      assert.equal(f.checked, values.includes(f.value), `${questionId}: Space toggles ${f.value}`);
      f = await press(page, "Tab");
    }
  }
  assert.ok(f.isSubmit, `${questionId}: Tab after the choices should reach Continue; got ${JSON.stringify(f)}`);
  await expectVisibleFocus(page, `${questionId}: Continue`);
  await page.keyboard.press("Enter");
}

describe("keyboard alone", () => {
  test("from the start button to a result: Tab, Space, arrows and Enter; focus on each heading, always visible", async () => {
    const page = env.page;
    await openHost(page, plain());
    await recordUnfocusedLooks(page);
    let f = await focused(page);
    for (let i = 0; i < 10 && !f.isStart; i++) f = await press(page, "Tab");
    assert.ok(f.isStart, `Tab reaches the start button; focus is on ${JSON.stringify(f)}`);
    await expectVisibleFocus(page, "the start button");
    await page.keyboard.press("Enter");

    const answers = CASES.R1.answers;
    const asked = [];
    let screen = "respondent";
    for (let i = 0; i < 20 && screen !== "result"; i++) {
      f = await expectHeadingFocused(page, screen);
      if (asked.length === 0) {
        assert.equal(f.text, en["q.respondent.title"]);
        await snap(page, "keyboard-first-question");
      }
      asked.push(screen);
      await answerByKeyboard(page, screen, [].concat(answers[screen] ?? DEFAULTS[screen]));
      await widget(page).locator(`fieldset[data-question=${screen}]`).waitFor({ state: "detached" });
      screen = await currentScreen(page);
    }
    f = await expectHeadingFocused(page, "result");
    assert.equal(f.text, en["result.heading.iop"]);
    assert.equal(await widget(page).locator("[data-screen=result]").getAttribute("data-level"), CASES.R1.level);
    assert.deepEqual(asked, pathFor(answers), "the 15 questions of R1, in order");

    // On the result too, Tab moves through real controls with a visible ring (a <summary> opens
    // the rest of the reasons).
    await recordUnfocusedLooks(page);
    for (let i = 0; i < 3; i++) {
      f = await press(page, "Tab");
      assert.ok(f.inWidget && ["a", "button", "summary"].includes(f.tag), `Tab on the result reaches a control: ${JSON.stringify(f)}`);
      await expectVisibleFocus(page, `result control "${f.text}"`);
    }
  });
});

// ---------------------------------------------------------------------------
// Small screens and large text

/** Sideways scrolling, boxes poking out of the widget, and targets under 44 x 44 px. */
function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const root = document.querySelector("[data-iop-op-fit]").shadowRoot;
    const box = root.querySelector(".iof").getBoundingClientRect();
    if (box.right > doc.clientWidth + 0.5) problems.push(`the widget is wider than the screen: right edge ${box.right}`);
    const name = (el) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? ` class="${el.className}"` : ""}> "${el.textContent.trim().slice(0, 40)}"`;
    for (const el of root.querySelectorAll(".iof *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`${name(el)} pokes out of the widget (${r.left.toFixed(1)}..${r.right.toFixed(1)} vs ${box.left.toFixed(1)}..${box.right.toFixed(1)})`);
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "hidden") {
        problems.push(`${name(el)} overflows its box (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    for (const el of root.querySelectorAll(".iof-choice label, button, a[href], select")) {
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) problems.push(`${name(el)} measures ${r.width.toFixed(1)} x ${r.height.toFixed(1)} px (needs 44 x 44)`);
    }
    return problems;
  });
}

async function expectLayoutOk(page, state) {
  const problems = await layoutProblems(page);
  assert.deepEqual(problems, [], `${state}:\n  ${problems.join("\n  ")}`);
}

/** Visits a multi-choice question (with its error), a result and the emergency screen, checking each. */
async function checkSmallScreen(page, label, url = plain()) {
  await openHost(page, url);
  await expectLayoutOk(page, `${label}, start`);
  await start(page);
  await answer(page, "respondent", ["someone_else"]);
  await answer(page, "danger", ["none"]);
  await answer(page, "age", ["18_to_64"]);
  await answer(page, "pregnancy", ["no"]);
  await expectScreen(page, "substances");
  await submitEmpty(page);
  await expectLayoutOk(page, `${label}, a multi-choice question with its error`);
  await snap(page, `${label}-question`);
  await complete(page, { respondent: ["someone_else"], ...CASES.R4.answers });
  await expectLayoutOk(page, `${label}, the php result (answering for someone else, detox first)`);
  await snap(page, `${label}-result`);

  await page.evaluate(() => sessionStorage.clear());
  await openHost(page, url);
  // R17's emergency screen has two big call buttons (988, then 911).
  await complete(page, CASES.R17.answers);
  await expectLayoutOk(page, `${label}, the emergency screen`);
  await snap(page, `${label}-emergency`);
}

describe("small screens and large text", () => {
  test("at 320 px wide: no sideways scrolling, every target at least 44 x 44", async () => {
    const context = await newPhone(env.browser, { width: 320, height: 640 });
    try {
      await checkSmallScreen(await context.newPage(), "320px");
    } finally {
      await context.close();
    }
  });

  // English, and the two languages whose words differ most from it in length and script.
  for (const tag of ["en", "ht", "zh-Hans"]) test(`at 320 px wide with 200% text (browser font size 32 px), in ${tag}: no sideways scrolling, targets at least 44 x 44`, async () => {
    // The visitor's own text-size setting, as Chromium stores it in its profile:
    // the default font size doubled from 16 px to 32 px.
    const profile = mkdtempSync(join(tmpdir(), "iop-op-fit-profile-"));
    mkdirSync(join(profile, "Default"));
    writeFileSync(join(profile, "Default", "Preferences"),
      JSON.stringify({ webkit: { webprefs: { default_font_size: 32, default_fixed_font_size: 26 } } }));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: BROWSER_ARGS,
      viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true,
    });
    context.setDefaultTimeout(TIMEOUT);
    try {
      const page = context.pages()[0] || await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const url = tag === "en" ? plain() : `${env.server.origin}/lang.html?lang=${tag}`;
      await openHost(page, url); // the wasm's widget: no measure reads a painted element the swap takes out
      // Trust the setting only once the widget's text has really doubled.
      const sizes = await widget(page).locator(".iof").evaluate((el) =>
        [getComputedStyle(el).fontSize, getComputedStyle(el.querySelector("h2")).fontSize]);
      assert.deepEqual(sizes, ["32px", "48px"], "the widget's text is at 200%");
      await checkSmallScreen(page, `320px-200pct-${tag}`, url);
      const stillLarge = await widget(page).locator(".iof").evaluate((el) => getComputedStyle(el).fontSize);
      assert.equal(stillLarge, "32px", "the text stayed at 200% throughout");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
