//! Builders for answer sets, and the reference cases of docs/clinical-rules.md
//! (version 2.1), shared by the engine tests.
#![allow(dead_code)] // each test file uses a different part

use iop_op_fit::engine::{
    assess, flow, Assessment, Choice, CrisisLine, Flag, Level, Question, Raised, Responses,
};

/// Answers by question id, as in the clinical model's reference cases.
pub type Answers<'a> = &'a [(&'a str, &'a [&'a str])];

/// Every substance, as `Question::Substances` lists them
/// (`tests/engine_validation.rs` checks the two agree).
pub const EVERY_SUBSTANCE: &[&str] = &[
    "alcohol",
    "opioids",
    "sedatives",
    "stimulants",
    "cannabis",
    "other",
];

/// Every overdose risk but `none`.
pub const EVERY_OVERDOSE_RISK: &[&str] = &["past_overdose", "injecting", "recent_release"];

/// The spec's "others least severe": self, no danger, adult, not pregnant, no
/// health or mental-health problem, can stop, no treatment, a stable home with
/// strong support, no commitments, ready, no opioid medicine; `overdose_risk` none, `withdrawal`
/// none and `control` can_stop where they are asked. Substances and frequency
/// default to cannabis with no use in the past month, over six months ago.
pub const BASE: Answers = &[
    ("respondent", &["self"]),
    ("danger", &["none"]),
    ("age", &["18_to_64"]),
    ("pregnancy", &["no"]),
    ("substances", &["cannabis"]),
    ("opioid_medicine", &["no"]),
    ("frequency", &["not_past_month"]),
    ("sober_time", &["over_six_months"]),
    ("withdrawal", &["none"]),
    ("overdose_risk", &["none"]),
    ("health", &["none"]),
    ("mental_health", &["none"]),
    ("control", &["can_stop"]),
    ("treatment", &["none"]),
    ("home", &["stable"]),
    ("support", &["strong"]),
    ("commitments", &["none"]),
    ("readiness", &["ready"]),
];

fn question(id: &str) -> Question {
    Question::from_id(id).unwrap_or_else(|| panic!("unknown question {id}"))
}

/// BASE with `changes` applied, question by question in asking order, so the
/// skip logic sees `substances` and `frequency` before the questions they
/// decide: a BASE answer the other answers do not ask (`sober_time` after
/// `weekly`, `overdose_risk` with cannabis alone) is left out. Every change
/// must be asked, or the case is not what it says.
pub fn answers(changes: Answers) -> Responses {
    let mut r = Responses::new();
    for &q in Question::ALL {
        let given = changes.iter().chain(BASE).find(|(id, _)| *id == q.id());
        if let Some((_, values)) = given.filter(|_| flow::is_asked(q, &r)) {
            r.set(q, values).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    for (id, values) in changes {
        let mut given = r
            .get(question(id))
            .unwrap_or_else(|| panic!("the change to `{id}` is skipped by the other answers"));
        let mut wanted = values.to_vec();
        given.sort_unstable();
        wanted.sort_unstable();
        assert_eq!(given, wanted, "the change to `{id}` did not stick");
    }
    assert_eq!(r.check_complete(), Ok(()), "{}", r.to_json());
    r
}

/// Only the first two questions, the second reporting `dangers`: an
/// emergency reported before anything else was asked.
pub fn early(dangers: &[&str]) -> Responses {
    let mut r = Responses::new();
    r.set(Question::Respondent, &["self"]).unwrap();
    r.set(Question::Danger, dangers)
        .unwrap_or_else(|e| panic!("{e}"));
    r
}

pub fn assessed(changes: Answers) -> Assessment {
    assess(&answers(changes)).unwrap_or_else(|e| panic!("{e}"))
}

/// The raised flag `flag`, if it was raised.
pub fn raised(a: &Assessment, flag: Flag) -> Option<&Raised> {
    a.flags.iter().find(|f| f.id == flag)
}

pub fn flag_ids(a: &Assessment) -> Vec<Flag> {
    a.flags.iter().map(|f| f.id).collect()
}

/// One row of the clinical model's reference table.
pub struct Reference {
    pub case: &'static str,
    /// The answers that differ from BASE; for `early`, the dangers alone.
    pub changes: Answers<'static>,
    /// "nothing after": only `respondent` and `danger` are answered.
    pub early: bool,
    pub level: Level,
    pub detox_first: bool,
    /// The table's "flags include".
    pub flags_include: &'static [Flag],
    /// Every flag the Flags table raises for these answers, in `Flag` order
    /// (worked out by hand from the Flags table, not read off the engine).
    pub flags: &'static [Flag],
    pub crisis_first: Option<CrisisLine>,
}

impl Reference {
    pub fn responses(&self) -> Responses {
        if self.early {
            let (_, dangers) = self.changes.iter().find(|(q, _)| *q == "danger").unwrap();
            early(dangers)
        } else {
            answers(self.changes)
        }
    }
}

use CrisisLine::*;
use Flag::*;

/// R1 to R20, as in the clinical model's table.
pub const REFERENCE: &[Reference] = &[
    Reference {
        case: "R1 typical IOP",
        changes: &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["mild"]),
            ("mental_health", &["some"]),
            ("control", &["slips_back"]),
            ("support", &["some"]),
            ("commitments", &["work"]),
        ],
        early: false,
        level: Level::Iop,
        detox_first: false,
        flags_include: &[
            CoOccurring,
            EveningOrFlexible,
            MedicationSupport,
            StopSafely,
        ],
        flags: &[
            StopSafely,
            MedicationSupport,
            CoOccurring,
            EveningOrFlexible,
        ],
        crisis_first: None,
    },
    Reference {
        case: "R2 OP step-down",
        changes: &[
            ("substances", &["alcohol"]),
            ("frequency", &["not_past_month"]),
            ("sober_time", &["one_to_six_months"]),
            ("treatment", &["recent_outpatient"]),
        ],
        early: false,
        level: Level::Op,
        detox_first: false,
        flags_include: &[],
        flags: &[MedicationSupport],
        crisis_first: None,
    },
    Reference {
        case: "R3 after residential",
        changes: &[
            ("substances", &["opioids"]),
            ("frequency", &["not_past_month"]),
            ("sober_time", &["one_to_six_months"]),
            ("treatment", &["recent_intensive"]),
        ],
        early: false,
        level: Level::Iop,
        detox_first: false,
        flags_include: &[Moud, Naloxone, LowTolerance],
        flags: &[Naloxone, LowTolerance, Moud],
        crisis_first: None,
    },
    Reference {
        case: "R4 withdrawal seizures",
        changes: &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["severe"]),
            ("control", &["slips_back"]),
        ],
        early: false,
        level: Level::Php,
        detox_first: true,
        flags_include: &[WithdrawalInpatient],
        flags: &[WithdrawalInpatient, MedicationSupport],
        crisis_first: None,
    },
    Reference {
        case: "R5 overdose now",
        changes: &[("danger", &["overdose"])],
        early: true,
        level: Level::Emergency,
        detox_first: false,
        flags_include: &[],
        flags: &[],
        crisis_first: Some(Call911),
    },
    Reference {
        case: "R6 mental health alone",
        changes: &[
            ("substances", &["cannabis"]),
            ("frequency", &["weekly"]),
            ("mental_health", &["severe"]),
        ],
        early: false,
        level: Level::Php,
        detox_first: false,
        flags_include: &[CoOccurring],
        flags: &[CoOccurring],
        crisis_first: None,
    },
    Reference {
        case: "R7 unsafe and cannot stop",
        changes: &[
            ("substances", &["opioids"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["moderate"]),
            ("control", &["cannot_stop"]),
            ("home", &["unsafe"]),
            ("support", &["none"]),
        ],
        early: false,
        level: Level::Residential,
        detox_first: false,
        flags_include: &[Moud, Naloxone, HomeSafety],
        flags: &[Naloxone, Moud, HomeSafety],
        crisis_first: None,
    },
    Reference {
        case: "R8 low risk",
        changes: &[
            ("substances", &["cannabis"]),
            ("frequency", &["less_than_weekly"]),
        ],
        early: false,
        level: Level::Op,
        detox_first: false,
        flags_include: &[],
        flags: &[],
        crisis_first: None,
    },
    Reference {
        case: "R9 older drinker",
        changes: &[
            ("age", &["65_plus"]),
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["mild"]),
            ("health", &["managed"]),
            ("control", &["slips_back"]),
        ],
        early: false,
        level: Level::Iop,
        detox_first: true,
        flags_include: &[OlderAdult],
        flags: &[MedicationSupport, OlderAdult],
        crisis_first: None,
    },
    Reference {
        case: "R10 loved one",
        changes: &[
            ("respondent", &["someone_else"]),
            ("substances", &["stimulants"]),
            ("frequency", &["weekly"]),
            ("control", &["slips_back"]),
            ("home", &["strained"]),
            ("support", &["some"]),
        ],
        early: false,
        level: Level::Iop,
        detox_first: false,
        flags_include: &[Family, Naloxone],
        flags: &[Naloxone, Family],
        crisis_first: None,
    },
    Reference {
        case: "R11 daily benzodiazepines",
        changes: &[
            ("substances", &["sedatives"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["not_sure"]),
            ("control", &["slips_back"]),
        ],
        early: false,
        level: Level::Iop,
        detox_first: true,
        flags_include: &[Naloxone, SedativeTaper],
        flags: &[Naloxone, SedativeTaper],
        crisis_first: None,
    },
    Reference {
        case: "R12 opioids with alcohol",
        changes: &[
            ("substances", &["opioids", "alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["moderate"]),
            ("control", &["slips_back"]),
        ],
        early: false,
        level: Level::Php,
        detox_first: true,
        flags_include: &[MixingRisk, Moud, Naloxone],
        flags: &[Naloxone, MixingRisk, Moud, MedicationSupport],
        crisis_first: None,
    },
    Reference {
        case: "R13 weekend drinker with shakes",
        changes: &[
            ("substances", &["alcohol"]),
            ("frequency", &["weekly"]),
            ("withdrawal", &["moderate"]),
            ("control", &["slips_back"]),
        ],
        early: false,
        level: Level::Iop,
        detox_first: true,
        flags_include: &[],
        flags: &[MedicationSupport],
        crisis_first: None,
    },
    Reference {
        case: "R14 daily drinks, no trouble stopping",
        changes: &[
            ("substances", &["alcohol"]),
            ("frequency", &["most_days"]),
            ("withdrawal", &["none"]),
        ],
        early: false,
        level: Level::Op,
        detox_first: false,
        flags_include: &[StopSafely],
        flags: &[StopSafely, MedicationSupport],
        crisis_first: None,
    },
    Reference {
        case: "R15 pregnant, occasional cannabis",
        changes: &[
            ("pregnancy", &["yes"]),
            ("substances", &["cannabis"]),
            ("frequency", &["less_than_weekly"]),
        ],
        early: false,
        level: Level::Op,
        detox_first: false,
        flags_include: &[Pregnancy],
        flags: &[Pregnancy],
        crisis_first: None,
    },
    Reference {
        case: "R16 long remission, serious illness",
        changes: &[
            ("substances", &["alcohol"]),
            ("frequency", &["not_past_month"]),
            ("sober_time", &["over_six_months"]),
            ("health", &["serious"]),
            ("treatment", &["past"]),
        ],
        early: false,
        level: Level::Op,
        detox_first: false,
        flags_include: &[MedicalFollowup],
        flags: &[MedicationSupport, MedicalFollowup],
        crisis_first: None,
    },
    Reference {
        case: "R17 thoughts of suicide",
        changes: &[("danger", &["suicide"])],
        early: true,
        level: Level::Emergency,
        detox_first: false,
        flags_include: &[],
        flags: &[],
        crisis_first: Some(Call988),
    },
    Reference {
        case: "R18 overdose last year",
        changes: &[
            ("substances", &["opioids"]),
            ("frequency", &["less_than_weekly"]),
            ("overdose_risk", &["past_overdose"]),
        ],
        early: false,
        level: Level::Iop,
        detox_first: false,
        flags_include: &[Naloxone, Moud],
        flags: &[Naloxone, LowTolerance, Moud],
        crisis_first: None,
    },
    Reference {
        case: "R19 methadone and drinking",
        changes: &[
            ("substances", &["alcohol"]),
            ("opioid_medicine", &["methadone"]),
            ("frequency", &["weekly"]),
            ("withdrawal", &["mild"]),
        ],
        early: false,
        level: Level::Iop,
        detox_first: false,
        flags_include: &[MixingRisk, Moud, Naloxone, MedicationSupport],
        flags: &[Naloxone, MixingRisk, Moud, MedicationSupport],
        crisis_first: None,
    },
    Reference {
        case: "R20 heroin and alcohol, no medicine",
        changes: &[
            ("substances", &["opioids", "alcohol"]),
            ("opioid_medicine", &["no"]),
            ("frequency", &["less_than_weekly"]),
            ("withdrawal", &["mild"]),
        ],
        early: false,
        level: Level::Op,
        detox_first: false,
        flags_include: &[MixingRisk, Moud, Naloxone, LowTolerance, MedicationSupport],
        flags: &[Naloxone, MixingRisk, LowTolerance, Moud, MedicationSupport],
        crisis_first: None,
    },
];

/// P4 for one result: there are reasons; every reason and every flag names
/// answers, each of them one that was given; message keys follow the ids.
/// Returns the first problem, so exhaustive walks can count them.
pub fn explained(r: &Responses, a: &Assessment) -> Result<(), String> {
    // The options given, per question, as bits of `Question::options` (read once).
    let mut bits = [0u32; 32];
    for (q, ids) in r.iter() {
        for id in ids {
            bits[q.index()] |= 1 << q.options().iter().position(|o| *o == id).unwrap();
        }
    }
    let given = |q: Question, o: &str| {
        q.options()
            .iter()
            .position(|x| *x == o)
            .is_some_and(|i| bits[q.index()] >> i & 1 == 1)
    };
    if a.reasons.is_empty() {
        return Err(format!("no reasons for {}", r.to_json()));
    }
    for reason in &a.reasons {
        if reason.answers.is_empty() {
            return Err(format!(
                "reason {} names no answers for {}",
                reason.id,
                r.to_json()
            ));
        }
        if reason.message.strip_prefix("reason.") != Some(reason.id) {
            return Err(format!(
                "reason {} has message {}",
                reason.id, reason.message
            ));
        }
        if let Some(x) = reason.answers.iter().find(|x| !given(x.question, x.option)) {
            return Err(format!(
                "reason {} names {}={}, not given in {}",
                reason.id,
                x.question.id(),
                x.option,
                r.to_json()
            ));
        }
    }
    for flag in &a.flags {
        if flag.answers.is_empty() {
            return Err(format!(
                "flag {} names no answers for {}",
                flag.id.id(),
                r.to_json()
            ));
        }
        let variant = flag
            .message
            .strip_prefix("flag.")
            .and_then(|m| m.strip_prefix(flag.id.id()));
        if !variant.is_some_and(|v| v.is_empty() || v.starts_with('.')) {
            return Err(format!(
                "flag {} has message {}",
                flag.id.id(),
                flag.message
            ));
        }
        if let Some(x) = flag.answers.iter().find(|x| !given(x.question, x.option)) {
            return Err(format!(
                "flag {} names {}={}, not given in {}",
                flag.id.id(),
                x.question.id(),
                x.option,
                r.to_json()
            ));
        }
    }
    Ok(())
}
