//! Messages for the site owner, in the browser console.

/// Writes one warning, prefixed so site owners can find it.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&["iop-op-fit: ", message].concat().into());
}
