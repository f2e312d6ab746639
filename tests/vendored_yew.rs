//! The vendored Yew's own changes (vendor/PATCHED.md) behave as upstream's code did.

use std::borrow::Cow;
use yew::virtual_dom::ListenerKind;

/// Event kinds keep their names after the patch that looks them up in a table:
/// the first, a middle and the last named kind, and one named at run time.
#[test]
fn listener_kinds_keep_their_names() {
    for (kind, event) in [
        (ListenerKind::onabort, "abort"),
        (ListenerKind::onclick, "click"),
        (ListenerKind::onsubmit, "submit"),
        (ListenerKind::ontransitionstart, "transitionstart"),
        (
            ListenerKind::other(Cow::Borrowed("iop-op-fit:ready")),
            "iop-op-fit:ready",
        ),
    ] {
        assert_eq!(kind.type_name(), event);
        let copy = kind.clone();
        assert_eq!(copy, kind);
        assert_eq!(copy.type_name(), event);
    }
    assert_eq!(ListenerKind::onclick.as_ref(), "onclick");
    assert_ne!(ListenerKind::onclick, ListenerKind::onchange);
}
