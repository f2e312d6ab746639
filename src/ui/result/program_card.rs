//! What the provider's program at this level looks like: hours, schedule, therapies.

use yew::prelude::*;

use super::levels_chart::level_name;
use crate::engine::Level;
use crate::ui::text::use_text;

#[derive(Properties, PartialEq)]
pub struct ProgramCardProps {
    pub level: Level,
    pub adolescent: bool,
}

#[function_component]
pub fn ProgramCard(props: &ProgramCardProps) -> Html {
    let t = use_text();
    let Some(program) = t.options.program_for(props.level) else {
        return html! {};
    };
    let teen_iop = props.adolescent && props.level == Level::Iop;
    let short = if teen_iop {
        "level.iop.short.teen".to_owned()
    } else {
        format!("level.{}.short", props.level.id())
    };
    let hours = program.hours.map(|(lo, hi)| {
        let range = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        t.fill("result.program.hours", &[("hours", &range)])
    });
    html! {
        <section class="iof-program">
            <h3>{ t.get("result.program") }</h3>
            <p class="iof-program-name">{ level_name(&t, props.level) }</p>
            <p>{ t.get(&short) }</p>
            <ul>
                if let Some(hours) = hours { <li>{ hours }</li> }
                if let Some(s) = program.schedule { <li>{ t.get(&format!("result.program.schedule.{}", s.id())) }</li> }
                if !program.therapies.is_empty() {
                    <li>{ t.fill("result.program.therapies", &[("therapies", &program.therapies.join(", "))]) }</li>
                }
            </ul>
        </section>
    }
}
