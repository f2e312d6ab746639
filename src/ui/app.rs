//! The widget's root component: holds the visit, picks the screen, saves
//! answers for this tab, and moves focus to each new screen's heading.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::parts::crisis_lines::{TEL_911, TEL_988};
use super::parts::language_switch::LanguageSwitch;
use super::parts::progress;
use super::result;
use super::screens::question::QuestionScreen;
use super::screens::{emergency, start};
use super::state::{Action, Screen, Visit};
use super::text::Text;
use crate::browser::storage::{self, Stored};
use crate::browser::{languages, page};
use crate::content::{self, Locale};
use crate::engine::questions::Respondent;
use crate::engine::{assess, Assessment, Level, Question};
use crate::options::Options;

#[derive(Properties, PartialEq, Clone)]
pub struct IopOpFitProps {
    /// The site owner's options (see [`Options`]).
    #[prop_or_default]
    pub options: Rc<Options>,
    /// Where answers are kept in `sessionStorage` for resuming after a
    /// reload; `None` keeps them only in memory. Ignored when `options.storage` is off.
    #[prop_or_default]
    pub storage_key: Option<AttrValue>,
    /// Called once each time a result (or the emergency screen) is reached.
    #[prop_or_default]
    pub on_result: Callback<Assessment>,
    /// Where to open instead of the stored answers: what the visitor did on
    /// the screens the loader painted while the wasm loaded (answers, the
    /// screen, an answer chosen there and whether Continue was tapped).
    #[prop_or_default]
    pub resume: Option<Stored>,
    /// Called once, after the first render and its effects, so whatever stood
    /// in for the widget (the loader's early screens) can make way.
    #[prop_or_default]
    pub on_rendered: Callback<()>,
}

/// A callback that sends `action` to the visit, whatever event triggers it.
fn send<E: 'static>(visit: &UseReducerHandle<Visit>, action: fn() -> Action) -> Callback<E> {
    let visit = visit.clone();
    Callback::from(move |_| visit.dispatch(action()))
}

