//! Where to find care this provider does not offer: the federal treatment
//! locator and helplines, beside the provider's own call button.

use yew::prelude::*;

use crate::options::CrisisRegion;
use crate::ui::crisis_lines::{TEL_MA_SUBSTANCE, TEL_SAMHSA};
use crate::ui::text::use_text;

/// SAMHSA's locator of licensed treatment, by place and type of care.
const FIND_TREATMENT: &str = "https://findtreatment.gov/";

#[function_component]
pub fn Referral() -> Html {
    let t = use_text();
    html! {
        <section class="iof-referral" data-referral="">
            <h3>{ t.get("result.referral") }</h3>
            <ul>
                <li><a class="iof-link-button" href={FIND_TREATMENT} target="_blank" rel="noopener noreferrer">
                    { t.get("referral.findtreatment") }
                </a></li>
                <li><a class="iof-link-button" href={TEL_SAMHSA}>{ t.get("crisis.samhsa") }</a></li>
                if t.options.crisis_region == CrisisRegion::Massachusetts {
                    <li><a class="iof-link-button" href={TEL_MA_SUBSTANCE}>{ t.get("crisis.ma_substance") }</a></li>
                }
            </ul>
        </section>
    }
}
