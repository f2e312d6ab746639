//! Where the visitor is and what they have answered. Navigation only: which
//! question comes next is the engine's `flow`, and outcomes are the engine's.

use std::rc::Rc;

use yew::Reducible;

use crate::browser::storage::Stored;
use crate::engine::{flow, Question, Responses};

/// The screen being shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Question(Question),
    Emergency,
    Result,
}

impl Screen {
    /// How the screen is stored for resuming: a question id, or a screen name.
    pub fn id(self) -> &'static str {
        match self {
            Screen::Start => "start",
            Screen::Question(q) => q.id(),
            Screen::Emergency => "emergency",
            Screen::Result => "result",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    pub responses: Responses,
    pub screen: Screen,
    /// Came to a question through "Change" on the result: go back there when done.
    pub changing: bool,
    /// Counts moves made by the visitor, so focus moves only after one (never on page load).
    pub moves: u32,
    /// The answers were just cleared; say so.
    pub cleared: bool,
}

pub enum Action {
    Begin,
    Answer(Question, Vec<&'static str>),
    Back,
    Change(Question),
    ContinueAfterEmergency,
    StartOver,
    Clear,
}

impl Visit {
    pub fn new() -> Self {
        Visit {
            responses: Responses::new(),
            screen: Screen::Start,
            changing: false,
            moves: 0,
            cleared: false,
        }
    }

    /// A visit resumed from stored answers, on the stored screen when it still makes sense.
    pub fn resume(responses: Responses, screen: &str) -> Self {
        let mut visit = Visit {
            responses,
            ..Visit::new()
        };
        visit.screen = match screen {
            "start" => Screen::Start,
            "emergency" if flow::is_emergency(&visit.responses) => Screen::Emergency,
            "result" if visit.responses.check_complete().is_ok() => Screen::Result,
            // The stored question, unless an earlier one lost its answer (say, a corrupted
            // entry was dropped): then the first unanswered one, so nothing is skipped.
            id => match Question::from_id(id) {
                Some(q) if flow::is_asked(q, &visit.responses) && visit.answered_before(q) => {
                    Screen::Question(q)
                }
                _ => visit.first_unanswered(),
            },
        };
        visit
    }

    /// A visit opened where `stored` says: resumed there, then, if Continue
    /// was tapped there on an answer chosen (on the screens the loader
    /// painted), that answer given, as a tap on Continue would give it.
    pub fn open(stored: &Stored) -> Self {
        let visit = Visit::resume(stored.responses, &stored.screen);
        let screen = visit.screen;
        match screen {
            Screen::Question(q) if stored.continued => match stored.chosen.get(q) {
                Some(values) => {
                    Rc::unwrap_or_clone(Rc::new(visit).reduce(Action::Answer(q, values)))
                }
                None => visit,
            },
            _ => visit,
        }
    }

    /// This visitor's path and where `q` stands on it.
    fn on_path(&self, q: Question) -> (Vec<Question>, Option<usize>) {
        let path = flow::path(&self.responses);
        let at = path.iter().position(|&p| p == q);
        (path, at)
    }

    /// Every question on the path before `q` has an answer.
    fn answered_before(&self, q: Question) -> bool {
        let (path, at) = self.on_path(q);
        path[..at.unwrap_or(path.len())]
            .iter()
            .all(|&p| self.responses.get(p).is_some())
    }

    fn first_unanswered(&self) -> Screen {
        flow::next_question(&self.responses).map_or(Screen::Result, Screen::Question)
    }

    /// The question after `q` on this visitor's path when it was answered
    /// before (stepping forward after Back), else the first unanswered one:
    /// normally that same next question, or a gap the new answer opened.
    fn after(&self, q: Question) -> Screen {
        let (path, at) = self.on_path(q);
        match at.and_then(|i| path.get(i + 1)) {
            Some(&next) if self.responses.get(next).is_some() => Screen::Question(next),
            _ => self.first_unanswered(),
        }
    }

    fn before(&self, q: Question) -> Screen {
        match self.on_path(q) {
            (path, Some(i)) if i > 0 => Screen::Question(path[i - 1]),
            _ => Screen::Start,
        }
    }

