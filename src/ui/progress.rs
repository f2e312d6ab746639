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
    let label = t.fill(
        "progress",
        &[
            ("n", &props.at.to_string()),
            ("total", &props.of.to_string()),
        ],
    );
    // A native bar, not a styled width, so a policy without inline styles still shows it.
    html! {
        <div class="iof-progress">
            <p class="iof-progress-text" aria-live="polite">{ label }</p>
            <progress class="iof-progress-bar" aria-hidden="true" max={props.of.to_string()} value={props.at.to_string()}></progress>
        </div>
    }
}
