//! Putting the widget on someone else's page: options (pure Rust), and with
//! the `widget` feature, mounting into a shadow root, page reads, and storage.

pub mod options;

#[cfg(feature = "widget")]
pub mod mount;
#[cfg(feature = "widget")]
pub mod page;
#[cfg(feature = "widget")]
pub mod storage;
