//! The clinical engine: pure Rust, no web types, so every rule is tested
//! natively in milliseconds. It implements version 2.1 of the clinical model,
//! described rule by rule in `docs/clinical-rules.md`; nothing outside this
//! module decides a clinical outcome.
//!
//! * [`questions`]: the contract ids and the severity order of every option.
//! * [`responses`]: typed answers, validated on the way in.
//! * [`flow`]: question order and skip logic.
//! * [`rules`]: the ASAM-style ratings, the level, the flags and the reasons.

/// Declares an option enum whose serde names, `id()` and `IDS` all come from
/// one list, so the contract ids are written exactly once. With `key`, each
/// value also has a translation key, `key` followed by its id.
macro_rules! choices {
    ($(#[$doc:meta])* $name:ident key $prefix:literal { $($variant:ident = $id:literal),+ $(,)? }) => {
        choices!($(#[$doc])* $name { $($variant = $id),+ });

        impl $name {
            /// The translation key of this value's text.
            pub fn message(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, $id)),+ }
            }
        }
    };
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize)]
        pub enum $name { $(#[serde(rename = $id)] $variant),+ }

        impl $name {
            /// Every option, least to most severe.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The contract ids, in the same order as [`Self::ALL`].
            pub const IDS: &'static [&'static str] = &[$($id),+];

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }

        impl $crate::engine::questions::Choice for $name {
            const ALL: &'static [Self] = $name::ALL;
            fn id(self) -> &'static str { $name::id(self) }
            fn index(self) -> usize { self as usize }
        }
    };
}

pub mod assessment;
pub mod flow;
pub mod questions;
pub mod responses;
pub mod rules;

pub use assessment::{
    AnswerRef, Assessment, CrisisLine, DetoxLine, Dimension, Flag, Level, Raised, Ratings, Reason,
};
pub use questions::{Choice, Kind, Question, Set};
pub use responses::{AnswerError, Given, Responses};
pub use rules::assess;