    /// Position on the path (1-based) and the path's length, for the progress indicator.
    pub fn progress(&self, q: Question) -> (usize, usize) {
        let (path, at) = self.on_path(q);
        (at.map_or(1, |i| i + 1), path.len())
    }
}

impl Default for Visit {
    fn default() -> Self {
        Self::new()
    }
}

impl Reducible for Visit {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut v = (*self).clone();
        v.moves += 1;
        v.cleared = false;
        match action {
            Action::Begin => v.screen = v.first_unanswered(),
            Action::Answer(q, values) => {
                // The form only offers valid choices; a rejected one leaves the visitor where they are.
                if v.responses.set(q, &values).is_ok() {
                    v.screen = if q == Question::Danger && flow::is_emergency(&v.responses) {
                        Screen::Emergency
                    } else if v.changing {
                        v.first_unanswered()
                    } else {
                        v.after(q)
                    };
                    if v.screen == Screen::Result {
                        v.changing = false;
                    }
                }
            }
            Action::Back => {
                v.changing = false;
                v.screen = match v.screen {
                    Screen::Question(q) => v.before(q),
                    Screen::Emergency => Screen::Question(Question::Danger),
                    Screen::Result => flow::path(&v.responses)
                        .last()
                        .map_or(Screen::Start, |&q| Screen::Question(q)),
                    Screen::Start => Screen::Start,
                };
            }
            Action::Change(q) => {
                v.changing = true;
                v.screen = Screen::Question(q);
            }
            Action::ContinueAfterEmergency => v.screen = v.after(Question::Danger),
            Action::StartOver => {
                v = Visit {
                    moves: v.moves,
                    ..Visit::new()
                }
            }
            Action::Clear => {
                v = Visit {
                    moves: v.moves,
                    cleared: true,
                    ..Visit::new()
                }
            }
        }
        Rc::new(v)
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use yew::Reducible;

    use super::{Action, Screen, Visit};
    use crate::browser::storage::Stored;
    use crate::engine::{Question, Responses};

    fn act(v: Rc<Visit>, action: Action) -> Rc<Visit> {
        v.reduce(action)
    }

