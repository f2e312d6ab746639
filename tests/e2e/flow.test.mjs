// The visitor's path through the UI: reference cases end at the right level,
// with the questions the spec asks, their flags in the right block, and every
// next step (P5); emergencies lead with the right line; Back, changing an
// answer from the review, and "someone else" wording.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  answer, back, bigCalls, CASES, complete, currentScreen, en, expectFlags, expectNextSteps, expectScreen, hrefs, openHost,
  option, pathFor, POISON_HREF, setup, start, widget,
} from "./helpers.mjs";

const env = setup();
const url = () => `${env.server.origin}/plain.html`;

/**
 * Completes a reference case and checks its result: the questions asked, the
 * level and detox flag, no crisis line to lead with (not an emergency), the
 * flags in their blocks, and every next step.
 */
async function checkCase(name) {
  const { answers, level, detoxFirst, flags } = CASES[name];
  await openHost(env.page, url());
  const { screen, asked } = await complete(env.page, answers);
  assert.equal(screen, "result");
  assert.deepEqual(asked, pathFor(answers), "the questions the spec asks for these answers, in its order");
  const result = widget(env.page).locator("[data-screen=result]");
  assert.equal(await result.getAttribute("data-level"), level);
  assert.equal(await result.getAttribute("data-detox-first"), detoxFirst);
  assert.equal(await result.getAttribute("data-crisis-first"), null, "crisis_first is for emergencies only");
  assert.equal(await result.locator("a.iof-big").count(), 0, "no big call button on a result that is not an emergency");
  await expectFlags(result, flags);
  await expectNextSteps(result);
  assert.ok((await hrefs(result)).includes(POISON_HREF), "the crisis lines include Poison Control");
  return result;
}

/**
 * The emergency screen of a reference case, reached straight after the danger
 * question: level, detox flag, the line it leads with (its first big button),
 * then 911 if 988 led; every next step and Poison Control.
 */
async function checkEmergency(name) {
  const { answers, level, detoxFirst, crisisFirst } = CASES[name];
  await openHost(env.page, url());
  const { screen, asked } = await complete(env.page, answers);
  assert.equal(screen, "emergency");
  assert.deepEqual(asked, ["respondent", "danger"]);
  const emergency = widget(env.page).locator("[data-screen=emergency]");
  assert.equal(await emergency.getAttribute("data-level"), level);
  assert.equal(await emergency.getAttribute("data-detox-first"), detoxFirst);
  assert.equal(await emergency.getAttribute("data-crisis-first"), crisisFirst);
  await expectLeadingCall(emergency, crisisFirst);
  // P5 holds on the emergency screen too: 911, 988, and the provider's call and contact links.
  await expectNextSteps(emergency);
  assert.ok((await hrefs(emergency)).includes(POISON_HREF), "the crisis lines include Poison Control");
  return emergency;
}

/** The first big call button is `crisisFirst`'s line; when 988 leads, 911 is the second. */
async function expectLeadingCall(screen, crisisFirst) {
  const calls = await bigCalls(screen);
  assert.equal(calls[0], `tel:${crisisFirst}`, `the first big button calls ${crisisFirst}: [${calls}]`);
  if (crisisFirst === "988") assert.equal(calls[1], "tel:911", `911 comes second when 988 leads: [${calls}]`);
}

/** Continues the questions from the emergency screen; the result stays an emergency (P1), leading with the same line. */
async function continueToResult(name) {
  const { answers, level, crisisFirst } = CASES[name];
  const page = env.page;
  await widget(page).locator("[data-screen=emergency] .iof-actions button").first().tap();
  await expectScreen(page, "age");
  const rest = await complete(page, answers);
  assert.equal(rest.screen, "result");
  assert.deepEqual(rest.asked, pathFor(answers).slice(2), "the questions after danger are asked as usual");
  const result = widget(page).locator("[data-screen=result]");
  assert.equal(await result.getAttribute("data-level"), level);
  assert.equal(await result.getAttribute("data-crisis-first"), crisisFirst);
  await expectLeadingCall(result, crisisFirst);
  await expectNextSteps(result);
}

/**
 * `key`'s English text as the summary file writes it (the provider's name, and in flag texts the
 * danger signs and the national overdose-prevention line, filled in; HTML escaped).
 */
