//! The reference rules of `clinical-model.md`, refined only where
//! `docs/clinical-rules.md` says why. The level follows the highest-risk
//! dimensions, never a sum: one severe dimension can set it alone.

use super::assessment::{AnswerRef, Assessment, Dimension, Flag, Level, Ratings, Reason};
use super::flow;
use super::questions::*;
use super::responses::{AnswerError, Responses};

/// A reason id with its translation key, written once.
macro_rules! reason_id {
    ($id:literal) => {
        ($id, concat!("reason.", $id))
    };
}

type ReasonId = (&'static str, &'static str);

/// The typed answers the rules read. Built only from complete, valid responses.
struct Answers {
    age: Age,
    substances: Vec<Substance>,
    frequency: Frequency,
    /// `None` when skipped (no use in the past month): it then counts for nothing.
    withdrawal: Option<Withdrawal>,
    health: Health,
    mental_health: MentalHealth,
    control: Control,
    treatment: Treatment,
    home: Home,
    support: Support,
    readiness: Readiness,
}

fn one<T>(r: &Responses, q: Question, parse: fn(&str) -> Option<T>) -> Result<T, AnswerError> {
    r.single(q)
        .and_then(parse)
        .ok_or(AnswerError::Missing { question: q })
}

impl Answers {
    fn from_responses(r: &Responses) -> Result<Self, AnswerError> {
        r.check_complete()?;
        let substances = r
            .get(Question::Substances)
            .unwrap_or_default()
            .iter()
            .filter_map(|id| Substance::from_id(id))
            .collect();
        Ok(Answers {
            age: one(r, Question::Age, Age::from_id)?,
            substances,
            frequency: one(r, Question::Frequency, Frequency::from_id)?,
            withdrawal: r.single(Question::Withdrawal).and_then(Withdrawal::from_id),
            health: one(r, Question::Health, Health::from_id)?,
            mental_health: one(r, Question::MentalHealth, MentalHealth::from_id)?,
            control: one(r, Question::Control, Control::from_id)?,
            treatment: one(r, Question::Treatment, Treatment::from_id)?,
            home: one(r, Question::Home, Home::from_id)?,
            support: one(r, Question::Support, Support::from_id)?,
            readiness: one(r, Question::Readiness, Readiness::from_id)?,
        })
    }
}

