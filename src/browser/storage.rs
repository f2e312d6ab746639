//! Resume-after-reload in `sessionStorage` only: answers live as long as the
//! tab. Storage that throws (private modes, blocked storage) or holds
//! corrupted data never breaks the widget: it warns once and carries on.
//! Stored JSON is read with the browser's own `JSON` (serde_json would add
//! about 20 KB to the wasm for this one job) and written by [`Responses::to_json`].

use std::cell::Cell;

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

use super::console::warn;
use crate::engine::{Given, Responses};

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
            warn_once("sessionStorage is not available here, so answers will not survive a reload. Everything else works.");
            None
        }
    }
}

/// A stored answer as the engine reads it: a string, a list of strings, or neither.
fn read_answer(value: &JsValue) -> Given {
    if let Some(one) = value.as_string() {
        return Given::One(one);
    }
    let list = value
        .dyn_ref::<Array>()
        .and_then(|a| a.iter().map(|v| v.as_string()).collect());
    list.map_or(Given::Other, Given::Many)
}

/// Where a widget opens: answers and a screen in the stored form, and,
/// from the loader's painted screens only, an answer chosen on that screen
/// but not confirmed and whether Continue was tapped there. Plain data: the
/// visit's reducer applies it (`ui::state::Visit::open`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub responses: Responses,
    /// A question's id or a screen's name (`start`, `emergency`, `result`).
    pub screen: String,
    /// Chosen on `screen`'s question, not confirmed: checked, not answered.
    pub chosen: Responses,
    /// Continue was tapped on `screen`: `chosen` is the answer, or, with
    /// nothing chosen, the question says to choose one.
    pub continued: bool,
}

/// Stored answers and screen. Invalid entries are dropped with a warning; valid ones are kept.
pub fn load(key: &str) -> Option<Stored> {
    let text = match session()?.get_item(key) {
        Ok(Some(text)) => text,
        Ok(None) => return None,
        Err(_) => {
            warn_once("could not read sessionStorage; starting fresh.");
            return None;
        }
    };
    read(&text, &format!("stored answers under \"{key}\""), false)
}

/// The answers in `object`'s `field` (`{"question id": answer, …}`), each
/// checked by the engine; a wrong one is named in a warning and left out.
fn answers(object: &JsValue, field: &str) -> Option<Responses> {
    let answers = Reflect::get(object, &field.into())
        .ok()
        .filter(JsValue::is_object)?;
    let (responses, problems) = Responses::from_entries(
        Object::entries(answers.unchecked_ref())
            .iter()
            .filter_map(|e| {
                let e: Array = e.unchecked_into();
                Some((e.get(0).as_string()?, read_answer(&e.get(1))))
            }),
    );
    for problem in &problems {
        warn(&format!("a stored answer was ignored: {problem}"));
    }
    Some(responses)
}

/// The stored form (`{"screen": …, "answers": {…}}`), from storage or from
/// the loader; `what` names it in warnings. With `taps` (the loader's
/// handover only; stored answers never carry them), also `"chosen": {…}`
/// and `"continued": true`.
pub fn read(text: &str, what: &str, taps: bool) -> Option<Stored> {
    let stored = JSON::parse(text).unwrap_or_default();
    let Some(responses) = answers(&stored, "answers") else {
        warn(&format!("{what} were unreadable and were cleared."));
        return None;
    };
    let field = |name: &str| Reflect::get(&stored, &name.into()).unwrap_or_default();
    Some(Stored {
        responses,
        screen: field("screen")
            .as_string()
            .unwrap_or_else(|| "start".into()),
        chosen: taps
            .then(|| answers(&stored, "chosen"))
            .flatten()
            .unwrap_or_default(),
        continued: taps && field("continued").as_bool() == Some(true),
    })
}

pub fn save(key: &str, responses: &Responses, screen: &str) {
    let Some(storage) = session() else { return };
    // The screen is a contract id or a screen name, plain like the answers' ids.
    let stored = [
        "{\"v\":1,\"screen\":\"",
        screen,
        "\",\"answers\":",
        &responses.to_json(),
        "}",
    ]
    .concat();
    if storage.set_item(key, &stored).is_err() {
        warn_once("could not write sessionStorage (it may be full or blocked); answers will not survive a reload.");
    }
}

pub fn erase(key: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(key);
    }
}
