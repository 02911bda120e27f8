//! The few direct touches of the browser outside yew: the document's
//! language, and the last-resort error message when Rust panics.

use wasm_bindgen::JsCast;

use crate::i18n::Lang;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Sets `<html lang>` and the window's title, so that screen readers,
/// fonts and the browser's tab follow the toggle.
pub fn set_document_lang(lang: Lang) {
    let Some(doc) = document() else { return };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.html_lang());
    }
    let s = lang.s();
    doc.set_title(&format!("{} · {}", s.app_name, s.subtitle));
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

/// Offers `text` to the user as a file download named `filename`.
///
/// # Errors
///
/// A message when the browser refuses to build the file or the link.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(js_error)?;
    download_blob(filename, &blob)
}

/// Offers `bytes` (a file made in the browser, e.g. by the spreadsheet
/// worker) to the user as a file download named `filename`.
///
/// # Errors
///
/// A message when the browser refuses to build the file or the link.
pub fn download_bytes(filename: &str, mime: &str, bytes: &js_sys::Uint8Array) -> Result<(), String> {
    let parts = js_sys::Array::of1(bytes);
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag).map_err(js_error)?;
    download_blob(filename, &blob)
}

fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(js_error)?;
    let result = download_url(filename, &url);
    // Revoke once the click has been handled; the download keeps its copy.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    result
}

/// Offers the resource at `url` (a `blob:` or `data:` URL) as a download.
///
/// # Errors
///
/// A message when the link cannot be made.
pub fn download_url(filename: &str, url: &str) -> Result<(), String> {
    let doc = document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        doc.create_element("a").map_err(js_error)?.dyn_into().map_err(|_| "not an anchor")?;
    a.set_href(url);
    a.set_download(filename);
    a.set_rel("noopener");
    let body = doc.body().ok_or("no body")?;
    body.append_child(&a).map_err(js_error)?;
    a.click();
    a.remove();
    Ok(())
}

/// A readable message from a JavaScript error value.
pub fn js_error(v: wasm_bindgen::JsValue) -> String {
    v.as_string()
        .or_else(|| v.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "unknown browser error".to_owned())
}

/// Milliseconds since the page started, for measuring work in the page.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The device-pixel ratio (2 on most high-DPI screens), 1 if unknown.
pub fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0)
}

/// Keeps a `ResizeObserver` alive; disconnects it when dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_size(width, height)` in CSS pixels now and whenever `element`
/// changes size. `None` where the browser has no `ResizeObserver`.
pub fn watch_size(element: &web_sys::Element, on_size: impl Fn(u32, u32) + 'static) -> Option<SizeWatch> {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            let rect = entry.content_rect();
            on_size(css_px(rect.width()), css_px(rect.height()));
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(SizeWatch { observer, _callback: callback })
}

/// `element`'s content box now, in CSS pixels (a layout, if one is due).
pub fn size_now(element: &web_sys::Element) -> (u32, u32) {
    (css_px(f64::from(element.client_width())), css_px(f64::from(element.client_height())))
}

/// A CSS length rounded to whole pixels, never negative.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn css_px(v: f64) -> u32 {
    if v.is_finite() {
        v.round().clamp(0.0, 100_000.0) as u32
    } else {
        0
    }
}

/// Copies `text` to the clipboard through the asynchronous Clipboard API.
///
/// # Errors
///
/// A message when the browser refuses (no secure context, no permission);
/// the caller then offers the text for copying by hand.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let w = web_sys::window().ok_or("no window")?;
    let clipboard = w.navigator().clipboard();
    if clipboard.is_undefined() {
        return Err("the clipboard is not available here".to_owned());
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.map(|_| ()).map_err(js_error)
}

/// Whether the focus is in a field where typing goes (text inputs,
/// text areas), whose own undo should win over the app's.
pub fn typing_in_text_field() -> bool {
    let active = document().and_then(|d| d.active_element());
    match active {
        Some(el) if el.tag_name().eq_ignore_ascii_case("textarea") => true,
        Some(el) => el
            .dyn_ref::<web_sys::HtmlInputElement>()
            .is_some_and(|i| !matches!(i.type_().as_str(), "range" | "checkbox" | "button" | "file")),
        None => false,
    }
}

