// What Chromium gives screen readers: the accessibility tree (the DevTools
// protocol's Accessibility.getFullAXTree) on every screen. The same names,
// roles, states and live regions the Orca test (tests/screen-reader/) hears
// in Firefox, checked here in the other engine: the widget one region with no
// landmarks inside it, each question's heading (focused) and hint, its options with their
// roles and states, the progress and error announcements, the emergency
// screen, the result's call button, 988 and 911, the levels picture as its
// text only, and the review's Change buttons named once.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { answer, back, CASES, complete, DEFAULTS, en, locale, openHost, setup, start, widget } from "./helpers.mjs";

const env = setup();
const ORG = "Test Clinic";
const say = (key) => en[key].replaceAll("{org}", ORG);

/** The page's accessibility tree, as { nodes, byId }; ignored nodes left out. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
  const shown = nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role?.value, name: n.name?.value ?? "", description: n.description?.value ?? "",
    checked: prop(n, "checked"), focused: prop(n, "focused") === true, live: prop(n, "live"),
    level: prop(n, "level"), node: n,
  }));
  return { nodes: shown, byId };
}

/** The text inside a node: its own name and its descendants' static text. */
function textOf(tree, node) {
  const out = [];
  const walk = (n) => {
    if (n.role?.value === "StaticText" && !n.ignored) out.push(n.name?.value ?? "");
    for (const id of n.childIds ?? []) if (tree.byId.get(id)) walk(tree.byId.get(id));
  };
  walk(node);
  return out.join("").replace(/\s+/g, " ").trim();
}

/** The node with focus (the document itself also counts as focused). */
function focusedNode(tree) {
  return one(tree, (n) => n.focused && n.role !== "RootWebArea", "the focused node");
}

const LANDMARKS = ["banner", "main", "contentinfo", "complementary", "region", "navigation", "search"];

/**
 * The widget is one region, named, with no landmarks inside it (the host page
 * used has none of its own).
 */
function expectNoLandmarks(tree, where, title = say("app.title")) {
  const found = tree.nodes.filter((n) => LANDMARKS.includes(n.role) || (n.role === "form" && n.name));
  assert.deepEqual(found.map((n) => `${n.role} "${n.name}"`), [`region "${title}"`], `${where}: the widget is one region and adds no other landmark`);
}

function one(tree, pred, what) {
  const found = tree.nodes.filter(pred);
  assert.equal(found.length, 1, `${what}: expected one, found ${found.length}: ${found.map((n) => `${n.role} "${n.name}"`).join(", ")}`);
  return found[0];
}

/** A question screen as exposed: its heading focused, its group named by the title and described by the hint, its options, the progress. */
async function expectQuestion(page, id, { progress = true } = {}) {
  const tree = await axTree(page);
  expectNoLandmarks(tree, id);
  const title = say(`q.${id}.title`);
  const heading = one(tree, (n) => n.role === "heading" && n.name === title, `${id}: the heading`);
  assert.equal(heading.level, 2);
  assert.ok(heading.focused, `${id}: focus is on the heading`);
  const group = one(tree, (n) => n.role === "group" && n.name === title, `${id}: the options' group, named by the question`);
  assert.equal(group.description.startsWith(say(`q.${id}.hint`)), true, `${id}: the group is described by the hint: "${group.description}"`);
  // The hint is there once as text, apart from the heading.
  assert.equal(tree.nodes.filter((n) => n.role === "StaticText" && n.name === say(`q.${id}.hint`)).length, 1, `${id}: the hint shows once`);
  const kinds = await widget(page).locator("fieldset[data-question] input").evaluateAll((ins) => ins.map((i) => [i.value, i.type, i.checked]));
  for (const [value, type, checked] of kinds) {
    const role = type === "radio" ? "radio" : "checkbox";
    const n = one(tree, (x) => x.role === role && x.name === say(`q.${id}.${value}`), `${id}: the ${role} ${value}`);
    assert.equal(n.checked, checked ? "true" : "false", `${id}: ${value} is ${checked ? "" : "not "}checked`);
  }
  const live = tree.nodes.filter((n) => n.live === "polite" && /^Question \d+ of \d+$/.test(textOf(tree, n.node)));
  assert.equal(live.length, progress ? 1 : 0, `${id}: one polite live region says the progress`);
  return tree;
}

