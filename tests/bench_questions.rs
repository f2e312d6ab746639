//! The benchmark's list of the questions (`bench/survey.mjs`, `QUESTIONS`),
//! which builds its SurveyJS peer and the static page's choices, against the
//! engine: the same questions in the same order, each of the same kind with
//! the same options. Read as text, as the other copies are (tests/option_lists.rs).

use iop_op_fit::engine::{Kind, Question};

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
