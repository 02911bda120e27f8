//! 倍增沙盘 · Doubling Sandbox: a scenario simulator for 濮阳市促进制造业倍增行动
//! (2023—2026年), computed entirely in the browser.
//!
//! `model` is the pure plan arithmetic; `state` the one reducer; `app` and
//! `components` the yew view; `web` the few direct browser touches; `sheet`
//! the bridge to the spreadsheet worker (`src/bin/sheet_worker/main.rs`), which
//! opens and saves .xlsx files in a wasm of its own.

pub mod app;
pub mod chart;
pub mod components;
pub mod extras;
pub mod format;
pub mod i18n;
pub mod location;
pub mod model;
pub mod qr;
pub mod sheet;
pub mod state;
pub mod storage;
pub mod web;

use std::rc::Rc;

/// Starts the page: installs the panic hook, parses the shipped plan and
/// renders the app. A plan that does not parse is shown as an error.
pub fn start() {
    web::install_panic_hook();
    match model::Plan::shipped() {
        Ok(plan) => match web::mount_point() {
            Some(root) => {
                yew::Renderer::<app::App>::with_root_and_props(
                    root,
                    app::AppProps { plan: Rc::new(plan), fragment: location::fragment() },
                )
                .render();
                web::hide_loading();
            }
            None => web::show_fatal("no element to render into"),
        },
        Err(e) => web::show_fatal(&e.to_string()),
    }
}

/// Panics on purpose. The browser tests call it to check that a panic shows
/// the page's error box instead of leaving a dead page; it changes no data.
///
/// # Panics
///
/// Always.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn simulate_panic_for_tests() {
    panic!("simulated panic (test hook)");
}
