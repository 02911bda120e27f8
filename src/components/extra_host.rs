//! A place in the page for an on-demand panel (see `extras`): it loads the
//! extras wasm on first use, hands it an element to render the panel into,
//! keeps it told of the page's state and dispatches what it reports.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::chart::ChartKind;
use crate::extras::{Kind, Message};
use crate::i18n::Lang;
use crate::model::uncertainty::Outlook;
use crate::model::IndicatorKey;
use crate::state::{Action, AppState, PlanRef};

thread_local! {
    /// The extras wasm's exports, once loaded.
    static EXPORTS: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// Where the panels' messages go: the page's reducer and plan.
    static PAGE: RefCell<Option<(UseReducerDispatcher<AppState>, PlanRef)>> = const { RefCell::new(None) };
    /// The one function the panels call with a message (never dropped).
    static SEND: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// The page's state as the panels are to show it.
    static SNAPSHOT: RefCell<Rc<String>> = RefCell::new(Rc::default());
    /// Where the draws' outlooks go, and the function the panels call with
    /// them (never dropped).
    static OUTLOOKS: RefCell<Option<Callback<Option<Drawn>>>> = const { RefCell::new(None) };
    static SEND_OUTLOOKS: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// Numbers the hosts, so that a panel is never rendered into a host
    /// that has gone.
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Loads the extras wasm once (boot.js's `doublingExtras` fetches it and
/// retries after a failure) and gives its exports.
async fn exports() -> Result<JsValue, String> {
    if let Some(e) = EXPORTS.with(|e| e.borrow().clone()) {
        return Ok(e);
    }
    let hook = Reflect::get(&js_sys::global(), &JsValue::from_str("doublingExtras"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or("no extras loader")?;
    let promise = hook.call0(&JsValue::NULL).map_err(describe)?;
    let loaded = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await.map_err(describe)?;
    EXPORTS.with(|e| e.replace(Some(loaded.clone())));
    Ok(loaded)
}

fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))
}

/// Calls one of the extras wasm's exports, if it is loaded, and gives
/// what it returned.
fn call_for(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let Some(exports) = EXPORTS.with(|e| e.borrow().clone()) else { return Err("not loaded".into()) };
    let f = Reflect::get(&exports, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("the panels have no {name}"))?;
    f.apply(&JsValue::NULL, &args.iter().collect::<Array>()).map_err(describe)
}

/// Calls one of the extras wasm's exports, if it is loaded.
fn call(name: &str, args: &[JsValue]) -> Result<(), String> {
    call_for(name, args).map(drop)
}

/// The SVG file of the large chart `kind` of `indicator` as the page's
/// state now is, `width` × `height` CSS pixels: plotters' SVG backend is
/// needed only for downloads, so the extras wasm (loaded now if it is not
/// yet) draws it. Called after the click's own render, so the state is
/// the one on screen.
///
/// # Errors
///
/// The extras could not be loaded (the message says so in `lang`), or the
/// drawing failed.
pub async fn chart_svg(
    kind: ChartKind,
    indicator: IndicatorKey,
    (width, height): (u32, u32),
    lang: Lang,
) -> Result<String, String> {
    exports().await.map_err(|e| format!("{} {e}", lang.s().extras_failed))?;
    let snapshot = SNAPSHOT.with(|s| s.borrow().to_string());
    let args = [snapshot.into(), kind.as_str().into(), indicator.as_str().into(), width.into(), height.into()];
    call_for("extras_svg", &args)?.as_string().ok_or_else(|| "the chart gave no SVG".to_owned())
}

/// The function the panels report to: reads the message and dispatches
/// it to the page, after the panels' own call has returned.
fn sender() -> Function {
    SEND.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                let f = Closure::<dyn Fn(String)>::new(|text: String| {
                    let Some((dispatch, plan)) = PAGE.with(|p| p.borrow().clone()) else { return };
                    let actions = match Message::decode(&text, &plan) {
                        Ok(Message::Adopt { state, change, edit, view }) => {
                            vec![Action::Adopt { state, change, edit, view }]
                        }
                        Ok(Message::Unpin) => vec![Action::Pin(false)],
                        Ok(Message::Leave { state, compare }) => {
                            let mut out = Vec::with_capacity(3);
                            if compare {
                                out.push(Action::Pin(true));
                            }
                            if let Some(state) = state {
                                out.push(Action::Load { state, change: crate::state::Change::Step });
                            }
                            out.push(Action::SetWorkshop(false));
                            out
                        }
                        Err(e) => {
                            web_sys::console::error_1(&JsValue::from_str(&e));
                            return;
                        }
                    };
                    wasm_bindgen_futures::spawn_local(async move {
                        for action in actions {
                            dispatch.dispatch(action);
                        }
                    });
                });
                f.into_js_value().unchecked_into()
            })
            .clone()
    })
}

