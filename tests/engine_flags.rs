//! Every flag of docs/clinical-rules.md's Flags table (version 2.1): a case where
//! its condition holds raises it, naming the answers that did; a closely
//! related case where it does not hold does not. Then their order.

mod support;

use iop_op_fit::engine::{Assessment, Flag, Level, Responses};
use support::{
    answers, explained, flag_ids, raised, Answers, EVERY_OVERDOSE_RISK, EVERY_SUBSTANCE, REFERENCE,
};

/// `changes` (from BASE) raise `flag`, whose answers include each of `names`
/// (question, option) and only answers that were given; its message is
/// `flag.<id>` unless `message` says otherwise.
#[track_caller]
fn holds(flag: Flag, changes: Answers, names: &[(&str, &str)]) -> Assessment {
    holds_with(flag, changes, names, None)
}

#[track_caller]
fn holds_with(
    flag: Flag,
    changes: Answers,
    names: &[(&str, &str)],
    message: Option<&str>,
) -> Assessment {
    let r: Responses = answers(changes);
    let a = iop_op_fit::engine::assess(&r).unwrap();
    let f = raised(&a, flag)
        .unwrap_or_else(|| panic!("{flag:?} not raised by {}: {:?}", r.to_json(), flag_ids(&a)));
    assert!(!f.answers.is_empty(), "{flag:?} names no answers");
    for x in &f.answers {
        assert!(
            r.get(x.question).is_some_and(|v| v.contains(&x.option)),
            "{flag:?} names {}={}, which was not given in {}",
            x.question.id(),
            x.option,
            r.to_json()
        );
    }
    for (q, o) in names {
        assert!(
            f.answers
                .iter()
                .any(|x| x.question.id() == *q && x.option == *o),
            "{flag:?} does not name {q}={o}: {:?}",
            f.answers
        );
    }
    let default = format!("flag.{}", flag.id());
    assert_eq!(
        f.message,
        message.unwrap_or(&default),
        "{flag:?} for {}",
        r.to_json()
    );
    explained(&r, &a).unwrap();
    a
}

#[track_caller]
fn absent(flag: Flag, changes: Answers) -> Assessment {
    let r = answers(changes);
    let a = iop_op_fit::engine::assess(&r).unwrap();
    assert!(
        raised(&a, flag).is_none(),
        "{flag:?} raised by {}: {:?}",
        r.to_json(),
        flag_ids(&a)
    );
    a
}

#[test]
fn every_flag_of_the_flags_table_exists_once() {
    let spec = [
        "naloxone",
        "mixing_risk",
        "low_tolerance",
        "sedative_taper",
        "stop_safely",
        "withdrawal_inpatient",
        "withdrawal_history",
        "pregnancy",
        "postpartum",
        "pregnancy_opioids",
        "moud",
        "medication_support",
        "injection",
        "medical_followup",
        "co_occurring",
        "home_safety",
        "adolescent",
        "older_adult",
        "evening_or_flexible",
        "childcare",
        "family",
    ];
    let mut ids: Vec<&str> = Flag::IDS.to_vec();
    let mut wanted = spec.to_vec();
    ids.sort_unstable();
    wanted.sort_unstable();
    assert_eq!(ids, wanted);
}

#[test]
fn naloxone_for_anything_but_alcohol_and_cannabis() {
    for s in ["opioids", "sedatives", "stimulants", "other"] {
        holds(
            Flag::Naloxone,
            &[("substances", &[s])],
            &[("substances", s)],
        );
        holds(
            Flag::Naloxone,
            &[("substances", &["alcohol", "cannabis", s])],
            &[("substances", s)],
        );
    }
    absent(
        Flag::Naloxone,
        &[
            ("substances", &["alcohol", "cannabis"]),
            ("frequency", &["most_days"]),
        ],
    );
}

#[test]
fn mixing_risk_for_active_use_of_opioids_with_gaba_or_alcohol_with_sedatives() {
    for pair in [
        ["opioids", "alcohol"],
        ["opioids", "sedatives"],
        ["alcohol", "sedatives"],
    ] {
        let names = [
            ("substances", pair[0]),
            ("substances", pair[1]),
            ("frequency", "less_than_weekly"),
        ];
        holds(
            Flag::MixingRisk,
            &[("substances", &pair), ("frequency", &["less_than_weekly"])],
            &names,
        );
        // Not active: no mixing now.
        absent(
            Flag::MixingRisk,
            &[("substances", &pair), ("frequency", &["not_past_month"])],
        );
    }
    absent(
        Flag::MixingRisk,
        &[
            ("substances", &["opioids", "stimulants"]),
            ("frequency", &["most_days"]),
        ],
    );
    absent(
        Flag::MixingRisk,
        &[
            ("substances", &["alcohol", "cannabis"]),
            ("frequency", &["most_days"]),
        ],
    );
}

