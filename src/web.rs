//! The few direct touches of the browser outside yew: the document's
//! language, and the last-resort error message when Rust panics.

use wasm_bindgen::JsCast;

use crate::i18n::Lang;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Sets `<html lang>` so that screen readers and fonts follow the toggle.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.html_lang());
    }
}

/// Shows `detail` in the page's fatal-error box (present in index.html, so
/// it works even when the app never rendered) and hides the loading note.
pub fn show_fatal(detail: &str) {
    let Some(doc) = document() else { return };
    if let Some(loading) = doc.get_element_by_id("loading") {
        let _ = loading.set_attribute("hidden", "");
    }
    if let Some(fatal) = doc.get_element_by_id("fatal") {
        if let Some(slot) = fatal.query_selector(".fatal-detail").ok().flatten() {
            slot.set_text_content(Some(detail));
        }
        let _ = fatal.remove_attribute("hidden");
    }
    web_sys::console::error_1(&detail.into());
}

/// Installs the panic hook that keeps a panic from leaving a dead, silent
/// page: the user sees what happened and that nothing was sent anywhere.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| show_fatal(&info.to_string())));
}

/// The element the app renders into: `#app`, or `<body>` if it is missing.
pub fn mount_point() -> Option<web_sys::Element> {
    let doc = document()?;
    doc.get_element_by_id("app").or_else(|| doc.body().map(JsCast::unchecked_into))
}

/// Hides the loading note once the app has rendered.
pub fn hide_loading() {
    if let Some(loading) = document().and_then(|d| d.get_element_by_id("loading")) {
        let _ = loading.set_attribute("hidden", "");
    }
}
