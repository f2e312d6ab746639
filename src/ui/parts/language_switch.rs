//! A visible language switch, named in each language's own words.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::content::{catalog, Locale};
use crate::ui::text::use_text;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub on_change: Callback<Locale>,
}

#[function_component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let t = use_text();
    let current = t.locale();
    let onchange = props.on_change.reform(|e: Event| {
        let tag = e.target_unchecked_into::<HtmlSelectElement>().value();
        Locale::from_tag(&tag).unwrap_or(Locale::En)
    });
    html! {
        <div class="iof-language">
            <label for="iof-language">{ t.get("lang.label") }</label>
            <select id="iof-language" {onchange}>
                { for Locale::ALL.iter().map(|&l| html! {
                    <option value={l.tag()} lang={l.tag()} selected={l == current}>
                        { catalog(l).get("meta.name") }
                    </option>
                }) }
            </select>
        </div>
    }
}
