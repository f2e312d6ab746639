//! P6's other half: invalid or incomplete answers give a clear error naming
//! the question, never a panic. Also the flow: order and skip logic.

mod support;

use iop_op_fit::engine::{assess, flow, AnswerError, Question, Responses};
use support::{answers, BASE};

fn complete_json() -> serde_json::Map<String, serde_json::Value> {
    match serde_json::from_str(&answers(&[]).to_json()).unwrap() {
        serde_json::Value::Object(m) => m,
        _ => unreachable!(),
    }
}

/// Replaces (or with `None`, removes) one answer in a complete set and parses it.
fn parse_with(key: &str, value: Option<serde_json::Value>) -> Result<Responses, AnswerError> {
    let mut m = complete_json();
    match value {
        Some(v) => m.insert(key.into(), v),
        None => m.remove(key),
    };
    Responses::from_json(&serde_json::Value::Object(m).to_string())
        .and_then(|r| assess(&r).map(|_| r))
}

#[track_caller]
fn assert_error(result: Result<Responses, AnswerError>, question: &str, says: &[&str]) {
    let err = result.expect_err("should be rejected");
    let message = err.to_string();
    assert!(
        message.contains(&format!("`{question}`")),
        "{message:?} does not name `{question}`"
    );
    for s in says {
        assert!(message.contains(s), "{message:?} does not say {s:?}");
    }
}

