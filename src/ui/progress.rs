//! "Question 3 of 14", shown as a bar and announced politely.

use yew::prelude::*;

use super::text::use_text;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub at: usize,
    pub of: usize,
}

#[function_component]
pub fn Progress(props: &ProgressProps) -> Html {
    let t = use_text();
    let label = t.fill("progress", &[("n", &props.at.to_string()), ("total", &props.of.to_string())]);
    let percent = props.at * 100 / props.of.max(1);
    html! {
        <div class="iof-progress">
            <p class="iof-progress-text" aria-live="polite">{ label }</p>
            <div class="iof-progress-bar" aria-hidden="true">
                <div style={format!("width:{percent}%")}></div>
            </div>
        </div>
    }
}