#[test]
fn low_tolerance_for_opioids_after_little_use_release_or_intensive_treatment() {
    holds(
        Flag::LowTolerance,
        &[("substances", &["opioids"])],
        &[("substances", "opioids"), ("frequency", "not_past_month")],
    );
    holds(
        Flag::LowTolerance,
        &[
            ("substances", &["opioids"]),
            ("frequency", &["less_than_weekly"]),
        ],
        &[("substances", "opioids"), ("frequency", "less_than_weekly")],
    );
    holds(
        Flag::LowTolerance,
        &[
            ("substances", &["opioids"]),
            ("frequency", &["weekly"]),
            ("overdose_risk", &["recent_release"]),
        ],
        &[
            ("substances", "opioids"),
            ("overdose_risk", "recent_release"),
        ],
    );
    holds(
        Flag::LowTolerance,
        &[
            ("substances", &["opioids"]),
            ("frequency", &["most_days"]),
            ("treatment", &["recent_intensive"]),
        ],
        &[("substances", "opioids"), ("treatment", "recent_intensive")],
    );
    // Regular use, no release, no recent intensive treatment.
    absent(
        Flag::LowTolerance,
        &[("substances", &["opioids"]), ("frequency", &["weekly"])],
    );
    absent(
        Flag::LowTolerance,
        &[
            ("substances", &["opioids"]),
            ("frequency", &["weekly"]),
            ("overdose_risk", &["past_overdose", "injecting"]),
        ],
    );
    absent(
        Flag::LowTolerance,
        &[
            ("substances", &["opioids"]),
            ("frequency", &["most_days"]),
            ("treatment", &["recent_outpatient"]),
        ],
    );
    // Not opioids.
    absent(
        Flag::LowTolerance,
        &[
            ("substances", &["sedatives"]),
            ("overdose_risk", &["recent_release"]),
        ],
    );
}

#[test]
fn sedative_taper_for_daily_sedatives() {
    holds(
        Flag::SedativeTaper,
        &[
            ("substances", &["sedatives"]),
            ("frequency", &["most_days"]),
        ],
        &[("substances", "sedatives"), ("frequency", "most_days")],
    );
    absent(
        Flag::SedativeTaper,
        &[("substances", &["sedatives"]), ("frequency", &["weekly"])],
    );
    absent(
        Flag::SedativeTaper,
        &[("substances", &["alcohol"]), ("frequency", &["most_days"])],
    );
}

#[test]
fn stop_safely_for_daily_gaba_without_detox_first() {
    let a = holds(
        Flag::StopSafely,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["mild"]),
        ],
        &[("substances", "alcohol"), ("frequency", "most_days")],
    );
    assert!(!a.detox_first);
    // Moderate withdrawal from daily alcohol: detox first, so not this advice.
    let a = absent(
        Flag::StopSafely,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["moderate"]),
        ],
    );
    assert!(a.detox_first);
    // Daily sedatives always need detox first (a taper), so never this one.
    let a = absent(
        Flag::StopSafely,
        &[
            ("substances", &["sedatives"]),
            ("frequency", &["most_days"]),
        ],
    );
    assert!(a.detox_first);
    // Not daily.
    absent(
        Flag::StopSafely,
        &[("substances", &["alcohol"]), ("frequency", &["weekly"])],
    );
}

#[test]
fn withdrawal_inpatient_for_gaba_withdrawal_that_needs_a_hospital() {
    // D1 = 4.
    holds(
        Flag::WithdrawalInpatient,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["weekly"]),
            ("withdrawal", &["severe"]),
        ],
        &[("substances", "alcohol"), ("withdrawal", "severe")],
    );
    // detox_first with health serious.
    holds(
        Flag::WithdrawalInpatient,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["mild"]),
            ("health", &["serious"]),
        ],
        &[("substances", "alcohol"), ("health", "serious")],
    );
    // detox_first when pregnant.
    holds(
        Flag::WithdrawalInpatient,
        &[
            ("pregnancy", &["yes"]),
            ("substances", &["sedatives"]),
            ("frequency", &["most_days"]),
        ],
        &[("substances", "sedatives"), ("pregnancy", "yes")],
    );
    // D1 >= 3 with D6 >= 3.
    holds(
        Flag::WithdrawalInpatient,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["weekly"]),
            ("withdrawal", &["moderate"]),
            ("home", &["unsafe"]),
        ],
        &[("substances", "alcohol"), ("home", "unsafe")],
    );
    // The same without the unsafe home, or with health managed: detox first, at home.
    let a = absent(
        Flag::WithdrawalInpatient,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["weekly"]),
            ("withdrawal", &["moderate"]),
            ("home", &["strained"]),
        ],
    );
    assert!(a.detox_first);
    absent(
        Flag::WithdrawalInpatient,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["moderate"]),
            ("health", &["managed"]),
        ],
    );
    // Severe opioid withdrawal alone: medication, not an inpatient detox.
    let a = absent(
        Flag::WithdrawalInpatient,
        &[
            ("substances", &["opioids"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["severe"]),
        ],
    );
    assert!(a.detox_first && a.level == Level::Php);
}

