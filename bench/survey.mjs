// The peer: the same eighteen questions (clinical model version 2.1) as a
// SurveyJS survey, one question per page, with the widget's skip logic
// written as SurveyJS `visibleIf` expressions (so 15 to 17 are asked). Question and option ids are the contract ids of
// docs/clinical-rules.md; every text comes from the widget's English
// catalog (src/content/locales/en.json), so both show the same words.
//
// What SurveyJS does not do here (nothing that changes what is measured on
// the first screens): the "someone else" wording (titles stay in the first
// person), the widget's result screen and rules (SurveyJS ends with its
// "completed" page), the language switch and session storage.

/** The questions in the order they are asked: id, kind, option ids (least to most severe). */
export const QUESTIONS = [
  ["respondent", "single", ["self", "someone_else"]],
  ["danger", "multi-none", ["none", "overdose", "suicide", "harm_others", "withdrawal_emergency", "medical_emergency"]],
  ["age", "single", ["under_18", "18_to_64", "65_plus"]],
  ["pregnancy", "single", ["no", "postpartum", "yes"]],
  ["substances", "multi", ["alcohol", "opioids", "sedatives", "stimulants", "cannabis", "other"]],
  ["opioid_medicine", "single", ["no", "not_sure", "buprenorphine", "methadone", "naltrexone"]],
  ["frequency", "single", ["not_past_month", "less_than_weekly", "weekly", "most_days"]],
  ["sober_time", "single", ["over_six_months", "one_to_six_months"]],
  ["withdrawal", "single", ["none", "not_sure", "mild", "moderate", "severe"]],
  ["overdose_risk", "multi-none", ["none", "past_overdose", "injecting", "recent_release"]],
  ["health", "single", ["none", "managed", "serious"]],
  ["mental_health", "single", ["none", "some", "severe"]],
  ["control", "single", ["can_stop", "slips_back", "cannot_stop"]],
  ["treatment", "single", ["none", "past", "recent_outpatient", "recent_intensive"]],
  ["home", "single", ["stable", "strained", "unsafe"]],
  ["support", "single", ["strong", "some", "none"]],
  ["commitments", "multi-none", ["none", "work", "school", "caregiving"]],
  ["readiness", "single", ["ready", "unsure", "not_ready"]],
];

/** Substances that ask about overdose risks (src/engine/questions.rs, Substance::OVERDOSE_RISK). */
const OVERDOSE_RISK_SUBSTANCES = ["opioids", "sedatives", "stimulants", "other"];
/** Medicines that ask about overdose risks too (OpioidMedicine::on_medicine). */
const ON_MEDICINE = ["buprenorphine", "methadone"];
const quoted = (ids) => `[${ids.map((id) => `'${id}'`).join(", ")}]`;
const ACTIVE = "{frequency} notempty and {frequency} <> 'not_past_month'";

/**
 * Skip logic, as in src/engine/flow.rs: each question's `visibleIf`, when it has one. It, and the
 * emergency page below, are checked against the engine's own answers in tests/bench/survey-flow.test.mjs.
 */
export const VISIBLE_IF = {
  sober_time: "{frequency} = 'not_past_month'",
  withdrawal: ACTIVE,
  overdose_risk: `{substances} anyof ${quoted(OVERDOSE_RISK_SUBSTANCES)} or {opioid_medicine} anyof ${quoted(ON_MEDICINE)}`,
  control: ACTIVE,
};

/** The dangers (every `danger` option but `none`), and those that lead with 911 rather than 988. */
const DANGERS = QUESTIONS.find(([id]) => id === "danger")[2].filter((d) => d !== "none");
const LEAD_911 = DANGERS.filter((d) => d !== "suicide");
/** Any danger shows the emergency page straight after the danger question. */
const EMERGENCY_IF = `{danger} anyof ${quoted(DANGERS)}`;
/** crisis_first: 988 when thoughts of suicide are the only danger, else 911. */
const LEADS_988_IF = `{danger} contains 'suicide' and ${LEAD_911.map((d) => `{danger} notcontains '${d}'`).join(" and ")}`;
const LEADS_911_IF = `{danger} anyof ${quoted(LEAD_911)}`;

/** The catalog's text for `key`; throws when it has none. */
export function text(en, key) {
  const value = en[key];
  if (typeof value !== "string") throw new Error(`en.json has no text for ${key}`);
  return value;
}

export const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The SurveyJS JSON definition, built from the English catalog `en`.
 * Throws when the catalog lacks a text this survey needs, or has an option
 * this survey lacks, so the two pages cannot drift apart unnoticed.
 */
export function surveyDefinition(en) {
  for (const key of Object.keys(en)) {
    const m = /^q\.([a-z_]+)\.([a-z0-9_]+)$/.exec(key);
    if (!m || ["title", "hint"].includes(m[2])) continue;
    const q = QUESTIONS.find(([id]) => id === m[1]);
    if (!q) throw new Error(`bench/survey.mjs: en.json has a question this survey lacks: ${m[1]}`);
    if (!q[2].includes(m[2])) throw new Error(`bench/survey.mjs: en.json has an option this survey lacks: ${key}`);
  }
  const pages = [];
  for (const [id, kind, options] of QUESTIONS) {
    const element = {
      name: id,
      type: kind === "single" ? "radiogroup" : "checkbox",
      title: text(en, `q.${id}.title`),
      description: text(en, `q.${id}.hint`),
      isRequired: true,
      requiredErrorText: text(en, kind === "single" ? "error.choose_one" : "error.choose_any"),
      choices: options.filter((o) => !(kind === "multi-none" && o === "none"))
        .map((o) => ({ value: o, text: text(en, `q.${id}.${o}`) })),
    };
    if (kind === "multi-none") {
      // SurveyJS's own exclusive "none" item; its value is "none", as in the contract.
      element.showNoneItem = true;
      element.noneText = text(en, `q.${id}.none`);
    }
    if (VISIBLE_IF[id]) element.visibleIf = VISIBLE_IF[id];
    pages.push({ name: id, elements: [element] });
    if (id === "danger") {
      const call = (line) => `<p><a href="tel:${line}">${escapeHtml(text(en, `crisis.${line}`))}</a></p>`;
      const help = (name, visibleIf, lead, lines) => ({
        type: "html",
        name,
        visibleIf,
        html: `<h2>${escapeHtml(text(en, "emergency.heading"))}</h2><p>${escapeHtml(text(en, lead))}</p>${lines.map(call).join("")}`,
      });
      pages.push({
        name: "emergency",
        visibleIf: EMERGENCY_IF,
        elements: [
          help("emergency_help_911", LEADS_911_IF, "emergency.lead", ["911", "988"]),
          help("emergency_help_988", LEADS_988_IF, "emergency.lead.988", ["988", "911"]),
        ],
      });
    }
  }
  return {
    title: text(en, "app.title"),
    locale: "en",
    pages,
    showQuestionNumbers: "off",
    showProgressBar: true,
    progressBarLocation: "top",
    pageNextText: text(en, "nav.continue"),
    pagePrevText: text(en, "nav.back"),
    completeText: text(en, "nav.continue"),
    checkErrorsMode: "onNextPage",
  };
}
