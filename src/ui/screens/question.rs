//! One question per screen: a form with a fieldset of native radios or
//! checkboxes, and a GOV.UK-style error when nothing is chosen.

use yew::prelude::*;

use crate::engine::questions::NONE;
use crate::engine::{Kind, Question};
use crate::ui::text::use_text;

#[derive(Properties, PartialEq)]
pub struct QuestionScreenProps {
    pub question: Question,
    /// The answer given before (or chosen on the loader's painted screen), shown selected.
    pub given: Vec<&'static str>,
    /// Continue was already tapped with nothing chosen (on the painted
    /// screen): the error shows from the start.
    #[prop_or_default]
    pub tried: bool,
    pub heading: NodeRef,
    pub on_answer: Callback<Vec<&'static str>>,
}

/// The choices after ticking or unticking `option`. `none` is exclusive, as
/// in GOV.UK's checkboxes: choosing it clears the others and the reverse.
fn toggle(
    chosen: &[&'static str],
    option: &'static str,
    multi: bool,
    none_exclusive: bool,
) -> Vec<&'static str> {
    if !multi {
        return vec![option];
    }
    if chosen.contains(&option) {
        return chosen.iter().copied().filter(|&c| c != option).collect();
    }
    let mut next: Vec<&'static str> = chosen
        .iter()
        .copied()
        .filter(|&c| !none_exclusive || (option != NONE && c != NONE))
        .collect();
    next.push(option);
    next
}

#[function_component]
pub fn QuestionScreen(props: &QuestionScreenProps) -> Html {
    let t = use_text();
    let chosen = use_state(|| props.given.clone());
    let error = use_state(|| props.tried);
    let q = props.question;
    let (multi, none_exclusive) = match q.kind() {
        Kind::Single => (false, false),
        Kind::Multi { none_exclusive } => (true, none_exclusive),
    };

    let onsubmit = {
        let (chosen, error, on_answer) = (chosen.clone(), error.clone(), props.on_answer.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            if chosen.is_empty() {
                error.set(true);
            } else {
                on_answer.emit((*chosen).clone());
            }
        }
    };
    let error_text = t.get(if multi {
        "error.choose_any"
    } else {
        "error.choose_one"
    });
    let key = |suffix: &str| format!("q.{}.{suffix}", q.id());
    let first_input = format!("iof-{}-{}", q.id(), q.options()[0]);
    let described = if *error {
        "iof-hint iof-error"
    } else {
        "iof-hint"
    };
    // The error's link leads to the first option. A fragment link cannot do it
    // from inside a shadow root (the page looks for the id in its own document,
    // and would put it in the page's address), so focus is moved here.
    let first_option = use_node_ref();
    let to_first_option = {
        let first_option = first_option.clone();
        move |e: MouseEvent| {
            e.prevent_default();
            if let Some(input) = first_option.cast::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        }
    };

    // The heading and the hint come before the fieldset, which takes its name
    // from the heading: focus on the heading then enters no group, so a screen
    // reader says the question once (inside a legend, Orca said the group's
    // name, the same words, first). The group's name is said on reaching the options.
    html! {
        <form class="iof-screen" data-screen="question" novalidate=true {onsubmit}>
            if *error {
                <div class="iof-error-summary" role="alert">
                    <h2>{ t.get("error.title") }</h2>
                    <a href={format!("#{first_input}")} onclick={to_first_option}>{ error_text.clone() }</a>
                </div>
            }
            <h2 id="iof-question" tabindex="-1" ref={props.heading.clone()}>{ t.get(&key("title")) }</h2>
            <p class="iof-hint" id="iof-hint">{ t.get(&key("hint")) }</p>
            <fieldset data-question={q.id()} aria-labelledby="iof-question" aria-describedby={described} aria-invalid={error.to_string()}>
                if *error {
                    <p class="iof-error-message" id="iof-error">{ error_text }</p>
                }
                <div class="iof-choices">
                    { for q.options().iter().enumerate().map(|(i, &option)| {
                        let id = format!("iof-{}-{option}", q.id());
                        let checked = chosen.contains(&option);
                        let onchange = {
                            let (chosen, error) = (chosen.clone(), error.clone());
                            move |_: Event| {
                                chosen.set(toggle(&chosen, option, multi, none_exclusive));
                                error.set(false);
                            }
                        };
                        html! {
                            <div class="iof-choice">
                                <input type={if multi { "checkbox" } else { "radio" }} id={id.clone()} name={q.id()}
                                    value={option} {checked} {onchange}
                                    ref={if i == 0 { first_option.clone() } else { NodeRef::default() }} />
                                <label for={id}>{ t.get(&key(option)) }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            <button type="submit" class="iof-primary" data-action="continue">{ t.get("nav.continue") }</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::toggle;

    #[test]
    fn none_is_exclusive_both_ways() {
        assert_eq!(
            toggle(&["work", "school"], "none", true, true),
            vec!["none"]
        );
        assert_eq!(toggle(&["none"], "work", true, true), vec!["work"]);
        assert_eq!(toggle(&["work"], "work", true, true), Vec::<&str>::new());
        assert_eq!(
            toggle(&["alcohol"], "opioids", true, false),
            vec!["alcohol", "opioids"]
        );
        assert_eq!(
            toggle(&["self"], "someone_else", false, false),
            vec!["someone_else"]
        );
    }
}
