//! What this is, how long it takes, that answers stay here, and that it is not a diagnosis.

use yew::prelude::*;

use crate::ui::text::use_text;

#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub heading: NodeRef,
    /// Answers from earlier in this tab exist: offer to continue.
    pub resumable: bool,
    pub on_start: Callback<()>,
}

#[function_component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let t = use_text();
    let label = if props.resumable {
        "start.resume"
    } else {
        "start.button"
    };
    html! {
        <section class="iof-screen" data-screen="start">
            <h2 id="iof-title" tabindex="-1" ref={props.heading.clone()}>{ t.get("start.heading") }</h2>
            <p class="iof-lead">{ t.get("start.lead") }</p>
            <ul class="iof-facts">
                <li>{ t.get("start.time") }</li>
                <li class="iof-privacy">{ t.privacy() }</li>
                <li>{ t.get("start.not_diagnosis") }</li>
            </ul>
            <button type="button" class="iof-primary" data-action="start" onclick={props.on_start.reform(|_| ())}>{ t.get(label) }</button>
        </section>
    }
}
