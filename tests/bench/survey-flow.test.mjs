// The benchmark's SurveyJS peer (bench/survey.mjs) asks what the widget
// asks: each case of tests/fixtures/flow.json, which tests/bench_questions.rs
// checks against the engine, run through SurveyJS's own model (survey-core,
// no browser): the pages it shows, in order, and which emergency help.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { QUESTIONS, surveyDefinition } from "../../bench/survey.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (...path) => JSON.parse(readFileSync(join(ROOT, ...path), "utf8"));
const { Model } = createRequire(import.meta.url)("survey-core");
const en = read("src", "content", "locales", "en.json");
const { base, cases } = read("tests", "fixtures", "flow.json");

test("SurveyJS shows the questions and the emergency help the engine gives, for each shared case", () => {
  const definition = surveyDefinition(en);
  assert.ok(cases.length >= 20, "the fixture lost its cases");
  for (const { changes, skipped, emergency } of cases) {
    const answers = { ...base, ...changes };
    const model = new Model(definition);
    model.data = answers;
    const expected = QUESTIONS.map(([id]) => id).filter((id) => !skipped.includes(id));
    if (emergency) expected.splice(expected.indexOf("danger") + 1, 0, "emergency");
    const what = JSON.stringify(changes);
    assert.deepEqual(model.visiblePages.map((p) => p.name), expected, `the pages shown for ${what}`);
    const help = model.getPageByName("emergency").elements.filter((e) => e.isVisible).map((e) => e.name);
    assert.deepEqual(help, emergency ? [`emergency_help_${emergency}`] : [], `the emergency help for ${what}`);
  }
});
