//! Getting a language's texts that the wasm does not carry: the script-tag
//! loader fetches each language file from `core/` (with its SHA-384, and
//! names any failure in the console) and gives the wasm its text, which
//! [`content::add`] reads. A Rust app that renders the component itself has no
//! loader: it offers the languages compiled in (feature `all-languages`).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::browser::console::warn;
use crate::content::{self, Locale};

thread_local! {
    /// The loader's `(tag, done) => …`, once it has given it: it calls
    /// `done` with the language file's text, or null.
    static FETCH: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the loader's function that fetches a language file.
pub fn set_source(fetch: js_sys::Function) {
    FETCH.with(|f| *f.borrow_mut() = Some(fetch));
}

/// Whether `locale` can be shown: its texts are here, or can be fetched.
pub fn can_show(locale: Locale) -> bool {
    content::has(locale) || FETCH.with(|f| f.borrow().is_some())
}

/// Makes `locale`'s texts ready, then calls `done` with whether they are
/// (at once if they already are).
pub fn get(locale: Locale, done: impl FnOnce(bool) + 'static) {
    if content::has(locale) {
        return done(true);
    }
    // Freed once the loader calls it, which it always does: with the file's
    // text, or with null when it could not fetch it (it has said why).
    let arrived = Closure::once_into_js(move |text: JsValue| {
        match text.as_string().map(|t| content::add(&t)) {
            Some(Ok(l)) => done(l == locale),
            Some(Err(why)) => {
                warn(&why);
                done(false);
            }
            None => done(false),
        }
    });
    let called = FETCH.with(|f| {
        let f = f.borrow();
        f.as_ref().map(|f| {
            f.call2(&JsValue::NULL, &locale.tag().into(), &arrived)
                .is_ok()
        })
    });
    if called != Some(true) {
        // The loader will not call it: call it now, with null, so `done` hears of the failure.
        if let Ok(f) = arrived.dyn_into::<js_sys::Function>() {
            let _ = f.call1(&JsValue::NULL, &JsValue::NULL);
        }
    }
}
