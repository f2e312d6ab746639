//! Which questions are asked, in what order. The UI walks this and the
//! validator enforces it, so the two can never disagree.

use super::questions::{Danger, Frequency, Question, Substance};
use super::responses::Responses;

/// When one question is asked. Each skip rule is written once, here; the
/// questions without a rule are always asked.
pub struct SkipRule {
    pub question: Question,
    /// The questions whose answers decide it, in asking order.
    pub decided_by: &'static [Question],
    /// Whether it is asked, given the answers so far. A question whose
    /// deciding answer is not given yet is not asked yet.
    pub asked: fn(&Responses) -> bool,
    /// The condition in words, for error messages (as in the doc's section 3).
    pub asked_when: &'static str,
    /// Whether it counts as to come in `path` until it is decided.
    /// `sober_time` does not: it replaces `withdrawal` and `control`.
    pub counted_until_decided: bool,
}

fn active(r: &Responses) -> Option<bool> {
    r.frequency().map(|f| f != Frequency::NotPastMonth)
}

pub const SKIP_RULES: &[SkipRule] = &[
    SkipRule {
        question: Question::SoberTime,
        decided_by: &[Question::Frequency],
        asked: |r| active(r) == Some(false),
        asked_when: "`frequency` is `not_past_month`",
        counted_until_decided: false,
    },
    // Withdrawal and loss of control are about current use.
    SkipRule {
        question: Question::Withdrawal,
        decided_by: &[Question::Frequency],
        asked: |r| active(r) == Some(true),
        asked_when: "`frequency` is not `not_past_month`",
        counted_until_decided: true,
    },
    SkipRule {
        question: Question::OverdoseRisk,
        decided_by: &[Question::Substances, Question::OpioidMedicine],
        asked: |r| {
            r.substances()
                .is_some_and(|s| s.any(Substance::OVERDOSE_RISK))
                || r.opioid_medicine().is_some_and(|m| m.on_medicine())
        },
        asked_when: "`substances` include opioids, sedatives, stimulants or other, \
                     or `opioid_medicine` is `buprenorphine` or `methadone`",
        counted_until_decided: true,
    },
    SkipRule {
        question: Question::Control,
        decided_by: &[Question::Frequency],
        asked: |r| active(r) == Some(true),
        asked_when: "`frequency` is not `not_past_month`",
        counted_until_decided: true,
    },
];

/// The skip rule for `question`, if it has one.
pub fn skip_rule(question: Question) -> Option<&'static SkipRule> {
    SKIP_RULES.iter().find(|rule| rule.question == question)
}

/// When `question` is asked, in words, for error messages.
pub fn asked_when(question: Question) -> &'static str {
    skip_rule(question).map_or("always", |rule| rule.asked_when)
}

/// Whether `question` is asked, given the answers so far.
pub fn is_asked(question: Question, r: &Responses) -> bool {
    skip_rule(question).is_none_or(|rule| (rule.asked)(r))
}

/// Why `question` is not asked for these responses, if it is not: the
/// question that decides, and its answer (`None` while it has none). Of
/// several deciding questions, the first still unanswered, else the first.
pub fn skipped_by(
    question: Question,
    r: &Responses,
) -> Option<(Question, Option<Vec<&'static str>>)> {
    let rule = skip_rule(question)?;
    let by = rule
        .decided_by
        .iter()
        .copied()
        .find(|&q| r.get(q).is_none())
        .or_else(|| rule.decided_by.first().copied())?;
    (!(rule.asked)(r)).then(|| (by, r.get(by)))
}

/// The questions this visitor will be asked, in order, as far as the answers
/// so far tell. Until the questions that decide a question are answered, it
/// is counted as to come (unless its rule says otherwise), so the count only
/// ever shrinks as the visitor goes on (between 15 and 17 in all).
pub fn path(r: &Responses) -> Vec<Question> {
    Question::ALL
        .iter()
        .copied()
        .filter(|&q| match skip_rule(q) {
            None => true,
            Some(rule) => {
                (rule.counted_until_decided
                    && rule.decided_by.iter().any(|&by| r.get(by).is_none()))
                    || (rule.asked)(r)
            }
        })
        .collect()
}

/// The next question to ask: the first one in order that is asked and not yet
/// answered. `None` when every asked question has an answer.
pub fn next_question(r: &Responses) -> Option<Question> {
    Question::ALL
        .iter()
        .copied()
        .find(|&q| is_asked(q, r) && r.get(q).is_none())
}

/// Whether any emergency was reported. The UI shows the emergency screen at
/// once when this is true, before any other question.
pub fn is_emergency(r: &Responses) -> bool {
    r.danger()
        .is_some_and(|d| d.iter().any(|d| d != Danger::None))
}