/// The self-screen, ready to render in any Yew app.
#[function_component]
pub fn IopOpFit(props: &IopOpFitProps) -> Html {
    let key = props.storage_key.clone().filter(|_| props.options.storage);
    let visit = {
        let key = key.clone();
        let early = props.resume.clone();
        use_reducer(move || {
            early
                .or_else(|| key.as_deref().and_then(storage::load))
                .map_or_else(Visit::new, |stored| Visit::open(&stored))
        })
    };
    // The language shown, and one whose texts could not be fetched (for the
    // status line to say so). The one asked for (the option, else the page's,
    // among those offered) is shown once its texts are here: until then
    // English, the one always here. One state for both: each hook costs wasm.
    let language = use_state(|| {
        let wanted = props.options.start_locale(page::page_locale);
        let shown = Some(wanted).filter(|&l| content::has(l));
        (shown.unwrap_or(Locale::En), None::<Locale>)
    });
    let (locale, failed) = *language;
    let heading = use_node_ref();
    let root = use_node_ref();

    use_effect_with(props.options.theme_color.clone(), {
        let root = root.clone();
        move |colour| {
            if let Some(root) = root.cast::<HtmlElement>() {
                page::set_accent(&root, colour.as_deref());
            }
        }
    });

    // Keep answers for this tab only, and forget them when cleared.
    use_effect_with(
        (visit.responses, visit.screen, key),
        |(responses, screen, key)| {
            if let Some(key) = key {
                if responses.is_empty() {
                    storage::erase(key);
                } else {
                    storage::save(key, responses, screen.id());
                }
            }
        },
    );
    // Focus follows the visitor's moves, never the page load.
    use_effect_with(visit.moves, {
        let heading = heading.clone();
        move |moves| {
            if let Some(heading) = heading.cast::<HtmlElement>().filter(|_| *moves > 0) {
                page::focus(&heading);
            }
        }
    });
    let assessment = matches!(visit.screen, Screen::Result | Screen::Emergency)
        .then(|| assess(&visit.responses).ok())
        .flatten();
    // The result event (emitEvents) is never sent for an emergency: the
    // privacy sentence promises only the suggested level of care.
    let emitted = assessment.clone().filter(|a| a.level != Level::Emergency);
    use_effect_with(emitted, {
        let on_result = props.on_result.clone();
        move |a| {
            if let Some(a) = a {
                on_result.emit(a.clone());
            }
        }
    });

    let on_answer = |q: Question| {
        let visit = visit.clone();
        Callback::from(move |values| visit.dispatch(Action::Answer(q, values)))
    };
    let on_change = {
        let visit = visit.clone();
        Callback::from(move |q| visit.dispatch(Action::Change(q)))
    };
    // The same callback until the language changes, so the switch is not redrawn on each
    // answer. A language not here yet is fetched first: the screen stays as it
    // is meanwhile, and the answers are kept either way.
    let on_locale = {
        let set = language.setter();
        use_callback(locale, move |l: Locale, &shown| {
            let set = set.clone();
            set.set((shown, None));
            languages::get(l, move |ok| match ok {
                true => set.set((l, None)),
                false => set.set((shown, Some(l))),
            });
        })
    };
    use_effect_with((), {
        let (on_locale, options) = (on_locale.clone(), props.options.clone());
        move |_| {
            let wanted = options.start_locale(page::page_locale);
            if wanted != locale {
                on_locale.emit(wanted);
            }
        }
    });
    // Last, so the first render is complete, every effect above applied.
    use_effect_with((), {
        let on_rendered = props.on_rendered.clone();
        move |_| on_rendered.emit(())
    });

    let step = match visit.screen {
        Screen::Question(q) => Some(visit.progress(q)),
        _ => None,
    };
    let other = visit.responses.respondent() == Some(Respondent::SomeoneElse);
    let text = Text::new(locale, props.options.clone(), other);
    let t = text.clone();
    let screen = match (visit.screen, assessment) {
        (Screen::Start, _) => start::view(
            &t,
            &heading,
            !visit.responses.is_empty(),
            send(&visit, || Action::Begin),
        ),
        (Screen::Question(q), _) => {
            // Until the visitor's first move here, the question the widget
            // opened on shows what was done on the painted one: an answer
            // chosen, or Continue tapped with none (a Continue on an answer
            // has already moved the visit on: Visit::open).
            let early = props.resume.as_ref().filter(|_| visit.moves == 0);
            let given = visit.responses.get(q).or_else(|| early?.chosen.get(q));
            html! {
                <QuestionScreen key={q.id()} question={q} given={given.unwrap_or_default()}
                    tried={early.is_some_and(|e| e.continued && e.screen == q.id())} heading={heading.clone()} on_answer={on_answer(q)} />
            }
        }
        (Screen::Emergency, Some(a)) => emergency::view(
            &t,
            &a,
            &heading,
            send(&visit, || Action::ContinueAfterEmergency),
            send(&visit, || Action::Back),
        ),
        (Screen::Result, Some(a)) => result::view(
            &t,
            &a,
            visit.responses,
            &heading,
            &on_change,
            send(&visit, || Action::StartOver),
        ),
        // The reducer only reaches these screens with answers the engine accepts.
        (Screen::Emergency | Screen::Result, None) => {
            start::view(&t, &heading, true, send(&visit, || Action::Begin))
        }
    };

    html! {
        <ContextProvider<Text> context={text}>
            // One labelled region and no landmarks inside it: the widget is a
            // part of the host's page, which has its own header, main and footer
            // (its sections have headings but no names, so they are not regions).
            // Named by the title on screen (`iof-title`: the start screen's
            // heading, else the header's title), so no label repeats it.
            <div class="iof" lang={locale.tag()} ref={root.clone()} role="region" aria-labelledby="iof-title"
                data-scheme={props.options.color_scheme.id()}>
                <div class="iof-header">
                    // The start screen's heading already says it.
                    if visit.screen != Screen::Start {
                        <p class="iof-title" id="iof-title">{ t.get("app.title") }</p>
                    }
                    <LanguageSwitch on_change={on_locale} {failed} />
                </div>
                <div class="iof-main">
                    if visit.screen != Screen::Start {
                        <button type="button" class="iof-back" data-action="back" onclick={send(&visit, || Action::Back)}>
                            // The arrow is drawn, not said ("‹ Back" was its name).
                            <span aria-hidden="true">{ "‹\u{a0}" }</span>{ t.get("nav.back") }
                        </button>
                    }
                    { progress::view(&t, step) }
                    { screen }
                </div>
                <div class="iof-footer">
                    <p class="iof-crisis-mini">
                        <a href={TEL_911}>{ t.get("crisis.911") }</a>{ " · " }<a href={TEL_988}>{ t.get("crisis.988.short") }</a>
                    </p>
                    // The start screen says it among its facts: once per screen.
                    if visit.screen != Screen::Start {
                        <p class="iof-privacy">{ t.privacy() }</p>
                    }
                    if !visit.responses.is_empty() {
                        <button type="button" class="iof-text-button" data-action="clear" onclick={send(&visit, || Action::Clear)}>
                            { t.get("privacy.clear") }
                        </button>
                    }
                    <p role="status" class="iof-status">{
                        match (failed, visit.cleared) {
                            (Some(l), _) => t.fill("lang.failed", &[("language", l.own_name())]),
                            (None, true) => t.get("privacy.cleared"),
                            (None, false) => String::new(),
                        }
                    }</p>
                </div>
            </div>
        </ContextProvider<Text>>
    }
}
