//! 911, 988, Poison Control and the region's helplines, on every screen.

use yew::prelude::*;

use super::text::use_text;
use crate::options::CrisisRegion;

/// The national lines every screen offers.
pub(super) const TEL_911: &str = "tel:911";
pub(super) const TEL_988: &str = "tel:988";
const TEL_POISON: &str = "tel:18002221222";
pub(super) const TEL_SAMHSA: &str = "tel:18006624357";
pub(super) const TEL_MA_SUBSTANCE: &str = "tel:8003275050";

#[function_component]
pub fn CrisisLines() -> Html {
    let t = use_text();
    let regional: &[(&str, &str)] = match t.options.crisis_region {
        CrisisRegion::National => &[("crisis.samhsa", TEL_SAMHSA)],
        CrisisRegion::Massachusetts => &[
            ("crisis.ma_substance", TEL_MA_SUBSTANCE),
            ("crisis.ma_behavioral", "tel:8337732445"),
        ],
    };
    html! {
        <section class="iof-crisis">
            <h3>{ t.get("crisis.heading") }</h3>
            <ul>
                <li><a class="iof-link-button iof-urgent" href={TEL_911}>{ t.get("crisis.911") }</a></li>
                <li><a class="iof-link-button" href={TEL_988}>{ t.get("crisis.988") }</a></li>
                <li><a class="iof-link-button" href={TEL_POISON}>{ t.get("crisis.poison") }</a></li>
                { for regional.iter().map(|(key, href)| html! {
                    <li><a class="iof-link-button" href={*href}>{ t.get(key) }</a></li>
                }) }
            </ul>
        </section>
    }
}
