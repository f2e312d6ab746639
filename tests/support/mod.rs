//! Builders for answer sets, shared by the engine tests.
#![allow(dead_code)] // each test file uses a different part

use iop_op_fit::engine::{assess, Assessment, Question, Responses};

/// The least severe complete answers: self, no danger, adult, cannabis, no use
/// in the past month, everything else at its mildest.
pub const BASE: &[(&str, &[&str])] = &[
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

/// BASE with `changes` applied in order. A `withdrawal` change after a
/// `frequency` change replaces `sober_time` as the skip logic requires.
pub fn answers(changes: &[(&str, &[&str])]) -> Responses {
    let mut r = Responses::new();
    for (id, values) in BASE {
        let q = Question::from_id(id).unwrap();
        if !changes.iter().any(|(c, _)| c == id) {
            if iop_op_fit::engine::flow::is_asked(q, &r) {
                r.set(q, values).unwrap();
            }
        }
    }
    for (id, values) in changes {
        let q = Question::from_id(id).unwrap_or_else(|| panic!("unknown question {id}"));
        r.set(q, values).unwrap_or_else(|e| panic!("{e}"));
    }
    // Fill anything the changes made asked (e.g. sober_time) from BASE.
    for (id, values) in BASE {
        let q = Question::from_id(id).unwrap();
        if r.get(q).is_none() && iop_op_fit::engine::flow::is_asked(q, &r) {
            r.set(q, values).unwrap();
        }
    }
    r
}

pub fn assessed(changes: &[(&str, &[&str])]) -> Assessment {
    assess(&answers(changes)).unwrap_or_else(|e| panic!("{e}"))
}
