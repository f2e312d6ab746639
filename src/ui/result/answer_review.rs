//! The answers given, each with a way to change it (GOV.UK's "check answers").
//! A list, not a description list: with each button in a `dd`, Orca said the
//! button's name twice (as the description value's, then as the button's).

use yew::prelude::*;

use crate::engine::{Question, Responses};
use crate::ui::text::{use_text, Text};

/// Each answered question in the order asked, with its title and the answer
/// in words (e.g. "Alcohol, Cannabis (marijuana)"): the review and the summary.
pub fn answered<'a>(
    t: &'a Text,
    responses: &'a Responses,
) -> impl Iterator<Item = (Question, String, String)> + 'a {
    responses.iter().map(move |(q, ids)| {
        let words: Vec<String> = ids
            .iter()
            .map(|o| t.get(&format!("q.{}.{o}", q.id())))
            .collect();
        (q, t.get(&format!("q.{}.title", q.id())), words.join(", "))
    })
}

#[derive(Properties, PartialEq)]
pub struct AnswerReviewProps {
    pub responses: Responses,
    pub on_change: Callback<Question>,
}

#[function_component]
pub fn AnswerReview(props: &AnswerReviewProps) -> Html {
    let t = use_text();
    html! {
        <section class="iof-review">
            <h3>{ t.get("result.review") }</h3>
            <ul>
                { for answered(&t, &props.responses).map(|(q, title, words)| {
                    let label = t.fill("result.review.change_label", &[("question", &title)]);
                    html! {
                        <li class="iof-review-row" data-review={q.id()}>
                            <p class="iof-review-question">{ title }</p>
                            <p class="iof-review-answer">{ words }</p>
                            <button type="button" class="iof-text-button" aria-label={label}
                                onclick={props.on_change.reform(move |_| q)}>{ t.get("result.review.change") }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
