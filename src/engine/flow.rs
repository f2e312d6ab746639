//! Which questions are asked, in what order. The UI walks this and the
//! validator enforces it, so the two can never disagree.

use super::questions::{Danger, Frequency, Question};
use super::responses::Responses;

/// Why a question is not asked for these responses, if it is not: the
/// question that decides, and its answer (`None` while it has none).
pub fn skipped_by(
    question: Question,
    responses: &Responses,
) -> Option<(Question, Option<&'static str>)> {
    let frequency = responses.single(Question::Frequency);
    let not_past_month = Frequency::NotPastMonth.id();
    match question {
        // Time since last use only matters when there was no use in the past month.
        Question::SoberTime => match frequency {
            Some(f) if f == not_past_month => None,
            f => Some((Question::Frequency, f)),
        },
        // Withdrawal is about current use, so it is skipped after no use in the past month.
        Question::Withdrawal => match frequency {
            Some(f) if f != not_past_month => None,
            f => Some((Question::Frequency, f)),
        },
        _ => None,
    }
}

/// Whether `question` is asked, given the answers so far.
pub fn is_asked(question: Question, responses: &Responses) -> bool {
    skipped_by(question, responses).is_none()
}

/// The questions this visitor will be asked, in order, as far as the answers
/// so far tell. `sober_time` and `withdrawal` stand in for each other, so the
/// length is the same (14) once `frequency` is answered and before.
pub fn path(responses: &Responses) -> Vec<Question> {
    Question::ALL
        .iter()
        .copied()
        .filter(|&q| match q {
            // Until frequency is known, count the withdrawal step as the one to come.
            Question::Withdrawal if responses.single(Question::Frequency).is_none() => true,
            _ => is_asked(q, responses),
        })
        .collect()
}

/// The next question to ask: the first one in order that is asked and not yet
/// answered. `None` when every asked question has an answer.
pub fn next_question(responses: &Responses) -> Option<Question> {
    Question::ALL
        .iter()
        .copied()
        .find(|&q| is_asked(q, responses) && responses.get(q).is_none())
}

/// Whether any emergency was reported. The UI shows the emergency screen at
/// once when this is true, before any other question.
pub fn is_emergency(responses: &Responses) -> bool {
    responses
        .get(Question::Danger)
        .is_some_and(|d| d.iter().any(|&o| o != Danger::None.id()))
}
