//! The visitor's answers as given: question id → option ids. Every way in
//! (the UI, stored answers, a JSON file) goes through [`Responses::set`], so
//! every answer held here is a known option of an asked question.

use std::fmt;

use serde_json::Value;

use super::flow;
use super::questions::{Kind, Question, NONE};

/// Answers given so far, by question (in question order). Single-choice
/// questions hold one option id; multi-choice ones hold theirs in option order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Responses {
    answers: [Option<Vec<&'static str>>; Question::IDS.len()],
}

/// One answer as read from JSON (or from a JavaScript object): the shape is
/// checked against the question before any option is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given {
    One(String),
    Many(Vec<String>),
    /// Neither a string nor a list of strings.
    Other,
}

/// A problem with an answer. Each names the question and says what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The answers are not a JSON object of question id → answer.
    NotAnObject {
        found: String,
    },
    UnknownQuestion {
        id: String,
    },
    UnknownOption {
        question: Question,
        given: String,
    },
    /// A single-choice question was given a list, a number, or several options.
    ExpectedOne {
        question: Question,
    },
    /// A multi-choice question was given something other than a list of strings.
    ExpectedList {
        question: Question,
    },
    EmptyList {
        question: Question,
    },
    NoneWithOthers {
        question: Question,
    },
    /// Answered, but the skip logic does not ask it for the other answers.
    Skipped {
        question: Question,
        by: Question,
        by_option: Option<&'static str>,
    },
    Missing {
        question: Question,
    },
}

impl AnswerError {
    /// The question the problem is about, when there is one.
    pub fn question(&self) -> Option<Question> {
        match self {
            AnswerError::NotAnObject { .. } | AnswerError::UnknownQuestion { .. } => None,
            AnswerError::UnknownOption { question, .. }
            | AnswerError::ExpectedOne { question }
            | AnswerError::ExpectedList { question }
            | AnswerError::EmptyList { question }
            | AnswerError::NoneWithOthers { question }
            | AnswerError::Skipped { question, .. }
            | AnswerError::Missing { question } => Some(*question),
        }
    }
}

fn allowed(question: Question) -> String {
    question.options().join(", ")
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::NotAnObject { found } => write!(
                f,
                "answers must be a JSON object like {{\"respondent\":\"self\",\"danger\":[\"none\"]}}, found {found}"
            ),
            AnswerError::UnknownQuestion { id } => write!(
                f,
                "unknown question `{id}`; the questions are: {}",
                Question::IDS.join(", ")
            ),
            AnswerError::UnknownOption { question, given } => write!(
                f,
                "`{}` is not an answer to `{}`; allowed: {}",
                given,
                question.id(),
                allowed(*question)
            ),
            AnswerError::ExpectedOne { question } => write!(
                f,
                "`{}` takes exactly one answer as a string, one of: {}",
                question.id(),
                allowed(*question)
            ),
            AnswerError::ExpectedList { question } => write!(
                f,
                "`{}` takes a list of answers like [\"{}\"], from: {}",
                question.id(),
                question.options()[0],
                allowed(*question)
            ),
            AnswerError::EmptyList { question } => write!(
                f,
                "`{}` needs at least one answer, from: {}",
                question.id(),
                allowed(*question)
            ),
            AnswerError::NoneWithOthers { question } => write!(
                f,
                "`{}` cannot mix `none` with other answers; give [\"none\"] alone or drop it",
                question.id()
            ),
            AnswerError::Skipped { question, by, by_option } => {
                let when = match by_option {
                    Some(option) => format!("when `{}` is `{option}`", by.id()),
                    None => format!("before `{}` is answered", by.id()),
                };
                let asked = if *question == Question::SoberTime { "`not_past_month`" } else { "anything but `not_past_month`" };
                write!(f, "`{}` is not asked {when}; remove it (it is asked only when `frequency` is {asked})", question.id())
            }
            AnswerError::Missing { question } => write!(
                f,
                "`{}` has no answer; give one of: {}",
                question.id(),
                allowed(*question)
            ),
        }
    }
}

impl std::error::Error for AnswerError {}

impl Responses {
    pub fn new() -> Self {
        Self::default()
    }

    /// The option ids given for `question`, if answered.
    pub fn get(&self, question: Question) -> Option<&[&'static str]> {
        self.answers[question as usize].as_deref()
    }

    /// Every answer, in question order.
    pub fn iter(&self) -> impl Iterator<Item = (Question, &[&'static str])> {
        Question::ALL
            .iter()
            .filter_map(|&q| self.get(q).map(|v| (q, v)))
    }

    /// The one option id of a single-choice question, if answered.
    pub fn single(&self, question: Question) -> Option<&'static str> {
        self.get(question).and_then(|v| v.first().copied())
    }

    pub fn is_empty(&self) -> bool {
        self.answers.iter().all(Option::is_none)
    }

