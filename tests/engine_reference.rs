//! The reference cases R1 to R10 of clinical-model.md, and the flags.

mod support;

use iop_op_fit::engine::{Assessment, Flag, Level};
use support::{assessed, Answers};

fn check(case: &str, changes: Answers, level: Level, detox_first: bool) -> Assessment {
    let a = assessed(changes);
    assert_eq!(
        (a.level, a.detox_first),
        (level, detox_first),
        "{case}: {a:#?}"
    );
    a
}

#[test]
fn r1_typical_iop() {
    check(
        "R1",
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["mild"]),
            ("mental_health", &["some"]),
            ("control", &["slips_back"]),
            ("support", &["some"]),
            ("commitments", &["work"]),
        ],
        Level::Iop,
        false,
    );
}

#[test]
fn r2_op_step_down() {
    check(
        "R2",
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["not_past_month"]),
            ("sober_time", &["one_to_six_months"]),
            ("treatment", &["recent_outpatient"]),
            ("control", &["can_stop"]),
            ("support", &["strong"]),
        ],
        Level::Op,
        false,
    );
}

#[test]
fn r3_after_residential() {
    check(
        "R3",
        &[
            ("substances", &["opioids"]),
            ("frequency", &["not_past_month"]),
            ("sober_time", &["one_to_six_months"]),
            ("treatment", &["recent_intensive"]),
        ],
        Level::Iop,
        false,
    );
}

#[test]
fn r4_withdrawal_seizures() {
    check(
        "R4",
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["severe"]),
            ("control", &["slips_back"]),
        ],
        Level::Php,
        true,
    );
}

#[test]
fn r5_overdose_now() {
    check("R5", &[("danger", &["overdose"])], Level::Emergency, false);
}

#[test]
fn r6_mental_health_alone() {
    check(
        "R6",
        &[
            ("substances", &["cannabis"]),
            ("frequency", &["weekly"]),
            ("withdrawal", &["none"]),
            ("mental_health", &["severe"]),
            ("support", &["strong"]),
        ],
        Level::Php,
        false,
    );
}

#[test]
fn r7_unsafe_and_cannot_stop() {
    check(
        "R7",
        &[
            ("substances", &["opioids"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["moderate"]),
            ("control", &["cannot_stop"]),
            ("home", &["unsafe"]),
            ("support", &["none"]),
        ],
        Level::Residential,
        false,
    );
}

#[test]
fn r8_low_risk() {
    check(
        "R8",
        &[
            ("substances", &["cannabis"]),
            ("frequency", &["less_than_weekly"]),
            ("withdrawal", &["none"]),
            ("control", &["can_stop"]),
            ("support", &["strong"]),
        ],
        Level::Op,
        false,
    );
}

#[test]
fn r9_older_drinker() {
    check(
        "R9",
        &[
            ("age", &["65_plus"]),
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["mild"]),
            ("health", &["managed"]),
            ("control", &["slips_back"]),
        ],
        Level::Iop,
        true,
    );
}

#[test]
fn r10_loved_one() {
    let a = check(
        "R10",
        &[
            ("respondent", &["someone_else"]),
            ("substances", &["stimulants"]),
            ("frequency", &["weekly"]),
            ("withdrawal", &["none"]),
            ("control", &["slips_back"]),
            ("home", &["strained"]),
            ("support", &["some"]),
        ],
        Level::Iop,
        false,
    );
    assert!(
        a.flags.contains(&Flag::Family),
        "R10 is answered for someone else"
    );
}

#[test]
fn flags_follow_the_answers() {
    let a = assessed(&[
        ("age", &["65_plus"]),
        ("substances", &["opioids", "stimulants"]),
        ("frequency", &["weekly"]),
        ("withdrawal", &["none"]),
        ("mental_health", &["some"]),
        ("health", &["serious"]),
        ("commitments", &["caregiving"]),
    ]);
    assert_eq!(
        a.flags,
        vec![
            Flag::CoOccurring,
            Flag::MedicationSupport,
            Flag::OlderAdult,
            Flag::EveningOrFlexible,
            Flag::MedicalFollowup
        ]
    );
    assert_eq!(
        assessed(&[("age", &["under_18"])]).flags,
        vec![Flag::Adolescent]
    );
    assert!(assessed(&[]).flags.is_empty());
}

#[test]
fn an_emergency_reached_after_every_answer_keeps_the_level_for_afterwards() {
    let a = assessed(&[
        ("danger", &["suicide"]),
        ("substances", &["alcohol"]),
        ("frequency", &["most_days"]),
        ("withdrawal", &["severe"]),
    ]);
    assert_eq!(a.level, Level::Emergency);
    assert_eq!(a.after_emergency, Some(Level::Php));
    assert!(
        a.detox_first,
        "an emergency must not hide that detox is needed"
    );
    assert_eq!(a.reasons[0].id, "emergency_suicide");
}

#[test]
fn a_withdrawal_emergency_means_detox_even_when_nothing_else_is_known() {
    let mut early = iop_op_fit::engine::Responses::new();
    early
        .set(iop_op_fit::engine::Question::Respondent, &["self"])
        .unwrap();
    early
        .set(
            iop_op_fit::engine::Question::Danger,
            &["withdrawal_emergency"],
        )
        .unwrap();
    let a = iop_op_fit::engine::assess(&early).unwrap();
    assert_eq!(
        (a.level, a.detox_first, a.after_emergency),
        (Level::Emergency, true, None)
    );
    // Other emergencies alone do not (R5).
    assert!(!assessed(&[("danger", &["medical_emergency"])]).detox_first);
}
