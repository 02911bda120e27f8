//! A value that follows another just after the screen has shown it: what a
//! slider step must show at once (its cell, the verdicts, the main path
//! chart) renders from the live state, and everything else (the small
//! multiples, the other charts, the unit table, the panels) from this
//! settled copy, so the step's frame stays small.
//!
//! - A single step: the settled copy follows in the task after the step's
//!   frame is painted, before the next step.
//! - A stream of changes (a drag, a held arrow key: changes less than
//!   [`STREAM_MS`] apart): it follows once the stream rests for
//!   [`REST_MS`].
//! - Any click, and any key pressed outside a slider, brings it up to date
//!   first, so a click or a shortcut never acts on a stale copy. (On the
//!   click, not on the pointer's press: what follows may change the layout,
//!   and a layout that moves between press and release loses the click.)
//!
//! Whatever can move the layout above a control (the notices under the
//! verdicts) must follow the live state, never this copy.

use std::cell::{Cell, RefCell};

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Changes closer together than this are a stream (ms).
pub const STREAM_MS: f64 = 40.0;
/// How long a stream must rest before the settled copy follows (ms).
pub const REST_MS: u32 = 60;

/// The shared slots of one settled value.
struct Slots<T> {
    latest: RefCell<T>,
    pending: Cell<bool>,
    last_change: Cell<f64>,
    frame: RefCell<Option<AnimationFrame>>,
    timer: RefCell<Option<Timeout>>,
}

impl<T: Clone + PartialEq + 'static> Slots<T> {
    /// Hands the latest value on if one is waiting.
    fn flush(&self, shown: &UseStateHandle<T>) {
        if self.pending.replace(false) {
            shown.set(self.latest.borrow().clone());
        }
    }
}

/// True when a key press comes from a range input (a slider step, which
/// must not bring the settled copy along).
fn from_slider(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.type_() == "range")
}

/// `value` as it was when the screen last had time to show it; see the
/// module's rules.
#[hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_state_eq(|| value.clone());
    let slots = use_memo((), {
        let first = value.clone();
        move |()| Slots {
            latest: RefCell::new(first),
            pending: Cell::new(false),
            last_change: Cell::new(f64::NEG_INFINITY),
            frame: RefCell::new(None),
            timer: RefCell::new(None),
        }
    });
    slots.latest.replace(value.clone());
    {
        let (slots, shown) = (slots.clone(), shown.clone());
        use_effect_with(value, move |value| {
            if *shown == *value {
                slots.pending.set(false);
                return;
            }
            slots.pending.set(true);
            let now = crate::web::now_ms();
            let stream = now - slots.last_change.replace(now) < STREAM_MS;
            let fire = {
                let (slots, shown) = (slots.clone(), shown.clone());
                move || slots.flush(&shown)
            };
            if stream {
                // Replacing the slot cancels the previous wait.
                slots.frame.replace(None);
                slots.timer.replace(Some(Timeout::new(REST_MS, fire)));
            } else {
                // After this frame's paint: a timer set from inside the
                // frame runs once the frame is on screen.
                let timers = slots.clone();
                slots.timer.replace(None);
                slots.frame.replace(Some(request_animation_frame(move |_| {
                    timers.timer.replace(Some(Timeout::new(0, fire)));
                })));
            }
        });
    }
    {
        let (slots, shown) = (slots.clone(), shown.clone());
        use_effect_with((), move |()| {
            let doc = gloo::utils::document();
            let capture = EventListenerOptions::run_in_capture_phase();
            let on_click = {
                let (slots, shown) = (slots.clone(), shown.clone());
                EventListener::new_with_options(&doc, "click", capture, move |_| slots.flush(&shown))
            };
            let on_key = EventListener::new_with_options(&doc, "keydown", capture, move |e| {
                if !from_slider(e) {
                    slots.flush(&shown);
                }
            });
            move || drop((on_click, on_key))
        });
    }
    (*shown).clone()
}

/// False on the first render and true once that render is on screen: what
/// a first look needs (the verdicts, the main path chart, everything above
/// the fold) paints first, and the rest of the page follows in the next
/// task.
#[hook]
pub fn use_after_first_paint() -> bool {
    let ready = use_state_eq(|| false);
    // Asked for while the first render runs, not by an effect: in a long
    // first render yew yields to the browser before it runs effects, and an
    // effect's request would wait for the second frame. The frame, and the
    // timer set from inside it, are dropped (cancelled) with the component.
    let _wait = use_memo((), {
        let ready = ready.clone();
        move |()| {
            let timer = std::rc::Rc::new(RefCell::new(None::<Timeout>));
            let slot = timer.clone();
            let frame = request_animation_frame(move |_| {
                slot.replace(Some(Timeout::new(0, move || ready.set(true))));
            });
            (frame, timer)
        }
    });
    *ready
}
