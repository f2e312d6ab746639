//! The component inside another Yew app, as the README shows.
//! `cargo build --target wasm32-unknown-unknown --example yew_app` checks it compiles;
//! serve it with your own page (it renders into `<body>`).

use std::rc::Rc;

use iop_op_fit::engine::Assessment;
use iop_op_fit::options::Options;
use iop_op_fit::ui::STYLES;
use iop_op_fit::IopOpFit;
use yew::prelude::*;

#[function_component]
fn Page() -> Html {
    let options = Rc::new(Options {
        org_name: Some("Example Recovery".into()),
        ..Options::default()
    });
    // Called when a result is reached; the answers stay in the component.
    let on_result = Callback::from(|a: Assessment| web_sys::console::log_1(&a.level.id().into()));
    html! {
        <>
            <style>{ STYLES }</style>
            <IopOpFit {options} {on_result} storage_key={Some(AttrValue::from("my-app"))} />
        </>
    }
}

fn main() {
    yew::Renderer::<Page>::new().render();
}