/// Moves focus to the first visible field matching `selector` and scrolls
/// it into view (the skip link to the grid). Does nothing if none exists.
pub fn focus_first(selector: &str) {
    let Some(doc) = document() else { return };
    let Ok(list) = doc.query_selector_all(selector) else { return };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        if el.hidden() {
            continue;
        }
        el.scroll_into_view_with_bool(false);
        let _ = el.focus();
        return;
    }
}

/// Today's date in the browser's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// A file name with the characters file systems refuse replaced by `_`.
pub fn file_safe(name: &str) -> String {
    name.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect()
}

/// The event that tells the briefing to fill in before `print` opens the
/// dialog.
const PRINT_SOON: &str = "doubling-sandbox-print";

/// Opens the browser's print dialog (the print stylesheet lays out the
/// one-page briefing). The briefing is told first and the dialog opens a
/// moment later, once it has rendered: `beforeprint` fired from inside
/// `print()` would be too late for a render, which waits for the stack to
/// empty.
pub fn print() {
    let Some(w) = web_sys::window() else { return };
    if let Ok(e) = web_sys::Event::new(PRINT_SOON) {
        let _ = w.dispatch_event(&e);
    }
    gloo::timers::callback::Timeout::new(100, move || {
        let _ = w.print();
    })
    .forget();
}

/// Moves the focus to `el` without scrolling: a control that took the
/// place of the one the user just used is where that one was.
pub fn focus_in_place(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// [`focus_in_place`], unless the user has moved on to another control
/// meanwhile (the focus is on something outside `within`, not the page).
pub fn focus_if_free(el: &web_sys::HtmlElement, within: &web_sys::Element) {
    let active = document().and_then(|d| d.active_element());
    let free = active.is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body") || within.contains(Some(&a)));
    if free {
        focus_in_place(el);
    }
}

/// Keeps Tab and Shift+Tab inside a modal dialog whose controls are all
/// buttons: from its last Tab goes to its first, from its first Shift+Tab
/// to its last, and a focus that has slipped out comes back. Other keys
/// pass.
pub fn keep_tab_inside(dialog: &web_sys::Element, e: &web_sys::KeyboardEvent) {
    if e.key() != "Tab" {
        return;
    }
    let Ok(buttons) = dialog.query_selector_all("button") else { return };
    let at = |i: u32| buttons.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    let (Some(first), Some(last)) = (at(0), at(buttons.length().saturating_sub(1))) else { return };
    let active = document().and_then(|d| d.active_element());
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    let edge: &web_sys::Element = if e.shift_key() { &first } else { &last };
    if !inside || active.as_ref() == Some(edge) {
        e.prevent_default();
        let _ = if e.shift_key() { last.focus() } else { first.focus() };
    }
}

/// Whether the page is being printed now (print media applies).
pub fn printing_now() -> bool {
    web_sys::window().and_then(|w| w.match_media("print").ok().flatten()).is_some_and(|m| m.matches())
}

/// Calls `on_change(true)` when the page starts printing (the print dialog,
/// or print media being emulated) and `on_change(false)` when it is done.
/// The listeners stop when the returned handles are dropped.
pub fn watch_printing(on_change: impl Fn(bool) + 'static) -> Vec<gloo::events::EventListener> {
    let Some(w) = web_sys::window() else { return Vec::new() };
    let on_change = std::rc::Rc::new(on_change);
    let mut out = Vec::new();
    for (event, value) in [(PRINT_SOON, true), ("beforeprint", true), ("afterprint", false)] {
        let f = on_change.clone();
        out.push(gloo::events::EventListener::new(&w, event, move |_| f(value)));
    }
    if let Ok(Some(mql)) = w.match_media("print") {
        let f = on_change.clone();
        let query = mql.clone();
        out.push(gloo::events::EventListener::new(&mql, "change", move |_| f(query.matches())));
    }
    out
}

/// A canvas that is not in the page, to draw into and copy from, marked
/// with the language `lang` of its text: a canvas outside the page has no
/// language of its own and draws digits and Latin letters in another
/// fallback font than the page's canvases.
///
/// # Errors
///
/// A message when the document or the element cannot be had.
pub fn detached_canvas(lang: &str) -> Result<web_sys::HtmlCanvasElement, String> {
    let doc = document().ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement =
        doc.create_element("canvas").map_err(js_error)?.dyn_into().map_err(|_| "not a canvas".to_owned())?;
    canvas.set_lang(lang);
    Ok(canvas)
}