#[test]
fn withdrawal_history_for_severe_withdrawal_without_regular_use() {
    holds(
        Flag::WithdrawalHistory,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["less_than_weekly"]),
            ("withdrawal", &["severe"]),
        ],
        &[("withdrawal", "severe"), ("frequency", "less_than_weekly")],
    );
    absent(
        Flag::WithdrawalHistory,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["weekly"]),
            ("withdrawal", &["severe"]),
        ],
    );
    absent(
        Flag::WithdrawalHistory,
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["less_than_weekly"]),
            ("withdrawal", &["moderate"]),
        ],
    );
}

#[test]
fn pregnancy_postpartum_and_pregnancy_with_opioids() {
    holds(
        Flag::Pregnancy,
        &[("pregnancy", &["yes"])],
        &[("pregnancy", "yes")],
    );
    absent(Flag::Pregnancy, &[("pregnancy", &["postpartum"])]);
    holds(
        Flag::Postpartum,
        &[("pregnancy", &["postpartum"])],
        &[("pregnancy", "postpartum")],
    );
    absent(Flag::Postpartum, &[("pregnancy", &["yes"])]);
    absent(Flag::Postpartum, &[("pregnancy", &["no"])]);
    holds(
        Flag::PregnancyOpioids,
        &[
            ("pregnancy", &["yes"]),
            ("substances", &["opioids"]),
            ("frequency", &["most_days"]),
        ],
        &[("pregnancy", "yes"), ("substances", "opioids")],
    );
    absent(
        Flag::PregnancyOpioids,
        &[("pregnancy", &["postpartum"]), ("substances", &["opioids"])],
    );
    absent(
        Flag::PregnancyOpioids,
        &[
            ("pregnancy", &["yes"]),
            ("substances", &["alcohol", "sedatives"]),
        ],
    );
}

#[test]
fn moud_for_opioids() {
    holds(
        Flag::Moud,
        &[("substances", &["opioids"])],
        &[("substances", "opioids")],
    );
    holds(
        Flag::Moud,
        &[
            ("substances", &["opioids", "stimulants"]),
            ("frequency", &["most_days"]),
        ],
        &[("substances", "opioids")],
    );
    absent(
        Flag::Moud,
        &[
            ("substances", &["sedatives", "stimulants", "other"]),
            ("frequency", &["most_days"]),
        ],
    );
}

#[test]
fn medication_support_for_alcohol_unless_pregnant() {
    holds(
        Flag::MedicationSupport,
        &[("substances", &["alcohol"])],
        &[("substances", "alcohol")],
    );
    holds(
        Flag::MedicationSupport,
        &[("pregnancy", &["postpartum"]), ("substances", &["alcohol"])],
        &[("substances", "alcohol")],
    );
    absent(
        Flag::MedicationSupport,
        &[("pregnancy", &["yes"]), ("substances", &["alcohol"])],
    );
    absent(Flag::MedicationSupport, &[("substances", &["sedatives"])]);
}

#[test]
fn injection_for_injecting() {
    holds(
        Flag::Injection,
        &[
            ("substances", &["stimulants"]),
            ("overdose_risk", &["injecting"]),
        ],
        &[("overdose_risk", "injecting")],
    );
    holds(
        Flag::Injection,
        &[
            ("substances", &["opioids"]),
            ("frequency", &["weekly"]),
            ("overdose_risk", &["past_overdose", "injecting"]),
        ],
        &[("overdose_risk", "injecting")],
    );
    absent(
        Flag::Injection,
        &[
            ("substances", &["opioids"]),
            ("overdose_risk", &["past_overdose", "recent_release"]),
        ],
    );
}

