//! The Yew components the visitor sees, each named for what it shows. The
//! UI asks and shows; every clinical decision comes from [`crate::engine`].

mod app;
mod crisis_lines;
mod emergency_screen;
mod language_switch;
mod next_step;
mod progress;
mod question_screen;
mod result;
mod start_screen;
mod state;
mod text;
mod urgent_calls;

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
