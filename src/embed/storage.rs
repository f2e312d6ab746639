//! Resume-after-reload in `sessionStorage` only: answers live as long as the
//! tab. Storage that throws (private modes, blocked storage) or holds
//! corrupted data never breaks the widget: it warns once and carries on.

use std::cell::Cell;

use serde_json::{json, Value};

use super::page::warn;
use crate::engine::Responses;

thread_local! {
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

fn warn_once(message: &str) {
    if !WARNED.with(|w| w.replace(true)) {
        warn(message);
    }
}

fn session() -> Option<web_sys::Storage> {
    match web_sys::window().map(|w| w.session_storage()) {
        Some(Ok(Some(storage))) => Some(storage),
        _ => {
            warn_once("iop-op-fit: sessionStorage is not available here, so answers will not survive a reload. Everything else works.");
            None
        }
    }
}

/// Stored answers and screen. Invalid entries are dropped with a warning; valid ones are kept.
pub fn load(key: &str) -> Option<(Responses, String)> {
    let text = match session()?.get_item(key) {
        Ok(Some(text)) => text,
        Ok(None) => return None,
        Err(_) => {
            warn_once("iop-op-fit: could not read sessionStorage; starting fresh.");
            return None;
        }
    };
    let stored: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    let (responses, problems) = Responses::from_json_lenient(&stored["answers"].to_string());
    for problem in &problems {
        warn(&format!("iop-op-fit: a stored answer was ignored: {problem}"));
    }
    let screen = stored["screen"].as_str().unwrap_or("start").to_owned();
    Some((responses, screen))
}

pub fn save(key: &str, responses: &Responses, screen: &str) {
    let Some(storage) = session() else { return };
    let value = json!({ "v": 1, "screen": screen, "answers": responses });
    if storage.set_item(key, &value.to_string()).is_err() {
        warn_once("iop-op-fit: could not write sessionStorage (it may be full or blocked); answers will not survive a reload.");
    }
}

pub fn erase(key: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(key);
    }
}
