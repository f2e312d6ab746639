//! A file made in the browser, offered as a download. Nothing is uploaded.

use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::{JsCast, JsValue};

/// Offers `html` as a file download through a local `blob:` URL, revoked
/// once the download has started.
pub fn save_html(html: &str, file_name: &str) -> Result<(), JsValue> {
    let url = ObjectUrl::from(Blob::new_with_options(html, Some("text/html")));
    let a: web_sys::HtmlAnchorElement = gloo_utils::document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    Ok(())
}
