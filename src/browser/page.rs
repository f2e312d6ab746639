//! Small reads and writes on the host page.

use web_sys::HtmlElement;

use crate::content::Locale;

/// The host page's language (`<html lang>`), else the browser's, if the widget speaks it.
pub fn page_locale() -> Option<Locale> {
    let page = gloo_utils::document_element().get_attribute("lang");
    page.as_deref().and_then(Locale::from_tag).or_else(|| {
        gloo_utils::window()
            .navigator()
            .language()
            .as_deref()
            .and_then(Locale::from_tag)
    })
}

/// Moves focus to a heading (which has `tabindex="-1"`), so screen readers
/// read the new screen from its start. The page's selection (its caret) is
/// cleared first: it was left where the old screen's button had been, and
/// Orca in Firefox, which reads on from the caret, went from there (the end of
/// the form) on to the footer instead of reading the new question.
pub fn focus(heading: &HtmlElement) {
    if let Ok(Some(selection)) = gloo_utils::window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
    let _ = heading.focus();
}

/// Sets (or clears) the widget's accent colour, `--iof-accent`, on `root`,
/// through the CSSOM, which a Content-Security-Policy without
/// `style-src 'unsafe-inline'` allows (a `style` attribute it blocks).
pub fn set_accent(root: &HtmlElement, colour: Option<&str>) {
    let _ = match colour {
        Some(colour) => root.style().set_property("--iof-accent", colour),
        None => root.style().remove_property("--iof-accent").map(drop),
    };
}
