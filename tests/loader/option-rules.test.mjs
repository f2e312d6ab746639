// The loader's option rules (loader/option-rules.js) against every case of
// tests/fixtures/options.json, the cases tests/options.rs checks the Rust
// parser with, under the limits and words of this build: the ones
// src/bin/prerender.rs prints from the options table (src/options/spec.rs) for
// scripts/post-build.mjs to put in the loader. The browser's side (the fallback
// showing them) is tests/e2e/fallback-options.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// The same command scripts/build.sh runs, so a build after this test compiles nothing again.
const printed = execFileSync("cargo", ["run", "--quiet", "--locked", "--features", "prerender", "--bin", "prerender"],
  { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
const { optionRules } = JSON.parse(printed);
// As scripts/post-build.mjs defines it for esbuild; here a global, read when the module loads.
globalThis.IOP_OP_FIT_OPTION_RULES = JSON.stringify(optionRules);
const { option, telHref } = await import("../../loader/option-rules.js");
const { cases } = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "options.json"), "utf8"));

/** What the loader makes of `options[name]` (read `quiet`, or not), and what it said in the console. */
function read(options, name, quiet = false) {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(" "));
  try {
    return { value: option(options, name, quiet), warnings };
  } finally {
    console.warn = warn;
  }
}

/** The options the fallback shows (loader/fallback.js), the ones the loader names when refused. */
const SHOWN = ["orgName", "phone", "contactUrl", "locale"];

test(`every case of the fixture is read as it says (${cases.length} cases)`, () => {
  for (const c of cases) {
    const what = `${c.option} = ${JSON.stringify(c.value)}`;
    // The painted screens read their options quietly: the wasm names a refused one itself.
    const quiet = !SHOWN.includes(c.option);
    const { value, warnings } = read({ [c.option]: c.value }, c.option, quiet);
    if (c.accepted) {
      assert.equal(value, c.normalised, what);
      assert.deepEqual(warnings, [], `${what}: no warning`);
      if (c.option === "phone") assert.equal(telHref(value), c.href, `${what}: the tel: link`);
    } else {
      assert.equal(value, null, `${what} is refused`);
      // The same words as the widget's own warning (tests/options.rs checks those against the table).
      const said = quiet ? [] : [`iop-op-fit: option \`${c.option}\` is "${c.value}"; use ${optionRules[c.option].allowed}. Leaving it out.`];
      assert.deepEqual(warnings, said, what);
    }
  }
});

test("the build gives the words for a refusal to the options the fallback shows, and only to them", () => {
  for (const [name, rule] of Object.entries(optionRules)) {
    assert.equal(typeof rule.allowed, SHOWN.includes(name) ? "string" : "undefined", name);
  }
});

test("the fixture has accepted and refused cases of every option the loader checks", () => {
  for (const name of Object.keys(optionRules)) {
    if (name === "emitEvents") continue; // the widget's privacy sentence, checked in the browser (tests/e2e/prerender.test.mjs)
    const mine = cases.filter((c) => c.option === name);
    assert.ok(mine.some((c) => c.accepted) && mine.some((c) => !c.accepted), name);
  }
});

test("numbers and booleans are read as JavaScript writes them; other values are ignored with a warning", () => {
  assert.deepEqual(read({ phone: 5550100 }, "phone"), { value: "5550100", warnings: [] });
  assert.deepEqual(read({ emitEvents: false }, "emitEvents"), { value: "false", warnings: [] });
  for (const [name, given] of [["contactUrl", null], ["orgName", ["Harbor"]], ["phone", { toString: () => "555" }]]) {
    assert.deepEqual(read({ [name]: given }, name),
      { value: null, warnings: [`iop-op-fit: option \`${name}\` must be text, a number or true/false; it was ignored.`] });
  }
});

test("an option not given is not read, even one an object's prototype has", () => {
  assert.deepEqual(read({}, "orgName"), { value: null, warnings: [] });
  assert.deepEqual(read(Object.create({ orgName: "Harbor" }), "orgName"), { value: null, warnings: [] });
});

test("quiet: for the painted screens, whose refusals the wasm names itself", () => {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(" "));
  try {
    assert.equal(option({ themeColor: "red", locale: 3 }, "themeColor", true), null);
    assert.equal(option({ themeColor: "red", locale: 3 }, "locale", true), null);
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(warnings, []);
});
