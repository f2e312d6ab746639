//! iop-op-fit: a privacy-first self-screen that suggests whether intensive
//! outpatient (IOP) or outpatient (OP) addiction care may fit, or that more
//! care, or help right now, is needed first.
//!
//! * [`engine`] decides everything clinical. Pure Rust, no web types.
//! * [`content`] holds the words the visitor reads, in every language, as data.
//! * [`embed`] reads the site owner's options and (feature `widget`) mounts the UI.

pub mod content;
pub mod embed;
pub mod engine;
#[cfg(feature = "widget")]
pub mod ui;

#[cfg(feature = "widget")]
pub use ui::{IopOpFit, IopOpFitProps};
