//! The screens before the result, one file each: the start screen, a
//! question, and the emergency screen shown the moment an answer is a danger.

pub(in crate::ui) mod emergency;
pub(in crate::ui) mod question;
pub(in crate::ui) mod start;
