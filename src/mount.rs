//! `IopOpFit.mount(element, options)` on the wasm side: the widget in the
//! element's open shadow root (which the loader has styled, and may have
//! painted its early screens in), options read with warnings, and
//! a handle to reset or unmount. The script-tag loader (`loader/mount.js`) calls this.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use crate::browser::console::warn;
use crate::browser::{languages, storage};
use crate::content;
use crate::engine::Assessment;
use crate::options::Options;
use crate::ui::{IopOpFit, IopOpFitProps};

/// A mounted widget, returned to JavaScript.
#[wasm_bindgen]
pub struct Handle {
    app: Option<AppHandle<IopOpFit>>,
    /// The `<div>` the widget renders in, inside `shadow`.
    root: Element,
    shadow: ShadowRoot,
    props: IopOpFitProps,
}

/// Reads a JavaScript options object: the options, and one warning per
/// problem (values that are not text, numbers or true/false included).
fn read_options(options: &JsValue) -> (Options, Vec<String>) {
    let mut warnings = Vec::new();
    let mut pairs = Vec::new();
    if options.is_object() {
        for entry in js_sys::Object::entries(options.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let Some(name) = entry.get(0).as_string() else {
                continue;
            };
            let value = entry.get(1);
            let text = value
                .as_string()
                .or_else(|| value.as_bool().map(|b| b.to_string()))
                // JavaScript writes the number: Rust's float formatting would cost about 20 KB.
                .or_else(|| {
                    let number = value.dyn_ref::<js_sys::Number>()?;
                    number.to_string_with_radix(10).ok().map(String::from)
                });
            match text {
                Some(text) => pairs.push((name, text)),
                None => warnings.push(format!(
                    "option `{name}` must be text, a number or true/false; it was ignored."
                )),
            }
        }
    } else if !options.is_undefined() && !options.is_null() {
        warnings.push(
            "options must be an object like { orgName: \"…\", phone: \"…\" }; using the defaults."
                .into(),
        );
    }
    let (options, more) = Options::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    warnings.extend(more);
    (options, warnings)
}

/// `IopOpFit.check(options)`: the warnings `mount` would give for these
/// options, each naming the option and what is allowed, for the
/// configurator, so no page writes the rules again.
#[wasm_bindgen]
pub fn check(options: JsValue) -> Vec<String> {
    read_options(&options).1
}

/// `IopOpFit`'s loader gives the function that fetches a language file
/// from `core/` (`(tag, done)`, calling `done` with its text or null), once, so a visitor can switch to a
/// language the wasm does not carry.
#[wasm_bindgen]
pub fn languages(fetch: js_sys::Function) {
    languages::set_source(fetch);
}

/// Adds a language file the loader fetched before mounting, so a widget
/// opens in that language; a refused file is an error naming why.
#[wasm_bindgen]
pub fn add_language(file: &str) -> Result<(), JsValue> {
    content::add(file).map(drop).map_err(JsValue::from)
}

/// `iop-op-fit:result`, only when the site owner turns `emitEvents` on: the
/// level, `detoxFirst`, and whether this provider offers the level; never answers.
fn result_event(host: Element, options: Rc<Options>) -> Callback<Assessment> {
    Callback::from(move |a: Assessment| {
        let detail = js_sys::Object::new();
        let offered_here = options.offer(&a).is_some_and(|o| o.level_here);
        let _ = js_sys::Reflect::set(&detail, &"level".into(), &a.level.id().into());
        let _ = js_sys::Reflect::set(&detail, &"detoxFirst".into(), &a.detox_first.into());
        let _ = js_sys::Reflect::set(&detail, &"offeredHere".into(), &offered_here.into());
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict("iop-op-fit:result", &init) {
            let _ = host.dispatch_event(&event);
        }
    })
}

