//! The screens a visitor sees before the wasm arrives, rendered at build time
//! by the real components with Yew's server-side renderer, so the loader can
//! paint them at once (`scripts/post-build.mjs` turns this HTML into the node
//! tree the loader builds with `createElement`): the start screen, and the
//! first question, which a tap on Start opens.
//!
//! Prints one JSON object: `screens`, for each language's tag, `start` and
//! `question`, each as HTML; and `optionRules`, the limits and words of the
//! options the loader checks itself, from the options table
//! ([`iop_op_fit::options::loader_rules_json`]); `storagePrefix`, where the
//! widget keeps its answers ([`iop_op_fit::mount::STORAGE_PREFIX`]); and
//! `configurator`, every option's kind and values for the demo configurator
//! ([`iop_op_fit::options::configurator_json`]); and `languageFiles`, each
//! language but English as the file the loader fetches from `core/`
//! ([`iop_op_fit::content::compact`]). The provider's name is left as the catalogs' own `{org}`
//! placeholder (text is filled once, so it stays), for the loader to fill with
//! the `orgName` option; the other options these screens show (language,
//! colour scheme, accent) the loader sets on them too.
//!
//! `cargo run --features prerender --bin prerender`

use std::rc::Rc;

use iop_op_fit::browser::storage::Stored;
use iop_op_fit::content::{compact, Locale};
use iop_op_fit::engine::{flow, Responses};
use iop_op_fit::mount::STORAGE_PREFIX;
use iop_op_fit::options::{configurator_json, loader_rules_json, Options};
use iop_op_fit::{IopOpFit, IopOpFitProps};
use yew::LocalServerRenderer;

fn render(locale: Locale, resume: Option<Stored>) -> String {
    let options = Options {
        org_name: Some("{org}".into()),
        locale: Some(locale),
        ..Options::default()
    };
    let props = IopOpFitProps {
        options: Rc::new(options),
        storage_key: None,
        on_result: Default::default(),
        resume,
        on_rendered: Default::default(),
    };
    let renderer = LocalServerRenderer::<IopOpFit>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

fn main() {
    let first = flow::next_question(&Responses::new()).expect("the flow starts with a question");
    let screens: serde_json::Map<String, serde_json::Value> = Locale::ALL
        .iter()
        .map(|&locale| {
            let screens = serde_json::json!({
                "start": render(locale, None),
                "question": render(locale, Some(Stored { screen: first.id().into(), ..Stored::default() })),
            });
            (locale.tag().to_owned(), screens)
        })
        .collect();
    let language_files: serde_json::Map<String, serde_json::Value> = Locale::ALL[1..]
        .iter()
        .map(|&l| {
            let file = compact(l).expect("a native build has every language");
            (l.tag().to_owned(), file.into())
        })
        .collect();
    let option_rules: serde_json::Value =
        serde_json::from_str(&loader_rules_json()).expect("the options table writes JSON");
    let configurator: serde_json::Value =
        serde_json::from_str(&configurator_json()).expect("the options table writes JSON");
    println!(
        "{}",
        serde_json::json!({
            "screens": screens,
            "optionRules": option_rules,
            "storagePrefix": STORAGE_PREFIX,
            "configurator": configurator,
            "languageFiles": language_files,
        })
    );
}
