//! Which questions are asked, in what order. The UI walks this and the
//! validator enforces it, so the two can never disagree.

use super::questions::{Danger, Frequency, Question, Substance};
use super::responses::Responses;

/// The question whose answer decides whether `question` is asked, if any.
fn decided_by(question: Question) -> Option<Question> {
    match question {
        Question::SoberTime | Question::Withdrawal | Question::Control => Some(Question::Frequency),
        Question::OverdoseRisk => Some(Question::Substances),
        _ => None,
    }
}

/// When `question` is asked, in words, for error messages.
pub fn asked_when(question: Question) -> &'static str {
    match question {
        Question::SoberTime => "`frequency` is `not_past_month`",
        Question::Withdrawal | Question::Control => "`frequency` is not `not_past_month`",
        Question::OverdoseRisk => "`substances` include opioids, sedatives, stimulants or other",
        _ => "always",
    }
}

/// Whether `question` is asked, given the answers so far. A question whose
/// deciding answer is not given yet is not asked yet.
pub fn is_asked(question: Question, r: &Responses) -> bool {
    let active = r.frequency().map(|f| f != Frequency::NotPastMonth);
    match question {
        Question::SoberTime => active == Some(false),
        // Withdrawal and loss of control are about current use.
        Question::Withdrawal | Question::Control => active == Some(true),
        Question::OverdoseRisk => r
            .substances()
            .is_some_and(|s| s.any(Substance::OVERDOSE_RISK)),
        _ => true,
    }
}

/// Why `question` is not asked for these responses, if it is not: the
/// question that decides, and its answer (`None` while it has none).
pub fn skipped_by(
    question: Question,
    r: &Responses,
) -> Option<(Question, Option<Vec<&'static str>>)> {
    let by = decided_by(question)?;
    (!is_asked(question, r)).then(|| (by, r.get(by)))
}

/// The questions this visitor will be asked, in order, as far as the answers
/// so far tell. Until `frequency` and `substances` are answered, the
/// questions they may add are counted as to come, so the count only ever
/// shrinks as the visitor goes on (between 14 and 16 in all).
pub fn path(r: &Responses) -> Vec<Question> {
    Question::ALL
        .iter()
        .copied()
        .filter(|&q| match q {
            Question::SoberTime => is_asked(q, r),
            Question::Withdrawal | Question::Control => r.frequency().is_none() || is_asked(q, r),
            Question::OverdoseRisk => r.substances().is_none() || is_asked(q, r),
            _ => true,
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
