//! What the provider's program at this level looks like: hours, schedule, therapies.

use yew::prelude::*;

use super::model::ProgramView;

pub fn view(program: &ProgramView) -> Html {
    let p = program;
    html! {
        <section class="iof-program">
            <h3>{ &p.heading }</h3>
            <p class="iof-program-name">{ &p.name }</p>
            <p>{ &p.short }</p>
            <ul>{ for p.details.iter().map(|d| html! { <li>{ d }</li> }) }</ul>
        </section>
    }
}
