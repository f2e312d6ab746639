//! iop-op-fit: a privacy-first self-screen that suggests whether intensive
//! outpatient (IOP) or outpatient (OP) addiction care may fit, or that more
//! care, or help right now, is needed first.
//!
//! The modules, in the one direction their dependencies run:
//!
//! * [`engine`] decides everything clinical. Pure Rust, no web types.
//! * [`content`] holds the words the visitor reads, in every language, as data.
//! * [`options`] reads and checks the site owner's options. Pure Rust.
//! * [`browser`] (feature `widget`): the page's storage, language, focus,
//!   downloads and console, through web-sys. No Yew.
//! * [`ui`] (feature `widget`): the Yew components the visitor sees.
//! * [`mount`] (feature `widget`): the wasm entry the script-tag loader
//!   (`loader/`, its `mount.js`) calls, the only module that knows both the UI
//!   and the page.

pub mod content;
pub mod engine;
pub mod options;

#[cfg(feature = "widget")]
pub mod browser;
#[cfg(feature = "widget")]
pub mod mount;
#[cfg(feature = "widget")]
pub mod ui;

#[cfg(feature = "widget")]
pub use ui::{IopOpFit, IopOpFitProps};
