//! P6's other half: invalid or incomplete answers give a clear error naming
//! the question, never a panic. Also the flow: order and skip logic.

mod support;

use iop_op_fit::engine::{assess, flow, AnswerError, Level, Question, Responses};
use serde_json::{json, Map, Value};
use support::{answers, Answers, BASE, EVERY_OVERDOSE_RISK, EVERY_SUBSTANCE, REFERENCE};

/// The answers of `changes` (from BASE) as a JSON object, to edit.
fn json_of(changes: Answers) -> Map<String, Value> {
    match serde_json::from_str(&answers(changes).to_json()).unwrap() {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

fn complete_json() -> Map<String, Value> {
    json_of(&[])
}

fn parse(m: Map<String, Value>) -> Result<Responses, AnswerError> {
    Responses::from_json(&Value::Object(m).to_string())
}

/// Replaces (or with `None`, removes) one answer in a complete set and parses it.
fn parse_with(key: &str, value: Option<serde_json::Value>) -> Result<Responses, AnswerError> {
    let mut m = complete_json();
    match value {
        Some(v) => m.insert(key.into(), v),
        None => m.remove(key),
    };
    parse(m).and_then(|r| assess(&r).map(|_| r))
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
    let r = answers(&[
        ("substances", &["opioids", "alcohol"]),
        ("overdose_risk", &["recent_release", "injecting"]),
    ]);
    assert_eq!(Responses::from_json(&r.to_json()), Ok(r));
    assert!(
        r.to_json()
            .contains(r#""substances":["alcohol","opioids"]"#),
        "multi answers keep option order: {}",
        r.to_json()
    );
    assert!(r
        .to_json()
        .contains(r#""overdose_risk":["injecting","recent_release"]"#));
}

#[test]
fn every_reference_case_round_trips_through_json() {
    for case in REFERENCE {
        let r = case.responses();
        let json = r.to_json();
        assert_eq!(Responses::from_json(&json), Ok(r), "{}: {json}", case.case);
        // The JSON holds exactly the answers given, so both assess the same.
        let back = Responses::from_json(&json).unwrap();
        assert_eq!(assess(&back), assess(&r), "{}", case.case);
        assert_eq!(back.iter().count(), r.iter().count());
    }
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
        parse_with("substances", Some(json!(["alcohol", "tea"]))),
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
    let r = parse(m.clone()).unwrap();
    assert_eq!(
        assess(&r).unwrap_err(),
        AnswerError::Missing {
            question: Question::Withdrawal
        }
    );
    // ... and then control.
    m.insert("withdrawal".into(), "none".into());
    let r = parse(m).unwrap();
    assert_eq!(
        assess(&r).unwrap_err(),
        AnswerError::Missing {
            question: Question::Control
        }
    );
    // With opioids, overdose_risk is.
    let mut m = complete_json();
    m.insert("substances".into(), json!(["opioids"]));
    let r = parse(m).unwrap();
    let err = assess(&r).unwrap_err();
    assert_eq!(
        err,
        AnswerError::Missing {
            question: Question::OverdoseRisk
        }
    );
    assert_error(
        Err(err),
        "overdose_risk",
        &[
            "no answer",
            "none, past_overdose, injecting, recent_release",
        ],
    );
}

#[test]
fn a_missing_pregnancy_answer_names_pregnancy_and_its_options() {
    let err = parse_with("pregnancy", None).unwrap_err();
    assert_eq!(
        err,
        AnswerError::Missing {
            question: Question::Pregnancy
        }
    );
    assert_eq!(err.question(), Some(Question::Pregnancy));
    assert_error(Err(err), "pregnancy", &["no answer", "no, postpartum, yes"]);
}

/// P6: every incomplete answer set, in the order the questions are asked,
/// gives `Missing` naming the next question, never a panic; an emergency
/// needs nothing after `danger`.
#[test]
fn every_prefix_of_the_reference_answers_names_the_next_question() {
    let mut checked = 0;
    for case in REFERENCE.iter().filter(|c| !c.early) {
        let full = case.responses();
        let mut r = Responses::new();
        for (q, ids) in full.iter() {
            let next = flow::next_question(&r).expect("an unanswered question");
            assert_eq!(next, q, "{}: answers come in asking order", case.case);
            assert_eq!(
                assess(&r),
                Err(AnswerError::Missing { question: q }),
                "{}",
                case.case
            );
            r.set(q, &ids).unwrap();
            checked += 1;
        }
        assert_eq!(flow::next_question(&r), None);
        assert_eq!(r, full);
        assert!(assess(&r).is_ok());
    }
    assert!(checked > 17 * 15);
    // An emergency with nothing after it, or some answers after it, has a result.
    let mut r = Responses::new();
    r.set(Question::Respondent, &["self"]).unwrap();
    r.set(Question::Danger, &["overdose"]).unwrap();
    for q in [Question::Age, Question::Pregnancy, Question::Substances] {
        assert_eq!(
            assess(&r).map(|a| (a.level, a.after_emergency)),
            Ok((Level::Emergency, None))
        );
        r.set(q, &[q.options()[0]]).unwrap();
    }
}

#[test]
fn none_cannot_be_mixed_with_other_choices() {
    assert_error(
        parse_with("danger", Some(json!(["none", "overdose"]))),
        "danger",
        &["none"],
    );
    assert_error(
        parse_with("commitments", Some(json!(["work", "none"]))),
        "commitments",
        &["none"],
    );
}

#[test]
fn none_cannot_be_mixed_with_another_overdose_risk() {
    let mut r = answers(&[("substances", &["opioids"])]);
    let before = r;
    let err = r
        .set(Question::OverdoseRisk, &["none", "injecting"])
        .unwrap_err();
    assert_eq!(
        err,
        AnswerError::NoneWithOthers {
            question: Question::OverdoseRisk
        }
    );
    assert_error(Err(err), "overdose_risk", &["none"]);
    assert_eq!(r, before);
    let mut m = json_of(&[("substances", &["opioids"])]);
    m.insert("overdose_risk".into(), json!(["past_overdose", "none"]));
    assert_eq!(
        parse(m),
        Err(AnswerError::NoneWithOthers {
            question: Question::OverdoseRisk
        })
    );
    // Several risks together are fine.
    r.set(Question::OverdoseRisk, EVERY_OVERDOSE_RISK).unwrap();
}

#[test]
fn control_is_not_asked_without_use_in_the_past_month() {
    let skipped = AnswerError::Skipped {
        question: Question::Control,
        by: Question::Frequency,
        by_answer: Some(vec!["not_past_month"]),
    };
    let mut r = answers(&[]);
    assert_eq!(
        r.set(Question::Control, &["can_stop"]),
        Err(skipped.clone())
    );
    assert_eq!(
        parse_with("control", Some("slips_back".into())),
        Err(skipped.clone())
    );
    assert_error(
        Err(skipped),
        "control",
        &[
            "not asked when `frequency` is `not_past_month`",
            "asked only when `frequency` is not `not_past_month`",
        ],
    );
}

#[test]
fn overdose_risk_is_not_asked_about_alcohol_alone() {
    let skipped = AnswerError::Skipped {
        question: Question::OverdoseRisk,
        by: Question::Substances,
        by_answer: Some(vec!["alcohol"]),
    };
    let mut r = answers(&[("substances", &["alcohol"]), ("frequency", &["most_days"])]);
    assert_eq!(
        r.set(Question::OverdoseRisk, &["none"]),
        Err(skipped.clone())
    );
    let mut m = json_of(&[("substances", &["alcohol"])]);
    m.insert("overdose_risk".into(), json!(["past_overdose"]));
    assert_eq!(parse(m), Err(skipped.clone()));
    assert_error(
        Err(skipped),
        "overdose_risk",
        &[
            "not asked when `substances` is `alcohol`",
            "opioids, sedatives, stimulants or other",
        ],
    );
    // Nor about cannabis, nor before substances are known.
    let mut m = complete_json();
    m.insert("overdose_risk".into(), json!(["none"]));
    assert_error(parse(m), "overdose_risk", &["not asked", "`cannabis`"]);
    let mut m = json_of(&[("substances", &["opioids"])]);
    m.remove("substances");
    assert_error(
        parse(m),
        "overdose_risk",
        &["before `substances` is answered"],
    );
}

#[test]
fn a_changed_answer_drops_the_answers_it_makes_skipped() {
    // From opioids to alcohol: the overdose_risk answer goes, and the answers are still complete.
    let mut r = answers(&[
        ("substances", &["opioids"]),
        ("overdose_risk", &["past_overdose"]),
    ]);
    assert_eq!(assess(&r).unwrap().level, Level::Iop);
    r.set(Question::Substances, &["alcohol"]).unwrap();
    assert_eq!(r.get(Question::OverdoseRisk), None);
    assert_eq!(r.check_complete(), Ok(()));
    assert_eq!(assess(&r).unwrap().level, Level::Op);
    assert!(!r.to_json().contains("overdose_risk"));
    // Adding alcohol to opioids keeps it.
    let mut r = answers(&[
        ("substances", &["opioids"]),
        ("overdose_risk", &["past_overdose"]),
    ]);
    r.set(Question::Substances, &["opioids", "alcohol"])
        .unwrap();
    assert_eq!(r.get(Question::OverdoseRisk), Some(vec!["past_overdose"]));
    // From most_days to not_past_month: withdrawal and control go, sober_time is asked.
    let mut r = answers(&[
        ("frequency", &["most_days"]),
        ("withdrawal", &["mild"]),
        ("control", &["slips_back"]),
    ]);
    r.set(Question::Frequency, &["not_past_month"]).unwrap();
    assert_eq!(
        (r.get(Question::Withdrawal), r.get(Question::Control)),
        (None, None)
    );
    assert_eq!(flow::next_question(&r), Some(Question::SoberTime));
    // And back: sober_time goes, withdrawal and control are asked again.
    r.set(Question::SoberTime, &["one_to_six_months"]).unwrap();
    r.set(Question::Frequency, &["weekly"]).unwrap();
    assert_eq!(r.get(Question::SoberTime), None);
    assert_eq!(flow::next_question(&r), Some(Question::Withdrawal));
}

#[test]
fn answering_a_skipped_question_is_an_error() {
    // sober_time is only asked after no use in the past month.
    let mut m = complete_json();
    m.insert("frequency".into(), "weekly".into());
    m.insert("withdrawal".into(), "none".into());
    assert_error(parse(m), "sober_time", &["not asked", "`weekly`"]);
    // withdrawal is skipped after no use in the past month.
    assert_error(
        parse_with("withdrawal", Some("mild".into())),
        "withdrawal",
        &["not asked", "not_past_month"],
    );
    // Either is refused until frequency is known.
    let mut m = complete_json();
    m.remove("frequency");
    assert_error(parse(m), "sober_time", &["before `frequency` is answered"]);
}

#[test]
fn wrong_shapes_say_what_shape_is_wanted() {
    assert_error(
        parse_with("age", Some(json!(["18_to_64"]))),
        "age",
        &["exactly one"],
    );
    assert_error(
        parse_with("danger", Some("none".into())),
        "danger",
        &["list", "[\"none\"]"],
    );
    assert_error(
        parse_with("danger", Some(json!([]))),
        "danger",
        &["at least one"],
    );
    assert_error(
        parse_with("substances", Some(json!([1, 2]))),
        "substances",
        &["list"],
    );
    assert_error(
        parse_with("age", Some(Value::Null)),
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
    assert_eq!(r.get(Question::Respondent), Some(vec!["self"]));
    assert_eq!(r.get(Question::Home), Some(vec!["unsafe"]));
    assert_eq!(r.get(Question::Age), None);
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn a_rejected_answer_changes_nothing() {
    let mut r = answers(&[]);
    let before = r;
    assert!(r.set(Question::Age, &["old"]).is_err());
    assert!(r.set(Question::Danger, &["none", "suicide"]).is_err());
    assert!(r.set(Question::Withdrawal, &["mild"]).is_err());
    assert_eq!(r, before);
}

#[test]
fn questions_come_in_contract_order_with_the_skip_logic() {
    let all = [
        "respondent",
        "danger",
        "age",
        "pregnancy",
        "substances",
        "opioid_medicine",
        "frequency",
        "sober_time",
        "withdrawal",
        "overdose_risk",
        "health",
        "mental_health",
        "control",
        "treatment",
        "home",
        "support",
        "commitments",
        "readiness",
    ];
    assert_eq!(Question::IDS, all);
    assert_eq!(Question::Substances.options(), EVERY_SUBSTANCE);
    assert_eq!(
        Question::OverdoseRisk.options(),
        [&["none"][..], EVERY_OVERDOSE_RISK].concat()
    );
    // (substances, opioid_medicine, frequency) → the questions not asked.
    let paths: [(&[&str], &str, &str, &[&str]); 8] = [
        (
            &["cannabis"],
            "no",
            "most_days",
            &["sober_time", "overdose_risk"],
        ),
        (&["opioids"], "no", "most_days", &["sober_time"]),
        (
            &["alcohol", "other"],
            "no",
            "less_than_weekly",
            &["sober_time"],
        ),
        (
            &["opioids"],
            "no",
            "not_past_month",
            &["withdrawal", "control"],
        ),
        (
            &["cannabis", "alcohol"],
            "no",
            "not_past_month",
            &["withdrawal", "overdose_risk", "control"],
        ),
        // Methadone or buprenorphine asks about overdose risks, whatever is used.
        (&["cannabis"], "methadone", "most_days", &["sober_time"]),
        (
            &["alcohol"],
            "buprenorphine",
            "not_past_month",
            &["withdrawal", "control"],
        ),
        (
            &["cannabis"],
            "naltrexone",
            "weekly",
            &["sober_time", "overdose_risk"],
        ),
    ];
    for (substances, medicine, frequency, skipped) in paths {
        let mut r = Responses::new();
        let mut asked = Vec::new();
        // Before substances, opioid_medicine and frequency are known, every
        // question they may add counts.
        let mut count = flow::path(&r).len();
        assert_eq!(count, 17);
        while let Some(q) = flow::next_question(&r) {
            asked.push(q.id());
            let given: &[&str] = match q {
                Question::Substances => substances,
                Question::OpioidMedicine => &[medicine],
                Question::Frequency => &[frequency],
                _ => BASE.iter().find(|(id, _)| *id == q.id()).unwrap().1,
            };
            r.set(q, given).unwrap();
            let now = flow::path(&r).len();
            assert!(
                now <= count && (15..=17).contains(&now),
                "the count of questions grew"
            );
            count = now;
        }
        let wanted: Vec<&str> = all
            .iter()
            .copied()
            .filter(|q| !skipped.contains(q))
            .collect();
        assert_eq!(asked, wanted, "{substances:?} {medicine} {frequency}");
        assert_eq!(flow::path(&r).len(), asked.len());
        assert!(assess(&r).is_ok());
    }
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

#[test]
fn a_missing_or_wrong_opioid_medicine_answer_names_the_question() {
    let err = parse_with("opioid_medicine", None).unwrap_err();
    assert_eq!(
        err,
        AnswerError::Missing {
            question: Question::OpioidMedicine
        }
    );
    assert_error(
        Err(err),
        "opioid_medicine",
        &[
            "no answer",
            "no, not_sure, buprenorphine, methadone, naltrexone",
        ],
    );
    assert_error(
        parse_with("opioid_medicine", Some("suboxone".into())),
        "opioid_medicine",
        &["`suboxone`", "buprenorphine"],
    );
    // One medicine, as a string.
    assert_error(
        parse_with("opioid_medicine", Some(json!(["methadone"]))),
        "opioid_medicine",
        &["exactly one answer"],
    );
    // Asked of everyone, right after substances.
    let mut r = Responses::new();
    for q in [
        Question::Respondent,
        Question::Danger,
        Question::Age,
        Question::Pregnancy,
        Question::Substances,
    ] {
        let (_, given) = BASE.iter().find(|(id, _)| *id == q.id()).unwrap();
        r.set(q, given).unwrap();
    }
    assert_eq!(flow::next_question(&r), Some(Question::OpioidMedicine));
}

#[test]
fn overdose_risk_is_asked_on_methadone_or_buprenorphine_whatever_is_used() {
    for medicine in ["methadone", "buprenorphine"] {
        let r = answers(&[
            ("substances", &["cannabis"]),
            ("opioid_medicine", &[medicine]),
            ("overdose_risk", &["past_overdose"]),
        ]);
        assert_eq!(r.get(Question::OverdoseRisk), Some(vec!["past_overdose"]));
        assert!(assess(&r).is_ok());
        // Without its answer, the set is incomplete.
        let mut m = json_of(&[
            ("substances", &["cannabis"]),
            ("opioid_medicine", &[medicine]),
        ]);
        m.remove("overdose_risk");
        assert_error(
            parse(m).and_then(|r| assess(&r).map(|_| r)),
            "overdose_risk",
            &["no answer"],
        );
    }
    // Not on naltrexone, not_sure or no, with alcohol or cannabis alone.
    for medicine in ["naltrexone", "not_sure", "no"] {
        let mut m = json_of(&[
            ("substances", &["alcohol"]),
            ("opioid_medicine", &[medicine]),
        ]);
        m.insert("overdose_risk".into(), json!(["none"]));
        assert_error(
            parse(m),
            "overdose_risk",
            &[
                "not asked when `substances` is `alcohol`",
                "or `opioid_medicine` is `buprenorphine` or `methadone`",
            ],
        );
    }
    // Before opioid_medicine is answered, it is not asked yet about alcohol.
    let mut r = Responses::new();
    r.set(Question::Substances, &["alcohol"]).unwrap();
    assert_eq!(
        r.set(Question::OverdoseRisk, &["none"]),
        Err(AnswerError::Skipped {
            question: Question::OverdoseRisk,
            by: Question::OpioidMedicine,
            by_answer: None,
        })
    );
    // Stopping the medicine drops the answer it made asked.
    let mut r = answers(&[
        ("substances", &["alcohol"]),
        ("opioid_medicine", &["methadone"]),
        ("overdose_risk", &["injecting"]),
    ]);
    r.set(Question::OpioidMedicine, &["no"]).unwrap();
    assert_eq!(r.get(Question::OverdoseRisk), None);
    assert_eq!(r.check_complete(), Ok(()));
}