#[test]
fn complete_answers_round_trip_through_json() {
    let r = answers(&[("substances", &["opioids", "alcohol"])]);
    assert_eq!(Responses::from_json(&r.to_json()), Ok(r.clone()));
    assert!(
        r.to_json()
            .contains(r#""substances":["alcohol","opioids"]"#),
        "multi answers keep option order"
    );
}

#[test]
fn unknown_question_lists_the_questions() {
    assert_error(
        parse_with("mood", Some("fine".into())),
        "mood",
        &["unknown question", "respondent", "readiness"],
    );
}

#[test]
fn unknown_option_lists_what_is_allowed() {
    assert_error(
        parse_with("age", Some("40".into())),
        "age",
        &["`40`", "under_18, 18_to_64, 65_plus"],
    );
    assert_error(
        parse_with("substances", Some(serde_json::json!(["alcohol", "tea"]))),
        "substances",
        &["`tea`", "alcohol"],
    );
}

#[test]
fn missing_answer_names_the_question() {
    assert_error(
        parse_with("home", None),
        "home",
        &["no answer", "stable, strained, unsafe"],
    );
    // The skip logic decides what is required: after weekly use, withdrawal is.
    let mut m = complete_json();
    m.remove("sober_time");
    m.insert("frequency".into(), "weekly".into());
    let r = Responses::from_json(&serde_json::Value::Object(m).to_string()).unwrap();
    assert_eq!(
        assess(&r).unwrap_err(),
        AnswerError::Missing {
            question: Question::Withdrawal
        }
    );
}

#[test]
fn none_cannot_be_mixed_with_other_choices() {
    assert_error(
        parse_with("danger", Some(serde_json::json!(["none", "overdose"]))),
        "danger",
        &["none"],
    );
    assert_error(
        parse_with("commitments", Some(serde_json::json!(["work", "none"]))),
        "commitments",
        &["none"],
    );
}

#[test]
fn answering_a_skipped_question_is_an_error() {
    // sober_time is only asked after no use in the past month.
    let mut m = complete_json();
    m.insert("frequency".into(), "weekly".into());
    m.insert("withdrawal".into(), "none".into());
    assert_error(
        Responses::from_json(&serde_json::Value::Object(m).to_string()),
        "sober_time",
        &["not asked", "`weekly`"],
    );
    // withdrawal is skipped after no use in the past month.
    assert_error(
        parse_with("withdrawal", Some("mild".into())),
        "withdrawal",
        &["not asked", "not_past_month"],
    );
    // Either is refused until frequency is known.
    let mut m = complete_json();
    m.remove("frequency");
    assert_error(
        Responses::from_json(&serde_json::Value::Object(m).to_string()),
        "sober_time",
        &["before `frequency` is answered"],
    );
}

#[test]
fn wrong_shapes_say_what_shape_is_wanted() {
    assert_error(
        parse_with("age", Some(serde_json::json!(["18_to_64"]))),
        "age",
        &["exactly one"],
    );
    assert_error(
        parse_with("danger", Some("none".into())),
        "danger",
        &["list", "[\"none\"]"],
    );
    assert_error(
        parse_with("danger", Some(serde_json::json!([]))),
        "danger",
        &["at least one"],
    );
    assert_error(
        parse_with("substances", Some(serde_json::json!([1, 2]))),
        "substances",
        &["list"],
    );
    assert_error(
        parse_with("age", Some(serde_json::Value::Null)),
        "age",
        &["exactly one"],
    );
    for bad in ["", "[1]", "\"self\"", "{not json"] {
        let message = Responses::from_json(bad).unwrap_err().to_string();
        assert!(message.contains("JSON object"), "{bad:?} → {message}");
    }
}

#[test]
fn lenient_reading_keeps_every_valid_answer() {
    let (r, problems) = Responses::from_json_lenient(
        r#"{"respondent":"self","age":"old","mood":"ok","home":"unsafe"}"#,
    );
    assert_eq!(r.single(Question::Respondent), Some("self"));
    assert_eq!(r.single(Question::Home), Some("unsafe"));
    assert_eq!(r.get(Question::Age), None);
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn a_rejected_answer_changes_nothing() {
    let mut r = answers(&[]);
    let before = r.clone();
    assert!(r.set(Question::Age, &["old"]).is_err());
    assert!(r.set(Question::Danger, &["none", "suicide"]).is_err());
    assert!(r.set(Question::Withdrawal, &["mild"]).is_err());
    assert_eq!(r, before);
}

#[test]
fn questions_come_in_contract_order_with_the_skip_logic() {
    let mut r = Responses::new();
    let mut asked = Vec::new();
    let pick = |q: Question| -> &'static str {
        match q {
            Question::Frequency => "most_days",
            _ => BASE
                .iter()
                .find(|(id, _)| *id == q.id())
                .map_or(q.options()[0], |(_, v)| v[0]),
        }
    };
    assert_eq!(flow::path(&r).len(), 14);
    while let Some(q) = flow::next_question(&r) {
        asked.push(q.id());
        r.set(q, &[pick(q)]).unwrap();
        assert_eq!(flow::path(&r).len(), 14);
    }
    assert_eq!(
        asked,
        [
            "respondent",
            "danger",
            "age",
            "substances",
            "frequency",
            "withdrawal",
            "health",
            "mental_health",
            "control",
            "treatment",
            "home",
            "support",
            "commitments",
            "readiness"
        ]
    );
    assert!(!flow::path(&r).contains(&Question::SoberTime));
    // Changing frequency to no recent use drops withdrawal and asks sober_time next.
    r.set(Question::Frequency, &["not_past_month"]).unwrap();
    assert_eq!(r.get(Question::Withdrawal), None);
    assert_eq!(flow::next_question(&r), Some(Question::SoberTime));
}

#[test]
fn the_danger_question_comes_second() {
    let mut r = Responses::new();
    r.set(Question::Respondent, &["someone_else"]).unwrap();
    assert_eq!(flow::next_question(&r), Some(Question::Danger));
    r.set(Question::Danger, &["overdose"]).unwrap();
    assert!(flow::is_emergency(&r));
}

/// Ids are written unescaped into JSON (`Responses::to_json`, the widget's
/// stored answers) and into element ids (the question screen), so each must be plain.
#[test]
fn every_id_is_lowercase_letters_digits_and_underscores() {
    let plain = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    for &q in Question::ALL {
        assert!(plain(q.id()), "question id {:?}", q.id());
        for option in q.options() {
            assert!(plain(option), "{} option {option:?}", q.id());
        }
    }
}