/// The outlooks the panels reported: the CRC-32 of the link code of the
/// state they were drawn for, and one outlook per indicator.
pub type Drawn = (u32, Rc<Vec<Rc<Outlook>>>);

/// Where the outlooks the panels report go (the page's state for them).
pub fn on_outlooks(sink: Callback<Option<Drawn>>) {
    OUTLOOKS.with(|o| o.replace(Some(sink)));
}

/// The function the panels report outlooks to, as numbers (see
/// [`crate::extras::outlooks_to_numbers`]).
fn outlook_sender() -> Function {
    SEND_OUTLOOKS.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                let f = Closure::<dyn Fn(js_sys::Float64Array)>::new(|numbers: js_sys::Float64Array| {
                    let Some((_, plan)) = PAGE.with(|p| p.borrow().clone()) else { return };
                    let Some(sink) = OUTLOOKS.with(|o| o.borrow().clone()) else { return };
                    match crate::extras::outlooks_from_numbers(&numbers.to_vec(), &plan) {
                        Some((crc, o)) => {
                            let o = Rc::new(o.into_iter().map(Rc::new).collect::<Vec<_>>());
                            wasm_bindgen_futures::spawn_local(async move { sink.emit(Some((crc, o))) });
                        }
                        None => {
                            web_sys::console::error_1(&JsValue::from_str("the panels' outlooks do not fit the plan"));
                        }
                    }
                });
                f.into_js_value().unchecked_into()
            })
            .clone()
    })
}

/// Tells the panels the page's state ([`crate::extras::Snapshot`] text),
/// and where their messages go. The app calls it whenever the snapshot
/// changes; hosts mounted later start from the last one.
pub fn tell(snapshot: &Rc<String>, dispatch: &UseReducerDispatcher<AppState>, plan: &PlanRef) {
    PAGE.with(|p| p.replace(Some((dispatch.clone(), plan.clone()))));
    SNAPSHOT.with(|s| s.replace(snapshot.clone()));
    if EXPORTS.with(|e| e.borrow().is_some()) {
        if let Err(e) = call("extras_sync", &[JsValue::from_str(snapshot)]) {
            web_sys::console::error_1(&JsValue::from_str(&e));
        }
    }
}

/// Props of [`ExtraHost`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExtraHostProps {
    /// Which panel.
    pub kind: Kind,
    /// Interface language, for the failure message.
    pub lang: Lang,
    /// Whether the panel opens at once (it was asked for by a click on the
    /// placeholder) and takes the focus.
    #[prop_or_default]
    pub open: bool,
    /// Shown until the panel is there.
    #[prop_or_default]
    pub placeholder: Html,
    /// Called once the panel has been handed its element.
    #[prop_or_default]
    pub on_mounted: Callback<()>,
    /// Called when the panel could not be loaded.
    #[prop_or_default]
    pub on_failed: Callback<()>,
    /// What a stand-in was used for before the panel came, to be done
    /// again on the panel's own control.
    #[prop_or_default]
    pub replay: Option<ReplaySlot>,
}

/// A use of a stand-in control: its `data-testid`, and the files chosen
/// if it was a file field.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    /// The control's `data-testid`, the same on the stand-in and the panel.
    pub testid: String,
    /// The files of a file field.
    pub files: Option<web_sys::FileList>,
}

/// Where the stand-ins leave their [`Replay`]s, in the order they were
/// used while the panel loaded (a save, then the saved list); compared by
/// identity.
#[derive(Clone, Debug)]
pub struct ReplaySlot(pub Rc<RefCell<Vec<Replay>>>);

