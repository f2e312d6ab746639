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

mod findings;
mod flags;
mod levels;
mod terms;

use findings::*;
pub use findings::{Finding, FINDINGS};
use flags::*;
pub use flags::{FlagRule, FLAG_RULES};
use levels::*;
pub use levels::{LevelRule, LEVEL_RULES};
use terms::*;

/// Rates complete answers, as if no danger had been reported.
/// `withdrawal_now` (a withdrawal emergency was reported) sets `detox_first`
/// whatever the ratings, and the flags follow it.
fn assess_case(c: &Case, withdrawal_now: bool) -> Assessment {
    let (ratings, findings) = rate(c);
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
    for reason in &findings {
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
        reasons.extend(findings.iter().filter(|x| x.rating == r).cloned());
    }
    let detox_first = ratings.withdrawal >= 3 || withdrawal_now;
    let flags = raise_flags(c, &ratings, detox_first, level);
    let detox = if detox_first {
        let mut why: Vec<AnswerRef> = Vec::new();
        let severe = findings
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
