//! The rules of the clinical model (version 2.1), each explained in
//! `docs/clinical-rules.md`. The level follows the highest-risk dimensions,
//! never a sum: one severe dimension can set it alone. Rules read typed
//! answers; ids appear only in the answers each reason and flag names.

use super::assessment::{
    AnswerRef, Assessment, CrisisLine, DetoxLine, Dimension, Flag, Level, Raised, Ratings, Reason,
};
use super::flow;
use super::questions::*;
use super::responses::{AnswerError, Responses};

/// A reason id with its translation key, written once.
macro_rules! reason_id {
    ($id:literal) => {
        ($id, concat!("reason.", $id))
    };
}

pub type ReasonId = (&'static str, &'static str);

/// Alcohol and sedatives: the substances whose withdrawal can cause seizures
/// and delirium ("gaba" in the model), and that slow breathing with opioids.
const GABA: &[Substance] = &[Substance::Alcohol, Substance::Sedatives];

/// Complete answers, typed. Questions the skip logic did not ask are `None`.
struct Case<'a> {
    responses: &'a Responses,
    respondent: Respondent,
    age: Age,
    pregnancy: Pregnancy,
    substances: Set<Substance>,
    opioid_medicine: OpioidMedicine,
    frequency: Frequency,
    sober_time: Option<SoberTime>,
    withdrawal: Option<Withdrawal>,
    /// The risks chosen, without `none`; empty when not asked.
    overdose_risks: Set<OverdoseRisk>,
    health: Health,
    mental_health: MentalHealth,
    control: Option<Control>,
    treatment: Treatment,
    home: Home,
    support: Support,
    commitments: Set<Commitment>,
    readiness: Readiness,
}

fn need<T>(value: Option<T>, question: Question) -> Result<T, AnswerError> {
    value.ok_or(AnswerError::Missing { question })
}

impl<'a> Case<'a> {
    fn new(r: &'a Responses) -> Result<Self, AnswerError> {
        r.check_complete()?;
        Ok(Case {
            responses: r,
            respondent: need(r.respondent(), Question::Respondent)?,
            age: need(r.age(), Question::Age)?,
            pregnancy: need(r.pregnancy(), Question::Pregnancy)?,
            substances: need(r.substances(), Question::Substances)?,
            opioid_medicine: need(r.opioid_medicine(), Question::OpioidMedicine)?,
            frequency: need(r.frequency(), Question::Frequency)?,
            sober_time: r.sober_time(),
            withdrawal: r.withdrawal(),
            overdose_risks: r
                .overdose_risk()
                .unwrap_or_default()
                .without(OverdoseRisk::None),
            health: need(r.health(), Question::Health)?,
            mental_health: need(r.mental_health(), Question::MentalHealth)?,
            control: r.control(),
            treatment: need(r.treatment(), Question::Treatment)?,
            home: need(r.home(), Question::Home)?,
            support: need(r.support(), Question::Support)?,
            commitments: need(r.commitments(), Question::Commitments)?,
            readiness: need(r.readiness(), Question::Readiness)?,
        })
    }

    fn uses(&self, substance: Substance) -> bool {
        self.substances.contains(substance)
    }
    fn gaba(&self) -> bool {
        self.substances.any(GABA)
    }
    /// Any use in the past month.
    fn active(&self) -> bool {
        self.frequency != Frequency::NotPastMonth
    }
    /// At least one day a week.
    fn regular(&self) -> bool {
        self.frequency >= Frequency::Weekly
    }
    /// Four or more days a week.
    fn daily(&self) -> bool {
        self.frequency == Frequency::MostDays
    }
    /// The withdrawal answer as rated: `not_sure` counts as `mild`, and no
    /// current use as none.
    fn wd(&self) -> Withdrawal {
        match self.withdrawal {
            Some(Withdrawal::NotSure) => Withdrawal::Mild,
            Some(w) => w,
            None => Withdrawal::None,
        }
    }
    /// On methadone or buprenorphine.
    fn on_medicine(&self) -> bool {
        self.opioid_medicine.on_medicine()
    }
    /// Opioids used, or taken as treatment: the same breathing risk.
    fn opioid_like(&self) -> bool {
        self.uses(Substance::Opioids) || self.on_medicine()
    }
    /// Perhaps on methadone or buprenorphine (`not_sure`, for someone
    /// else): the advice covers it, the level never reads it.
    fn maybe_medicine(&self) -> bool {
        self.on_medicine() || self.opioid_medicine == OpioidMedicine::NotSure
    }
    fn naltrexone(&self) -> bool {
        self.opioid_medicine == OpioidMedicine::Naltrexone
    }
    /// Opioids (used or as treatment) with alcohol or sedatives, at least weekly.
    fn mixed(&self) -> bool {
        self.opioid_like() && self.gaba() && self.regular()
    }
    fn pregnant(&self) -> bool {
        self.pregnancy == Pregnancy::Yes
    }