    fn answer(v: Rc<Visit>, q: Question, values: &[&'static str]) -> Rc<Visit> {
        act(v, Action::Answer(q, values.to_vec()))
    }

    /// Answers every question with its first option, except as given.
    fn finish(mut v: Rc<Visit>, except: &[(Question, &'static str)]) -> Rc<Visit> {
        while let Screen::Question(q) = v.screen {
            let value = except
                .iter()
                .find(|(e, _)| *e == q)
                .map_or(q.options()[0], |(_, o)| *o);
            v = answer(v, q, &[value]);
        }
        v
    }

    #[test]
    fn back_and_forward_keep_the_answers() {
        let v = act(Rc::new(Visit::new()), Action::Begin);
        assert_eq!(v.screen, Screen::Question(Question::Respondent));
        let v = answer(v, Question::Respondent, &["someone_else"]);
        let v = answer(v, Question::Danger, &["none"]);
        assert_eq!(v.screen, Screen::Question(Question::Age));
        let v = act(v, Action::Back);
        let v = act(v, Action::Back);
        assert_eq!(v.screen, Screen::Question(Question::Respondent));
        // Continuing again steps to the next question, answered before.
        let v = answer(v, Question::Respondent, &["someone_else"]);
        assert_eq!(v.screen, Screen::Question(Question::Danger));
        assert_eq!(
            act(act(v, Action::Back), Action::Back).screen,
            Screen::Start
        );
    }

    #[test]
    fn a_danger_shows_the_emergency_screen_and_continuing_goes_on() {
        let v = answer(
            act(Rc::new(Visit::new()), Action::Begin),
            Question::Respondent,
            &["self"],
        );
        let v = answer(v, Question::Danger, &["overdose"]);
        assert_eq!(v.screen, Screen::Emergency);
        assert_eq!(
            act(v.clone(), Action::Back).screen,
            Screen::Question(Question::Danger)
        );
        let v = act(v, Action::ContinueAfterEmergency);
        assert_eq!(v.screen, Screen::Question(Question::Age));
        assert_eq!(finish(v, &[]).screen, Screen::Result);
    }

    #[test]
    fn changing_an_answer_from_the_result_returns_there() {
        let v = finish(
            act(Rc::new(Visit::new()), Action::Begin),
            &[(Question::Danger, "none")],
        );
        assert_eq!(v.screen, Screen::Result);
        let v = answer(
            act(v, Action::Change(Question::Home)),
            Question::Home,
            &["unsafe"],
        );
        assert_eq!(v.screen, Screen::Result);
        // A change that makes a new question asked goes there first, then back to the result.
        let v = answer(
            act(v, Action::Change(Question::Frequency)),
            Question::Frequency,
            &["weekly"],
        );
        assert_eq!(v.screen, Screen::Question(Question::Withdrawal));
        let v = answer(v, Question::Withdrawal, &["none"]);
        assert_eq!(v.screen, Screen::Question(Question::Control));
        let v = answer(v, Question::Control, &["can_stop"]);
        assert_eq!(v.screen, Screen::Result);
        let v = act(v, Action::StartOver);
        assert!(v.responses.is_empty() && v.screen == Screen::Start);
    }

    #[test]
    fn resumes_at_the_stored_question_or_at_a_gap_before_it() {
        let (mut r, _) = Responses::from_json_lenient(
            r#"{"respondent":"self","danger":["none"],"age":"18_to_64","pregnancy":"no"}"#,
        );
        assert_eq!(
            Visit::resume(r, "substances").screen,
            Screen::Question(Question::Substances)
        );
        // The age answer was lost: resume there, not at the stored question after it.
        r = Responses::from_json_lenient(
            r#"{"respondent":"self","danger":["none"],"pregnancy":"no","substances":["alcohol"]}"#,
        )
        .0;
        assert_eq!(
            Visit::resume(r, "frequency").screen,
            Screen::Question(Question::Age)
        );
    }

    /// What the visitor did on the loader's painted question, as data.
    fn painted(answers: &str, screen: &str, chosen: &str, continued: bool) -> Stored {
        Stored {
            responses: Responses::from_json_lenient(answers).0,
            screen: screen.into(),
            chosen: Responses::from_json_lenient(chosen).0,
            continued,
        }
    }

    #[test]
    fn opens_where_the_painted_screens_left_off_by_the_reducers_rules() {
        let respondent = Screen::Question(Question::Respondent);
        let someone_else = r#"{"respondent":"someone_else"}"#;
        // (answers, screen, chosen, Continue tapped) there -> (screen, answers, moves) opened on.
        for (answers, screen, chosen, continued, opens, answered, moves) in [
            // Continue on a chosen answer: given, and on to the next question, as a tap
            // would; a move, so focus follows.
            (
                "{}",
                "respondent",
                someone_else,
                true,
                Screen::Question(Question::Danger),
                someone_else,
                1,
            ),
            // Only chosen: still on the question, and nothing answered yet.
            ("{}", "respondent", someone_else, false, respondent, "{}", 0),
            // Continue with nothing chosen: it stays (the question shows its error).
            ("{}", "respondent", "{}", true, respondent, "{}", 0),
            // Where Continue leads is the reducer's: danger now, the emergency screen.
            (
                r#"{"respondent":"self"}"#,
                "danger",
                r#"{"danger":["overdose"]}"#,
                true,
                Screen::Emergency,
                r#"{"respondent":"self","danger":["overdose"]}"#,
                1,
            ),
            // A chosen answer for another screen than the one opened on is not given.
            ("{}", "start", someone_else, true, Screen::Start, "{}", 0),
        ] {
            let v = Visit::open(&painted(answers, screen, chosen, continued));
            assert_eq!(
                (v.screen, v.responses, v.moves),
                (opens, Responses::from_json_lenient(answered).0, moves),
                "{screen} {chosen} {continued}"
            );
        }
    }
}
