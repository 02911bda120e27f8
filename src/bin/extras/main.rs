//! The on-demand panels (see `doubling_sandbox::extras`): a wasm of its
//! own that the page loads on first use and that renders each panel into
//! the element the page gives it.
//!
//! Trunk builds it like the spreadsheet worker (`data-type="worker"`,
//! wasm-bindgen's no-modules output, which defines `wasm_bindgen`);
//! boot.js loads it in the page itself, not in a worker. Only this bin
//! references the briefing, comparison, solver, bases editor, QR code and
//! the saving and file controls,
//! so LTO keeps them out of the page's own wasm.
//!
//! One yew app holds a copy of the page's state in the page's own reducer
//! and renders every panel through a portal into its host. A change made
//! in a panel runs through that reducer; what it produced is reported to
//! the page as a message, and the page's next snapshot confirms it.

use std::cell::RefCell;
use std::rc::Rc;

use doubling_sandbox::chart::{render_svg, ChartData, ChartKind};
use doubling_sandbox::components::bases_editor::BasesEditor;
use doubling_sandbox::components::compare_panel::ComparePanel;
use doubling_sandbox::components::print_briefing::PrintBriefing;
use doubling_sandbox::components::ranges_panel::{use_outlooks, RangesPanel};
use doubling_sandbox::components::scenario_panel::ScenarioPanel;
use doubling_sandbox::components::solve_panel::SolvePanel;
use doubling_sandbox::components::workshop::WorkshopPanel;
use doubling_sandbox::extras::{outlooks_to_numbers, Kind, Message, Snapshot};
use doubling_sandbox::model::uncertainty::{Outlook, Sampler};
use doubling_sandbox::model::{judge_all, IndicatorKey, Lang, LinkState, Plan, Scenario};
use doubling_sandbox::state::{Action, AppState, Change};
use doubling_sandbox::{location, qr, web};
use js_sys::Function;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// One panel's place in the page.
#[derive(Clone, PartialEq)]
struct Host {
    id: u32,
    kind: Kind,
    target: web_sys::Element,
    /// Opened by a click: open it and focus it once rendered.
    open: bool,
}

/// What the page asks for.
enum Inbox {
    Mount(Host),
    Unmount(u32),
    Sync(String),
}

thread_local! {
    /// Messages that came before the app's first render.
    static QUEUE: RefCell<Vec<Inbox>> = const { RefCell::new(Vec::new()) };
    /// The app's way in, once rendered.
    static DELIVER: RefCell<Option<Callback<Inbox>>> = const { RefCell::new(None) };
    /// The page's function for messages.
    static SEND: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// The page's function for the draws' outlooks.
    static SEND_OUTLOOKS: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// Whether the app has been started.
    static STARTED: RefCell<bool> = const { RefCell::new(false) };
    /// The plan, once read.
    static PLAN: RefCell<Option<Rc<Plan>>> = const { RefCell::new(None) };
}

fn post(m: Inbox) {
    match DELIVER.with(|d| d.borrow().clone()) {
        Some(deliver) => deliver.emit(m),
        None => QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            // Before the first render only the newest state matters.
            if matches!(m, Inbox::Sync(_)) {
                q.retain(|old| !matches!(old, Inbox::Sync(_)));
            }
            q.push(m);
        }),
    }
}

fn send(text: &str) {
    if let Some(f) = SEND.with(|s| s.borrow().clone()) {
        if let Err(e) = f.call1(&JsValue::NULL, &JsValue::from_str(text)) {
            web_sys::console::error_1(&e);
        }
    }
}

/// The shipped plan, read once.
fn plan() -> Result<Rc<Plan>, JsValue> {
    if let Some(plan) = PLAN.with(|p| p.borrow().clone()) {
        return Ok(plan);
    }
    let plan = Rc::new(Plan::shipped().map_err(|e| JsValue::from_str(&e.to_string()))?);
    PLAN.with(|p| p.replace(Some(plan.clone())));
    Ok(plan)
}

/// Renders panel `kind` into `target`, showing `snapshot`; `send` takes the
/// panels' messages and `send_outlooks` the draws' outlooks while
/// uncertainty is on.
///
/// # Errors
///
/// A kind this wasm does not know, or a plan that does not parse.
#[wasm_bindgen]
pub fn extras_mount(
    id: u32,
    kind: &str,
    target: web_sys::Element,
    snapshot: String,
    send: Function,
    open: bool,
    send_outlooks: Function,
) -> Result<(), JsValue> {
    let kind = kind.parse::<Kind>().map_err(|()| JsValue::from_str(&format!("no panel called {kind}")))?;
    SEND.with(|s| s.replace(Some(send)));
    SEND_OUTLOOKS.with(|s| s.replace(Some(send_outlooks)));
    if !STARTED.with(|s| *s.borrow()) {
        let plan = plan()?;
        let root = gloo::utils::document().create_element("div")?;
        yew::Renderer::<Panels>::with_root_and_props(root, PanelsProps { plan }).render();
        STARTED.with(|s| s.replace(true));
    }
    post(Inbox::Sync(snapshot));
    post(Inbox::Mount(Host { id, kind, target, open }));
    Ok(())
}

