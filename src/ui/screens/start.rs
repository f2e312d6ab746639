//! What this is, how long it takes, that answers stay here, and that it is not a diagnosis.

use yew::prelude::*;

use crate::ui::text::Text;

/// `resumable`: answers from earlier in this tab exist, so Start offers to continue.
pub(in crate::ui) fn view(
    t: &Text,
    heading: &NodeRef,
    resumable: bool,
    on_start: Callback<()>,
) -> Html {
    let label = if resumable {
        "start.resume"
    } else {
        "start.button"
    };
    html! {
        <section key="start" class="iof-screen" data-screen="start">
            <h2 id="iof-title" tabindex="-1" ref={heading.clone()}>{ t.get("start.heading") }</h2>
            <p class="iof-lead">{ t.get("start.lead") }</p>
            <ul class="iof-facts">
                <li>{ t.get("start.time") }</li>
                <li class="iof-privacy">{ t.privacy() }</li>
                <li>{ t.get("start.not_diagnosis") }</li>
            </ul>
            <button type="button" class="iof-primary" data-action="start" onclick={on_start.reform(|_| ())}>{ t.get(label) }</button>
        </section>
    }
}
