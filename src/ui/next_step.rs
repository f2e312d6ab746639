//! The call to action on every result: a free assessment, by phone or online.

use yew::prelude::*;

use super::text::use_text;
use crate::options::tel_href;

#[function_component]
pub fn NextStep() -> Html {
    let t = use_text();
    html! {
        <section class="iof-next">
            <h3>{ t.get("result.next") }</h3>
            <p>{ t.get("result.next.lead") }</p>
            if let Some(phone) = &t.options.phone {
                <a class="iof-link-button iof-primary" href={tel_href(phone)} data-action="call">
                    { format!("{} · {phone}", t.get("result.call")) }
                </a>
            }
            if let Some(url) = &t.options.contact_url {
                <a class="iof-link-button" href={url.clone()} data-action="contact">{ t.get("result.contact") }</a>
            }
        </section>
    }
}
