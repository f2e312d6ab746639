//! The answers given, each with a way to change it (GOV.UK's "check answers").

use yew::prelude::*;

use super::text::{use_text, Text};
use crate::engine::{flow, Question, Responses};

/// The answer in words, e.g. "Alcohol, Cannabis (marijuana)".
pub fn answer_words(t: &Text, responses: &Responses, q: Question) -> String {
    responses
        .get(q)
        .unwrap_or_default()
        .iter()
        .map(|o| t.get(&format!("q.{}.{o}", q.id())))
        .collect::<Vec<_>>()
        .join(", ")
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
        <section class="iof-review" aria-labelledby="iof-review-heading">
            <h3 id="iof-review-heading">{ t.get("result.review") }</h3>
            <dl>
                { for flow::path(&props.responses).into_iter().filter(|&q| props.responses.get(q).is_some()).map(|q| {
                    let title = t.get(&format!("q.{}.title", q.id()));
                    let label = t.fill("result.review.change_label", &[("question", &title)]);
                    html! {
                        <div class="iof-review-row" data-review={q.id()}>
                            <dt>{ title }</dt>
                            <dd>{ answer_words(&t, &props.responses, q) }</dd>
                            <dd>
                                <button type="button" class="iof-text-button" aria-label={label}
                                    onclick={props.on_change.reform(move |_| q)}>{ t.get("result.review.change") }</button>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
        </section>
    }
}