/// Renders a widget in a new `<div>`, put at the end of `shadow` (which the
/// loader has styled, and may have painted its early screens in) only once
/// the first render and its effects are done: Yew may yield to the browser
/// between the two, and until then the page holds one widget, not two. Given
/// `on_rendered` (by the loader), it is handed the `<div>` instead: the loader
/// puts it in and removes what stood in, in a task of its own, so the hidden
/// render and the swap are not one long task while a painted screen waits.
fn render(
    shadow: &ShadowRoot,
    props: &IopOpFitProps,
    on_rendered: Option<js_sys::Function>,
) -> Result<(Element, AppHandle<IopOpFit>), JsValue> {
    let root = gloo_utils::document().create_element("div")?;
    let (shadow, shown) = (shadow.clone(), root.clone());
    let props = IopOpFitProps {
        on_rendered: Callback::from(move |()| {
            let _ = match &on_rendered {
                Some(f) => f.call1(&JsValue::NULL, &shown),
                None => shadow.append_child(&shown).map(JsValue::from),
            };
        }),
        ..props.clone()
    };
    // Into a root not yet in the page: the first render may yield between
    // components (vendor/PATCHED.md), so it is not one long task.
    yew::scheduler::offstage();
    let app = yew::Renderer::<IopOpFit>::with_root_and_props(root.clone(), props).render();
    Ok((root, app))
}

/// Where in the tab's sessionStorage a widget keeps its answers: this, then
/// its storage name. The loader is given it at build time
/// (`src/bin/prerender.rs`) to tell whether a widget resumes.
pub const STORAGE_PREFIX: &str = "iop-op-fit:";

/// What names this widget's stored answers, so a widget mounted again
/// resumes and two widgets never swap answers, whatever order they mount in:
/// the `storageKey` option, else the mount point's id, else its place in the
/// page (each element's position among its parent's children, from `<html>`).
/// The loader computes the same name (`loader/early.js`, `storageName`);
/// `tests/e2e/storage.test.mjs` checks the two against each other.
fn storage_name(host: &Element, options: &Options) -> String {
    if let Some(key) = &options.storage_key {
        return key.clone();
    }
    if !host.id().is_empty() {
        return ["#", &host.id()].concat();
    }
    let mut path = Vec::new();
    let mut node = Some(host.clone());
    while let Some(el) = node {
        let parent = el.parent_element();
        let mut index = 0;
        let mut sibling = el.previous_element_sibling();
        while let Some(s) = sibling {
            index += 1;
            sibling = s.previous_element_sibling();
        }
        path.push(index.to_string());
        node = parent;
    }
    path.reverse();
    path.join("/")
}

/// Mounts a widget into `host` with `options` (the same names as the
/// `data-*` attributes, camelCase). `early` is what the visitor did on the
/// screens the loader painted (in the stored form: the screen, an answer
/// chosen there and whether Continue was tapped; `storage::Stored`), and
/// `on_rendered`, if given, is handed the rendered widget to put in the page
/// (see `render`).
#[wasm_bindgen]
pub fn mount(
    host: Element,
    options: JsValue,
    early: Option<String>,
    on_rendered: Option<js_sys::Function>,
) -> Result<Handle, JsValue> {
    let (options, warnings) = read_options(&options);
    for w in &warnings {
        warn(w);
    }
    let storage_key = [STORAGE_PREFIX, &storage_name(&host, &options)].concat();
    let options = Rc::new(options);
    let on_result = if options.emit_events {
        result_event(host.clone(), options.clone())
    } else {
        Callback::noop()
    };
    let props = IopOpFitProps {
        options,
        storage_key: Some(storage_key.into()),
        on_result,
        resume: None,
        on_rendered: Callback::noop(),
    };
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let first = IopOpFitProps {
        resume: early.as_deref().and_then(|text| {
            storage::read(text, "the answers given while the widget loaded", true)
        }),
        ..props.clone()
    };
    let (root, app) = render(&shadow, &first, on_rendered)?;
    Ok(Handle {
        app: Some(app),
        root,
        shadow,
        props,
    })
}

#[wasm_bindgen]
impl Handle {
    /// Removes the widget: its nodes, listeners and effects (the loader
    /// removes its styles). Stored answers stay for this tab.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }

    /// Clears the answers (memory and storage) and shows the start screen.
    pub fn reset(&mut self) -> Result<(), JsValue> {
        if let Some(key) = &self.props.storage_key {
            storage::erase(key);
        }
        self.unmount();
        let (root, app) = render(&self.shadow, &self.props, None)?;
        self.root = root;
        self.app = Some(app);
        Ok(())
    }
}