/// Stops rendering into host `id`.
#[wasm_bindgen]
pub fn extras_unmount(id: u32) {
    post(Inbox::Unmount(id));
}

/// The page's state changed: [`Snapshot`] text.
#[wasm_bindgen]
pub fn extras_sync(snapshot: String) {
    post(Inbox::Sync(snapshot));
}

/// The SVG download of the page's large chart `kind` ("path", "units",
/// "floors", "gap") of `indicator`, drawn from `snapshot` (the page's
/// state, [`Snapshot`] text) at `width` × `height` CSS pixels: the same
/// drawing code as the canvas, with plotters' SVG backend, which only
/// downloads need.
///
/// # Errors
///
/// A kind or indicator this wasm does not know, a snapshot that does not
/// decode, or a drawing that fails.
#[wasm_bindgen]
pub fn extras_svg(snapshot: &str, kind: &str, indicator: &str, width: u32, height: u32) -> Result<String, JsValue> {
    let fail = |e: String| JsValue::from_str(&e);
    let kind = ChartKind::ALL
        .into_iter()
        .find(|k| k.as_str() == kind)
        .ok_or_else(|| fail(format!("no chart called {kind}")))?;
    let key = indicator.parse::<IndicatorKey>().map_err(|_| fail(format!("no indicator called {indicator}")))?;
    let plan = plan()?;
    let Snapshot { state, pinned } = Snapshot::decode(snapshot, &plan).map_err(fail)?;
    let data = ChartData::large(&plan, kind, key, &state.scenario, pinned.as_ref().map(|a| &a.scenario), state.lang);
    render_svg(&data, width, height).map_err(fail)
}

/// For the benchmark (`scripts/bench.mjs`), not the page: milliseconds
/// to make the 10,000 draws of all four indicators from a fresh sampler,
/// then to run them over `snapshot`'s scenario ([`Snapshot`] text), as
/// `[draws, outlooks]`.
///
/// # Errors
///
/// A snapshot that does not decode.
#[wasm_bindgen]
pub fn extras_time_draws(snapshot: &str) -> Result<Vec<f64>, JsValue> {
    let plan = plan()?;
    let Snapshot { state, .. } = Snapshot::decode(snapshot, &plan).map_err(|e| JsValue::from_str(&e))?;
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let t0 = now();
    let sampler = Sampler::new();
    for key in IndicatorKey::ALL {
        sampler.draws(&plan, key);
    }
    let t1 = now();
    let outlooks: Vec<Outlook> =
        IndicatorKey::ALL.iter().map(|k| Outlook::of(&plan, &state.scenario, *k, &sampler)).collect();
    let t2 = now();
    // Used, so that the work is not optimised away.
    if outlooks.len() != IndicatorKey::ALL.len() {
        return Err(JsValue::from_str("an outlook is missing"));
    }
    Ok(vec![t1 - t0, t2 - t1])
}

#[derive(Properties, PartialEq)]
struct PanelsProps {
    plan: Rc<Plan>,
}

/// What the page last said, to tell a panel's change from the page's own.
#[derive(Clone, PartialEq)]
struct Told {
    text: String,
    scenario: Scenario,
    view: (Lang, Option<IndicatorKey>),
    pinned: bool,
}

#[derive(Default, PartialEq)]
struct Hosts(Vec<Host>);

enum HostChange {
    Add(Host),
    Remove(u32),
}

impl Reducible for Hosts {
    type Action = HostChange;

    fn reduce(self: Rc<Self>, action: HostChange) -> Rc<Self> {
        let mut hosts = self.0.clone();
        match action {
            HostChange::Add(h) => hosts.push(h),
            HostChange::Remove(id) => hosts.retain(|h| h.id != id),
        }
        Rc::new(Hosts(hosts))
    }
}

