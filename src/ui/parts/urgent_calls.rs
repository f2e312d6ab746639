//! The big call buttons at the top of an emergency: 988 first when thoughts
//! of suicide are the only danger (the engine's `crisis_first`), else 911.

use yew::prelude::*;

use crate::engine::CrisisLine;
use crate::ui::parts::crisis_lines::{TEL_911, TEL_988};
use crate::ui::text::Text;
use crate::ui::Link;

/// The buttons in order: for the screens and the summary.
pub(in crate::ui) fn urgent_calls(t: &Text, first: CrisisLine) -> Vec<Link> {
    let call_911 = Link::new(t.get("crisis.911"), TEL_911);
    match first {
        CrisisLine::Call911 => vec![call_911],
        CrisisLine::Call988 => vec![Link::new(t.get("crisis.988.short"), TEL_988), call_911],
    }
}

pub(in crate::ui) fn view(t: &Text, first: CrisisLine) -> Html {
    html! {
        { for urgent_calls(t, first).into_iter().map(|l| html! {
            <a class="iof-link-button iof-urgent iof-big" href={l.href}>{ l.text }</a>
        }) }
    }
}