#[test]
fn medical_followup_for_serious_health() {
    holds(
        Flag::MedicalFollowup,
        &[("health", &["serious"])],
        &[("health", "serious")],
    );
    absent(Flag::MedicalFollowup, &[("health", &["managed"])]);
}

#[test]
fn co_occurring_for_any_mental_health_problem() {
    holds(
        Flag::CoOccurring,
        &[("mental_health", &["some"])],
        &[("mental_health", "some")],
    );
    holds(
        Flag::CoOccurring,
        &[("mental_health", &["severe"])],
        &[("mental_health", "severe")],
    );
    absent(Flag::CoOccurring, &[("mental_health", &["none"])]);
}

#[test]
fn home_safety_for_an_unsafe_home_with_a_teen_variant() {
    holds(
        Flag::HomeSafety,
        &[("home", &["unsafe"])],
        &[("home", "unsafe")],
    );
    holds(
        Flag::HomeSafety,
        &[("age", &["65_plus"]), ("home", &["unsafe"])],
        &[("home", "unsafe")],
    );
    holds_with(
        Flag::HomeSafety,
        &[("age", &["under_18"]), ("home", &["unsafe"])],
        &[("home", "unsafe"), ("age", "under_18")],
        Some("flag.home_safety.teen"),
    );
    absent(Flag::HomeSafety, &[("home", &["strained"])]);
    absent(
        Flag::HomeSafety,
        &[("age", &["under_18"]), ("home", &["strained"])],
    );
}

#[test]
fn adolescent_for_under_18_without_family_when_home_is_unsafe() {
    holds(
        Flag::Adolescent,
        &[("age", &["under_18"])],
        &[("age", "under_18")],
    );
    holds(
        Flag::Adolescent,
        &[("age", &["under_18"]), ("home", &["strained"])],
        &[("age", "under_18")],
    );
    holds_with(
        Flag::Adolescent,
        &[("age", &["under_18"]), ("home", &["unsafe"])],
        &[("age", "under_18"), ("home", "unsafe")],
        Some("flag.adolescent.unsafe_home"),
    );
    absent(Flag::Adolescent, &[("age", &["18_to_64"])]);
    absent(
        Flag::Adolescent,
        &[("age", &["18_to_64"]), ("home", &["unsafe"])],
    );
}

#[test]
fn older_adult_for_65_plus() {
    holds(
        Flag::OlderAdult,
        &[("age", &["65_plus"])],
        &[("age", "65_plus")],
    );
    absent(Flag::OlderAdult, &[("age", &["18_to_64"])]);
    absent(Flag::OlderAdult, &[("age", &["under_18"])]);
}

#[test]
fn evening_or_flexible_for_commitments_at_op_or_iop_only() {
    let a = holds(
        Flag::EveningOrFlexible,
        &[("commitments", &["work"])],
        &[("commitments", "work")],
    );
    assert_eq!(a.level, Level::Op);
    for c in ["school", "caregiving"] {
        holds(
            Flag::EveningOrFlexible,
            &[("commitments", &[c])],
            &[("commitments", c)],
        );
    }
    // R1 is iop.
    let mut r1 = REFERENCE[0].changes.to_vec();
    r1.retain(|(q, _)| *q != "commitments");
    r1.push(("commitments", &["school", "caregiving"][..]));
    let a = holds(
        Flag::EveningOrFlexible,
        &r1,
        &[("commitments", "school"), ("commitments", "caregiving")],
    );
    assert_eq!(a.level, Level::Iop);
    // R4 (php) and R7 (residential), with work.
    for case in [&REFERENCE[3], &REFERENCE[6]] {
        let mut changes = case.changes.to_vec();
        changes.push(("commitments", &["work"][..]));
        let a = absent(Flag::EveningOrFlexible, &changes);
        assert_eq!(a.level, case.level, "{}", case.case);
        assert!(matches!(a.level, Level::Php | Level::Residential));
    }
    absent(Flag::EveningOrFlexible, &[("commitments", &["none"])]);
}

#[test]
fn childcare_for_caregiving() {
    holds(
        Flag::Childcare,
        &[("commitments", &["caregiving"])],
        &[("commitments", "caregiving")],
    );
    holds(
        Flag::Childcare,
        &[("commitments", &["work", "caregiving"])],
        &[("commitments", "caregiving")],
    );
    absent(Flag::Childcare, &[("commitments", &["work", "school"])]);
}

#[test]
fn family_for_someone_else() {
    holds(
        Flag::Family,
        &[("respondent", &["someone_else"])],
        &[("respondent", "someone_else")],
    );
    absent(Flag::Family, &[("respondent", &["self"])]);
}

