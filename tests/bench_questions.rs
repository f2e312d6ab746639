//! The benchmark's list of the questions (`bench/survey.mjs`, `QUESTIONS`),
//! which builds its SurveyJS peer and the static page's choices, against the
//! engine: the same questions in the same order, each of the same kind with
//! the same options. Read as text, as the other copies are (tests/option_lists.rs).
//! Its skip logic is checked through `tests/fixtures/flow.json`, which the
//! engine must follow here and SurveyJS in tests/bench/survey-flow.test.mjs.

use iop_op_fit::engine::{assess, flow, Kind, Question, Responses};
use serde_json::{Map, Value};

#[test]
fn the_benchmarks_questions_are_the_engines() {
    let path = "bench/survey.mjs";
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let list = text
        .split("export const QUESTIONS = [")
        .nth(1)
        .and_then(|rest| rest.split("\n];").next())
        .unwrap_or_else(|| panic!("{path} has no `export const QUESTIONS = [ … ];`"));
    // Each row: ["id", "kind", ["option", …]],
    let rows: Vec<(String, String, Vec<String>)> = list
        .lines()
        .filter(|l| l.trim_start().starts_with("[\""))
        .map(|l| {
            let quoted: Vec<String> = l.split('"').skip(1).step_by(2).map(str::to_owned).collect();
            (quoted[0].clone(), quoted[1].clone(), quoted[2..].to_vec())
        })
        .collect();
    let ids: Vec<&str> = rows.iter().map(|(id, ..)| id.as_str()).collect();
    assert_eq!(ids, Question::IDS, "{path}: the questions, in order");
    for (id, kind, options) in &rows {
        let q = Question::from_id(id).unwrap();
        let expected = match q.kind() {
            Kind::Single => "single",
            Kind::Multi {
                none_exclusive: true,
            } => "multi-none",
            Kind::Multi {
                none_exclusive: false,
            } => "multi",
        };
        assert_eq!(kind, expected, "{path}: the kind of {id}");
        assert_eq!(options, q.options(), "{path}: the options of {id}");
    }
}

/// Each case of the shared fixture, as the engine answers it: the questions
/// asked (every one but those the case skips, in order) and, when a danger
/// is chosen, the crisis line the emergency screen leads with.
#[test]
fn the_shared_flow_cases_are_the_engines() {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/flow.json")).unwrap();
    let base = fixture["base"].as_object().expect("flow.json has a base");
    let cases = fixture["cases"].as_array().expect("flow.json has cases");
    for case in cases {
        let mut answers: Map<String, Value> = base.clone();
        for (id, value) in case["changes"].as_object().expect("each case has changes") {
            answers.insert(id.clone(), value.clone());
        }
        let text = Value::Object(answers).to_string();
        let r = Responses::from_json(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let skipped: Vec<&str> = case["skipped"]
            .as_array()
            .expect("each case has skipped")
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let asked: Vec<&str> = flow::path(&r).iter().map(|q| q.id()).collect();
        let expected: Vec<&str> = Question::IDS
            .iter()
            .copied()
            .filter(|id| !skipped.contains(id))
            .collect();
        assert_eq!(asked, expected, "the questions asked for {text}");
        // Without a danger, no emergency screen (and the rest is not all answered).
        let lead = flow::is_emergency(&r)
            .then(|| assess(&r).unwrap().crisis_first)
            .flatten()
            .map(|line| line.id().to_owned());
        assert_eq!(
            lead.as_deref(),
            case["emergency"].as_str(),
            "what the emergency screen leads with for {text}"
        );
    }
    assert!(cases.len() >= 20, "the fixture lost its cases");
}
