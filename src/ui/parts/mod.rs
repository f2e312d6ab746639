//! Pieces more than one screen shows: the crisis lines, the urgent calls,
//! the next step, the progress line and the language switch.

pub(in crate::ui) mod crisis_lines;
pub(in crate::ui) mod language_switch;
pub(in crate::ui) mod next_step;
pub(in crate::ui) mod progress;
pub(in crate::ui) mod urgent_calls;
