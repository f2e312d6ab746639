//! Builders for answer sets, shared by the engine tests.
#![allow(dead_code)] // each test file uses a different part

use iop_op_fit::engine::{assess, Assessment, Question, Responses};

/// Answers by question id, as in the clinical model's reference cases.
pub type Answers<'a> = &'a [(&'a str, &'a [&'a str])];

/// The least severe complete answers: self, no danger, adult, cannabis, no use
/// in the past month, everything else at its mildest.
pub const BASE: Answers = &[
    ("respondent", &["self"]),
    ("danger", &["none"]),
    ("age", &["18_to_64"]),
    ("substances", &["cannabis"]),
    ("frequency", &["not_past_month"]),
    ("sober_time", &["over_six_months"]),
    ("health", &["none"]),
    ("mental_health", &["none"]),
    ("control", &["can_stop"]),
    ("treatment", &["none"]),
    ("home", &["stable"]),
    ("support", &["strong"]),
    ("commitments", &["none"]),
    ("readiness", &["ready"]),
];

/// BASE with `changes` applied, question by question in asking order, so
/// the skip logic sees `frequency` first: a changed `frequency` then takes a
/// `withdrawal` from `changes` where BASE's `sober_time` no longer applies.
pub fn answers(changes: Answers) -> Responses {
    let mut r = Responses::new();
    for &q in Question::ALL {
        let given = changes.iter().chain(BASE).find(|(id, _)| *id == q.id());
        if let Some((_, values)) = given.filter(|_| iop_op_fit::engine::flow::is_asked(q, &r)) {
            r.set(q, values).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    for (id, _) in changes {
        let q = Question::from_id(id).unwrap_or_else(|| panic!("unknown question {id}"));
        assert!(
            r.get(q).is_some(),
            "the change to `{id}` is skipped by the other answers"
        );
    }
    r
}

pub fn assessed(changes: Answers) -> Assessment {
    assess(&answers(changes)).unwrap_or_else(|e| panic!("{e}"))
}
