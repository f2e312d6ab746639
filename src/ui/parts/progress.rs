//! "Question 3 of 14", shown as a bar and announced politely. The live region
//! stays in place on every screen (empty off the questions): a region added
//! together with its text is not announced, so the first question's progress
//! was never heard.

use yew::prelude::*;

use crate::ui::text::Text;

/// `step`: the position on the path and the path's length; `None` off the questions.
pub(in crate::ui) fn view(t: &Text, step: Option<(usize, usize)>) -> Html {
    let label = step.map(|(at, of)| {
        t.fill(
            "progress",
            &[("n", &at.to_string()), ("total", &of.to_string())],
        )
    });
    // A native bar, not a styled width, so a policy without inline styles still shows it.
    html! {
        <div class={if step.is_some() { "iof-progress" } else { "iof-progress iof-progress-none" }}>
            <p class="iof-progress-text" aria-live="polite">{ label.unwrap_or_default() }</p>
            if let Some((at, of)) = step {
                <progress class="iof-progress-bar" aria-hidden="true" max={of.to_string()} value={at.to_string()}></progress>
            }
        </div>
    }
}
