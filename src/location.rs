//! The address bar: the one module that reads `window.location` and writes
//! `window.history`. The view calls it from effects only.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current fragment, `#…`, if any.
pub fn fragment() -> Option<String> {
    window().and_then(|w| w.location().hash().ok()).filter(|h| !h.is_empty())
}

/// This page's address with `fragment` (e.g. `#s=…`) in place of the
/// current one.
pub fn url_with(fragment: &str) -> Option<String> {
    let loc = window()?.location();
    let href = loc.href().ok()?;
    let base = href.split_once('#').map_or(href.as_str(), |(b, _)| b);
    Some(format!("{base}{fragment}"))
}

/// Replaces the current history entry's fragment (no new entry).
pub fn replace(fragment: &str) {
    if let Some(h) = window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// Adds a history entry with this fragment, so Back returns to the one
/// before.
pub fn push(fragment: &str) {
    if let Some(h) = window().and_then(|w| w.history().ok()) {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// Calls `on_change` with the new fragment when the user goes back or
/// forward, or edits the fragment by hand. Stops when dropped.
pub fn on_navigate(on_change: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    let w = window()?;
    Some(EventListener::new(&w, "popstate", move |_| on_change(fragment())))
}
