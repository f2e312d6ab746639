//! The host page, through web-sys: what the UI and the mount read from it
//! and write to it. No Yew and no clinical logic, so each adapter is one
//! small job that can fail safely (a page that throws never breaks the widget).

pub mod console;
pub mod download;
pub mod languages;
pub mod page;
pub mod storage;
