//! The answers given, each with a way to change it (GOV.UK's "check answers").
//! A list, not a description list: with each button in a `dd`, Orca said the
//! button's name twice (as the description value's, then as the button's).

use yew::prelude::*;

use super::model::{Answer, Section};
use crate::engine::Question;
use crate::ui::text::Text;

pub fn view(t: &Text, review: &Section<Answer>, on_change: &Callback<Question>) -> Html {
    html! {
        <section class="iof-review">
            <h3>{ &review.heading }</h3>
            <ul>
                { for review.items.iter().map(|a| {
                    let q = a.question;
                    let label = t.fill("result.review.change_label", &[("question", &a.title)]);
                    html! {
                        <li class="iof-review-row" data-review={q.id()}>
                            <p class="iof-review-question">{ &a.title }</p>
                            <p class="iof-review-answer">{ &a.words }</p>
                            <button type="button" class="iof-text-button" aria-label={label}
                                onclick={on_change.reform(move |_| q)}>{ t.get("result.review.change") }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