    /// Answers `question`. Rejects unknown options, the wrong number of
    /// choices, `none` mixed with others, and questions the skip logic does
    /// not ask; on error nothing changes. Answers that this one makes skipped
    /// (say `withdrawal` after `frequency` becomes `not_past_month`) are dropped.
    pub fn set<S: AsRef<str>>(
        &mut self,
        question: Question,
        given: &[S],
    ) -> Result<(), AnswerError> {
        if let Some((by, by_option)) = flow::skipped_by(question, self) {
            return Err(AnswerError::Skipped {
                question,
                by,
                by_option,
            });
        }
        if let Some(unknown) = given.iter().find(|g| question.option(g.as_ref()).is_none()) {
            return Err(AnswerError::UnknownOption {
                question,
                given: unknown.as_ref().to_owned(),
            });
        }
        // In option order, without duplicates, so equal answers compare equal.
        let chosen: Vec<&'static str> = question
            .options()
            .iter()
            .copied()
            .filter(|o| given.iter().any(|g| g.as_ref() == *o))
            .collect();
        match question.kind() {
            Kind::Single if chosen.len() != 1 || given.len() != 1 => {
                return Err(AnswerError::ExpectedOne { question })
            }
            Kind::Multi { .. } if chosen.is_empty() => {
                return Err(AnswerError::EmptyList { question })
            }
            Kind::Multi {
                none_exclusive: true,
            } if chosen.len() > 1 && chosen.contains(&NONE) => {
                return Err(AnswerError::NoneWithOthers { question })
            }
            _ => {}
        }
        self.answers[question as usize] = Some(chosen);
        self.drop_skipped(question);
        Ok(())
    }

    fn drop_skipped(&mut self, changed: Question) {
        // Only `frequency` decides what is skipped.
        if changed == Question::Frequency {
            let kept = self.clone();
            for &q in Question::ALL {
                if !flow::is_asked(q, &kept) {
                    self.answers[q as usize] = None;
                }
            }
        }
    }

    /// Reads answers written with the contract ids, stopping at the first problem.
    pub fn from_json(text: &str) -> Result<Self, AnswerError> {
        let (responses, mut problems) = Self::from_json_lenient(text);
        if problems.is_empty() {
            Ok(responses)
        } else {
            Err(problems.swap_remove(0))
        }
    }

    /// Reads answers, keeping every valid one and reporting each invalid one.
    /// Used for stored answers, where one bad entry must not lose the rest.
    pub fn from_json_lenient(text: &str) -> (Self, Vec<AnswerError>) {
        let object = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(other) => {
                return (
                    Self::new(),
                    vec![AnswerError::NotAnObject {
                        found: describe(&other),
                    }],
                )
            }
            Err(e) => {
                return (
                    Self::new(),
                    vec![AnswerError::NotAnObject {
                        found: format!("invalid JSON ({e})"),
                    }],
                )
            }
        };
        Self::from_entries(object.into_iter().map(|(key, value)| {
            let given = match value {
                Value::String(s) => Given::One(s),
                Value::Array(items) => items
                    .into_iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect::<Option<_>>()
                    .map_or(Given::Other, Given::Many),
                _ => Given::Other,
            };
            (key, given)
        }))
    }

    /// Reads answers from (question id, answer) pairs, however they were
    /// parsed, keeping every valid one and reporting each invalid one.
    pub fn from_entries(
        entries: impl IntoIterator<Item = (String, Given)>,
    ) -> (Self, Vec<AnswerError>) {
        let mut responses = Self::new();
        let mut problems = Vec::new();
        let mut known: Vec<(Question, Given)> = Vec::new();
        for (key, given) in entries {
            match Question::from_id(&key) {
                Some(q) => known.push((q, given)),
                None => problems.push(AnswerError::UnknownQuestion { id: key }),
            }
        }
        // In question order, so `frequency` is known before the questions it skips.
        for &question in Question::ALL {
            let Some((_, given)) = known.iter().find(|(q, _)| *q == question) else {
                continue;
            };
            let result = match (question.kind(), given) {
                (Kind::Single, Given::One(s)) => responses.set(question, &[s]),
                (Kind::Single, _) => Err(AnswerError::ExpectedOne { question }),
                (Kind::Multi { .. }, Given::Many(ids)) => responses.set(question, ids),
                (Kind::Multi { .. }, _) => Err(AnswerError::ExpectedList { question }),
            };
            if let Err(e) = result {
                problems.push(e);
            }
        }
        (responses, problems)
    }

    /// The first asked question without an answer, as an error.
    pub fn check_complete(&self) -> Result<(), AnswerError> {
        match flow::next_question(self) {
            Some(question) => Err(AnswerError::Missing { question }),
            None => Ok(()),
        }
    }

    /// The answers as JSON with the contract ids, as [`Responses::from_json`]
    /// reads them: `{"respondent":"self","danger":["none"]}`. Written by hand:
    /// every id is plain (lowercase letters, digits, `_`), so none needs
    /// escaping, and the widget's wasm carries no JSON serializer for it.
    pub fn to_json(&self) -> String {
        let quoted = |id: &str| ["\"", id, "\""].concat();
        let entries: Vec<String> = self
            .iter()
            .map(|(question, ids)| {
                let value = match question.kind() {
                    Kind::Single => quoted(ids[0]),
                    Kind::Multi { .. } => {
                        let list: Vec<String> = ids.iter().map(|id| quoted(id)).collect();
                        ["[", &list.join(","), "]"].concat()
                    }
                };
                [quoted(question.id()), value].join(":")
            })
            .collect();
        ["{", &entries.join(","), "}"].concat()
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}
