//! The reference cases R1 to R20 of docs/clinical-rules.md (version 2.1), and the
//! emergencies: which line leads, and what an emergency keeps of the answers.

mod support;

use iop_op_fit::engine::{assess, Assessment, CrisisLine, Flag, Level};
use support::{answers, assessed, early, explained, flag_ids, raised, REFERENCE};

fn assess_ok(r: &iop_op_fit::engine::Responses) -> Assessment {
    assess(r).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn r1_to_r20_give_the_level_detox_first_flags_and_crisis_line_of_the_table() {
    assert_eq!(REFERENCE.len(), 20);
    let mut failures = Vec::new();
    for (k, case) in REFERENCE.iter().enumerate() {
        assert!(
            case.case.starts_with(&format!("R{} ", k + 1)),
            "{}",
            case.case
        );
        let r = case.responses();
        let a = assess_ok(&r);
        let flags = flag_ids(&a);
        let missing: Vec<Flag> = case
            .flags_include
            .iter()
            .copied()
            .filter(|f| !flags.contains(f))
            .collect();
        if (a.level, a.detox_first, a.crisis_first)
            != (case.level, case.detox_first, case.crisis_first)
            || !missing.is_empty()
        {
            failures.push(format!(
                "{}: expected {:?}, detox_first {}, crisis_first {:?}, flags including {:?}; \
                 got {:?}, detox_first {}, crisis_first {:?}, flags {:?} (missing {:?})\n  answers {}",
                case.case,
                case.level,
                case.detox_first,
                case.crisis_first,
                case.flags_include,
                a.level,
                a.detox_first,
                a.crisis_first,
                flags,
                missing,
                r.to_json()
            ));
        }
        if let Err(e) = explained(&r, &a) {
            failures.push(format!("{}: P4: {e}", case.case));
        }
        if case.early {
            // Nothing after the danger: no ratings, flags or level for afterwards.
            assert_eq!(
                (a.after_emergency, a.ratings, a.flags.len()),
                (None, None, 0),
                "{}",
                case.case
            );
        } else {
            assert!(
                a.ratings.is_some() && a.after_emergency.is_none(),
                "{}",
                case.case
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The table lists the flags a case must include; the Flags table gives all
/// of them. Each case raises exactly those, in `Flag` order.
#[test]
fn reference_cases_raise_exactly_the_flags_of_the_flags_table() {
    let mut failures = Vec::new();
    for case in REFERENCE {
        let a = assess_ok(&case.responses());
        if flag_ids(&a) != case.flags {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.case,
                case.flags,
                flag_ids(&a)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn r12_opioids_with_alcohol_is_php_with_detox_and_the_mixing_advice() {
    let case = &REFERENCE[11];
    assert!(case.case.starts_with("R12"));
    let a = assess_ok(&case.responses());
    assert_eq!((a.level, a.detox_first), (Level::Php, true));
    for flag in [Flag::MixingRisk, Flag::Moud, Flag::Naloxone] {
        assert!(
            raised(&a, flag).is_some(),
            "R12 lacks {flag:?}: {:?}",
            flag_ids(&a)
        );
    }
    // detox_first, so not the "ask a doctor how to stop" advice.
    assert!(raised(&a, Flag::StopSafely).is_none());
    // The mixing advice names both substances and how often.
    let mixing = raised(&a, Flag::MixingRisk).unwrap();
    for (q, o) in [
        ("substances", "opioids"),
        ("substances", "alcohol"),
        ("frequency", "most_days"),
    ] {
        assert!(
            mixing
                .answers
                .iter()
                .any(|x| x.question.id() == q && x.option == o),
            "mixing_risk does not name {q}={o}: {:?}",
            mixing.answers
        );
    }
}

/// R19 and R20: the medication advice carries the naltrexone caution, and
/// R19's methadone is why its mixing, naloxone and medicine advice is raised.
#[test]
fn r19_and_r20_mixing_with_methadone_or_heroin_get_the_naltrexone_caution() {
    for k in [18, 19] {
        let case = &REFERENCE[k];
        let a = assess_ok(&case.responses());
        let f = raised(&a, Flag::MedicationSupport).unwrap();
        assert_eq!(
            f.message, "flag.medication_support.opioids",
            "{}",
            case.case
        );
    }
    let case = &REFERENCE[18];
    assert!(case.case.starts_with("R19"));
    let a = assess_ok(&case.responses());
    assert_eq!(a.reasons[0].id, "level_iop_mixed");
    for flag in [Flag::MixingRisk, Flag::Naloxone, Flag::Moud] {
        let f = raised(&a, flag).unwrap();
        assert!(
            f.answers
                .iter()
                .any(|x| x.question.id() == "opioid_medicine" && x.option == "methadone"),
            "{flag:?} does not name methadone: {:?}",
            f.answers
        );
    }
    assert_eq!(
        raised(&a, Flag::Moud).unwrap().message,
        "flag.moud.on_medicine"
    );
    assert_eq!(
        raised(&a, Flag::MixingRisk).unwrap().message,
        "flag.mixing_risk.on_medicine"
    );
    // The level's reason names the medicine too: it is why the use is mixed.
    assert!(a.reasons[0]
        .answers
        .iter()
        .any(|x| x.question.id() == "opioid_medicine"));
    // Without the medicine, the same drinking is op.
    let no_medicine = assessed(&[
        ("substances", &["alcohol"]),
        ("frequency", &["weekly"]),
        ("withdrawal", &["mild"]),
    ]);
    assert_eq!(no_medicine.level, Level::Op);
}

#[test]
fn an_emergency_after_every_answer_keeps_their_detox_first_and_level_for_afterwards() {
    // R4's answers say php with detox first.
    let a = assessed(&[
        ("danger", &["suicide"]),
        ("substances", &["alcohol"]),
        ("frequency", &["most_days"]),
        ("withdrawal", &["severe"]),
        ("control", &["slips_back"]),
    ]);
    assert_eq!(a.level, Level::Emergency);
    assert_eq!(a.crisis_first, Some(CrisisLine::Call988));
    assert_eq!(a.after_emergency, Some(Level::Php));
    assert!(
        a.detox_first,
        "an emergency must not hide that detox is needed"
    );
    assert_eq!(a.reasons[0].id, "emergency_suicide");
    assert!(a.ratings.is_some());
    assert_eq!(
        flag_ids(&a),
        [Flag::WithdrawalInpatient, Flag::MedicationSupport]
    );
    // R8's answers say op without detox: an overdose does not add detox.
    let a = assessed(&[
        ("danger", &["overdose"]),
        ("frequency", &["less_than_weekly"]),
    ]);
    assert_eq!(
        (a.level, a.detox_first, a.after_emergency, a.crisis_first),
        (
            Level::Emergency,
            false,
            Some(Level::Op),
            Some(CrisisLine::Call911)
        )
    );
    assert_eq!(a.reasons[0].id, "emergency_overdose");
}

#[test]
fn an_early_emergency_with_thoughts_of_hurting_someone_leads_with_911() {
    let a = assess_ok(&early(&["harm_others"]));
    assert_eq!(
        (a.level, a.crisis_first, a.detox_first, a.after_emergency),
        (Level::Emergency, Some(CrisisLine::Call911), false, None)
    );
    assert_eq!(a.reasons[0].id, "emergency_harm_others");
    // Also together with thoughts of suicide.
    let a = assess_ok(&early(&["suicide", "harm_others"]));
    assert_eq!(a.crisis_first, Some(CrisisLine::Call911));
}

#[test]
fn suicide_with_an_overdose_leads_with_911() {
    let a = assess_ok(&early(&["suicide", "overdose"]));
    assert_eq!(
        (a.level, a.crisis_first),
        (Level::Emergency, Some(CrisisLine::Call911))
    );
    let ids: Vec<&str> = a.reasons.iter().map(|r| r.id).collect();
    assert_eq!(ids, ["emergency_overdose", "emergency_suicide"]);
    let a = assessed(&[("danger", &["suicide", "overdose"])]);
    assert_eq!(
        (a.level, a.crisis_first),
        (Level::Emergency, Some(CrisisLine::Call911))
    );
    // Suicide alone, with every answer, still leads with 988.
    assert_eq!(
        assessed(&[("danger", &["suicide"])]).crisis_first,
        Some(CrisisLine::Call988)
    );
}

#[test]
fn a_withdrawal_emergency_means_detox_first() {
    // Nothing else known.
    let a = assess_ok(&early(&["withdrawal_emergency"]));
    assert_eq!(
        (a.level, a.detox_first, a.crisis_first, a.after_emergency),
        (Level::Emergency, true, Some(CrisisLine::Call911), None)
    );
    assert_eq!(a.reasons[0].id, "emergency_withdrawal");
    // With answers that alone would not need detox (R8).
    let a = assessed(&[
        ("danger", &["withdrawal_emergency"]),
        ("frequency", &["less_than_weekly"]),
    ]);
    assert_eq!(
        (a.level, a.detox_first, a.after_emergency),
        (Level::Emergency, true, Some(Level::Op))
    );
    // Other emergencies at the danger question do not (R5, R17).
    for danger in ["overdose", "suicide", "harm_others", "medical_emergency"] {
        assert!(!assess_ok(&early(&[danger])).detox_first, "{danger}");
    }
}

/// `detox_first` is "D1 ≥ 3, or a withdrawal_emergency danger", and the
/// flags read `detox_first`: after a withdrawal emergency with every answer,
/// `stop_safely` ("without detox_first") must go, and `withdrawal_inpatient`
/// ("detox_first with health serious or pregnant") must come for alcohol.
#[test]
fn a_withdrawal_emergency_counts_as_detox_first_for_the_flags() {
    let changes: [(&str, &[&str]); 4] = [
        ("danger", &["withdrawal_emergency"]),
        ("substances", &["alcohol"]),
        ("frequency", &["most_days"]),
        ("health", &["serious"]),
    ];
    let calm = assessed(&changes[1..]);
    assert!(!calm.detox_first);
    assert!(raised(&calm, Flag::StopSafely).is_some());
    let a = assessed(&changes);
    assert!(a.detox_first);
    assert!(
        raised(&a, Flag::StopSafely).is_none(),
        "stop_safely is raised with detox_first: {:?}",
        flag_ids(&a)
    );
    assert!(
        raised(&a, Flag::WithdrawalInpatient).is_some(),
        "withdrawal_inpatient missing with detox_first, alcohol and health serious: {:?}",
        flag_ids(&a)
    );
}

#[test]
fn an_emergency_names_each_danger_first() {
    let a = assessed(&[("danger", &["overdose", "medical_emergency"])]);
    assert_eq!(a.reasons[0].id, "emergency_overdose");
    assert_eq!(a.reasons[1].id, "emergency_medical");
    assert_eq!(a.reasons[0].answers[0].option, "overdose");
    assert_eq!(a.reasons[1].answers[0].option, "medical_emergency");
    let r = answers(&[("danger", &["overdose", "medical_emergency"])]);
    explained(&r, &a).unwrap();
}
