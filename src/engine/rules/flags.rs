//! Flags: advice on the result (section 5 of the doc), one row per flag in
//! the doc's order, and the detox words.

use super::*;

/// One row of the doc's flag tables: when the flag is raised, which of its
/// variants' words it takes, and the answers that raised it.
pub struct FlagRule {
    pub id: Flag,
    /// The variants the doc's row names, as translation keys
    /// (`flag.<id>.<variant>`); `variant` picks only from these.
    pub variants: &'static [&'static str],
    holds: fn(&FlagCase) -> bool,
    variant: fn(&FlagCase) -> Option<&'static str>,
    because: fn(&FlagCase) -> Vec<AnswerRef>,
}

/// What the flag rules read: the case, and what several of them share,
/// worked out once.
pub(super) struct FlagCase<'a, 'r> {
    c: &'a Case<'r>,
    level: Level,
    detox_first: bool,
    /// Opioids used, or perhaps taken as treatment: the opioid advice applies.
    opioid_advice: bool,
    /// Naltrexone too: pushing past the block, or using as it wears off, can
    /// be an overdose.
    naloxone_medicine: bool,
    naloxone: bool,
    mixing: bool,
    little_use: bool,
    released: bool,
    after_intensive: bool,
    frail: bool,
    unsafe_home: bool,
    inpatient: bool,
    teen: bool,
    unsafe_at_home: bool,
}

impl<'a, 'r> FlagCase<'a, 'r> {
    fn new(c: &'a Case<'r>, d: &Ratings, detox_first: bool, level: Level) -> Self {
        use Substance::*;
        let naloxone_medicine = c.on_medicine() || c.naltrexone();
        let frail = c.health == Health::Serious || c.pregnant();
        let unsafe_home = d.withdrawal >= 3 && d.environment >= 3;
        FlagCase {
            c,
            level,
            detox_first,
            opioid_advice: c.opioid_like() || c.maybe_medicine(),
            naloxone_medicine,
            naloxone: c.substances.any(Substance::OVERDOSE_RISK) || naloxone_medicine,
            mixing: c.active()
                && (((c.uses(Opioids) || c.maybe_medicine()) && c.gaba())
                    || (c.uses(Alcohol) && c.uses(Sedatives))),
            little_use: c.frequency < Frequency::Weekly,
            released: c.overdose_risks.contains(OverdoseRisk::RecentRelease),
            after_intensive: c.treatment == Treatment::RecentIntensive,
            frail,
            unsafe_home,
            inpatient: c.gaba() && (d.withdrawal == 4 || (detox_first && frail) || unsafe_home),
            teen: c.age == Age::Under18,
            unsafe_at_home: c.home == Home::Unsafe,
        }
    }

    fn q(&self, questions: &[Question]) -> Vec<AnswerRef> {
        self.c.refs(questions)
    }

    /// The opioid_medicine answer, when it is part of why.
    fn medicine_if(&self, why: bool) -> Vec<AnswerRef> {
        if why {
            self.q(&[Question::OpioidMedicine])
        } else {
            Vec::new()
        }
    }

    fn opioid_break(&self) -> bool {
        self.c.uses(Substance::Opioids)
            && (self.little_use || self.released || self.after_intensive)
    }

    fn naloxone_answers(&self) -> Vec<AnswerRef> {
        with(
            self.c.substance_refs(Substance::OVERDOSE_RISK),
            self.medicine_if(self.naloxone_medicine),
        )
    }

    fn mixing_answers(&self) -> Vec<AnswerRef> {
        use Substance::*;
        with(
            with(
                self.c.substance_refs(&[Opioids, Alcohol, Sedatives]),
                self.medicine_if(self.c.maybe_medicine()),
            ),
            self.q(&[Question::Frequency]),
        )
    }

    fn gaba_daily(&self) -> Vec<AnswerRef> {
        with(self.c.substance_refs(GABA), self.q(&[Question::Frequency]))
    }
}

