//! Shown the moment a danger is reported: what to do now, then a way back or on.

use yew::prelude::*;

use crate::engine::{Assessment, CrisisLine};
use crate::ui::parts::{crisis_lines, next_step, urgent_calls};
use crate::ui::text::Text;

/// The content key of an emergency reason's first steps: `emergency_overdose`
/// has `emergency.overdose` (its heading) and `emergency.overdose.steps`.
fn steps_key(reason_id: &str) -> Option<String> {
    reason_id
        .strip_prefix("emergency_")
        .map(|danger| format!("emergency.{danger}"))
}

/// The emergency screen for `a`: the call to make first, then the first steps for each danger.
pub(in crate::ui) fn view(
    t: &Text,
    a: &Assessment,
    heading: &NodeRef,
    on_continue: Callback<()>,
    on_change: Callback<()>,
) -> Html {
    let first = a.crisis_first.unwrap_or(CrisisLine::Call911);
    let lead = match first {
        CrisisLine::Call988 => "emergency.lead.988",
        CrisisLine::Call911 => "emergency.lead",
    };
    html! {
        <section key="emergency" class="iof-screen iof-emergency" data-screen="emergency" data-level={a.level.id()}
            data-crisis-first={first.id()} data-detox-first={a.detox_first.to_string()}>
            <h2 tabindex="-1" ref={heading.clone()}>{ t.get("emergency.heading") }</h2>
            <p class="iof-lead">{ t.get(lead) }</p>
            { urgent_calls::view(t, first) }
            { for a.reasons.iter().filter_map(|r| steps_key(r.id)).map(|key| html! {
                <div class="iof-steps">
                    <h3>{ t.get(&key) }</h3>
                    <ol>{ for t.advice(&format!("{key}.steps")).split('|').map(|s| html! { <li>{ s.to_owned() }</li> }) }</ol>
                </div>
            }) }
            { crisis_lines::view(t, true) }
            { next_step::view(t) }
            <div class="iof-actions">
                <button type="button" class="iof-secondary" onclick={on_continue.reform(|_| ())}>{ t.get("emergency.continue") }</button>
                <button type="button" class="iof-secondary" onclick={on_change.reform(|_| ())}>{ t.get("emergency.change") }</button>
            </div>
        </section>
    }
}
