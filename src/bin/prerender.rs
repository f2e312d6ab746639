//! The start screen, rendered at build time by the real components with
//! Yew's server-side renderer, so the loader can paint it before the wasm
//! arrives (`scripts/post-build.mjs` turns this HTML into the node tree the
//! loader builds with `createElement`).
//!
//! Prints one JSON object: each language's tag, and its start screen as HTML.
//! The provider's name is left as the catalogs' own `{org}` placeholder (text
//! is filled once, so it stays), for the loader to fill with the `orgName`
//! option; the other options the start screen shows (language, colour scheme,
//! accent) the loader sets on it too.
//!
//! `cargo run --features prerender --bin prerender`

use std::rc::Rc;

use iop_op_fit::content::Locale;
use iop_op_fit::options::Options;
use iop_op_fit::{IopOpFit, IopOpFitProps};
use yew::LocalServerRenderer;

fn main() {
    let screens: serde_json::Map<String, serde_json::Value> = Locale::ALL
        .iter()
        .map(|&locale| {
            let options = Options {
                org_name: Some("{org}".into()),
                locale: Some(locale),
                ..Options::default()
            };
            let props = IopOpFitProps {
                options: Rc::new(options),
                storage_key: None,
                on_result: Default::default(),
                on_rendered: Default::default(),
            };
            let renderer = LocalServerRenderer::<IopOpFit>::with_props(props).hydratable(false);
            let html = futures::executor::block_on(renderer.render());
            (locale.tag().to_owned(), html.into())
        })
        .collect();
    println!("{}", serde_json::Value::Object(screens));
}