/// `a`, then what of `b` is not in it.
fn with(mut a: Vec<AnswerRef>, b: Vec<AnswerRef>) -> Vec<AnswerRef> {
    for x in b {
        if !a.contains(&x) {
            a.push(x);
        }
    }
    a
}

fn plain(_: &FlagCase) -> Option<&'static str> {
    None
}

/// The flags, in the doc's order: the safety flags, then the other advice.
pub static FLAG_RULES: &[FlagRule] = &[
    FlagRule {
        id: Flag::Naloxone,
        variants: &[],
        holds: |f| f.naloxone,
        variant: plain,
        because: |f| f.naloxone_answers(),
    },
    FlagRule {
        id: Flag::MixingRisk,
        variants: &["flag.mixing_risk.on_medicine"],
        holds: |f| f.mixing,
        variant: |f| {
            f.c.maybe_medicine()
                .then_some("flag.mixing_risk.on_medicine")
        },
        because: |f| f.mixing_answers(),
    },
    FlagRule {
        id: Flag::LowTolerance,
        variants: &["flag.low_tolerance.naltrexone"],
        holds: |f| f.opioid_break() || f.c.naltrexone(),
        variant: |f| f.c.naltrexone().then_some("flag.low_tolerance.naltrexone"),
        because: |f| {
            let mut tolerance = Vec::new();
            if f.opioid_break() {
                tolerance.extend(f.c.substance_refs(&[Substance::Opioids]));
                if f.little_use {
                    tolerance.extend(f.q(&[Question::Frequency]));
                }
                if f.released {
                    tolerance.push(answer(Question::OverdoseRisk, OverdoseRisk::RecentRelease));
                }
                if f.after_intensive {
                    tolerance.extend(f.q(&[Question::Treatment]));
                }
            }
            with(tolerance, f.medicine_if(f.c.naltrexone()))
        },
    },
    // Beside "stopping should happen in a hospital", the taper words must
    // not promise a taper at home.
    FlagRule {
        id: Flag::SedativeTaper,
        variants: &["flag.sedative_taper.inpatient"],
        holds: |f| f.c.uses(Substance::Sedatives) && f.c.daily(),
        variant: |f| f.inpatient.then_some("flag.sedative_taper.inpatient"),
        because: |f| {
            with(
                f.c.substance_refs(&[Substance::Sedatives]),
                f.q(&[Question::Frequency]),
            )
        },
    },
    FlagRule {
        id: Flag::StopSafely,
        variants: &[],
        holds: |f| f.c.gaba() && f.c.daily() && !f.detox_first,
        variant: plain,
        because: |f| f.gaba_daily(),
    },
    FlagRule {
        id: Flag::WithdrawalInpatient,
        variants: &[],
        holds: |f| f.inpatient,
        variant: plain,
        because: |f| {
            let mut answers = with(f.gaba_daily(), f.q(&[Question::Withdrawal]));
            if f.frail && f.detox_first {
                answers.extend(f.q(&[Question::Health, Question::Pregnancy]));
            }
            if f.unsafe_home {
                answers.extend(f.q(&[Question::Home, Question::Support]));
            }
            answers
        },
    },
    FlagRule {
        id: Flag::WithdrawalHistory,
        variants: &[],
        holds: |f| f.c.wd() == Withdrawal::Severe && !f.c.regular(),
        variant: plain,
        because: |f| f.q(&[Question::Withdrawal, Question::Frequency]),
    },
    FlagRule {
        id: Flag::PregnancyOpioids,
        variants: &["flag.pregnancy_opioids.on_medicine"],
        holds: |f| f.c.pregnant() && f.opioid_advice,
        variant: |f| {
            f.c.maybe_medicine()
                .then_some("flag.pregnancy_opioids.on_medicine")
        },
        because: |f| with(f.q(&[Question::Pregnancy]), f.c.opioid_refs(true)),
    },
    // The overdose words of the year after a birth only where an overdose
    // risk was found: they alarm a parent who uses only cannabis.
    FlagRule {
        id: Flag::Postpartum,
        variants: &[
            "flag.postpartum.overdose",
            "flag.postpartum.medicine",
            "flag.postpartum.overdose_medicine",
        ],
        holds: |f| f.c.pregnancy == Pregnancy::Postpartum,
        variant: |f| match (f.naloxone || f.mixing, f.c.maybe_medicine()) {
            (false, false) => None,
            (true, false) => Some("flag.postpartum.overdose"),
            (false, true) => Some("flag.postpartum.medicine"),
            (true, true) => Some("flag.postpartum.overdose_medicine"),
        },
        because: |f| {
            let mut answers = with(
                f.q(&[Question::Pregnancy]),
                f.medicine_if(f.c.maybe_medicine()),
            );
            if f.naloxone {
                answers = with(answers, f.naloxone_answers());
            }
            if f.mixing {
                answers = with(answers, f.mixing_answers());
            }
            answers
        },
    },
    FlagRule {
        id: Flag::Pregnancy,
        variants: &[],
        holds: |f| f.c.pregnant(),
        variant: plain,
        because: |f| f.q(&[Question::Pregnancy]),
    },
    FlagRule {
        id: Flag::Moud,
        variants: &["flag.moud.on_medicine", "flag.moud.not_sure"],
        holds: |f| f.opioid_advice,
        variant: |f| {
            if f.c.on_medicine() {
                Some("flag.moud.on_medicine")
            } else {
                f.c.maybe_medicine().then_some("flag.moud.not_sure")
            }
        },
        because: |f| f.c.opioid_refs(true),
    },
    // No naltrexone suggestion to someone on it; with opioids, a caution.
    FlagRule {
        id: Flag::MedicationSupport,
        variants: &["flag.medication_support.opioids"],
        holds: |f| f.c.uses(Substance::Alcohol) && !f.c.pregnant() && !f.c.naltrexone(),
        variant: |f| f.opioid_advice.then_some("flag.medication_support.opioids"),
        because: |f| {
            with(
                f.c.substance_refs(&[Substance::Alcohol, Substance::Opioids]),
                f.q(&[Question::Pregnancy, Question::OpioidMedicine]),
            )
        },
    },
    FlagRule {
        id: Flag::Injection,
        variants: &[],
        holds: |f| f.c.overdose_risks.contains(OverdoseRisk::Injecting),
        variant: plain,
        because: |_| vec![answer(Question::OverdoseRisk, OverdoseRisk::Injecting)],
    },
    FlagRule {
        id: Flag::MedicalFollowup,
        variants: &[],
        holds: |f| f.c.health == Health::Serious,
        variant: plain,
        because: |f| f.q(&[Question::Health]),
    },
    FlagRule {
        id: Flag::CoOccurring,
        variants: &[],
        holds: |f| f.c.mental_health != MentalHealth::None,
        variant: plain,
        because: |f| f.q(&[Question::MentalHealth]),
    },
    // A teen whose home is unsafe needs a trusted adult, not family involvement.
    FlagRule {
        id: Flag::HomeSafety,
        variants: &["flag.home_safety.teen"],
        holds: |f| f.unsafe_at_home,
        variant: |f| f.teen.then_some("flag.home_safety.teen"),
        because: |f| {
            f.q(if f.teen {
                &[Question::Home, Question::Age]
            } else {
                &[Question::Home]
            })
        },
    },
    FlagRule {
        id: Flag::Adolescent,
        variants: &["flag.adolescent.unsafe_home"],
        holds: |f| f.teen,
        variant: |f| f.unsafe_at_home.then_some("flag.adolescent.unsafe_home"),
        because: |f| {
            f.q(if f.unsafe_at_home {
                &[Question::Age, Question::Home]
            } else {
                &[Question::Age]
            })
        },
    },
    FlagRule {
        id: Flag::OlderAdult,
        variants: &[],
        holds: |f| f.c.age == Age::Over65,
        variant: plain,
        because: |f| f.q(&[Question::Age]),
    },
    FlagRule {
        id: Flag::EveningOrFlexible,
        variants: &[],
        holds: |f| {
            f.c.commitments
                .any(&[Commitment::Work, Commitment::School, Commitment::Caregiving])
                && matches!(f.level, Level::Op | Level::Iop)
        },
        variant: plain,
        because: |f| f.q(&[Question::Commitments]),
    },
    FlagRule {
        id: Flag::Childcare,
        variants: &[],
        holds: |f| f.c.commitments.contains(Commitment::Caregiving),
        variant: plain,
        because: |_| vec![answer(Question::Commitments, Commitment::Caregiving)],
    },
    FlagRule {
        id: Flag::Family,
        variants: &[],
        holds: |f| f.c.respondent == Respondent::SomeoneElse,
        variant: plain,
        because: |f| f.q(&[Question::Respondent]),
    },
];