impl PartialEq for ReplaySlot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Does `r` again on the panel's control in `target`: a file field gets
/// the files and a change, a disclosure opens, anything else is clicked;
/// the control then has the focus, as the stand-in had. False when the
/// panel does not show the control (yet).
fn replay(target: &web_sys::Element, r: &Replay) -> bool {
    let Ok(Some(el)) = target.query_selector(&format!("[data-testid=\"{}\"]", r.testid)) else { return false };
    if let (Some(files), Some(input)) = (&r.files, el.dyn_ref::<web_sys::HtmlInputElement>()) {
        input.set_files(Some(files));
        if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        }) {
            let _ = input.dispatch_event(&change);
        }
        return true;
    }
    let focus = if el.tag_name().eq_ignore_ascii_case("details") {
        let _ = el.set_attribute("open", "");
        el.query_selector("summary").ok().flatten()
    } else {
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            h.click();
        }
        Some(el)
    };
    if let Some(h) = focus.as_ref().and_then(|f| f.dyn_ref::<web_sys::HtmlElement>()) {
        crate::web::focus_if_free(h, target);
    }
    true
}

/// How many times, 20 ms apart, the replays wait for the panel to show
/// their controls: the panel renders after its mount, and on a busy phone
/// its render can yield to the browser more than once.
const REPLAY_TRIES: u32 = 150;

/// Does the stand-ins' uses again, in order, each once its control is in
/// the panel. A control the panel never shows is passed over.
fn replay_when_shown(target: web_sys::Element, mut uses: Vec<Replay>, tries: u32) {
    gloo::timers::callback::Timeout::new(if tries == REPLAY_TRIES { 0 } else { 20 }, move || {
        while let Some(r) = uses.first() {
            if !replay(&target, r) && tries > 0 {
                replay_when_shown(target, uses, tries - 1);
                return;
            }
            uses.remove(0);
        }
    })
    .forget();
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Mounted(u32),
    Failed(String),
}

/// An element that an on-demand panel renders into, with a placeholder
/// while it loads and a message with a retry if it cannot.
#[component]
pub fn ExtraHost(props: &ExtraHostProps) -> Html {
    let target = use_node_ref();
    let load = use_state_eq(|| Load::Loading);
    let attempt = use_state_eq(|| 0u32);
    {
        let (target, load) = (target.clone(), load.clone());
        let (kind, open, on_mounted, again) = (props.kind, props.open, props.on_mounted.clone(), props.replay.clone());
        let on_failed = props.on_failed.clone();
        use_effect_with(*attempt, move |_| {
            let alive = Rc::new(Cell::new(true));
            let still = alive.clone();
            let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
            load.set(Load::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let done = exports().await;
                let Some(el) = target.cast::<web_sys::Element>().filter(|_| still.get()) else { return };
                let text = SNAPSHOT.with(|s| s.borrow().to_string());
                let args = [
                    id.into(),
                    kind.as_str().into(),
                    el.clone().into(),
                    text.into(),
                    sender().into(),
                    open.into(),
                    outlook_sender().into(),
                ];
                match done.and_then(|_| call("extras_mount", &args)) {
                    Ok(()) => {
                        load.set(Load::Mounted(id));
                        on_mounted.emit(());
                        let uses = again.map(|slot| slot.0.take()).unwrap_or_default();
                        if !uses.is_empty() {
                            // After the panel's first render, which follows its mount.
                            replay_when_shown(el, uses, REPLAY_TRIES);
                        }
                    }
                    Err(e) => {
                        load.set(Load::Failed(e));
                        on_failed.emit(());
                    }
                }
            });
            move || {
                alive.set(false);
                // Gone with the host; nothing to do if it never mounted.
                let _ = call("extras_unmount", &[id.into()]);
            }
        });
    }
    let s = props.lang.s();
    let status = match &*load {
        Load::Mounted(_) => html! {},
        Load::Loading => props.placeholder.clone(),
        Load::Failed(e) => {
            let attempt = attempt.clone();
            html! {
                <p class="note problem extra-failed" role="alert" data-testid={format!("extra-failed-{}", props.kind.as_str())}>
                    {s.extras_failed}{" "}<span class="detail">{e.clone()}</span>{" "}
                    <button type="button" class="btn small" onclick={move |_: MouseEvent| attempt.set(*attempt + 1)}>{s.retry}</button>
                </p>
            }
        }
    };
    html! {
        <div class="extra-host" data-extra={props.kind.as_str()}>
            <div class="extra-target" ref={target}></div>
            {status}
        </div>
    }
}
