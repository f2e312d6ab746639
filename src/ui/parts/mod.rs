//! Pieces more than one screen shows: the crisis lines, the urgent calls,
//! the next step, the progress line and the language switch. Only the
//! switch, which keeps state, is a component; each other is a function that
//! returns its markup (`view`), given the visitor's words by the screen that
//! shows it (nine parts made functions: 148,627 → 143,239 bytes of wasm,
//! gzip; the start, emergency and result screens then 143,722 → 141,642).

pub(in crate::ui) mod crisis_lines;
pub(in crate::ui) mod language_switch;
pub(in crate::ui) mod next_step;
pub(in crate::ui) mod progress;
pub(in crate::ui) mod urgent_calls;