/// Each flag that holds, with the answers that raised it, in [`Flag`] order.
pub(super) fn raise_flags(c: &Case, d: &Ratings, detox_first: bool, level: Level) -> Vec<Raised> {
    let case = FlagCase::new(c, d, detox_first, level);
    FLAG_RULES
        .iter()
        .filter(|rule| (rule.holds)(&case))
        .map(|rule| {
            let variant = (rule.variant)(&case);
            debug_assert!(
                variant.is_none_or(|v| rule.variants.contains(&v)),
                "{:?}'s variant {variant:?} is not in its row",
                rule.id
            );
            Raised {
                id: rule.id,
                message: variant.unwrap_or_else(|| rule.id.message()),
                answers: (rule.because)(&case),
            }
        })
        .collect()
}

/// The detox words for this case, with `detox_first`: why stopping needs care
/// (`why`: the answers that set it), then one line per substance chosen and
/// the medicine taken, so no one reads advice for a drug they do not use.
pub(super) fn detox_lines(c: &Case, flags: &[Raised], why: Vec<AnswerRef>) -> Vec<DetoxLine> {
    use Substance::*;
    let flag = |id: Flag| flags.iter().find(|f| f.id == id);
    let inpatient = flag(Flag::WithdrawalInpatient);
    let mut lines = vec![DetoxLine {
        message: "result.detox",
        answers: why,
    }];
    let mut line = |on: bool, message: &'static str, answers: Vec<AnswerRef>| {
        if on {
            lines.push(DetoxLine { message, answers });
        }
    };
    // Beside "stopping should happen in a hospital", a detox program is not
    // offered as an equal choice.
    let mut alcohol = c.substance_refs(&[Alcohol]);
    if let Some(f) = inpatient {
        alcohol.extend(
            f.answers
                .iter()
                .filter(|a| !alcohol.contains(a))
                .copied()
                .collect::<Vec<_>>(),
        );
    }
    line(
        c.uses(Alcohol),
        if inpatient.is_some() {
            "result.detox.alcohol.inpatient"
        } else {
            "result.detox.alcohol"
        },
        alcohol,
    );
    line(
        c.uses(Opioids) && !c.on_medicine(),
        "result.detox.opioids",
        c.substance_refs(&[Opioids]),
    );
    line(
        c.on_medicine(),
        "result.detox.on_medicine",
        c.refs(&[Question::OpioidMedicine]),
    );
    line(
        c.opioid_medicine == OpioidMedicine::NotSure,
        "result.detox.not_sure",
        c.refs(&[Question::OpioidMedicine]),
    );
    line(
        c.uses(Sedatives),
        "result.detox.sedatives",
        c.substance_refs(&[Sedatives]),
    );
    // The taper and inpatient flags end with the danger signs already.
    line(
        c.gaba() && flag(Flag::SedativeTaper).is_none() && inpatient.is_none(),
        "danger_signs",
        c.substance_refs(GABA),
    );
    lines
}
