//! The four levels of care as rising steps, with this result marked. The
//! SVG is hidden from screen readers; the paragraph under it says the same in
//! words. Not a figure with a figcaption: the caption then named the figure,
//! and Orca read it twice (the figure's name, then the caption itself).

use yew::prelude::*;

use super::model::{level_name, LevelsView};
use crate::engine::Level;
use crate::ui::text::Text;

const STEPS: [Level; 4] = [Level::Op, Level::Iop, Level::Php, Level::Residential];

/// The picture in words: the levels, and which one this is.
pub(super) fn levels_text(t: &Text, level: Level) -> String {
    let names: Vec<String> = STEPS.iter().map(|&l| level_name(t, l)).collect();
    t.fill(
        "result.levels.text",
        &[
            ("levels", &names.join(", ")),
            ("level", &level_name(t, level)),
        ],
    )
}

pub fn view(levels: &LevelsView) -> Html {
    let LevelsView {
        heading,
        level,
        text,
    } = levels;
    html! {
        <>
        <h3>{ heading }</h3>
        <div class="iof-levels">
            <svg viewBox="0 0 320 150" aria-hidden="true" focusable="false">
                { for STEPS.iter().enumerate().map(|(i, &l)| {
                    let here = l == *level;
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
            <p class="iof-levels-text">{ text }</p>
        </div>
        </>
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
