//! The screens before the result, one file each: the start screen, a
//! question, and the emergency screen shown the moment an answer is a danger.
//! Each screen's outer element has a key of its own (a question's is its
//! id), so a new screen replaces the last one, never patches it: focus then
//! moves to a new heading, which a screen reader says.

pub(in crate::ui) mod emergency;
pub(in crate::ui) mod question;
pub(in crate::ui) mod start;