    /// The answers given to `questions`, every option of each.
    fn refs(&self, questions: &[Question]) -> Vec<AnswerRef> {
        questions
            .iter()
            .flat_map(|&question| {
                self.responses
                    .get(question)
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |option| AnswerRef { question, option })
            })
            .collect()
    }
    /// The answers behind opioid_like (with `maybe`, behind maybe_medicine
    /// too): opioids among the substances, and the medicine when it counts.
    fn opioid_refs(&self, maybe: bool) -> Vec<AnswerRef> {
        let mut refs = self.substance_refs(&[Substance::Opioids]);
        if self.on_medicine() || (maybe && self.maybe_medicine()) {
            refs.extend(self.refs(&[Question::OpioidMedicine]));
        }
        refs
    }
    /// The answers behind mixed, how often aside.
    fn mixed_refs(&self) -> Vec<AnswerRef> {
        let mut refs = self.opioid_refs(false);
        refs.extend(self.substance_refs(GABA));
        refs
    }
    /// The chosen substances among `of`.
    fn substance_refs(&self, of: &[Substance]) -> Vec<AnswerRef> {
        of.iter()
            .filter(|&&s| self.uses(s))
            .map(|&s| answer(Question::Substances, s))
            .collect()
    }
}

fn answer<T: Choice>(question: Question, option: T) -> AnswerRef {
    AnswerRef {
        question,
        option: option.id(),
    }
}

/// Collects findings; each raises its dimension's rating to at least its own.
#[derive(Default)]
struct Findings {
    ratings: Ratings,
    reasons: Vec<Reason>,
}

impl Findings {
    fn add(
        &mut self,
        dimension: Dimension,
        rating: u8,
        (id, message): ReasonId,
        answers: Vec<AnswerRef>,
    ) {
        self.ratings.raise(dimension, rating);
        self.reasons.push(Reason {
            id,
            message,
            dimension: Some(dimension),
            rating,
            answers,
        });
    }
}