const inSummary = (key) => en[key].replace(/\{org\}/g, "Test Clinic")
  .replace("{danger_signs}", en.danger_signs).replace("{use_alone}", en["use_alone.national"]).replace(/&/g, "&amp;").replace(/</g, "&lt;")
  .replace(/>/g, "&gt;").replace(/"/g, "&quot;");

describe("reference cases through the UI", () => {
  test("R1 typical IOP: iop, no detox, its flags; its summary is made in the browser, safety first", async () => {
    const result = await checkCase("R1");
    const requests = [];
    env.page.on("request", (r) => requests.push(r.url()));
    const [download] = await Promise.all([
      env.page.waitForEvent("download"),
      result.locator(".iof-actions button").first().tap(),
    ]);
    assert.match(download.url(), /^blob:/, "made locally, not fetched");
    const html = await (await import("node:fs/promises")).readFile(await download.path(), "utf8");
    for (const key of ["summary.title", "result.heading.iop", "reason.level_iop_relapse", "q.substances.alcohol", "crisis.988", "crisis.911",
      "result.safety", "flag.stop_safely", "result.advice", "flag.co_occurring"]) {
      assert.ok(html.includes(inSummary(key)), `the summary lacks ${key}: ${en[key]}`);
    }
    assert.ok(html.indexOf(inSummary("flag.stop_safely")) < html.indexOf(inSummary("flag.co_occurring")),
      "the summary names the safety flag before the other advice");
    assert.ok(html.includes("+1-555-010-0100"), "the summary gives the provider's phone");
    assert.deepEqual(requests.filter((u) => !u.startsWith("blob:")), [], "no network request");
  });
  test("R4 withdrawal seizures: php, detox first, inpatient withdrawal", () => checkCase("R4"));
  test("R7 unsafe and cannot stop: residential, no detox, naloxone, medication and home safety", () => checkCase("R7"));
  test("R11 daily benzodiazepines: iop, detox first, naloxone and a slow taper", () => checkCase("R11"));
  test("R12 opioids with alcohol: php, detox first, mixing risk and naloxone before medication", () => checkCase("R12"));
  test("R15 pregnant, occasional cannabis: op, pregnancy advice, no safety block", () => checkCase("R15"));
  test("R19 methadone and drinking: the medicine is asked; iop, the mixing warning and the naltrexone caution", async () => {
    const result = await checkCase("R19");
    const text = await result.innerText();
    for (const key of ["flag.mixing_risk.on_medicine", "flag.medication_support.opioids", "flag.moud.on_medicine"]) {
      assert.ok(text.includes(en[key]), `the result shows ${key}: ${en[key]}`);
    }
    assert.ok(!text.includes(en["flag.medication_support"]), "not the naltrexone suggestion meant for alcohol alone");
  });
  test("a relative not sure about the medicine gets the \"if they take...\" words", async () => {
    await openHost(env.page, url());
    const answers = { respondent: "someone_else", substances: "opioids", opioid_medicine: "not_sure", frequency: "weekly", withdrawal: "mild" };
    const { screen, asked } = await complete(env.page, answers);
    assert.equal(screen, "result");
    assert.ok(asked.includes("opioid_medicine"), `the medicine is asked: ${asked}`);
    const text = await widget(env.page).locator("[data-screen=result]").innerText();
    assert.ok(text.includes(en["flag.moud.not_sure.other"]), `the result says: ${en["flag.moud.not_sure.other"]}`);
  });

  test("R5 overdose now: the emergency screen comes straight after danger, leading with 911; the result stays an emergency", async () => {
    await checkEmergency("R5");
    await continueToResult("R5");
  });

  test("R17 thoughts of suicide: the emergency screen leads with 988, then 911; so does the result", async () => {
    await checkEmergency("R17");
    await continueToResult("R17");
  });

  test("\"change my answer\" goes back to danger; thoughts of hurting someone else lead with 911, even beside suicide", async () => {
    const page = env.page;
    const emergency = widget(page).locator("[data-screen=emergency]");
    await checkEmergency("R5");
    await emergency.locator(".iof-actions button").nth(1).tap();
    await expectScreen(page, "danger");
    assert.ok(await option(page, "danger", "overdose").isChecked());
    await answer(page, "danger", ["suicide", "harm_others"]);
    await expectScreen(page, "emergency");
    assert.equal(await emergency.getAttribute("data-crisis-first"), "911");
    await expectLeadingCall(emergency, "911");
    assert.equal(await emergency.getAttribute("data-detox-first"), "false");
  });
});

describe("Back", () => {
  test("returns to the previous question with its answer selected, and from the first to the start", async () => {
    const page = env.page;
    await openHost(page, url());
    await start(page);
    await answer(page, "respondent", ["someone_else"]);
    await answer(page, "danger", ["none"]);
    assert.equal(await currentScreen(page), "age");

    assert.equal(await back(page), "danger");
    assert.ok(await option(page, "danger", "none").isChecked());
    assert.equal(await back(page), "respondent");
    assert.ok(await option(page, "respondent", "someone_else").isChecked());
    assert.ok(!(await option(page, "respondent", "self").isChecked()));
    assert.equal(await back(page), "start");
  });
});

describe("changing an answer from the review", () => {
  test("goes back to the result, with the level worked out again", async () => {
    const page = env.page;
    const result = await checkCase("R1"); // iop
    await result.locator("[data-review=mental_health] button").tap();
    // R1 rates D1 1 (mild; not 3: no 65+, serious illness or pregnancy), D2 0, D3 2 (some), D5 2 (slips back),
    // D6 1 (some support): iop. With mental_health severe, D3 = 3, and use is active: "php if D3 >= 3 and active".
    // Not residential: that needs D6 >= 3 or D5 >= 3 with it (D6 stays 1, D5 2), or D1 >= 3. So php, and
    // detox_first stays false (D1 < 3).
    await answer(page, "mental_health", ["severe"]);
    assert.equal(await currentScreen(page), "result", "after a change the visitor returns to the result");
    assert.equal(await result.getAttribute("data-level"), "php");
    assert.equal(await result.getAttribute("data-detox-first"), "false");
    const row = await result.locator("[data-review=mental_health]").innerText();
    assert.ok(row.includes(en["q.mental_health.severe"]), `review row shows the new answer: ${row}`);
    await expectNextSteps(result);
  });
});

describe("answering for someone else", () => {
  test("uses \"they\" wording and adds family advice", async () => {
    const page = env.page;
    const w = widget(page);
    await openHost(page, url());
    await start(page);
    await answer(page, "respondent", ["someone_else"]);
    await answer(page, "danger", ["none"]);
    const title = await w.locator("form:has(> fieldset[data-question=age]) > h2").innerText();
    assert.equal(title.trim(), en["q.age.title.other"]);
    assert.notEqual(en["q.age.title.other"], en["q.age.title"]);

    const { screen, asked } = await complete(page, { respondent: ["someone_else"] });
    assert.equal(screen, "result");
    // No use in the past month: sober_time is asked; withdrawal, control and overdose_risk (cannabis) are not.
    assert.deepEqual(asked, pathFor().slice(2));
    assert.equal(2 + asked.length, 15, "the shortest path has 15 questions");
    const result = w.locator("[data-screen=result]");
    // P7: the least severe answers give op with no safety flag; answering for someone else adds family advice.
    assert.equal(await result.getAttribute("data-level"), "op");
    await expectFlags(result, { safety: [], advice: ["family"] });
    await expectNextSteps(result);
  });
});

describe("teens", () => {
  test("a provider that does not serve under-18s says it will help find a teen program; others do not", async () => {
    const page = env.page;
    await openHost(page, url());
    // A second mount point, added after load, for a provider that serves adults only.
    await page.evaluate(() => {
      const el = document.createElement("div");
      el.id = "adults-only";
      el.setAttribute("data-iop-op-fit", "");
      el.setAttribute("data-org-name", "Adult Clinic");
      el.setAttribute("data-serves-adolescents", "false");
      document.body.appendChild(el);
    });
    const teen = { age: ["under_18"], substances: ["alcohol"], frequency: ["weekly"], withdrawal: ["none"], control: ["slips_back"] };
    const adultsOnly = page.locator("#adults-only");
    await adultsOnly.locator("[data-screen=start]").waitFor();
    assert.equal((await complete(adultsOnly, teen)).screen, "result");
    const referral = en["result.adolescent_referral"].replace("{org}", "Adult Clinic");
    assert.ok((await adultsOnly.locator("[data-screen=result]").innerText()).includes(referral));
    // The teen IOP wording (6 or more hours) shows instead of the adult one.
    assert.ok((await adultsOnly.locator("[data-screen=result]").innerText()).includes(en["level.iop.short.teen"]));

    const servesTeens = widget(page).first();
    assert.equal((await complete(servesTeens, teen)).screen, "result");
    assert.ok(!(await servesTeens.locator("[data-screen=result]").innerText()).includes(referral));
  });
});