/// Flags come in `Flag` order, so the safety ones (`Flag::is_safety`) come first.
#[test]
fn flags_come_in_flag_order_with_safety_flags_first() {
    // The dangers of principle 2 are safety flags; advice about services is not.
    for f in [
        Flag::Naloxone,
        Flag::MixingRisk,
        Flag::LowTolerance,
        Flag::SedativeTaper,
        Flag::StopSafely,
        Flag::WithdrawalInpatient,
        Flag::WithdrawalHistory,
        Flag::PregnancyOpioids,
    ] {
        assert!(f.is_safety(), "{f:?}");
    }
    for f in [
        Flag::Moud,
        Flag::MedicationSupport,
        Flag::MedicalFollowup,
        Flag::CoOccurring,
        Flag::Adolescent,
        Flag::OlderAdult,
        Flag::EveningOrFlexible,
        Flag::Childcare,
        Flag::Family,
    ] {
        assert!(!f.is_safety(), "{f:?}");
    }
    let many: [Answers; 4] = [
        &[
            ("respondent", &["someone_else"]),
            ("age", &["under_18"]),
            ("pregnancy", &["yes"]),
            ("substances", EVERY_SUBSTANCE),
            ("frequency", &["less_than_weekly"]),
            ("withdrawal", &["severe"]),
            ("overdose_risk", EVERY_OVERDOSE_RISK),
            ("health", &["serious"]),
            ("mental_health", &["some"]),
            ("home", &["unsafe"]),
            ("commitments", &["work", "school", "caregiving"]),
        ],
        &[
            ("age", &["65_plus"]),
            ("pregnancy", &["postpartum"]),
            ("substances", &["alcohol", "sedatives"]),
            ("frequency", &["most_days"]),
            ("commitments", &["caregiving"]),
            ("respondent", &["someone_else"]),
        ],
        &[
            ("substances", &["alcohol", "opioids"]),
            ("frequency", &["most_days"]),
            ("mental_health", &["severe"]),
            ("commitments", &["school"]),
        ],
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("commitments", &["work"]),
        ],
    ];
    let mut seen = 0;
    let mut check = |r: Responses| {
        let a = iop_op_fit::engine::assess(&r).unwrap();
        let ids = flag_ids(&a);
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "not in Flag order: {ids:?}"
        );
        let first_advice = ids.iter().position(|f| !f.is_safety()).unwrap_or(ids.len());
        assert!(
            ids[first_advice..].iter().all(|f| !f.is_safety()),
            "safety after advice: {ids:?}"
        );
        seen += ids.len();
    };
    for changes in many {
        check(answers(changes));
    }
    for case in REFERENCE {
        check(case.responses());
    }
    assert!(
        seen > 30,
        "the cases raise too few flags to check the order: {seen}"
    );
}

// ---------------------------------------------------------------------------
// Version 2.1: opioid_medicine, and the variants the engine picks
// ---------------------------------------------------------------------------

const METHADONE: (&str, &[&str]) = ("opioid_medicine", &["methadone"]);
const BUPRENORPHINE: (&str, &[&str]) = ("opioid_medicine", &["buprenorphine"]);
const NALTREXONE: (&str, &[&str]) = ("opioid_medicine", &["naltrexone"]);
const NOT_SURE: (&str, &[&str]) = ("opioid_medicine", &["not_sure"]);
const SOMEONE_ELSE: (&str, &[&str]) = ("respondent", &["someone_else"]);

#[test]
fn naloxone_on_any_opioid_medicine_whatever_is_used() {
    for (medicine, id) in [
        (METHADONE, "methadone"),
        (BUPRENORPHINE, "buprenorphine"),
        (NALTREXONE, "naltrexone"),
    ] {
        holds(
            Flag::Naloxone,
            &[("substances", &["cannabis"]), medicine],
            &[("opioid_medicine", id)],
        );
    }
    // Not sure is advice about the medicine, not about overdose.
    absent(
        Flag::Naloxone,
        &[SOMEONE_ELSE, ("substances", &["alcohol"]), NOT_SURE],
    );
}

