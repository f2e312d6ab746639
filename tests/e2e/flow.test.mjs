// The visitor's path through the UI: reference cases end at the right level,
// every result offers a next step (P5), Back, changing an answer from the
// review, and "someone else" wording.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  answer, back, CASES, complete, currentScreen, en, expectNextSteps, expectScreen, openHost, option, setup, start,
  widget,
} from "./helpers.mjs";

const env = setup();
const url = () => `${env.server.origin}/plain.html`;

/** Completes a reference case and checks the result's level, detox flag and next steps. */
async function checkCase(name) {
  const { answers, level, detoxFirst } = CASES[name];
  await openHost(env.page, url());
  const { screen } = await complete(env.page, answers);
  assert.equal(screen, "result");
  const result = widget(env.page).locator("[data-screen=result]");
  assert.equal(await result.getAttribute("data-level"), level);
  assert.equal(await result.getAttribute("data-detox-first"), detoxFirst);
  await expectNextSteps(result);
  return result;
}

describe("reference cases through the UI", () => {
  test("R1 typical IOP: iop, no detox", () => checkCase("R1"));

  test("R1's summary is made in the browser: a file with the result, the reasons, the answers, 988 and 911", async () => {
    const result = await checkCase("R1");
    const requests = [];
    env.page.on("request", (r) => requests.push(r.url()));
    const [download] = await Promise.all([
      env.page.waitForEvent("download"),
      result.locator(".iof-actions button").first().tap(),
    ]);
    assert.match(download.url(), /^blob:/, "made locally, not fetched");
    const html = await (await import("node:fs/promises")).readFile(await download.path(), "utf8");
    for (const key of ["summary.title", "result.heading.iop", "reason.level_iop_relapse", "q.substances.alcohol", "crisis.988", "crisis.911"]) {
      assert.ok(html.includes(en[key].replace(/&/g, "&amp;")), `the summary lacks ${key}: ${en[key]}`);
    }
    assert.ok(html.includes("+1-555-010-0100"), "the summary gives the provider's phone");
    assert.deepEqual(requests.filter((u) => !u.startsWith("blob:")), [], "no network request");
  });
  test("R4 withdrawal seizures: php, detox first", () => checkCase("R4"));
  test("R7 unsafe and cannot stop: residential, no detox", () => checkCase("R7"));

  test("R5 overdose now: the emergency screen comes straight after the danger question", async () => {
    const page = env.page;
    await openHost(page, url());
    const { screen, asked } = await complete(page, CASES.R5.answers);
    assert.equal(screen, "emergency");
    assert.deepEqual(asked, ["respondent", "danger"]);
    const emergency = widget(page).locator("[data-screen=emergency]");
    assert.equal(await emergency.getAttribute("data-level"), CASES.R5.level);
    assert.equal(await emergency.getAttribute("data-detox-first"), CASES.R5.detoxFirst);
    // P5 holds on the emergency screen too: 911, 988, and the provider's call and contact links.
    await expectNextSteps(emergency);

    // Continuing the questions leads to a result that stays an emergency (P1) and offers every next step (P5).
    await emergency.locator(".iof-actions button").first().tap();
    await expectScreen(page, "age");
    const rest = await complete(page, CASES.R5.answers);
    assert.equal(rest.screen, "result");
    const result = widget(page).locator("[data-screen=result]");
    assert.equal(await result.getAttribute("data-level"), CASES.R5.level);
    await expectNextSteps(result);
  });

  test("R5: \"change my answer\" goes back to the danger question", async () => {
    const page = env.page;
    await openHost(page, url());
    await complete(page, CASES.R5.answers);
    await widget(page).locator("[data-screen=emergency] .iof-actions button").nth(1).tap();
    await expectScreen(page, "danger");
    assert.ok(await option(page, "danger", "overdose").isChecked());
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
    // R1 rates D1 1 (mild), D2 0, D3 2 (some), D5 2 (slips back, most days), D6 1 (some support): iop.
    // With mental_health severe, D3 = 3: "php if D3 >= 3". Not residential: that needs D6 >= 3 with it,
    // and D6 stays 1; nor D1 >= 3 with D2 >= 3, nor D1 = 4. So php, and detox_first stays false (D1 < 3).
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
    const title = await w.locator("fieldset[data-question=age] legend h2").innerText();
    assert.equal(title.trim(), en["q.age.title.other"]);
    assert.notEqual(en["q.age.title.other"], en["q.age.title"]);

    const { screen } = await complete(page, { respondent: ["someone_else"] });
    assert.equal(screen, "result");
    const result = w.locator("[data-screen=result]");
    const advice = await result.locator(".iof-advice").innerText();
    assert.ok(advice.includes(en["flag.family"]), `family advice expected in: ${advice}`);
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

