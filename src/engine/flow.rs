//! Which questions are asked, in what order. The UI walks this and the
//! validator enforces it, so the two can never disagree.

use super::questions::{Danger, Frequency, Question, Substance};
use super::responses::Responses;

/// The questions whose answers decide whether `question` is asked, in asking order.
fn decided_by(question: Question) -> &'static [Question] {
    match question {
        Question::SoberTime | Question::Withdrawal | Question::Control => &[Question::Frequency],
        Question::OverdoseRisk => &[Question::Substances, Question::OpioidMedicine],
        _ => &[],
    }
}

/// When `question` is asked, in words, for error messages.
pub fn asked_when(question: Question) -> &'static str {
    match question {
        Question::SoberTime => "`frequency` is `not_past_month`",
        Question::Withdrawal | Question::Control => "`frequency` is not `not_past_month`",
        Question::OverdoseRisk => {
            "`substances` include opioids, sedatives, stimulants or other, \
             or `opioid_medicine` is `buprenorphine` or `methadone`"
        }
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
        Question::OverdoseRisk => {
            r.substances()
                .is_some_and(|s| s.any(Substance::OVERDOSE_RISK))
                || r.opioid_medicine().is_some_and(|m| m.on_medicine())
        }
        _ => true,
    }
}

/// Why `question` is not asked for these responses, if it is not: the
/// question that decides, and its answer (`None` while it has none). Of
/// several deciding questions, the first still unanswered, else the first.
pub fn skipped_by(
    question: Question,
    r: &Responses,
) -> Option<(Question, Option<Vec<&'static str>>)> {
    let deciding = decided_by(question);
    let by = deciding
        .iter()
        .copied()
        .find(|&q| r.get(q).is_none())
        .or_else(|| deciding.first().copied())?;
    (!is_asked(question, r)).then(|| (by, r.get(by)))
}

/// The questions this visitor will be asked, in order, as far as the answers
/// so far tell. Until the questions that decide a question are answered, it
/// is counted as to come (`sober_time` excepted: it replaces `withdrawal` and
/// `control`), so the count only ever shrinks as the visitor goes on
/// (between 15 and 17 in all).
pub fn path(r: &Responses) -> Vec<Question> {
    Question::ALL
        .iter()
        .copied()
        .filter(|&q| match q {
            Question::SoberTime => is_asked(q, r),
            _ => decided_by(q).iter().any(|&by| r.get(by).is_none()) || is_asked(q, r),
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
