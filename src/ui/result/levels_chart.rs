//! The four levels of care as rising steps, with this result marked. The
//! SVG is hidden from screen readers; the paragraph under it says the same in
//! words. Not a figure with a figcaption: the caption then named the figure,
//! and Orca read it twice (the figure's name, then the caption itself).

use yew::prelude::*;

use crate::engine::Level;
use crate::ui::text::use_text;

const STEPS: [Level; 4] = [Level::Op, Level::Iop, Level::Php, Level::Residential];

#[derive(Properties, PartialEq)]
pub struct LevelsChartProps {
    pub level: Level,
}

#[function_component]
pub fn LevelsChart(props: &LevelsChartProps) -> Html {
    let t = use_text();
    let name = |l: Level| level_name(&t, l);
    let names: Vec<String> = STEPS.iter().map(|&l| name(l)).collect();
    let caption = t.fill(
        "result.levels.text",
        &[("levels", &names.join(", ")), ("level", &name(props.level))],
    );
    html! {
        <div class="iof-levels">
            <svg viewBox="0 0 320 150" aria-hidden="true" focusable="false">
                { for STEPS.iter().enumerate().map(|(i, &l)| {
                    let here = l == props.level;
                    let height = 30 + 25 * i as i32;
                    let x = 8 + 78 * i as i32;
                    html! {
                        <g class="iof-step" data-here={here.then_some("true")}>
                            <rect x={x.to_string()} y={(120 - height).to_string()} width="70" height={height.to_string()} rx="4" />
                            <text x={(x + 35).to_string()} y="142" text-anchor="middle">{ short(l) }</text>
                            if here {
                                <text class="iof-marker" x={(x + 35).to_string()} y={(112 - height).to_string()} text-anchor="middle">{ "▼" }</text>
                            }
                        </g>
                    }
                }) }
            </svg>
            <p class="iof-levels-text">{ caption }</p>
        </div>
    }
}

/// The abbreviation on each step; the same in every language the widget speaks.
fn short(level: Level) -> &'static str {
    match level {
        Level::Op => "OP",
        Level::Iop => "IOP",
        Level::Php => "PHP",
        Level::Residential => "RES",
        Level::Emergency => "911",
    }
}

/// The provider's name for a level, else ours.
pub fn level_name(t: &crate::ui::text::Text, level: Level) -> String {
    t.options
        .program_for(level)
        .and_then(|p| p.name.clone())
        .unwrap_or_else(|| t.get(&format!("level.{}.name", level.id())))
}
