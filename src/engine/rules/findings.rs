//! The findings of the six dimensions, D1 to D6 (section 4.2 of the doc).

use super::*;

/// Collects findings; each raises its dimension's rating to at least its own.
#[derive(Default)]
pub(super) struct Findings {
    pub(super) ratings: Ratings,
    pub(super) reasons: Vec<Reason>,
}

impl Findings {
    pub(super) fn add(
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
pub(super) fn rate_withdrawal(c: &Case, f: &mut Findings) {
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
pub(super) fn rate_health(c: &Case, f: &mut Findings) {
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
pub(super) fn rate_mental_health(c: &Case, f: &mut Findings) {
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
pub(super) fn rate_readiness(c: &Case, f: &mut Findings) {
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
pub(super) fn rate_relapse(c: &Case, f: &mut Findings) {
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
pub(super) fn rate_environment(c: &Case, f: &mut Findings) {
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
