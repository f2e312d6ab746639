//! The findings of the six dimensions, D1 to D6 (section 4.2 of the doc).

use super::*;

/// One finding: when it holds, it raises its dimension to at least its
/// rating, with its reason naming `answers`.
pub struct Finding {
    pub dimension: Dimension,
    pub rating: u8,
    /// The reason id and its translation key.
    pub reason: ReasonId,
    holds: fn(&Case) -> bool,
    answers: fn(&Case) -> Vec<AnswerRef>,
}

/// Withdrawal and frequency, the answers most D1 findings read.
fn w_f(c: &Case) -> Vec<AnswerRef> {
    c.refs(&[Question::Withdrawal, Question::Frequency])
}

/// What makes withdrawal riskier: age 65 or more, a serious health problem,
/// pregnancy.
fn frail(c: &Case) -> Vec<AnswerRef> {
    [
        (c.age == Age::Over65).then(|| answer(Question::Age, c.age)),
        (c.health == Health::Serious).then(|| answer(Question::Health, c.health)),
        c.pregnant()
            .then(|| answer(Question::Pregnancy, c.pregnancy)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Every finding, D1 to D6, in the order the reasons are listed.
pub const FINDINGS: &[Finding] = &[
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 1,
        reason: reason_id!("withdrawal_mild"),
        holds: |c| c.wd() == Withdrawal::Mild,
        answers: |c| c.refs(&[Question::Withdrawal]),
    },
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 2,
        reason: reason_id!("withdrawal_moderate"),
        holds: |c| c.wd() == Withdrawal::Moderate && c.regular(),
        answers: |c| w_f(c),
    },
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 1,
        reason: reason_id!("withdrawal_moderate_occasional"),
        holds: |c| c.wd() == Withdrawal::Moderate && !c.regular(),
        answers: |c| w_f(c),
    },
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 4,
        reason: reason_id!("withdrawal_severe"),
        holds: |c| c.wd() == Withdrawal::Severe && c.regular(),
        answers: |c| w_f(c),
    },
    // A past seizure or delirium with little use now: a history to tell
    // the doctor, not current dependence.
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 2,
        reason: reason_id!("withdrawal_severe_history"),
        holds: |c| c.wd() == Withdrawal::Severe && !c.regular(),
        answers: |c| w_f(c),
    },
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 3,
        reason: reason_id!("withdrawal_moderate_gaba"),
        holds: |c| c.wd() == Withdrawal::Moderate && c.gaba() && c.regular(),
        answers: |c| [w_f(c), c.substance_refs(GABA)].concat(),
    },
    // Physical dependence on daily sedatives is presumed, whatever the
    // withdrawal answer: stopping needs a planned taper.
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 3,
        reason: reason_id!("sedatives_daily"),
        holds: |c| c.uses(Substance::Sedatives) && c.daily(),
        answers: |c| {
            [
                c.refs(&[Question::Frequency]),
                c.substance_refs(&[Substance::Sedatives]),
            ]
            .concat()
        },
    },
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 3,
        reason: reason_id!("withdrawal_gaba_risk"),
        holds: |c| c.gaba() && c.daily() && c.wd() != Withdrawal::None && !frail(c).is_empty(),
        answers: |c| [w_f(c), frail(c), c.substance_refs(GABA)].concat(),
    },
    Finding {
        dimension: Dimension::Withdrawal,
        rating: 3,
        reason: reason_id!("withdrawal_mixed"),
        holds: |c| c.mixed() && c.wd() >= Withdrawal::Moderate,
        answers: |c| [w_f(c), c.mixed_refs()].concat(),
    },
    Finding {
        dimension: Dimension::PhysicalHealth,
        rating: 1,
        reason: reason_id!("health_managed"),
        holds: |c| c.health == Health::Managed,
        answers: |c| c.refs(&[Question::Health]),
    },
    Finding {
        dimension: Dimension::PhysicalHealth,
        rating: 3,
        reason: reason_id!("health_serious"),
        holds: |c| c.health == Health::Serious,
        answers: |c| c.refs(&[Question::Health]),
    },
    Finding {
        dimension: Dimension::PhysicalHealth,
        rating: 1,
        reason: reason_id!("postpartum"),
        holds: |c| c.pregnancy == Pregnancy::Postpartum,
        answers: |c| c.refs(&[Question::Pregnancy]),
    },
    Finding {
        dimension: Dimension::PhysicalHealth,
        rating: 2,
        reason: reason_id!("pregnant"),
        holds: |c| c.pregnancy == Pregnancy::Yes,
        answers: |c| c.refs(&[Question::Pregnancy]),
    },
    Finding {
        dimension: Dimension::MentalHealth,
        rating: 2,
        reason: reason_id!("mental_health_some"),
        holds: |c| c.mental_health == MentalHealth::Some,
        answers: |c| c.refs(&[Question::MentalHealth]),
    },
    Finding {
        dimension: Dimension::MentalHealth,
        rating: 3,
        reason: reason_id!("mental_health_severe"),
        holds: |c| c.mental_health == MentalHealth::Severe,
        answers: |c| c.refs(&[Question::MentalHealth]),
    },
    // D4 is rated for the advice only.
    Finding {
        dimension: Dimension::Readiness,
        rating: 1,
        reason: reason_id!("readiness_unsure"),
        holds: |c| c.readiness == Readiness::Unsure,
        answers: |c| c.refs(&[Question::Readiness]),
    },
    Finding {
        dimension: Dimension::Readiness,
        rating: 2,
        reason: reason_id!("readiness_not_ready"),
        holds: |c| c.readiness == Readiness::NotReady,
        answers: |c| c.refs(&[Question::Readiness]),
    },
    Finding {
        dimension: Dimension::Relapse,
        rating: 2,
        reason: reason_id!("control_slips_back"),
        holds: |c| c.control == Some(Control::SlipsBack),
        answers: |c| c.refs(&[Question::Control]),
    },
    Finding {
        dimension: Dimension::Relapse,
        rating: 3,
        reason: reason_id!("control_cannot_stop"),
        holds: |c| c.control == Some(Control::CannotStop),
        answers: |c| c.refs(&[Question::Control]),
    },
    Finding {
        dimension: Dimension::Relapse,
        rating: 1,
        reason: reason_id!("frequency_weekly"),
        holds: |c| c.frequency == Frequency::Weekly,
        answers: |c| c.refs(&[Question::Frequency]),
    },
    Finding {
        dimension: Dimension::Relapse,
        rating: 1,
        reason: reason_id!("frequency_most_days"),
        holds: |c| c.frequency == Frequency::MostDays,
        answers: |c| c.refs(&[Question::Frequency]),
    },
    // Early remission: the first months without use carry the most risk of relapse.
    Finding {
        dimension: Dimension::Relapse,
        rating: 1,
        reason: reason_id!("sober_recent"),
        holds: |c| c.sober_time == Some(SoberTime::OneToSixMonths),
        answers: |c| c.refs(&[Question::SoberTime]),
    },
    Finding {
        dimension: Dimension::Relapse,
        rating: 1,
        reason: reason_id!("treatment_recent_outpatient"),
        holds: |c| c.treatment == Treatment::RecentOutpatient,
        answers: |c| c.refs(&[Question::Treatment]),
    },
    Finding {
        dimension: Dimension::Relapse,
        rating: 2,
        reason: reason_id!("treatment_recent_intensive"),
        holds: |c| c.treatment == Treatment::RecentIntensive,
        answers: |c| c.refs(&[Question::Treatment]),
    },
    Finding {
        dimension: Dimension::Relapse,
        rating: 3,
        reason: reason_id!("overdose_risk_regular"),
        holds: |c| !c.overdose_risks.is_empty() && c.regular(),
        answers: |c| c.refs(&[Question::OverdoseRisk, Question::Frequency]),
    },
    Finding {
        dimension: Dimension::Relapse,
        rating: 2,
        reason: reason_id!("overdose_risk"),
        holds: |c| !c.overdose_risks.is_empty() && !c.regular(),
        answers: |c| c.refs(&[Question::OverdoseRisk]),
    },
    Finding {
        dimension: Dimension::Environment,
        rating: 2,
        reason: reason_id!("home_strained"),
        holds: |c| c.home == Home::Strained,
        answers: |c| c.refs(&[Question::Home]),
    },
    Finding {
        dimension: Dimension::Environment,
        rating: 3,
        reason: reason_id!("home_unsafe"),
        holds: |c| c.home == Home::Unsafe,
        answers: |c| c.refs(&[Question::Home]),
    },
    Finding {
        dimension: Dimension::Environment,
        rating: 1,
        reason: reason_id!("support_some"),
        holds: |c| c.support == Support::Some,
        answers: |c| c.refs(&[Question::Support]),
    },
    Finding {
        dimension: Dimension::Environment,
        rating: 2,
        reason: reason_id!("support_none"),
        holds: |c| c.support == Support::None,
        answers: |c| c.refs(&[Question::Support]),
    },
    Finding {
        dimension: Dimension::Environment,
        rating: 3,
        reason: reason_id!("home_strained_no_support"),
        holds: |c| c.home == Home::Strained && c.support == Support::None,
        answers: |c| c.refs(&[Question::Home, Question::Support]),
    },
];

/// The ratings and reasons of the findings that hold.
pub(super) fn rate(c: &Case) -> (Ratings, Vec<Reason>) {
    let mut ratings = Ratings::default();
    let mut reasons = Vec::new();
    for finding in FINDINGS.iter().filter(|f| (f.holds)(c)) {
        let (id, message) = finding.reason;
        ratings.raise(finding.dimension, finding.rating);
        reasons.push(Reason {
            id,
            message,
            dimension: Some(finding.dimension),
            rating: finding.rating,
            answers: (finding.answers)(c),
        });
    }
    (ratings, reasons)
}
