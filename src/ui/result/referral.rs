//! Where to find care this provider does not offer: the federal treatment
//! locator and helplines, beside the provider's own call button.

use yew::prelude::*;

use super::model::Section;
use crate::options::CrisisRegion;
use crate::ui::parts::crisis_lines::{TEL_MA_SUBSTANCE, TEL_SAMHSA};
use crate::ui::text::Text;
use crate::ui::Link;

/// SAMHSA's locator of licensed treatment, by place and type of care.
const FIND_TREATMENT: &str = "https://findtreatment.gov/";

/// The places to look, in order.
pub(super) fn referral_links(t: &Text) -> Vec<Link> {
    let mut links = vec![
        Link::new(t.get("referral.findtreatment"), FIND_TREATMENT),
        Link::new(t.get("crisis.samhsa"), TEL_SAMHSA),
    ];
    if t.options.crisis_region == CrisisRegion::Massachusetts {
        links.push(Link::new(t.get("crisis.ma_substance"), TEL_MA_SUBSTANCE));
    }
    links
}

pub fn view(referral: &Section<Link>) -> Html {
    let r = referral;
    html! {
        <section class="iof-referral" data-referral="">
            <h3>{ &r.heading }</h3>
            <ul>
                { for r.items.iter().map(|l| {
                    // The locator opens beside the widget; the helplines are calls.
                    let web = l.href.starts_with("https:");
                    html! {
                        <li><a class="iof-link-button" href={l.href.clone()}
                            target={web.then_some("_blank")} rel={web.then_some("noopener noreferrer")}>{ &l.text }</a></li>
                    }
                }) }
            </ul>
        </section>
    }
}
