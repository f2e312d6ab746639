//! A visible language switch, named in each language's own words. It offers
//! the languages the site owner chose (the `languages` option) that the
//! widget can show (each one's texts are here, or the loader can fetch them),
//! and is left out when that is one language; when a fetch fails, it goes back to the language
//! shown, and the status line says why.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser::languages;
use crate::content::Locale;
use crate::ui::text::use_text;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub on_change: Callback<Locale>,
    /// A language just picked whose texts could not be fetched.
    #[prop_or_default]
    pub failed: Option<Locale>,
}

#[function_component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let t = use_text();
    let current = t.locale();
    let select = use_node_ref();
    // The browser shows the option the visitor picked; until that language
    // is shown (or if it never is), the shown one is what the switch says.
    use_effect_with((current, props.failed), {
        let select = select.clone();
        move |_| {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(current.tag());
            }
        }
    });
    let offered: Vec<Locale> = Locale::ALL
        .into_iter()
        .filter(|l| t.options.languages.contains(l) && languages::can_show(*l))
        .collect();
    let onchange = props.on_change.reform(|e: Event| {
        let tag = e.target_unchecked_into::<HtmlSelectElement>().value();
        Locale::from_tag(&tag).unwrap_or(Locale::En)
    });
    if offered.len() < 2 {
        return html! {};
    }
    html! {
        <div class="iof-language">
            <label for="iof-language">{ t.get("lang.label") }</label>
            <select id="iof-language" ref={select} {onchange}>
                { for offered.into_iter().map(|l| html! {
                    <option value={l.tag()} lang={l.tag()} selected={l == current}>
                        { l.own_name() }
                    </option>
                }) }
            </select>
        </div>
    }
}
