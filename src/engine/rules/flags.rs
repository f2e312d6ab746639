//! Flags: advice on the result (section 5 of the doc), and the detox words.

use super::*;

/// Each flag that holds, with the answers that raised it, in [`Flag`] order.
pub(super) fn raise_flags(c: &Case, d: &Ratings, detox_first: bool, level: Level) -> Vec<Raised> {
    use Substance::*;
    let mut raised = Vec::new();
    let mut raise = |on: bool, id: Flag, message: Option<&'static str>, answers: Vec<AnswerRef>| {
        if on {
            raised.push(Raised {
                id,
                message: message.unwrap_or_else(|| id.message()),
                answers,
            });
        }
    };
    let q = |questions: &[Question]| c.refs(questions);
    let with = |mut a: Vec<AnswerRef>, b: Vec<AnswerRef>| {
        for x in b {
            if !a.contains(&x) {
                a.push(x);
            }
        }
        a
    };
    // The opioid_medicine answer, when it is part of why.
    let medicine_if = |why: bool| {
        if why {
            q(&[Question::OpioidMedicine])
        } else {
            Vec::new()
        }
    };
    // Opioids used, or perhaps taken as treatment: the opioid advice applies.
    let opioid_advice = c.opioid_like() || c.maybe_medicine();

    // Naltrexone too: pushing past the block, or using as it wears off, can
    // be an overdose.
    let naloxone_medicine = c.on_medicine() || c.naltrexone();
    let naloxone = c.substances.any(Substance::OVERDOSE_RISK) || naloxone_medicine;
    let naloxone_answers = with(
        c.substance_refs(Substance::OVERDOSE_RISK),
        medicine_if(naloxone_medicine),
    );
    raise(naloxone, Flag::Naloxone, None, naloxone_answers.clone());
    let mixing = c.active()
        && (((c.uses(Opioids) || c.maybe_medicine()) && c.gaba())
            || (c.uses(Alcohol) && c.uses(Sedatives)));
    let mixing_answers = with(
        with(
            c.substance_refs(&[Opioids, Alcohol, Sedatives]),
            medicine_if(c.maybe_medicine()),
        ),
        q(&[Question::Frequency]),
    );
    raise(
        mixing,
        Flag::MixingRisk,
        c.maybe_medicine().then_some("flag.mixing_risk.on_medicine"),
        mixing_answers.clone(),
    );
    let released = c.overdose_risks.contains(OverdoseRisk::RecentRelease);
    let after_intensive = c.treatment == Treatment::RecentIntensive;
    let little_use = c.frequency < Frequency::Weekly;
    let opioid_break = c.uses(Opioids) && (little_use || released || after_intensive);
    let mut tolerance = Vec::new();
    if opioid_break {
        tolerance.extend(c.substance_refs(&[Opioids]));
        if little_use {
            tolerance.extend(q(&[Question::Frequency]));
        }
        if released {
            tolerance.push(answer(Question::OverdoseRisk, OverdoseRisk::RecentRelease));
        }
        if after_intensive {
            tolerance.extend(q(&[Question::Treatment]));
        }
    }
    raise(
        opioid_break || c.naltrexone(),
        Flag::LowTolerance,
        c.naltrexone().then_some("flag.low_tolerance.naltrexone"),
        with(tolerance, medicine_if(c.naltrexone())),
    );
    let gaba_daily = || with(c.substance_refs(GABA), q(&[Question::Frequency]));
    let frail = c.health == Health::Serious || c.pregnant();
    let unsafe_home = d.withdrawal >= 3 && d.environment >= 3;
    let inpatient = c.gaba() && (d.withdrawal == 4 || (detox_first && frail) || unsafe_home);
    // Beside "stopping should happen in a hospital", the taper words must
    // not promise a taper at home.
    raise(
        c.uses(Sedatives) && c.daily(),
        Flag::SedativeTaper,
        inpatient.then_some("flag.sedative_taper.inpatient"),
        with(c.substance_refs(&[Sedatives]), q(&[Question::Frequency])),
    );
    raise(
        c.gaba() && c.daily() && !detox_first,
        Flag::StopSafely,
        None,
        gaba_daily(),
    );
    let mut inpatient_answers = with(gaba_daily(), q(&[Question::Withdrawal]));
    if frail && detox_first {
        inpatient_answers.extend(q(&[Question::Health, Question::Pregnancy]));
    }
    if unsafe_home {
        inpatient_answers.extend(q(&[Question::Home, Question::Support]));
    }
    raise(
        inpatient,
        Flag::WithdrawalInpatient,
        None,
        inpatient_answers,
    );
    raise(
        c.wd() == Withdrawal::Severe && !c.regular(),
        Flag::WithdrawalHistory,
        None,
        q(&[Question::Withdrawal, Question::Frequency]),
    );
    raise(
        c.pregnant() && opioid_advice,
        Flag::PregnancyOpioids,
        c.maybe_medicine()
            .then_some("flag.pregnancy_opioids.on_medicine"),
        with(q(&[Question::Pregnancy]), c.opioid_refs(true)),
    );
    raise(
        c.pregnant(),
        Flag::Pregnancy,
        None,
        q(&[Question::Pregnancy]),
    );
    // The overdose words of the year after a birth only where an overdose
    // risk was found: they alarm a parent who uses only cannabis.
    let overdose_words = naloxone || mixing;
    let mut postpartum = with(q(&[Question::Pregnancy]), medicine_if(c.maybe_medicine()));
    if naloxone {
        postpartum = with(postpartum, naloxone_answers);
    }
    if mixing {
        postpartum = with(postpartum, mixing_answers);
    }
    raise(
        c.pregnancy == Pregnancy::Postpartum,
        Flag::Postpartum,
        match (overdose_words, c.maybe_medicine()) {
            (false, false) => None,
            (true, false) => Some("flag.postpartum.overdose"),
            (false, true) => Some("flag.postpartum.medicine"),
            (true, true) => Some("flag.postpartum.overdose_medicine"),
        },
        postpartum,
    );
    raise(
        opioid_advice,
        Flag::Moud,
        if c.on_medicine() {
            Some("flag.moud.on_medicine")
        } else {
            c.maybe_medicine().then_some("flag.moud.not_sure")
        },
        c.opioid_refs(true),
    );
    // No naltrexone suggestion to someone on it; with opioids, a caution.
    raise(
        c.uses(Alcohol) && !c.pregnant() && !c.naltrexone(),
        Flag::MedicationSupport,
        opioid_advice.then_some("flag.medication_support.opioids"),
        with(
            c.substance_refs(&[Alcohol, Opioids]),
            q(&[Question::Pregnancy, Question::OpioidMedicine]),
        ),
    );
    raise(
        c.overdose_risks.contains(OverdoseRisk::Injecting),
        Flag::Injection,
        None,
        vec![answer(Question::OverdoseRisk, OverdoseRisk::Injecting)],
    );
    raise(
        c.health == Health::Serious,
        Flag::MedicalFollowup,
        None,
        q(&[Question::Health]),
    );
    raise(
        c.mental_health != MentalHealth::None,
        Flag::CoOccurring,
        None,
        q(&[Question::MentalHealth]),
    );
    let teen = c.age == Age::Under18;
    let unsafe_at_home = c.home == Home::Unsafe;
    // A teen whose home is unsafe needs a trusted adult, not family involvement.
    raise(
        unsafe_at_home,
        Flag::HomeSafety,
        teen.then_some("flag.home_safety.teen"),
        q(if teen {
            &[Question::Home, Question::Age]
        } else {
            &[Question::Home]
        }),
    );
    raise(
        teen,
        Flag::Adolescent,
        unsafe_at_home.then_some("flag.adolescent.unsafe_home"),
        q(if unsafe_at_home {
            &[Question::Age, Question::Home]
        } else {
            &[Question::Age]
        }),
    );
    raise(
        c.age == Age::Over65,
        Flag::OlderAdult,
        None,
        q(&[Question::Age]),
    );
    let keep_going =
        c.commitments
            .any(&[Commitment::Work, Commitment::School, Commitment::Caregiving]);
    raise(
        keep_going && matches!(level, Level::Op | Level::Iop),
        Flag::EveningOrFlexible,
        None,
        q(&[Question::Commitments]),
    );
    raise(
        c.commitments.contains(Commitment::Caregiving),
        Flag::Childcare,
        None,
        vec![answer(Question::Commitments, Commitment::Caregiving)],
    );
    raise(
        c.respondent == Respondent::SomeoneElse,
        Flag::Family,
        None,
        q(&[Question::Respondent]),
    );
    raised
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
