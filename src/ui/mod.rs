//! What the visitor sees, each file named for what it shows. The UI asks and
//! shows; every clinical decision comes from [`crate::engine`]. Only what
//! keeps state is a Yew component (the app, a question, the language
//! switch); everything else is a function that returns its markup (`view`),
//! as Yew's machinery for each component costs the wasm about 0.6 KB gzip.
//!
//! `screens/` holds one file per screen before the result (start, question,
//! emergency); `parts/` the pieces several screens share (crisis lines,
//! urgent calls, next step, progress, the language switch). The result is a
//! folder, `result/`: its view model (`model.rs`,
//! what a result says, built once) and the two renderings of it, the screen
//! and the downloadable summary, with the screen's parts. Data runs one
//! way: assessment, view model, each rendering. `state.rs` is the visit's
//! reducer and `text.rs` the visitor's words.

mod app;
mod parts;
mod result;
mod screens;
mod state;
mod text;

pub use app::{IopOpFit, IopOpFitProps};

/// A link in words and its address, as the screens and the summary show it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Link {
    pub text: String,
    pub href: String,
}

impl Link {
    fn new(text: String, href: &str) -> Self {
        Link {
            text,
            href: href.to_owned(),
        }
    }
}

/// The widget's styles. The script-tag loader puts them in each shadow root
/// (the build gives it `styles/widget.css`); a Yew app rendering [`IopOpFit`]
/// directly adds them to its page.
pub const STYLES: &str = include_str!("../../styles/widget.css");
