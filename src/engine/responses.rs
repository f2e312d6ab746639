//! The visitor's answers, typed: each question holds its own option type.
//! Every way in (the UI, stored answers, a JSON file) goes through
//! [`Responses::set`], so every answer held here is a valid answer to an
//! asked question, and the rules read values, never id strings.

use std::fmt;

use serde_json::Value;

use super::flow;
use super::questions::*;

/// How one question's answer is read from ids and written back as ids.
trait Answer: Sized + Copy {
    fn parse(question: Question, given: &[&str]) -> Result<Self, AnswerError>;
    fn ids(self) -> Vec<&'static str>;
}

/// The option named `id`, or the error that names the question and what is allowed.
fn choice<T: Choice>(question: Question, id: &str) -> Result<T, AnswerError> {
    T::ALL
        .iter()
        .copied()
        .find(|t| t.id() == id)
        .ok_or_else(|| AnswerError::UnknownOption {
            question,
            given: id.to_owned(),
        })
}

impl<T: Choice> Answer for T {
    fn parse(question: Question, given: &[&str]) -> Result<Self, AnswerError> {
        match given {
            [one] => choice(question, one),
            _ => Err(AnswerError::ExpectedOne { question }),
        }
    }
    fn ids(self) -> Vec<&'static str> {
        vec![self.id()]
    }
}

impl<T: Choice> Answer for Set<T> {
    fn parse(question: Question, given: &[&str]) -> Result<Self, AnswerError> {
        let mut set = Set::default();
        for id in given {
            set = set.with(choice(question, id)?);
        }
        let none_exclusive = question.kind()
            == Kind::Multi {
                none_exclusive: true,
            };
        if set.is_empty() {
            Err(AnswerError::EmptyList { question })
        } else if none_exclusive && set.len() > 1 && given.contains(&NONE) {
            Err(AnswerError::NoneWithOthers { question })
        } else {
            Ok(set)
        }
    }
    fn ids(self) -> Vec<&'static str> {
        self.iter().map(Choice::id).collect()
    }
}

/// Declares [`Responses`]: one typed field per question, a reader for each,
/// and the id-level access the UI and storage use, from one list.
macro_rules! responses {
    ($($field:ident: $ty:ty = $question:ident),+ $(,)?) => {
        /// Answers given so far. Multi-choice answers are [`Set`]s.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct Responses { $($field: Option<$ty>,)+ }

        impl Responses {
            $(
            pub fn $field(&self) -> Option<$ty> {
                self.$field
            }
            )+

            /// The option ids given for `question`, if answered, least to most severe.
            pub fn get(&self, question: Question) -> Option<Vec<&'static str>> {
                match question { $(Question::$question => self.$field.map(Answer::ids),)+ }
            }

            fn store(&mut self, question: Question, given: &[&str]) -> Result<(), AnswerError> {
                match question {
                    $(Question::$question => self.$field = Some(Answer::parse(question, given)?),)+
                }
                Ok(())
            }

            fn clear(&mut self, question: Question) {
                match question { $(Question::$question => self.$field = None,)+ }
            }
        }
    };
}

responses!(
    respondent: Respondent = Respondent,
    danger: Set<Danger> = Danger,
    age: Age = Age,
    pregnancy: Pregnancy = Pregnancy,
    substances: Set<Substance> = Substances,
    opioid_medicine: OpioidMedicine = OpioidMedicine,
    frequency: Frequency = Frequency,
    sober_time: SoberTime = SoberTime,
    withdrawal: Withdrawal = Withdrawal,
    overdose_risk: Set<OverdoseRisk> = OverdoseRisk,
    health: Health = Health,
    mental_health: MentalHealth = MentalHealth,
    control: Control = Control,
    treatment: Treatment = Treatment,
    home: Home = Home,
    support: Support = Support,
    commitments: Set<Commitment> = Commitments,
    readiness: Readiness = Readiness,
);

/// One answer as read from JSON (or from a JavaScript object): the shape is
/// checked against the question before any option is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given {
    One(String),
    Many(Vec<String>),
    /// Neither a string nor a list of strings.
    Other,
}

impl Given {
    /// An answer as read from JSON: a string, a list of strings, or neither.
    pub fn from_json(value: Value) -> Given {
        match value {
            Value::String(s) => Given::One(s),
            Value::Array(items) => items
                .into_iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<_>>()
                .map_or(Given::Other, Given::Many),
            _ => Given::Other,
        }
    }
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
        /// The question that decides, and its answer (`None` while unanswered).
        by: Question,
        by_answer: Option<Vec<&'static str>>,
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
            AnswerError::Skipped { question, by, by_answer } => {
                let when = match by_answer {
                    Some(ids) => format!("when `{}` is `{}`", by.id(), ids.join(", ")),
                    None => format!("before `{}` is answered", by.id()),
                };
                write!(
                    f,
                    "`{}` is not asked {when}; remove it (it is asked only when {})",
                    question.id(),
                    flow::asked_when(*question)
                )
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

    /// Every answer as option ids, in question order.
    pub fn iter(&self) -> impl Iterator<Item = (Question, Vec<&'static str>)> + '_ {
        Question::ALL
            .iter()
            .filter_map(|&q| self.get(q).map(|ids| (q, ids)))
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
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
        if let Some((by, by_answer)) = flow::skipped_by(question, self) {
            return Err(AnswerError::Skipped {
                question,
                by,
                by_answer,
            });
        }
        let given: Vec<&str> = given.iter().map(AsRef::as_ref).collect();
        self.store(question, &given)?;
        let kept = *self;
        for &q in Question::ALL {
            if !flow::is_asked(q, &kept) {
                self.clear(q);
            }
        }
        Ok(())
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
        Self::from_entries(
            object
                .into_iter()
                .map(|(key, value)| (key, Given::from_json(value))),
        )
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
