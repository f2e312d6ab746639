//! The result: the level in words, why, the provider's program, the levels
//! picture, the call to action, 988 and 911, advice, the answers, and a summary.
//! [`model::ResultView`] says what the result says; this screen and the
//! summary ([`summary`]) each render it. The screen ([`view`]) and its parts
//! (the offer's notes, the referral, the program card, the levels picture,
//! the answers to review) are functions that return their markup, as in
//! `ui::parts`.

mod answer_review;
mod levels_chart;
pub(super) mod model;
mod offer_notes;
mod program_card;
mod referral;
mod summary;

use yew::prelude::*;

use self::model::{Advice, ResultView, Section};
use self::summary::summary_html;
use super::parts::{crisis_lines, next_step, urgent_calls};
use super::text::Text;
use crate::browser::download::save_html;
use crate::engine::{Assessment, CrisisLine, Question, Responses};

/// A block of advice: nothing when it has no items.
fn flag_block(s: &Section<Advice>, class: &'static str, kind: &'static str) -> Html {
    if s.items.is_empty() {
        return html! {};
    }
    html! {
        <section class={class} data-flags={kind}>
            <h3>{ &s.heading }</h3>
            <ul>{ for s.items.iter().map(|a| html! {
                <li data-flag={a.flag.map(|f| f.id())}>{ &a.text }</li>
            }) }</ul>
        </section>
    }
}

/// The result screen for `a`, the engine's assessment of `responses`.
pub(super) fn view(
    t: &Text,
    a: &Assessment,
    responses: Responses,
    heading: &NodeRef,
    on_change: &Callback<Question>,
    on_start_over: Callback<()>,
) -> Html {
    let v = ResultView::new(t, a, &responses);
    let on_save = {
        let (t, a) = (t.clone(), a.clone());
        move |_| {
            let date = String::from(
                js_sys::Date::new_0()
                    .to_locale_date_string(t.locale().tag(), &wasm_bindgen::JsValue::UNDEFINED),
            );
            let v = ResultView::new(&t, &a, &responses);
            if let Err(e) = save_html(&summary_html(&t, &v, &date), "care-summary.html") {
                web_sys::console::warn_2(&"iop-op-fit: could not save the summary:".into(), &e);
            }
        }
    };
    let why = &v.why;
    html! {
        <section key="result" class="iof-screen" data-screen="result" data-level={v.level.id()}
            data-crisis-first={v.crisis_first.map(CrisisLine::id)} data-detox-first={v.detox_first.to_string()}>
            <h2 tabindex="-1" ref={heading.clone()}>{ &v.heading }</h2>
            <p class="iof-lead">{ &v.lead }</p>
            if let Some(first) = v.crisis_first {
                { urgent_calls::view(t, first) }
            }
            if let Some(later) = &v.after_emergency {
                <p>{ later }</p>
            }
            { for v.detox.iter().map(|line| html! { <p class="iof-callout iof-warning">{ line }</p> }) }
            if let Some(offer) = &v.offer {
                { offer_notes::view(offer) }
            }
            { flag_block(&v.safety, "iof-safety iof-callout iof-warning", "safety") }
            <h3>{ &why.heading }</h3>
            <ul class="iof-reasons">{ for why.lead.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            if !why.more.is_empty() {
                <details class="iof-more-reasons">
                    <summary>{ &why.more_label }</summary>
                    <ul class="iof-reasons">{ for why.more.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                </details>
            }

            { next_step::view(t) }
            if !v.referral.items.is_empty() {
                { referral::view(&v.referral) }
            }
            if let Some(program) = &v.program {
                { program_card::view(program) }
            }
            if let Some(levels) = &v.levels {
                { levels_chart::view(levels) }
            }
            { crisis_lines::view(t, false) }
            { flag_block(&v.advice, "iof-advice", "advice") }
            <p class="iof-note">{ &v.note }</p>
            { answer_review::view(t, &v.review, on_change) }
            <div class="iof-actions">
                <button type="button" class="iof-secondary" onclick={on_save}>{ t.get("result.print") }</button>
                <button type="button" class="iof-secondary" onclick={on_start_over.reform(|_| ())}>{ t.get("result.start_over") }</button>
            </div>
        </section>
    }
}
