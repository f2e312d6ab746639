//! The result: the level in words, why, the provider's program, the levels
//! picture, the call to action, 988 and 911, advice, the answers, and a summary.

mod answer_review;
mod levels_chart;
mod offer_notes;
mod program_card;
mod referral;
mod summary;

use yew::prelude::*;

use self::answer_review::AnswerReview;
use self::levels_chart::{level_name, LevelsChart};
use self::offer_notes::OfferNotes;
use self::program_card::ProgramCard;
use self::referral::Referral;
use self::summary::summary_html;
use super::crisis_lines::CrisisLines;
use super::next_step::NextStep;
use super::text::use_text;
use super::urgent_calls::UrgentCalls;
use crate::browser::download::save_html;
use crate::engine::questions::Readiness;
use crate::engine::{Assessment, CrisisLine, Dimension, Flag, Question, Raised, Responses};

#[derive(Properties, PartialEq)]
pub struct ResultScreenProps {
    pub assessment: Assessment,
    pub responses: Responses,
    pub heading: NodeRef,
    pub on_change: Callback<Question>,
    pub on_start_over: Callback<()>,
}

/// The "why" sentences (their text keys), each once, most telling first.
/// Readiness is left out: it never changes the level, and has its own advice.
pub(super) fn shown_reasons(a: &Assessment) -> Vec<&'static str> {
    let mut shown: Vec<&'static str> = Vec::new();
    for r in a
        .reasons
        .iter()
        .filter(|r| r.dimension != Some(Dimension::Readiness))
    {
        if !shown.contains(&r.message) {
            shown.push(r.message);
        }
    }
    shown
}

/// The lead sentence: for an emergency, the one that names the line to call first.
fn lead_key(a: &Assessment) -> String {
    match a.crisis_first {
        Some(CrisisLine::Call988) => "result.lead.emergency.988".to_owned(),
        _ => format!("result.lead.{}", a.level.id()),
    }
}

fn flag_item(t: &super::text::Text, f: &Raised) -> Html {
    html! { <li data-flag={f.id.id()}>{ t.flag(f) }</li> }
}

#[function_component]
pub fn ResultScreen(props: &ResultScreenProps) -> Html {
    let t = use_text();
    let a = &props.assessment;
    let level = a.level;
    let reasons = shown_reasons(a);
    let readiness = props
        .responses
        .readiness()
        .filter(|r| *r != Readiness::Ready)
        .map(Readiness::id);
    let (safety, advice): (Vec<&Raised>, Vec<&Raised>) =
        a.flags.iter().partition(|f| f.id.is_safety());
    let adolescent = a.flags.iter().any(|f| f.id == Flag::Adolescent);
    let program_level = a.after_emergency.unwrap_or(level);
    // What this provider offers matters once there is a level to offer.
    let offer = t.options.offer(a);
    let on_save = {
        let (t, responses, a) = (t.clone(), props.responses, a.clone());
        move |_| {
            let date = String::from(
                js_sys::Date::new_0()
                    .to_locale_date_string(t.locale().tag(), &wasm_bindgen::JsValue::UNDEFINED),
            );
            if let Err(e) = save_html(
                &summary_html(&t, &responses, &a, &date),
                "care-summary.html",
            ) {
                web_sys::console::warn_2(&"iop-op-fit: could not save the summary:".into(), &e);
            }
        }
    };
    html! {
        <section class="iof-screen" data-screen="result" data-level={level.id()}
            data-crisis-first={a.crisis_first.map(CrisisLine::id)} data-detox-first={a.detox_first.to_string()}>
            <h2 tabindex="-1" ref={props.heading.clone()}>{ t.get(&format!("result.heading.{}", level.id())) }</h2>
            <p class="iof-lead">{ t.get(&lead_key(a)) }</p>
            if let Some(first) = a.crisis_first {
                <UrgentCalls {first} />
                if let Some(later) = a.after_emergency {
                    <p>{ t.fill("result.after_emergency", &[("level", &level_name(&t, later))]) }</p>
                }
            }
            if a.detox_first {
                <p class="iof-callout iof-warning">{ t.detox(a) }</p>
            }
            if let Some(offer) = offer.clone() {
                <OfferNotes assessment={a.clone()} {offer} />
            }
            if !safety.is_empty() {
                <section class="iof-safety iof-callout iof-warning" data-flags="safety">
                    <h3>{ t.get("result.safety") }</h3>
                    <ul>{ for safety.iter().map(|f| flag_item(&t, f)) }</ul>
                </section>
            }
            <h3>{ t.get("result.why") }</h3>
            <ul class="iof-reasons">{ for reasons.iter().map(|m| html! { <li>{ t.get(m) }</li> }) }</ul>

            <NextStep />
            if offer.as_ref().is_some_and(|o| o.refers()) {
                <Referral />
            }
            if let Some(offer) = &offer {
                // The provider's own program: the result's level, or the one
                // it runs after it (never instead of it).
                if let Some(here) = offer.level_here.then_some(program_level).or(offer.step_after) {
                    <ProgramCard level={here} {adolescent} />
                }
                <h3>{ t.get("result.levels") }</h3>
                <LevelsChart level={program_level} />
            }
            <CrisisLines />
            if !advice.is_empty() || readiness.is_some() {
                <section class="iof-advice" data-flags="advice">
                    <h3>{ t.get("result.advice") }</h3>
                    <ul>
                        { for advice.iter().map(|f| flag_item(&t, f)) }
                        if let Some(r) = readiness { <li>{ t.get(&format!("readiness.{r}")) }</li> }
                    </ul>
                </section>
            }
            <p class="iof-note">{ t.get("result.not_diagnosis") }</p>
            <AnswerReview responses={props.responses} on_change={props.on_change.clone()} />
            <div class="iof-actions">
                <button type="button" class="iof-secondary" onclick={on_save}>{ t.get("result.print") }</button>
                <button type="button" class="iof-secondary" onclick={props.on_start_over.reform(|_| ())}>{ t.get("result.start_over") }</button>
            </div>
        </section>
    }
}