/// D1: intoxication and withdrawal.
fn rate_withdrawal(c: &Case, f: &mut Findings) {
    use Withdrawal::*;
    let wd = c.wd();
    let mut add = |rating, id, mut answers: Vec<AnswerRef>, extra: &[Substance]| {
        answers.extend(c.substance_refs(extra));
        f.add(Dimension::Withdrawal, rating, id, answers);
    };
    let w_f = || c.refs(&[Question::Withdrawal, Question::Frequency]);
    match wd {
        Mild => add(
            1,
            reason_id!("withdrawal_mild"),
            c.refs(&[Question::Withdrawal]),
            &[],
        ),
        Moderate if c.regular() => add(2, reason_id!("withdrawal_moderate"), w_f(), &[]),
        Moderate => add(1, reason_id!("withdrawal_moderate_occasional"), w_f(), &[]),
        Severe if c.regular() => add(4, reason_id!("withdrawal_severe"), w_f(), &[]),
        // A past seizure or delirium with little use now: a history to tell
        // the doctor, not current dependence.
        Severe => add(2, reason_id!("withdrawal_severe_history"), w_f(), &[]),
        None | NotSure => {}
    }
    if wd == Moderate && c.gaba() && c.regular() {
        add(3, reason_id!("withdrawal_moderate_gaba"), w_f(), GABA);
    }
    // Physical dependence on daily sedatives is presumed, whatever the
    // withdrawal answer: stopping needs a planned taper.
    if c.uses(Substance::Sedatives) && c.daily() {
        add(
            3,
            reason_id!("sedatives_daily"),
            c.refs(&[Question::Frequency]),
            &[Substance::Sedatives],
        );
    }
    let frail: Vec<AnswerRef> = [
        (c.age == Age::Over65).then(|| answer(Question::Age, c.age)),
        (c.health == Health::Serious).then(|| answer(Question::Health, c.health)),
        c.pregnant()
            .then(|| answer(Question::Pregnancy, c.pregnancy)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if c.gaba() && c.daily() && wd != None && !frail.is_empty() {
        let mut answers = w_f();
        answers.extend(frail);
        add(3, reason_id!("withdrawal_gaba_risk"), answers, GABA);
    }
    if c.mixed() && wd >= Moderate {
        let mut answers = w_f();
        answers.extend(c.mixed_refs());
        add(3, reason_id!("withdrawal_mixed"), answers, &[]);
    }
}

/// D2: physical health, with pregnancy and the year after a birth.
fn rate_health(c: &Case, f: &mut Findings) {
    let health = || c.refs(&[Question::Health]);
    let pregnancy = || c.refs(&[Question::Pregnancy]);
    match c.health {
        Health::None => {}
        Health::Managed => f.add(
            Dimension::PhysicalHealth,
            1,
            reason_id!("health_managed"),
            health(),
        ),
        Health::Serious => f.add(
            Dimension::PhysicalHealth,
            3,
            reason_id!("health_serious"),
            health(),
        ),
    }
    match c.pregnancy {
        Pregnancy::No => {}
        Pregnancy::Postpartum => f.add(
            Dimension::PhysicalHealth,
            1,
            reason_id!("postpartum"),
            pregnancy(),
        ),
        Pregnancy::Yes => f.add(
            Dimension::PhysicalHealth,
            2,
            reason_id!("pregnant"),
            pregnancy(),
        ),
    }
}

/// D3: mental health.
fn rate_mental_health(c: &Case, f: &mut Findings) {
    let r = c.refs(&[Question::MentalHealth]);
    match c.mental_health {
        MentalHealth::None => {}
        MentalHealth::Some => f.add(
            Dimension::MentalHealth,
            2,
            reason_id!("mental_health_some"),
            r,
        ),
        MentalHealth::Severe => f.add(
            Dimension::MentalHealth,
            3,
            reason_id!("mental_health_severe"),
            r,
        ),
    }
}

/// D4: readiness, rated for the advice only.
fn rate_readiness(c: &Case, f: &mut Findings) {
    let r = c.refs(&[Question::Readiness]);
    match c.readiness {
        Readiness::Ready => {}
        Readiness::Unsure => f.add(Dimension::Readiness, 1, reason_id!("readiness_unsure"), r),
        Readiness::NotReady => f.add(
            Dimension::Readiness,
            2,
            reason_id!("readiness_not_ready"),
            r,
        ),
    }
}

/// D5: continued use and relapse potential, the highest of its signs.
fn rate_relapse(c: &Case, f: &mut Findings) {
    let mut add = |rating, id, questions: &[Question]| {
        f.add(Dimension::Relapse, rating, id, c.refs(questions))
    };
    match c.control {
        Some(Control::SlipsBack) => add(2, reason_id!("control_slips_back"), &[Question::Control]),
        Some(Control::CannotStop) => {
            add(3, reason_id!("control_cannot_stop"), &[Question::Control])
        }
        Some(Control::CanStop) | None => {}
    }
    match c.frequency {
        Frequency::Weekly => add(1, reason_id!("frequency_weekly"), &[Question::Frequency]),
        Frequency::MostDays => add(1, reason_id!("frequency_most_days"), &[Question::Frequency]),
        Frequency::NotPastMonth | Frequency::LessThanWeekly => {}
    }
    // Early remission: the first months without use carry the most risk of relapse.
    if c.sober_time == Some(SoberTime::OneToSixMonths) {
        add(1, reason_id!("sober_recent"), &[Question::SoberTime]);
    }
    match c.treatment {
        Treatment::RecentOutpatient => add(
            1,
            reason_id!("treatment_recent_outpatient"),
            &[Question::Treatment],
        ),
        Treatment::RecentIntensive => add(
            2,
            reason_id!("treatment_recent_intensive"),
            &[Question::Treatment],
        ),
        Treatment::None | Treatment::Past => {}
    }
    if !c.overdose_risks.is_empty() {
        if c.regular() {
            add(
                3,
                reason_id!("overdose_risk_regular"),
                &[Question::OverdoseRisk, Question::Frequency],
            );
        } else {
            add(2, reason_id!("overdose_risk"), &[Question::OverdoseRisk]);
        }
    }
}

/// D6: recovery and living environment.
fn rate_environment(c: &Case, f: &mut Findings) {
    let mut add = |rating, id, questions: &[Question]| {
        f.add(Dimension::Environment, rating, id, c.refs(questions))
    };
    match c.home {
        Home::Stable => {}
        Home::Strained => add(2, reason_id!("home_strained"), &[Question::Home]),
        Home::Unsafe => add(3, reason_id!("home_unsafe"), &[Question::Home]),
    }
    match c.support {
        Support::Strong => {}
        Support::Some => add(1, reason_id!("support_some"), &[Question::Support]),
        Support::None => add(2, reason_id!("support_none"), &[Question::Support]),
    }
    if c.home == Home::Strained && c.support == Support::None {
        add(
            3,
            reason_id!("home_strained_no_support"),
            &[Question::Home, Question::Support],
        );
    }
}

/// Answers a level rule reads beside the dimensions' ratings.
#[derive(Clone, Copy)]
enum Uses {
    Nothing,
    /// How often (active, regular or daily use).
    Frequency,
    /// Opioids (used or as treatment) with alcohol or sedatives, and how often.
    Mixing,
}

/// A level rule of the doc's section 4.3 (its number is its place in
/// [`LEVEL_RULES`], from 1): when it holds, the level, its reason, the
/// dimensions whose top findings explain it, and the other answers it reads.
pub struct LevelRule {
    pub level: Level,
    /// The reason id and its translation key.
    pub reason: ReasonId,
    pub dimensions: &'static [Dimension],
    uses: Uses,
    holds: fn(&Case, &Ratings) -> bool,
}

/// The level rules in the order they are tried; the last always holds.
pub const LEVEL_RULES: &[LevelRule] = &[
    LevelRule {
        level: Level::Residential,
        reason: reason_id!("level_residential_mental_health_environment"),
        dimensions: &[Dimension::MentalHealth, Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.mental_health >= 3 && d.environment >= 3,
    },
    LevelRule {
        level: Level::Residential,
        reason: reason_id!("level_residential_relapse_environment"),
        dimensions: &[Dimension::Relapse, Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.relapse >= 3 && d.environment >= 3,
    },
    LevelRule {
        level: Level::Residential,
        reason: reason_id!("level_residential_withdrawal_health"),
        dimensions: &[Dimension::Withdrawal, Dimension::PhysicalHealth],
        uses: Uses::Nothing,
        holds: |_c, d| d.withdrawal >= 3 && d.physical_health >= 2,
    },
    // Withdrawal that needs watching, with no safe place to do it.
    LevelRule {
        level: Level::Residential,
        reason: reason_id!("level_residential_withdrawal_environment"),
        dimensions: &[Dimension::Withdrawal, Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.withdrawal >= 3 && d.environment >= 3,
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_mental_health"),
        dimensions: &[
            Dimension::MentalHealth,
            Dimension::Relapse,
            Dimension::Environment,
        ],
        uses: Uses::Frequency,
        holds: |c, d| d.mental_health >= 3 && (c.active() || d.relapse >= 2 || d.environment >= 2),
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_health"),
        dimensions: &[
            Dimension::PhysicalHealth,
            Dimension::Withdrawal,
            Dimension::MentalHealth,
            Dimension::Relapse,
        ],
        uses: Uses::Frequency,
        holds: |c, d| {
            d.physical_health >= 3
                && c.active()
                && (d.withdrawal >= 2 || d.mental_health >= 2 || d.relapse >= 2)
        },
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_relapse_environment"),
        dimensions: &[Dimension::Relapse, Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.relapse >= 3 && d.environment >= 2,
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_withdrawal"),
        dimensions: &[Dimension::Withdrawal],
        uses: Uses::Nothing,
        holds: |_c, d| d.withdrawal == 4,
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_mixed"),
        dimensions: &[Dimension::Withdrawal, Dimension::Relapse],
        uses: Uses::Mixing,
        holds: |c, d| c.mixed() && (c.wd() >= Withdrawal::Moderate || d.relapse >= 3),
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_relapse"),
        dimensions: &[Dimension::Relapse],
        uses: Uses::Nothing,
        holds: |_c, d| d.relapse >= 2,
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_environment"),
        dimensions: &[Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.environment >= 3,
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_withdrawal"),
        dimensions: &[Dimension::Withdrawal],
        uses: Uses::Nothing,
        holds: |_c, d| d.withdrawal >= 2,
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_mental_health"),
        dimensions: &[Dimension::MentalHealth],
        uses: Uses::Frequency,
        holds: |c, d| (d.mental_health >= 2 && c.regular()) || d.mental_health >= 3,
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_mixed"),
        dimensions: &[],
        uses: Uses::Mixing,
        holds: |c, _d| c.mixed(),
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_health_daily"),
        dimensions: &[Dimension::PhysicalHealth],
        uses: Uses::Frequency,
        holds: |c, d| d.physical_health >= 2 && c.daily(),
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_environment_daily"),
        dimensions: &[Dimension::Environment],
        uses: Uses::Frequency,
        holds: |c, d| c.daily() && d.environment >= 2,
    },
    LevelRule {
        level: Level::Op,
        reason: reason_id!("level_op_low_risk"),
        dimensions: &[],
        uses: Uses::Nothing,
        holds: |_c, _d| true,
    },
];

/// The least intensive level that is still safe: the first rule that holds.
fn choose_level(c: &Case, d: &Ratings) -> &'static LevelRule {
    LEVEL_RULES
        .iter()
        .find(|rule| (rule.holds)(c, d))
        .expect("the last rule always holds")
}

/// Each flag that holds, with the answers that raised it, in [`Flag`] order.
fn raise_flags(c: &Case, d: &Ratings, detox_first: bool, level: Level) -> Vec<Raised> {
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
fn detox_lines(c: &Case, flags: &[Raised], why: Vec<AnswerRef>) -> Vec<DetoxLine> {
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

/// Rates complete answers, as if no danger had been reported.
/// `withdrawal_now` (a withdrawal emergency was reported) sets `detox_first`
/// whatever the ratings, and the flags follow it.
fn assess_case(c: &Case, withdrawal_now: bool) -> Assessment {
    let mut f = Findings::default();
    rate_withdrawal(c, &mut f);
    rate_health(c, &mut f);
    rate_mental_health(c, &mut f);
    rate_readiness(c, &mut f);
    rate_relapse(c, &mut f);
    rate_environment(c, &mut f);
    let ratings = f.ratings;
    let &LevelRule {
        level,
        reason: (id, message),
        dimensions,
        uses,
        ..
    } = choose_level(c, &ratings);

    // The level's reason names the answers behind the deciding dimensions'
    // top findings, and the other answers its rule reads.
    let mut answers: Vec<AnswerRef> = Vec::new();
    let mut note = |refs: &[AnswerRef]| {
        for r in refs {
            if !answers.contains(r) {
                answers.push(*r);
            }
        }
    };
    for reason in &f.reasons {
        if reason
            .dimension
            .is_some_and(|d| dimensions.contains(&d) && reason.rating == ratings.get(d))
        {
            note(&reason.answers);
        }
    }
    match uses {
        Uses::Nothing => {}
        Uses::Frequency => note(&c.refs(&[Question::Frequency])),
        Uses::Mixing => note(&[c.mixed_refs(), c.refs(&[Question::Frequency])].concat()),
    }
    if level == Level::Op {
        // Low risk is itself a finding: say which answers show it.
        note(&c.refs(&[
            Question::Frequency,
            Question::SoberTime,
            Question::Control,
            Question::Home,
        ]));
    }
    let rating = dimensions
        .iter()
        .map(|&d| ratings.get(d))
        .max()
        .unwrap_or(0);
    let mut reasons = vec![Reason {
        id,
        message,
        dimension: None,
        rating,
        answers,
    }];
    // Most severe first; findings are rated 1 to 4.
    for r in (1..=4).rev() {
        reasons.extend(f.reasons.iter().filter(|x| x.rating == r).cloned());
    }
    let detox_first = ratings.withdrawal >= 3 || withdrawal_now;
    let flags = raise_flags(c, &ratings, detox_first, level);
    let detox = if detox_first {
        let mut why: Vec<AnswerRef> = Vec::new();
        let severe = f
            .reasons
            .iter()
            .filter(|r| r.dimension == Some(Dimension::Withdrawal) && r.rating >= 3);
        for a in severe.flat_map(|r| &r.answers) {
            if !why.contains(a) {
                why.push(*a);
            }
        }
        if withdrawal_now {
            why.push(answer(Question::Danger, Danger::WithdrawalEmergency));
        }
        detox_lines(c, &flags, why)
    } else {
        Vec::new()
    };
    Assessment {
        level,
        detox_first,
        detox,
        crisis_first: None,
        after_emergency: None,
        ratings: Some(ratings),
        flags,
        reasons,
    }
}

/// The reason for each danger reported.
fn emergency_reason(danger: Danger) -> ReasonId {
    match danger {
        Danger::Overdose => reason_id!("emergency_overdose"),
        Danger::Suicide => reason_id!("emergency_suicide"),
        Danger::HarmOthers => reason_id!("emergency_harm_others"),
        Danger::WithdrawalEmergency => reason_id!("emergency_withdrawal"),
        Danger::MedicalEmergency | Danger::None => reason_id!("emergency_medical"),
    }
}

/// Assesses the answers. An emergency needs only the `danger` answer; any
/// other result needs every asked question answered. Invalid or incomplete
/// answers give an error naming the question, never a panic.
pub fn assess(responses: &Responses) -> Result<Assessment, AnswerError> {
    if !flow::is_emergency(responses) {
        return Ok(assess_case(&Case::new(responses)?, false));
    }
    let dangers = responses.danger().unwrap_or_default();
    let mut reasons: Vec<Reason> = dangers
        .iter()
        .map(|danger| {
            let (id, message) = emergency_reason(danger);
            Reason {
                id,
                message,
                dimension: None,
                rating: 4,
                answers: vec![answer(Question::Danger, danger)],
            }
        })
        .collect();
    // Thoughts of suicide alone lead with 988; any other danger with 911.
    let crisis_first = if dangers == Set::of(&[Danger::Suicide]) {
        CrisisLine::Call988
    } else {
        CrisisLine::Call911
    };
    // A seizure, hallucinations or confusion while stopping is withdrawal that needs medical care.
    let withdrawal_now = dangers.contains(Danger::WithdrawalEmergency);
    // Answers for after the emergency, rated as if no danger had been reported.
    let mut calm = *responses;
    calm.set(Question::Danger, &[Danger::None.id()])?;
    let mut assessment = match Case::new(&calm) {
        Ok(case) => {
            let later = assess_case(&case, withdrawal_now);
            reasons.extend(later.reasons);
            Assessment {
                after_emergency: Some(later.level),
                reasons: Vec::new(),
                ..later
            }
        }
        // Only the danger is known: the general words, no substance lines.
        Err(_) => Assessment {
            level: Level::Emergency,
            detox_first: withdrawal_now,
            detox: if withdrawal_now {
                vec![DetoxLine {
                    message: "result.detox",
                    answers: vec![answer(Question::Danger, Danger::WithdrawalEmergency)],
                }]
            } else {
                Vec::new()
            },
            crisis_first: None,
            after_emergency: None,
            ratings: None,
            flags: Vec::new(),
            reasons: Vec::new(),
        },
    };
    assessment.level = Level::Emergency;
    assessment.crisis_first = Some(crisis_first);
    assessment.reasons = reasons;
    Ok(assessment)
}