describe("the accessibility tree in Chromium", () => {
  test("every screen: names, roles, states, focus and live regions", async () => {
    const page = env.page;
    await openHost(page, `${env.server.origin}/plain.html`);
    let tree = await axTree(page);
    expectNoLandmarks(tree, "start");
    one(tree, (n) => n.role === "button" && n.name === say("start.button"), "the start button");
    // The progress region waits, empty, for the first question.
    assert.equal(tree.nodes.filter((n) => n.live === "polite").length, 1, "the progress region is there before the first question");

    await start(page);
    await expectQuestion(page, "respondent");

    // An error: an alert with the message, the group invalid and described by it too; focus stays on Continue.
    await widget(page).locator("form[data-screen=question] button[type=submit]").focus();
    await page.keyboard.press("Enter");
    await widget(page).locator("[role=alert]").waitFor();
    tree = await axTree(page);
    const alert = one(tree, (n) => n.role === "alert", "the error");
    assert.match(textOf(tree, alert.node), new RegExp(`${say("error.title")}.*${say("error.choose_one")}`));
    const group = one(tree, (n) => n.role === "group", "the group");
    assert.ok(group.description.includes(say("error.choose_one")), `the group is described by the error: ${group.description}`);
    assert.equal(focusedNode(tree).name, say("nav.continue"), "focus stays on Continue");
    // Its link leads to the first option.
    await widget(page).locator(".iof-error-summary a").click();
    tree = await axTree(page);
    assert.equal(focusedNode(tree).name, say("q.respondent.self"), "the error's link focuses the first option");
    assert.equal(await page.evaluate(() => location.hash), "", "and leaves the page's address alone");

    await answer(page, "respondent", DEFAULTS.respondent);
    await expectQuestion(page, "danger");

    // The emergency screen: its heading focused, 911 first, 988, and the call button with the number.
    await answer(page, "danger", ["overdose"]);
    await widget(page).locator("[data-screen=emergency]").waitFor();
    tree = await axTree(page);
    expectNoLandmarks(tree, "emergency");
    const h = one(tree, (n) => n.role === "heading" && n.level === 2, "the emergency heading");
    assert.equal(h.name, say("emergency.heading"));
    assert.ok(h.focused);
    const links = tree.nodes.filter((n) => n.role === "link").map((n) => n.name);
    assert.equal(links[0], say("crisis.911"), "911 is the first link");
    for (const name of [say("crisis.988"), `${say("result.call")} · +1-555-010-0100`]) assert.ok(links.includes(name), `a link named "${name}"`);

    // Back: the danger question again, its answer kept, focus on its heading.
    assert.equal(await back(page), "danger");
    tree = await expectQuestion(page, "danger", { progress: true });

    await answer(page, "danger", ["none"]);
    assert.equal((await complete(page, CASES.R1.answers)).screen, "result");
    tree = await axTree(page);
    expectNoLandmarks(tree, "result");
    const rh = one(tree, (n) => n.role === "heading" && n.level === 2, "the result's heading");
    assert.equal(rh.name, say("result.heading.iop"));
    assert.ok(rh.focused, "focus is on the result's heading");
    const names = tree.nodes.filter((n) => n.role === "link").map((n) => n.name);
    for (const name of [`${say("result.call")} · +1-555-010-0100`, say("crisis.988"), say("crisis.911")]) {
      assert.ok(names.includes(name), `the result has a link named "${name}": ${names.join(" | ")}`);
    }
    // The levels picture: its text, once, and nothing of the drawing.
    const caption = (await widget(page).locator(".iof-levels-text").innerText()).trim();
    assert.equal(tree.nodes.filter((n) => n.role === "StaticText" && n.name === caption).length, 1, "the picture's text, once");
    for (const n of tree.nodes) {
      assert.ok(!["image", "img", "graphics-document", "figure", "SvgRoot"].includes(n.role), `the picture shows as ${n.role} "${n.name}"`);
      assert.ok(!(n.role === "StaticText" && ["OP", "IOP", "PHP", "RES", "▼"].includes(n.name)), `the picture's "${n.name}" is exposed`);
    }
    // The review: each Change button is named for its question, and sits in no term or definition.
    const changes = tree.nodes.filter((n) => n.role === "button" && n.name.startsWith(say("result.review.change_label").split("{")[0]));
    assert.ok(changes.length >= 14, `a Change button for each answer (${changes.length})`);
    assert.equal(tree.nodes.filter((n) => ["term", "definition", "DescriptionListTerm", "DescriptionListDetail"].includes(n.role)).length, 0,
      "no description list in the review");

    // "Change": the question, focus on its heading; then back to the result, focus on its heading.
    await widget(page).locator("[data-review=home] button").click();
    await expectQuestion(page, "home");
    await answer(page, "home", DEFAULTS.home);
    await widget(page).locator("[data-screen=result]").waitFor();
    tree = await axTree(page);
    assert.equal(focusedNode(tree).name, say("result.heading.iop"), "after Change, focus is on the result's heading");

    // The language switch: focus stays on it, and the tree speaks Spanish.
    await widget(page).locator("#iof-language").focus();
    await widget(page).locator("#iof-language").selectOption("es");
    await widget(page).locator(".iof[lang=es]").waitFor();
    tree = await axTree(page);
    const select = focusedNode(tree);
    assert.equal(select.role, "combobox", "after the switch, focus stays on the language switch");
    assert.equal(select.name, "Idioma");
    expectNoLandmarks(tree, "result in Spanish", locale("es")["app.title"]);
  });
});
