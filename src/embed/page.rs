//! Small reads and writes on the host page.

use yew::NodeRef;

use crate::content::Locale;

/// The host page's language (`<html lang>`), else the browser's, if the widget speaks it.
pub fn page_locale() -> Option<Locale> {
    let window = web_sys::window()?;
    let page = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    page.as_deref().and_then(Locale::from_tag).or_else(|| {
        window
            .navigator()
            .language()
            .as_deref()
            .and_then(Locale::from_tag)
    })
}

/// Moves focus to a heading (which has `tabindex="-1"`), so screen readers
/// read the new screen from its start.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Sets (or clears) the widget's accent colour, `--iof-accent`, on `node`.
pub fn set_accent(node: &NodeRef, colour: Option<&str>) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = match colour {
            Some(colour) => el.style().set_property("--iof-accent", colour),
            None => el.style().remove_property("--iof-accent").map(drop),
        };
    }
}

/// Writes one message to the console, prefixed so site owners can find it.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&["iop-op-fit: ", message].concat().into());
}