#[component]
fn Panels(props: &PanelsProps) -> Html {
    let app = {
        let plan = props.plan.clone();
        use_reducer(move || AppState::new(plan))
    };
    let hosts = use_reducer(Hosts::default);
    let told = use_mut_ref(|| None::<Told>);
    {
        let (app, hosts, told, plan) = (app.dispatcher(), hosts.dispatcher(), told.clone(), props.plan.clone());
        use_effect_with((), move |()| {
            let deliver = Callback::from(move |m: Inbox| match m {
                Inbox::Mount(h) => hosts.dispatch(HostChange::Add(h)),
                Inbox::Unmount(id) => hosts.dispatch(HostChange::Remove(id)),
                Inbox::Sync(text) => {
                    if told.borrow().as_ref().is_some_and(|t| t.text == text) {
                        return;
                    }
                    match Snapshot::decode(&text, &plan) {
                        Ok(Snapshot { state, pinned }) => {
                            *told.borrow_mut() = Some(Told {
                                text,
                                scenario: state.scenario.clone(),
                                view: (state.lang, state.indicator),
                                pinned: pinned.is_some(),
                            });
                            app.dispatch(Action::Mirror { state: Box::new(state), pinned: pinned.map(Rc::new) });
                        }
                        Err(e) => web_sys::console::error_1(&JsValue::from_str(&e)),
                    }
                }
            });
            DELIVER.with(|d| d.replace(Some(deliver.clone())));
            for m in QUEUE.with(RefCell::take) {
                deliver.emit(m);
            }
        });
    }
    // A change made here goes to the page.
    {
        let (told, plan) = (told.clone(), props.plan.clone());
        let state = (*app).clone();
        use_effect_with((app.revision, app.pinned.is_some()), move |_| {
            let message = {
                let mut told = told.borrow_mut();
                // Nothing to say before the page's first snapshot is shown.
                let Some(t) = told.as_mut().filter(|_| state.change != Change::Opened) else { return };
                let view = (state.lang, Some(state.indicator));
                if state.change != Change::Restored && (*state.scenario != t.scenario || view != t.view) {
                    t.scenario = (*state.scenario).clone();
                    // The page's next snapshot is shown whatever it says,
                    // even the same text as before (if it did not take this).
                    t.text.clear();
                    let view_changed = view != t.view;
                    t.view = view;
                    Some(Message::Adopt {
                        state: Box::new(state.link()),
                        change: state.change,
                        edit: state.last_edit,
                        view: view_changed,
                    })
                } else if t.pinned && state.pinned.is_none() {
                    t.pinned = false;
                    Some(Message::Unpin)
                } else {
                    None
                }
            };
            if let Some(m) = message {
                send(&m.encode(&plan));
            }
        });
    }
    {
        // A panel opened by a click takes the focus once it is there.
        let opened = use_mut_ref(Vec::<u32>::new);
        use_effect_with(hosts.clone(), move |hosts| {
            for h in hosts.0.iter().filter(|h| h.open) {
                if opened.borrow().contains(&h.id) {
                    continue;
                }
                opened.borrow_mut().push(h.id);
                // In the next task: the panel's own first render comes
                // after this effect.
                let h = h.clone();
                gloo::timers::callback::Timeout::new(0, move || focus(&h)).forget();
            }
        });
    }
    let plan = props.plan.clone();
    let verdicts = {
        let plan = plan.clone();
        use_memo(app.scenario.clone(), move |scenario| judge_all(&plan, scenario))
    };
    let code = {
        let plan = plan.clone();
        use_memo((app.scenario.clone(), app.lang, app.indicator), move |(scenario, lang, indicator)| {
            LinkState { scenario: (**scenario).clone(), lang: *lang, indicator: Some(*indicator) }.encode(&plan)
        })
    };
    let link = use_memo((app.scenario.clone(), app.lang, app.indicator), |_| app.link());
    // The draws, made once, run on every state the page shows while
    // uncertainty is on; the page shows what they say.
    let sampler = use_memo((), |()| Sampler::new());
    let drawn = use_drawn_state(&app);
    let outlooks = use_outlooks(&app.plan, &drawn.0, &sampler);
    {
        let plan = props.plan.clone();
        use_effect_with((outlooks.clone(), drawn.clone()), move |(outlooks, (scenario, lang, indicator))| {
            let Some(o) = outlooks else { return };
            let code =
                LinkState { scenario: (**scenario).clone(), lang: *lang, indicator: Some(*indicator) }.encode(&plan);
            let list: Vec<Outlook> = o.iter().map(|o| (**o).clone()).collect();
            let numbers = js_sys::Float64Array::from(&outlooks_to_numbers(&code, &list)[..]);
            if let Some(f) = SEND_OUTLOOKS.with(|s| s.borrow().clone()) {
                if let Err(e) = f.call1(&JsValue::NULL, &numbers) {
                    web_sys::console::error_1(&e);
                }
            }
        });
    }
    let (lang, key, dispatch) = (app.lang, app.indicator, app.dispatcher());
    let name: AttrValue = app.scenario.name.clone().into();
    let leave = {
        let plan = props.plan.clone();
        use_callback((), move |(state, compare): (Option<LinkState>, bool), ()| {
            send(&Message::Leave { state: state.map(Box::new), compare }.encode(&plan));
        })
    };
    let panel = |kind: Kind, open: bool| -> Html {
        match kind {
            Kind::Briefing => html! {
                <PrintBriefing printing={open} plan={app.plan.clone()} name={name.clone()} code={code.clone()} verdicts={verdicts.clone()}
                    scenario={app.scenario.clone()} indicator={key} lang={lang} outlooks={outlooks.clone()} />
            },
            Kind::Compare => match app.pinned.clone() {
                Some(a) => html! {
                    <ComparePanel plan={app.plan.clone()} a={a} b={app.scenario.clone()} verdicts={verdicts.clone()} lang={lang} dispatch={dispatch.clone()} />
                },
                None => html! {},
            },
            Kind::Solve => html! {
                <SolvePanel {open} plan={app.plan.clone()} indicator={key} scenario={app.scenario.clone()} lang={lang} dispatch={dispatch.clone()} sampler={Some(sampler.clone())} />
            },
            Kind::Bases => html! {
                <BasesEditor {open} plan={app.plan.clone()} indicator={key} scenario={app.scenario.clone()} lang={lang} dispatch={dispatch.clone()} />
            },
            Kind::Ranges => html! {
                <RangesPanel plan={app.plan.clone()} indicator={key} scenario={app.scenario.clone()} outlook={outlooks.as_ref().map(|o| o[key.index()].clone())} sampler={sampler.clone()} lang={lang} dispatch={dispatch.clone()} />
            },
            Kind::Chances => html! {},
            Kind::Workshop | Kind::Room => html! {
                <WorkshopPanel plan={app.plan.clone()} current={link.clone()} lang={lang} presenting={kind == Kind::Room} leave={leave.clone()} />
            },
            Kind::Scenarios => html! {
                <ScenarioPanel plan={app.plan.clone()} current={link.clone()} code={code.clone()} lang={lang} dispatch={dispatch.clone()} />
            },
            Kind::Qr => {
                let fragment = format!("#s={code}");
                let url = location::url_with(&fragment).unwrap_or(fragment);
                match qr::svg(&url, lang.x().qr_alt) {
                    Some(svg) => Html::from_html_unchecked(AttrValue::from(svg)),
                    None => html! { <p class="field-error">{lang.x().qr_too_long}</p> },
                }
            }
        }
    };
    html! {
        // Keyed by host: yew pairs unkeyed siblings from the end, and a
        // portal paired with another host's would move between them.
        { for hosts.0.iter().map(|h| {
            let portal = create_portal(panel(h.kind, h.open), h.target.clone());
            Html::from(yew::virtual_dom::VList::with_children(vec![portal], Some(h.id.into())))
        }) }
    }
}

