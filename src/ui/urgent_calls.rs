//! The big call buttons at the top of an emergency: 988 first when thoughts
//! of suicide are the only danger (the engine's `crisis_first`), else 911.

use yew::prelude::*;

use super::crisis_lines::{TEL_911, TEL_988};
use super::text::use_text;
use crate::engine::CrisisLine;

#[derive(Properties, PartialEq)]
pub struct UrgentCallsProps {
    pub first: CrisisLine,
}

#[function_component]
pub fn UrgentCalls(props: &UrgentCallsProps) -> Html {
    let t = use_text();
    let call_911 = html! { <a class="iof-link-button iof-urgent iof-big" href={TEL_911}>{ t.get("crisis.911") }</a> };
    match props.first {
        CrisisLine::Call911 => call_911,
        CrisisLine::Call988 => html! {
            <>
                <a class="iof-link-button iof-urgent iof-big" href={TEL_988}>{ t.get("crisis.988") }</a>
                { call_911 }
            </>
        },
    }
}