fn answer(question: Question, option: &'static str) -> AnswerRef {
    AnswerRef { question, option }
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

/// D1: intoxication and withdrawal. Alcohol and sedatives ("gaba") are the
/// substances whose withdrawal can cause seizures and delirium.
fn rate_withdrawal(a: &Answers, f: &mut Findings) {
    let Some(w) = a.withdrawal.filter(|&w| w != Withdrawal::None) else {
        return;
    };
    let regular = matches!(a.frequency, Frequency::Weekly | Frequency::MostDays);
    let daily = a.frequency == Frequency::MostDays;
    let gaba: Vec<AnswerRef> = a
        .substances
        .iter()
        .filter(|s| matches!(s, Substance::Alcohol | Substance::Sedatives))
        .map(|s| answer(Question::Substances, s.id()))
        .collect();
    let w_ref = answer(Question::Withdrawal, w.id());
    let f_ref = answer(Question::Frequency, a.frequency.id());
    let with_gaba = |mut refs: Vec<AnswerRef>| {
        refs.extend(gaba.iter().copied());
        refs
    };
    match w {
        Withdrawal::None => {}
        Withdrawal::NotSure | Withdrawal::Mild => f.add(
            Dimension::Withdrawal,
            1,
            reason_id!("withdrawal_mild"),
            vec![w_ref],
        ),
        Withdrawal::Moderate if !gaba.is_empty() && daily => f.add(
            Dimension::Withdrawal,
            3,
            reason_id!("withdrawal_moderate_gaba_daily"),
            with_gaba(vec![w_ref, f_ref]),
        ),
        Withdrawal::Moderate if regular => f.add(
            Dimension::Withdrawal,
            2,
            reason_id!("withdrawal_moderate"),
            vec![w_ref, f_ref],
        ),
        // Not in the reference rules: moderate symptoms with occasional use
        // rate as mild ones, which keeps the rating monotone.
        Withdrawal::Moderate => f.add(
            Dimension::Withdrawal,
            1,
            reason_id!("withdrawal_moderate_occasional"),
            vec![w_ref, f_ref],
        ),
        Withdrawal::Severe if regular => f.add(
            Dimension::Withdrawal,
            4,
            reason_id!("withdrawal_severe"),
            vec![w_ref, f_ref],
        ),
        Withdrawal::Severe => f.add(
            Dimension::Withdrawal,
            3,
            reason_id!("withdrawal_severe_history"),
            vec![w_ref, f_ref],
        ),
    }
    // Daily alcohol or sedatives in an older or medically ill body: any withdrawal is risky.
    let frail = match (a.age, a.health) {
        (Age::Over65, _) => Some(answer(Question::Age, a.age.id())),
        (_, Health::Serious) => Some(answer(Question::Health, a.health.id())),
        _ => None,
    };
    if let (Some(frail), true, true) = (frail, !gaba.is_empty(), daily) {
        f.add(
            Dimension::Withdrawal,
            3,
            reason_id!("withdrawal_gaba_risk"),
            with_gaba(vec![w_ref, f_ref, frail]),
        );
    }
}

fn rate_health(a: &Answers, f: &mut Findings) {
    let r = vec![answer(Question::Health, a.health.id())];
    match a.health {
        Health::None => {}
        Health::Managed => f.add(
            Dimension::PhysicalHealth,
            1,
            reason_id!("health_managed"),
            r,
        ),
        Health::Serious => f.add(
            Dimension::PhysicalHealth,
            3,
            reason_id!("health_serious"),
            r,
        ),
    }
}

fn rate_mental_health(a: &Answers, f: &mut Findings) {
    let r = vec![answer(Question::MentalHealth, a.mental_health.id())];
    match a.mental_health {
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

fn rate_readiness(a: &Answers, f: &mut Findings) {
    let r = vec![answer(Question::Readiness, a.readiness.id())];
    match a.readiness {
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

/// D5: relapse and continued-use potential, the highest of three signs.
fn rate_relapse(a: &Answers, f: &mut Findings) {
    let control = vec![answer(Question::Control, a.control.id())];
    match a.control {
        Control::CanStop => {}
        Control::SlipsBack => f.add(
            Dimension::Relapse,
            2,
            reason_id!("control_slips_back"),
            control,
        ),
        Control::CannotStop => f.add(
            Dimension::Relapse,
            3,
            reason_id!("control_cannot_stop"),
            control,
        ),
    }
    let frequency = vec![answer(Question::Frequency, a.frequency.id())];
    match a.frequency {
        Frequency::NotPastMonth | Frequency::LessThanWeekly => {}
        Frequency::Weekly => f.add(
            Dimension::Relapse,
            1,
            reason_id!("frequency_weekly"),
            frequency,
        ),
        Frequency::MostDays => f.add(
            Dimension::Relapse,
            2,
            reason_id!("frequency_most_days"),
            frequency,
        ),
    }
    let treatment = vec![answer(Question::Treatment, a.treatment.id())];
    match a.treatment {
        Treatment::None | Treatment::Past => {}
        Treatment::RecentOutpatient => f.add(
            Dimension::Relapse,
            1,
            reason_id!("treatment_recent_outpatient"),
            treatment,
        ),
        Treatment::RecentIntensive => f.add(
            Dimension::Relapse,
            2,
            reason_id!("treatment_recent_intensive"),
            treatment,
        ),
    }
}

/// D6: recovery and living environment.
fn rate_environment(a: &Answers, f: &mut Findings) {
    let home = answer(Question::Home, a.home.id());
    let support = answer(Question::Support, a.support.id());
    match a.home {
        Home::Stable => {}
        Home::Strained => f.add(
            Dimension::Environment,
            2,
            reason_id!("home_strained"),
            vec![home],
        ),
        Home::Unsafe => f.add(
            Dimension::Environment,
            3,
            reason_id!("home_unsafe"),
            vec![home],
        ),
    }
    match a.support {
        Support::Strong => {}
        Support::Some => f.add(
            Dimension::Environment,
            1,
            reason_id!("support_some"),
            vec![support],
        ),
        Support::None => f.add(
            Dimension::Environment,
            2,
            reason_id!("support_none"),
            vec![support],
        ),
    }
    if a.home == Home::Strained && a.support == Support::None {
        f.add(
            Dimension::Environment,
            3,
            reason_id!("home_strained_no_support"),
            vec![home, support],
        );
    }
}

/// The least intensive level that is still safe, with the rule that chose it
/// and the dimensions that rule read.
fn choose_level(d: &Ratings) -> (Level, ReasonId, &'static [Dimension]) {
    use Dimension::*;
    let (d1, d2, d3, d5, d6) = (
        d.withdrawal,
        d.physical_health,
        d.mental_health,
        d.relapse,
        d.environment,
    );
    let rules: [(bool, Level, ReasonId, &'static [Dimension]); 12] = [
        (
            d3 >= 3 && d6 >= 3,
            Level::Residential,
            reason_id!("level_residential_mental_health_environment"),
            &[MentalHealth, Environment],
        ),
        (
            d5 >= 3 && d6 >= 3,
            Level::Residential,
            reason_id!("level_residential_relapse_environment"),
            &[Relapse, Environment],
        ),
        (
            d1 >= 3 && d2 >= 3,
            Level::Residential,
            reason_id!("level_residential_withdrawal_health"),
            &[Withdrawal, PhysicalHealth],
        ),
        (
            d1 == 4 && d6 >= 3,
            Level::Residential,
            reason_id!("level_residential_withdrawal_environment"),
            &[Withdrawal, Environment],
        ),
        (
            d3 >= 3,
            Level::Php,
            reason_id!("level_php_mental_health"),
            &[MentalHealth],
        ),
        (
            d2 >= 3,
            Level::Php,
            reason_id!("level_php_health"),
            &[PhysicalHealth],
        ),
        (
            d5 >= 3 && d6 >= 2,
            Level::Php,
            reason_id!("level_php_relapse_environment"),
            &[Relapse, Environment],
        ),
        (
            d1 == 4,
            Level::Php,
            reason_id!("level_php_withdrawal"),
            &[Withdrawal],
        ),
        (
            d5 >= 2,
            Level::Iop,
            reason_id!("level_iop_relapse"),
            &[Relapse],
        ),
        (
            d6 >= 3,
            Level::Iop,
            reason_id!("level_iop_environment"),
            &[Environment],
        ),
        (
            d1 >= 2,
            Level::Iop,
            reason_id!("level_iop_withdrawal"),
            &[Withdrawal],
        ),
        (
            d3 >= 2 && d5 >= 1,
            Level::Iop,
            reason_id!("level_iop_mental_health_relapse"),
            &[MentalHealth, Relapse],
        ),
    ];
    rules
        .into_iter()
        .find(|r| r.0)
        .map(|(_, level, id, dims)| (level, id, dims))
        .unwrap_or((Level::Op, reason_id!("level_op_low_risk"), &[]))
}

/// The flags, read from whatever was answered, so an early emergency (and
/// the UI's "they" wording, from [`Flag::Family`]) gets them too.
pub fn flags(r: &Responses) -> Vec<Flag> {
    let any = |q: Question, ids: &[&str]| {
        r.get(q)
            .is_some_and(|given| ids.iter().any(|id| given.contains(id)))
    };
    [
        (
            any(
                Question::MentalHealth,
                &[MentalHealth::Some.id(), MentalHealth::Severe.id()],
            ),
            Flag::CoOccurring,
        ),
        (
            any(
                Question::Substances,
                &[Substance::Opioids.id(), Substance::Alcohol.id()],
            ),
            Flag::MedicationSupport,
        ),
        (any(Question::Age, &[Age::Under18.id()]), Flag::Adolescent),
        (any(Question::Age, &[Age::Over65.id()]), Flag::OlderAdult),
        (
            any(
                Question::Commitments,
                &[
                    Commitment::Work.id(),
                    Commitment::School.id(),
                    Commitment::Caregiving.id(),
                ],
            ),
            Flag::EveningOrFlexible,
        ),
        (
            any(Question::Respondent, &[Respondent::SomeoneElse.id()]),
            Flag::Family,
        ),
        (
            any(Question::Health, &[Health::Serious.id()]),
            Flag::MedicalFollowup,
        ),
    ]
    .into_iter()
    .filter_map(|(on, flag)| on.then_some(flag))
    .collect()
}

/// Rates complete, non-emergency answers.
fn assess_answers(a: &Answers, flags: Vec<Flag>) -> Assessment {
    let mut f = Findings::default();
    rate_withdrawal(a, &mut f);
    rate_health(a, &mut f);
    rate_mental_health(a, &mut f);
    rate_readiness(a, &mut f);
    rate_relapse(a, &mut f);
    rate_environment(a, &mut f);
    let ratings = f.ratings;
    let (level, (id, message), dimensions) = choose_level(&ratings);

    // The level's reason names the answers behind the deciding dimensions' top findings.
    let mut answers: Vec<AnswerRef> = Vec::new();
    for reason in &f.reasons {
        let decisive = reason
            .dimension
            .is_some_and(|d| dimensions.contains(&d) && reason.rating == ratings.get(d));
        if decisive {
            answers.extend(
                reason
                    .answers
                    .iter()
                    .filter(|r| !answers.contains(r))
                    .copied()
                    .collect::<Vec<_>>(),
            );
        }
    }
    if level == Level::Op {
        // Low risk is itself a finding: say which answers show it.
        answers = vec![
            answer(Question::Frequency, a.frequency.id()),
            answer(Question::Control, a.control.id()),
            answer(Question::Home, a.home.id()),
        ];
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
    Assessment {
        level,
        detox_first: ratings.withdrawal >= 3,
        after_emergency: None,
        ratings: Some(ratings),
        flags,
        reasons,
    }
}

/// Assesses the answers. An emergency needs only the `danger` answer; any
/// other result needs every asked question answered. Invalid or incomplete
/// answers give an error naming the question, never a panic.
pub fn assess(responses: &Responses) -> Result<Assessment, AnswerError> {
    let flags = flags(responses);
    if !flow::is_emergency(responses) {
        return Ok(assess_answers(&Answers::from_responses(responses)?, flags));
    }
    let mut reasons: Vec<Reason> = responses
        .get(Question::Danger)
        .unwrap_or_default()
        .iter()
        .map(|&option| {
            let (id, message) = match Danger::from_id(option) {
                Some(Danger::Overdose) => reason_id!("emergency_overdose"),
                Some(Danger::Suicide) => reason_id!("emergency_suicide"),
                Some(Danger::WithdrawalEmergency) => reason_id!("emergency_withdrawal"),
                _ => reason_id!("emergency_medical"),
            };
            Reason {
                id,
                message,
                dimension: None,
                rating: 4,
                answers: vec![answer(Question::Danger, option)],
            }
        })
        .collect();
    // Answers for after the emergency, rated as if no danger had been reported.
    let mut calm = responses.clone();
    let _ = calm.set(Question::Danger, &[Danger::None.id()]);
    let later = Answers::from_responses(&calm)
        .ok()
        .map(|a| assess_answers(&a, Vec::new()));
    let (after_emergency, detox_first, ratings) = match later {
        Some(later) => {
            reasons.extend(later.reasons);
            (Some(later.level), later.detox_first, later.ratings)
        }
        None => (None, false, None),
    };
    // A seizure, hallucinations or confusion while stopping is withdrawal that needs medical care.
    let withdrawal_now = responses
        .get(Question::Danger)
        .unwrap_or_default()
        .contains(&Danger::WithdrawalEmergency.id());
    Ok(Assessment {
        level: Level::Emergency,
        detox_first: detox_first || withdrawal_now,
        after_emergency,
        ratings,
        flags,
        reasons,
    })
}