#[test]
fn mixing_risk_on_a_medicine_with_alcohol_or_sedatives_has_its_own_words() {
    for (gaba, medicine, id) in [
        ("alcohol", METHADONE, "methadone"),
        ("sedatives", BUPRENORPHINE, "buprenorphine"),
        ("alcohol", NOT_SURE, "not_sure"),
    ] {
        holds_with(
            Flag::MixingRisk,
            &[
                ("substances", &[gaba]),
                medicine,
                ("frequency", &["less_than_weekly"]),
            ],
            &[
                ("substances", gaba),
                ("opioid_medicine", id),
                ("frequency", "less_than_weekly"),
            ],
            Some("flag.mixing_risk.on_medicine"),
        );
    }
    // Naltrexone is no opioid: alcohol with it is not mixing.
    absent(
        Flag::MixingRisk,
        &[
            ("substances", &["alcohol"]),
            NALTREXONE,
            ("frequency", &["most_days"]),
        ],
    );
    // Nor methadone without use in the past month, nor with stimulants.
    absent(Flag::MixingRisk, &[("substances", &["alcohol"]), METHADONE]);
    absent(
        Flag::MixingRisk,
        &[
            ("substances", &["stimulants"]),
            METHADONE,
            ("frequency", &["most_days"]),
        ],
    );
    // Opioids with alcohol and no medicine: the words of version 2.
    holds(
        Flag::MixingRisk,
        &[
            ("substances", &["opioids", "alcohol"]),
            ("frequency", &["weekly"]),
        ],
        &[("substances", "opioids")],
    );
}

#[test]
fn low_tolerance_on_naltrexone_has_its_own_words() {
    let a = holds_with(
        Flag::LowTolerance,
        &[
            ("substances", &["alcohol"]),
            NALTREXONE,
            ("frequency", &["most_days"]),
        ],
        &[("opioid_medicine", "naltrexone")],
        Some("flag.low_tolerance.naltrexone"),
    );
    // Only the medicine is why: not the alcohol, nor how often.
    let f = raised(&a, Flag::LowTolerance).unwrap();
    assert_eq!(f.answers.len(), 1, "{:?}", f.answers);
    // With opioids after a break as well, still the naltrexone words, naming both.
    holds_with(
        Flag::LowTolerance,
        &[("substances", &["opioids"]), NALTREXONE],
        &[
            ("opioid_medicine", "naltrexone"),
            ("substances", "opioids"),
            ("frequency", "not_past_month"),
        ],
        Some("flag.low_tolerance.naltrexone"),
    );
    // Methadone is not naltrexone, and weekly use is no break.
    absent(
        Flag::LowTolerance,
        &[
            ("substances", &["opioids"]),
            METHADONE,
            ("frequency", &["weekly"]),
        ],
    );
}

