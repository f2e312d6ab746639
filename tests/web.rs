//! Components and mounting in a real browser (wasm-bindgen-test, headless
//! Chromium). The end-to-end suite in tests/e2e covers whole visits.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use iop_op_fit::content::{catalog, Locale};
use iop_op_fit::mount::mount;
use iop_op_fit::options::Options;
use iop_op_fit::ui::STYLES;
use iop_op_fit::{IopOpFit, IopOpFitProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew render: waits one macrotask.
async fn tick() {
    gloo_timers::future::TimeoutFuture::new(10).await;
}

fn host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

/// A mount point with its shadow root styled, as the loader leaves it before it calls `mount`.
fn mount_point() -> Element {
    let el = host();
    let root = el
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let sheet = web_sys::CssStyleSheet::new().unwrap();
    sheet.replace_sync(STYLES).unwrap();
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    el
}

fn shadow(el: &Element) -> ShadowRoot {
    el.shadow_root()
        .expect("the widget renders into an open shadow root")
}

fn find(root: &ShadowRoot, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn click(root: &ShadowRoot, selector: &str) {
    find(root, selector)
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

fn options(pairs: &[(&str, &str)]) -> wasm_bindgen::JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

/// A widget without storage, mounted and rendered, with its handle and shadow root.
async fn mounted() -> (iop_op_fit::mount::Handle, ShadowRoot) {
    let el = mount_point();
    let handle = mount(el.clone(), options(&[("storage", "false")]), None, None).unwrap();
    tick().await;
    (handle, shadow(&el))
}

/// Ticks each option, then presses Continue.
async fn answer(root: &ShadowRoot, values: &[&str]) {
    for v in values {
        click(root, &format!("input[value={v}]"));
        tick().await;
    }
    click(root, "button[type=submit]");
    tick().await;
}

#[wasm_bindgen_test]
async fn mounts_into_its_styled_shadow_root_with_the_start_screen() {
    let el = mount_point();
    let _handle = mount(
        el.clone(),
        options(&[("orgName", "Test <b>Clinic</b>"), ("storage", "false")]),
        None,
        None,
    )
    .unwrap();
    tick().await;
    let root = shadow(&el);
    // The styles apply inside the shadow root: the start button is a large target.
    let button = find(&root, "button.iof-primary").unwrap();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&button)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("min-height").unwrap(), "48px");
    assert!(find(&root, "[data-screen=start]").is_some());
    // Configuration text is shown as text, never as HTML.
    let privacy = find(&root, ".iof-privacy").unwrap();
    assert!(privacy
        .text_content()
        .unwrap()
        .contains("Test <b>Clinic</b>"));
    assert!(find(&root, ".iof-privacy b").is_none());
    // Nothing leaks into the host page's own DOM.
    assert_eq!(el.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn the_theme_colour_reaches_the_buttons() {
    let el = mount_point();
    let _handle = mount(
        el.clone(),
        options(&[("storage", "false"), ("themeColor", "#6b2c91")]),
        None,
        None,
    )
    .unwrap();
    tick().await;
    let button = find(&shadow(&el), "button.iof-primary").unwrap();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&button)
        .unwrap()
        .unwrap();
    assert_eq!(
        style.get_property_value("background-color").unwrap(),
        "rgb(107, 44, 145)"
    );
}

#[wasm_bindgen_test]
async fn answering_moves_on_and_focus_follows_the_heading() {
    let (_handle, root) = mounted().await;
    click(&root, "button.iof-primary");
    tick().await;
    assert!(find(&root, "fieldset[data-question=respondent]").is_some());
    let heading = find(&root, "form[data-screen=question] > h2").unwrap();
    assert_eq!(
        root.active_element(),
        Some(heading),
        "focus moves to the new question's heading"
    );

    // Submitting nothing shows an error and stays.
    click(&root, "button[type=submit]");
    tick().await;
    assert!(find(&root, ".iof-error-summary[role=alert]").is_some());
    assert!(find(&root, "fieldset[data-question=respondent]").is_some());

    click(&root, "input[value=self]");
    tick().await;
    assert!(find(&root, "input[value=self]")
        .unwrap()
        .unchecked_into::<HtmlInputElement>()
        .checked());
    click(&root, "button[type=submit]");
    tick().await;
    assert!(find(&root, "fieldset[data-question=danger]").is_some());
    assert_eq!(
        find(&root, ".iof-progress-text").unwrap().text_content(),
        Some(catalog(Locale::En).fill("progress", &[("n", "2"), ("total", "17")]))
    );
}

#[wasm_bindgen_test]
async fn a_danger_shows_the_emergency_screen_at_once() {
    let (_handle, root) = mounted().await;
    click(&root, "button.iof-primary");
    tick().await;
    answer(&root, &["someone_else"]).await;
    answer(&root, &["suicide"]).await;
    let screen = find(&root, "[data-screen=emergency]").expect("emergency screen");
    assert_eq!(
        screen.get_attribute("data-level").as_deref(),
        Some("emergency")
    );
    // Thoughts of suicide alone lead with 988: its big button comes first, 911 next.
    assert_eq!(
        screen.get_attribute("data-crisis-first").as_deref(),
        Some("988")
    );
    let big: Vec<String> = (0..2)
        .map(|i| {
            root.query_selector_all("a.iof-big")
                .unwrap()
                .item(i)
                .expect("two big call buttons")
                .unchecked_into::<Element>()
                .get_attribute("href")
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(big, ["tel:988", "tel:911"]);
}

#[wasm_bindgen_test]
async fn none_is_exclusive_in_the_checkboxes() {
    let (_handle, root) = mounted().await;
    click(&root, "button.iof-primary");
    tick().await;
    answer(&root, &["self"]).await;
    click(&root, "input[value=none]");
    tick().await;
    click(&root, "input[value=overdose]");
    tick().await;
    let checked = |v: &str| {
        find(&root, &format!("input[value={v}]"))
            .unwrap()
            .unchecked_into::<HtmlInputElement>()
            .checked()
    };
    assert!(checked("overdose") && !checked("none"));
}

#[wasm_bindgen_test]
async fn unmount_leaves_nothing_and_reset_starts_again() {
    let (mut handle, root) = mounted().await;
    click(&root, "button.iof-primary");
    tick().await;
    assert!(find(&root, "[data-screen=question]").is_some());
    handle.reset().unwrap();
    tick().await;
    assert!(find(&root, "[data-screen=start]").is_some());
    handle.unmount();
    tick().await;
    assert_eq!(root.child_nodes().length(), 0);
    // Mounting again into the same element works (its shadow root is reused).
    let el = root.host();
    let _again = mount(el, options(&[("storage", "false")]), None, None).unwrap();
    tick().await;
    assert!(find(&root, "[data-screen=start]").is_some());
}

#[wasm_bindgen_test]
async fn corrupted_stored_answers_are_dropped_and_valid_ones_kept() {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage
        .set_item("iop-op-fit:#corrupt", r#"{"v":1,"screen":"age","answers":{"respondent":"self","danger":["none"],"age":"old"}}"#)
        .unwrap();
    let el = mount_point();
    el.set_id("corrupt");
    let _handle = mount(el.clone(), options(&[]), None, None).unwrap();
    tick().await;
    let root = shadow(&el);
    // The two valid answers survive; the invalid one is asked again.
    assert!(find(&root, "fieldset[data-question=age]").is_some());
    storage
        .set_item("iop-op-fit:#corrupt", "not json at all")
        .unwrap();
    let el2 = mount_point();
    el2.set_id("corrupt");
    let _h2 = mount(el2.clone(), options(&[]), None, None).unwrap();
    tick().await;
    assert!(find(&shadow(&el2), "[data-screen=start]").is_some());
}

#[wasm_bindgen_test]
async fn the_component_renders_in_a_plain_yew_app() {
    let el = host();
    let props = IopOpFitProps {
        options: Rc::new(Options {
            org_name: Some("Rust Clinic".into()),
            ..Options::default()
        }),
        storage_key: None,
        on_result: Default::default(),
        resume: None,
        on_rendered: Default::default(),
    };
    yew::Renderer::<IopOpFit>::with_root_and_props(el.clone(), props).render();
    tick().await;
    assert!(el.query_selector("[data-screen=start]").unwrap().is_some());
    assert!(el.text_content().unwrap().contains("Rust Clinic"));
}

mod support;

/// Reads the text of the file the summary button offers: the download link's
/// `blob:` address is read synchronously as the link is clicked, before it is revoked.
fn catch_downloads() {
    js_sys::Function::new_no_args(
        "HTMLAnchorElement.prototype.click = function () {
            const x = new XMLHttpRequest(); x.open('GET', this.href, false); x.send();
            window.__iofSummary = new DOMParser().parseFromString(x.responseText, 'text/html').body.textContent;
        };",
    )
    .call0(&wasm_bindgen::JsValue::UNDEFINED)
    .unwrap();
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The result screen of `case` with these options, and the summary it offers, as text.
async fn screen_and_summary(case: &str, pairs: &[(&str, &str)]) -> (Vec<String>, String) {
    let reference = support::REFERENCE
        .iter()
        .find(|r| r.case.starts_with(&format!("{case} ")))
        .unwrap();
    let id = format!("parity-{case}");
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .set_item(
            &format!("iop-op-fit:#{id}"),
            &format!(
                r#"{{"v":1,"screen":"result","answers":{}}}"#,
                reference.responses().to_json()
            ),
        )
        .unwrap();
    let el = mount_point();
    el.set_id(&id);
    let _handle = mount(el.clone(), options(pairs), None, None).unwrap();
    let root = shadow(&el);
    // The other tests' widgets render at the same time: wait up to 5 s.
    for _ in 0..500 {
        if find(&root, "[data-screen=result]").is_some() {
            break;
        }
        tick().await;
    }
    assert!(
        find(&root, "[data-screen=result]").is_some(),
        "{case}: no result: {}",
        root.inner_html()
    );
    // Every piece of words the screen shows: headings, paragraphs, links and
    // list items that hold only text (not the controls: buttons, the
    // "show all reasons" toggle, the chart's step labels).
    let shown = root
        .query_selector_all("[data-screen=result] :is(h2, h3, p, a, li:not(:has(*)))")
        .unwrap();
    let items: Vec<String> = (0..shown.length())
        .map(|i| words(&shown.item(i).unwrap().text_content().unwrap_or_default()))
        .filter(|s| !s.is_empty())
        .collect();
    assert!(items.len() > 20, "{case}: only {} items", items.len());
    catch_downloads();
    click(&root, ".iof-actions button");
    let summary = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__iofSummary".into())
        .unwrap()
        .as_string()
        .expect("the summary was offered");
    (items, words(&summary))
}

/// Issue 20: the summary shows every item the result screen shows, whatever
/// the result and the options (a level not offered, Massachusetts lines, a
/// provider's program and hostile text in its name).
#[wasm_bindgen_test]
async fn the_summary_shows_everything_the_result_screen_shows() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "R1",
            &[
                ("orgName", r#"Harbor <b>&</b> "Co""#),
                ("phone", "+1-555-010-0100"),
                ("contactUrl", "/contact"),
            ],
        ),
        (
            "R4",
            &[
                ("levels", "iop,op"),
                ("detox", "false"),
                ("medication", "naltrexone"),
            ],
        ),
        (
            "R7",
            &[
                ("crisisRegion", "massachusetts"),
                ("residentialName", "Harbor House"),
                ("residentialTherapies", "CBT, family groups"),
            ],
        ),
        (
            "R12",
            &[("levels", "op"), ("crisisRegion", "massachusetts")],
        ),
        ("R19", &[("iopHours", "9-12"), ("iopSchedule", "evening")]),
    ];
    for (case, pairs) in cases {
        let (items, summary) = screen_and_summary(case, pairs).await;
        for item in &items {
            assert!(
                summary.contains(item.as_str()),
                "{case}: the summary lacks \"{item}\" that the screen shows\nsummary: {summary}"
            );
        }
    }
}

/// Ten parts of 5 ms each: a first render of 50 ms.
mod slow {
    use std::cell::Cell;
    use yew::prelude::*;

    thread_local! {
        pub static RENDERED: Cell<u32> = const { Cell::new(0) };
    }

    #[function_component]
    fn Part() -> Html {
        let until = js_sys::Date::now() + 5.0;
        while js_sys::Date::now() < until {}
        RENDERED.with(|n| n.set(n.get() + 1));
        html! { <p>{ "part" }</p> }
    }

    #[function_component]
    pub fn Parts() -> Html {
        html! { <div>{ for (0..10).map(|_| html! { <Part /> }) }</div> }
    }
}

/// How many parts will have rendered when a task queued now runs.
fn parts_rendered_at_a_task_queued_now() -> Rc<std::cell::Cell<Option<u32>>> {
    let seen = Rc::new(std::cell::Cell::new(None));
    let cb = {
        let seen = seen.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || {
            seen.set(Some(slow::RENDERED.with(|n| n.get())))
        })
    };
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0)
        .unwrap();
    seen
}

/// How many parts had rendered when the task that started the render ended
/// (when a task queued just before it ran), and when a task queued just
/// after it ran: the page's next task waits for
/// the whole render, unless it renders offstage.
async fn parts_rendered_before_the_next_task(offstage: bool) -> (u32, u32) {
    tick().await; // Yew's work from before (a destroy) is done: its scheduler is idle
    slow::RENDERED.with(|n| n.set(0));
    let root = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    // A task queued just before the render runs once the task that started
    // the render has ended; one queued just after, once the render lets it.
    let in_its_task = parts_rendered_at_a_task_queued_now();
    if offstage {
        yew::scheduler::offstage();
    }
    let app = yew::Renderer::<slow::Parts>::with_root(root).render();
    let seen = parts_rendered_at_a_task_queued_now();
    while slow::RENDERED.with(|n| n.get()) < 10 || seen.get().is_none() {
        tick().await;
    }
    app.destroy();
    (in_its_task.get().unwrap(), seen.get().unwrap())
}

/// The vendored Yew's `offstage` (vendor/PATCHED.md): a first render into a
/// root not in the page starts in a task of its own and lets the page's
/// tasks run between its components; anywhere else Yew renders the whole
/// tree at once, in the task that asked, as upstream does.
#[wasm_bindgen_test]
async fn an_offstage_first_render_lets_the_page_run_between_parts() {
    assert_eq!(parts_rendered_before_the_next_task(false).await, (10, 10));
    let (in_its_task, offstage) = parts_rendered_before_the_next_task(true).await;
    assert_eq!(in_its_task, 0, "the render began in the task that asked");
    assert!(
        offstage < 10,
        "all {offstage} parts rendered before the page's next task"
    );
}

/// Destroys a `slow::Parts` app in the page's first task after the one that
/// rendered it, and says whether its nodes were gone when `destroy` returned.
/// By then Yew's scheduler has run once, for longer than its 16 ms slice,
/// and waits for its next run: visible, the whole tree is drawn and the
/// effects wait; offstage, some parts are drawn and the rest wait.
async fn emptied_when_destroy_returns(offstage: bool) -> bool {
    tick().await; // Yew's work from before is done: its scheduler is idle
    let root = host();
    if offstage {
        yew::scheduler::offstage();
    }
    let app = yew::Renderer::<slow::Parts>::with_root(root.clone()).render();
    let seen = Rc::new(std::cell::Cell::new(None));
    let cb = {
        let (root, seen) = (root.clone(), seen.clone());
        wasm_bindgen::closure::Closure::once_into_js(move || {
            let drawn = root.child_element_count() > 0;
            app.destroy();
            seen.set(Some((drawn, root.child_element_count() == 0)));
        })
    };
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0)
        .unwrap();
    let (drawn, emptied) = loop {
        match seen.get() {
            Some(found) => break found,
            None => tick().await,
        }
    };
    root.remove();
    assert!(drawn, "the app had drawn something before it was destroyed");
    emptied
}

/// The vendored Yew runs an app's destruction when `destroy` is called
/// (vendor/PATCHED.md), not at its scheduler's next run: a widget unmounted
/// while Yew waits between two runs would stay alive, nodes and listeners,
/// until then (a task later; never, in a page whose clock is stopped).
#[wasm_bindgen_test]
async fn a_destroyed_app_is_gone_when_destroy_returns() {
    assert!(
        emptied_when_destroy_returns(false).await,
        "visible: the nodes were still there"
    );
    assert!(
        emptied_when_destroy_returns(true).await,
        "offstage: the nodes were still there"
    );
}
