//! The QR decoder: a wasm of its own, run as a web worker, that reads the
//! QR codes in the workshop's images and camera frames with `rqrr`, so that
//! neither the page nor the panels carry it.
//!
//! Trunk builds it as a worker target (`data-type="worker"`, wasm-bindgen's
//! no-modules output); `assets/qr_loader.js` loads it, turns each image or
//! frame into RGBA pixels (at most 2,000 px a side first, the full size if
//! that reads nothing or leaves a code unreadable) and calls
//! [`decode_rgba`]. `assets/qr_client.js` is the page's side.

use wasm_bindgen::prelude::wasm_bindgen;

/// The codes in an RGBA image, as `[unreadable, text, text, …]`: how many
/// codes were found that could not be read, then the texts read.
#[wasm_bindgen]
pub fn decode_rgba(width: u32, height: u32, rgba: &[u8]) -> js_sys::Array {
    let found = doubling_sandbox::qr::decode_rgba(width as usize, height as usize, rgba);
    let out = js_sys::Array::new();
    out.push(&wasm_bindgen::JsValue::from(u32::try_from(found.unreadable).unwrap_or(u32::MAX)));
    for text in found.texts {
        out.push(&wasm_bindgen::JsValue::from_str(&text));
    }
    out
}

fn main() {
    // A panic traps (the release profile aborts): qr_loader.js answers the
    // request with a `decode` error and closes the worker, and the client
    // starts a fresh one for the next image or frame.
}
