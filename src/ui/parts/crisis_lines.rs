//! 911, 988, Poison Control and the region's helplines, on every screen.

use yew::prelude::*;

use crate::options::CrisisRegion;
use crate::ui::text::Text;
use crate::ui::Link;

/// The national lines every screen offers.
pub(in crate::ui) const TEL_911: &str = "tel:911";
pub(in crate::ui) const TEL_988: &str = "tel:988";
const TEL_POISON: &str = "tel:18002221222";
pub(in crate::ui) const TEL_SAMHSA: &str = "tel:18006624357";
pub(in crate::ui) const TEL_MA_SUBSTANCE: &str = "tel:8003275050";

/// The lines in order, national then the region's: for the screens and the summary.
pub(in crate::ui) fn crisis_lines(t: &Text) -> Vec<Link> {
    let regional: &[(&str, &str)] = match t.options.crisis_region {
        CrisisRegion::National => &[("crisis.samhsa", TEL_SAMHSA)],
        CrisisRegion::Massachusetts => &[
            ("crisis.ma_substance", TEL_MA_SUBSTANCE),
            ("crisis.ma_behavioral", "tel:8337732445"),
        ],
    };
    [
        ("crisis.911", TEL_911),
        ("crisis.988", TEL_988),
        ("crisis.poison", TEL_POISON),
    ]
    .iter()
    .chain(regional)
    .map(|(key, href)| Link::new(t.get(key), href))
    .collect()
}

/// The lines as links; `without_911` when the screen already has a big
/// "Call 911" button: no second one in a row.
pub(in crate::ui) fn view(t: &Text, without_911: bool) -> Html {
    html! {
        <section class="iof-crisis">
            <h3>{ t.get("crisis.heading") }</h3>
            <ul>
                { for crisis_lines(t).into_iter().filter(|l| !(without_911 && l.href == TEL_911)).map(|l| {
                    // Plain strings, not `classes!`: Yew's class sets (an IndexSet) would cost the wasm about 1 KB.
                    let class = if l.href == TEL_911 { "iof-link-button iof-urgent" } else { "iof-link-button" };
                    html! { <li><a {class} href={l.href}>{ l.text }</a></li> }
                }) }
            </ul>
        </section>
    }
}