#[test]
fn sedative_taper_beside_withdrawal_inpatient_never_promises_a_home_taper() {
    // Daily sedatives and severe withdrawal: D1 = 4, stopping in a hospital.
    let a = holds_with(
        Flag::SedativeTaper,
        &[
            ("substances", &["sedatives"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["severe"]),
        ],
        &[("substances", "sedatives"), ("frequency", "most_days")],
        Some("flag.sedative_taper.inpatient"),
    );
    assert!(raised(&a, Flag::WithdrawalInpatient).is_some());
    // Pregnant, too.
    holds_with(
        Flag::SedativeTaper,
        &[
            ("pregnancy", &["yes"]),
            ("substances", &["sedatives"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["mild"]),
        ],
        &[("substances", "sedatives")],
        Some("flag.sedative_taper.inpatient"),
    );
    // R11 (daily benzodiazepines, withdrawal not sure): the plain taper words.
    let a = holds(
        Flag::SedativeTaper,
        REFERENCE[10].changes,
        &[("substances", "sedatives")],
    );
    assert!(raised(&a, Flag::WithdrawalInpatient).is_none());
}

#[test]
fn pregnancy_opioids_on_a_medicine_says_keep_taking_it() {
    for (medicine, id) in [(METHADONE, "methadone"), (NOT_SURE, "not_sure")] {
        holds_with(
            Flag::PregnancyOpioids,
            &[
                ("pregnancy", &["yes"]),
                ("substances", &["cannabis"]),
                medicine,
            ],
            &[("pregnancy", "yes"), ("opioid_medicine", id)],
            Some("flag.pregnancy_opioids.on_medicine"),
        );
    }
    absent(
        Flag::PregnancyOpioids,
        &[
            ("pregnancy", &["yes"]),
            ("substances", &["cannabis"]),
            NALTREXONE,
        ],
    );
    absent(
        Flag::PregnancyOpioids,
        &[("pregnancy", &["postpartum"]), METHADONE],
    );
}

#[test]
fn postpartum_names_overdose_only_with_an_overdose_risk_and_the_medicine_when_it_may_apply() {
    let postpartum = ("pregnancy", &["postpartum"][..]);
    // Cannabis only: neither.
    holds(
        Flag::Postpartum,
        &[
            postpartum,
            ("substances", &["cannabis"]),
            ("frequency", &["weekly"]),
        ],
        &[("pregnancy", "postpartum")],
    );
    // Naloxone raised (stimulants), or mixing (alcohol with sedatives): the overdose words.
    holds_with(
        Flag::Postpartum,
        &[postpartum, ("substances", &["stimulants"])],
        &[("pregnancy", "postpartum"), ("substances", "stimulants")],
        Some("flag.postpartum.overdose"),
    );
    holds_with(
        Flag::Postpartum,
        &[
            postpartum,
            ("substances", &["alcohol", "sedatives"]),
            ("frequency", &["weekly"]),
        ],
        &[("substances", "alcohol"), ("frequency", "weekly")],
        Some("flag.postpartum.overdose"),
    );
    // Alcohol alone: no overdose words.
    holds(
        Flag::Postpartum,
        &[
            postpartum,
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
        ],
        &[("pregnancy", "postpartum")],
    );
    // On methadone: naloxone is raised, so both.
    holds_with(
        Flag::Postpartum,
        &[postpartum, ("substances", &["cannabis"]), METHADONE],
        &[
            ("pregnancy", "postpartum"),
            ("opioid_medicine", "methadone"),
        ],
        Some("flag.postpartum.overdose_medicine"),
    );
    // Not sure, with cannabis only: the medicine words without the overdose words.
    holds_with(
        Flag::Postpartum,
        &[
            SOMEONE_ELSE,
            postpartum,
            ("substances", &["cannabis"]),
            NOT_SURE,
        ],
        &[("pregnancy", "postpartum"), ("opioid_medicine", "not_sure")],
        Some("flag.postpartum.medicine"),
    );
    absent(Flag::Postpartum, &[("pregnancy", &["no"]), METHADONE]);
}

#[test]
fn moud_on_a_medicine_or_perhaps_on_one() {
    for (medicine, id) in [(METHADONE, "methadone"), (BUPRENORPHINE, "buprenorphine")] {
        // A methadone patient who uses only cocaine is still told to keep taking it.
        holds_with(
            Flag::Moud,
            &[("substances", &["stimulants"]), medicine],
            &[("opioid_medicine", id)],
            Some("flag.moud.on_medicine"),
        );
    }
    holds_with(
        Flag::Moud,
        &[SOMEONE_ELSE, ("substances", &["opioids"]), NOT_SURE],
        &[("substances", "opioids"), ("opioid_medicine", "not_sure")],
        Some("flag.moud.not_sure"),
    );
    holds_with(
        Flag::Moud,
        &[SOMEONE_ELSE, ("substances", &["alcohol"]), NOT_SURE],
        &[("opioid_medicine", "not_sure")],
        Some("flag.moud.not_sure"),
    );
    // Opioids on naltrexone: the words for starting a medicine.
    holds(
        Flag::Moud,
        &[("substances", &["opioids"]), NALTREXONE],
        &[("substances", "opioids")],
    );
    absent(Flag::Moud, &[("substances", &["alcohol"]), NALTREXONE]);
}

#[test]
fn medication_support_cautions_about_naltrexone_with_opioids_and_is_not_for_someone_on_it() {
    for (changes, names) in [
        (
            &[("substances", &["alcohol", "opioids"][..])][..],
            &[("substances", "alcohol"), ("substances", "opioids")][..],
        ),
        (
            &[("substances", &["alcohol"]), METHADONE],
            &[("substances", "alcohol"), ("opioid_medicine", "methadone")],
        ),
        (
            &[SOMEONE_ELSE, ("substances", &["alcohol"]), NOT_SURE],
            &[("substances", "alcohol"), ("opioid_medicine", "not_sure")],
        ),
    ] {
        holds_with(
            Flag::MedicationSupport,
            changes,
            names,
            Some("flag.medication_support.opioids"),
        );
    }
    // Alcohol alone: the plain words, naming that there is no opioid medicine.
    holds(
        Flag::MedicationSupport,
        &[("substances", &["alcohol"])],
        &[("substances", "alcohol"), ("opioid_medicine", "no")],
    );
    // Already on naltrexone: no suggestion of it.
    absent(
        Flag::MedicationSupport,
        &[("substances", &["alcohol"]), NALTREXONE],
    );
}

/// The detox lines for `changes`, each checked to name only answers given.
#[track_caller]
fn detox(changes: Answers) -> Vec<&'static str> {
    let r = answers(changes);
    let a = iop_op_fit::engine::assess(&r).unwrap();
    assert_eq!(a.detox_first, !a.detox.is_empty(), "{}", r.to_json());
    for line in &a.detox {
        assert!(
            !line.answers.is_empty(),
            "{} names no answers",
            line.message
        );
        for x in &line.answers {
            assert!(
                r.get(x.question).is_some_and(|v| v.contains(&x.option)),
                "{} names {}={}, not given in {}",
                line.message,
                x.question.id(),
                x.option,
                r.to_json()
            );
        }
    }
    a.detox.iter().map(|l| l.message).collect()
}

#[test]
fn detox_lines_name_only_the_substances_and_medicine_chosen() {
    const ALCOHOL_DAILY_MODERATE: Answers = &[
        ("substances", &["alcohol"]),
        ("frequency", &["most_days"]),
        ("withdrawal", &["moderate"]),
    ];
    // Alcohol, outside a hospital: a doctor or a detox program, and the danger signs.
    assert_eq!(
        detox(ALCOHOL_DAILY_MODERATE),
        ["result.detox", "result.detox.alcohol", "danger_signs"]
    );
    // No detox_first: no detox words at all.
    assert!(detox(&[("substances", &["alcohol"]), ("frequency", &["weekly"])]).is_empty());
    // Severe alcohol withdrawal: the inpatient words, no detox program as
    // an equal choice; withdrawal_inpatient carries the danger signs.
    let severe = detox(&[
        ("substances", &["alcohol"]),
        ("frequency", &["weekly"]),
        ("withdrawal", &["severe"]),
    ]);
    assert_eq!(severe, ["result.detox", "result.detox.alcohol.inpatient"]);
    // Opioids alone: the opioid words, not the alcohol or sedative ones,
    // and not the danger signs after cutting down alcohol or sedatives.
    let opioids = detox(&[
        ("substances", &["opioids"]),
        ("frequency", &["most_days"]),
        ("withdrawal", &["severe"]),
    ]);
    assert_eq!(opioids, ["result.detox", "result.detox.opioids"]);
    // On methadone: keep taking it, instead of the words for starting it.
    let on = detox(&[
        ("substances", &["opioids"]),
        METHADONE,
        ("frequency", &["most_days"]),
        ("withdrawal", &["severe"]),
    ]);
    assert_eq!(on, ["result.detox", "result.detox.on_medicine"]);
    assert!(!detox(ALCOHOL_DAILY_MODERATE).contains(&"result.detox.on_medicine"));
    let on_alcohol = detox(&[
        BUPRENORPHINE,
        ALCOHOL_DAILY_MODERATE[0],
        ALCOHOL_DAILY_MODERATE[1],
        ALCOHOL_DAILY_MODERATE[2],
    ]);
    assert!(
        on_alcohol.contains(&"result.detox.on_medicine"),
        "{on_alcohol:?}"
    );
    assert!(
        !on_alcohol.contains(&"result.detox.opioids"),
        "{on_alcohol:?}"
    );
    // A relative who does not know: the "if they take" words.
    let unsure = detox(&[
        SOMEONE_ELSE,
        NOT_SURE,
        ALCOHOL_DAILY_MODERATE[0],
        ALCOHOL_DAILY_MODERATE[1],
        ALCOHOL_DAILY_MODERATE[2],
    ]);
    assert!(unsure.contains(&"result.detox.not_sure"), "{unsure:?}");
    assert!(!detox(&[
        SOMEONE_ELSE,
        ALCOHOL_DAILY_MODERATE[0],
        ALCOHOL_DAILY_MODERATE[1],
        ALCOHOL_DAILY_MODERATE[2]
    ])
    .contains(&"result.detox.not_sure"));
    // Daily sedatives (R11): the taper words; sedative_taper carries the danger signs.
    let sedatives = detox(&[
        ("substances", &["sedatives"]),
        ("frequency", &["most_days"]),
        ("withdrawal", &["not_sure"]),
    ]);
    assert_eq!(sedatives, ["result.detox", "result.detox.sedatives"]);
    assert!(!detox(ALCOHOL_DAILY_MODERATE).contains(&"result.detox.sedatives"));
}

#[test]
fn an_early_withdrawal_emergency_gets_only_the_general_detox_words() {
    let r = support::early(&["withdrawal_emergency"]);
    let a = iop_op_fit::engine::assess(&r).unwrap();
    assert_eq!(a.detox.len(), 1);
    assert_eq!(a.detox[0].message, "result.detox");
    assert_eq!(a.detox[0].answers[0].option, "withdrawal_emergency");
    let r = support::early(&["overdose"]);
    assert!(iop_op_fit::engine::assess(&r).unwrap().detox.is_empty());
}