/// How soon after a draw has started another waits, ms: a drag's states
/// come every frame, and drawing each would take a slow phone's frames.
const DRAW_EVERY_MS: f64 = 50.0;

/// How long a state that came too soon waits to be drawn, ms, if no newer
/// one comes.
const DRAW_LATER_MS: u32 = 60;

/// The state the draws run on: the panels' state at once, unless a draw
/// started less than [`DRAW_EVERY_MS`] ago; then the newest state
/// [`DRAW_LATER_MS`] after it came. A single step is drawn at once, a drag
/// when it pauses.
#[hook]
fn use_drawn_state(app: &AppState) -> (Rc<Scenario>, Lang, IndicatorKey) {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let current = (app.scenario.clone(), app.lang, app.indicator);
    let drawn = use_state(|| current.clone());
    let last = use_mut_ref(|| f64::NEG_INFINITY);
    let later = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let drawn = drawn.clone();
        use_effect_with(current, move |current| {
            later.borrow_mut().take();
            if *drawn == *current {
                return;
            }
            if now() - *last.borrow() >= DRAW_EVERY_MS {
                *last.borrow_mut() = now();
                drawn.set(current.clone());
            } else {
                let current = current.clone();
                *later.borrow_mut() = Some(gloo::timers::callback::Timeout::new(DRAW_LATER_MS, move || {
                    *last.borrow_mut() = now();
                    drawn.set(current);
                }));
            }
        });
    }
    (*drawn).clone()
}

/// Moves the focus to a panel opened by a click or a key on its
/// placeholder, which is gone.
fn focus(h: &Host) {
    let selector = match h.kind {
        Kind::Solve => "button[aria-expanded]",
        Kind::Bases => "summary",
        Kind::Workshop | Kind::Room => "h2",
        Kind::Briefing | Kind::Compare | Kind::Qr | Kind::Scenarios | Kind::Ranges | Kind::Chances => return,
    };
    if let Some(el) =
        h.target.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        web::focus_if_free(&el, &h.target);
    }
}

fn main() {
    web::install_panic_hook();
}
