//! Sharing: copy the scenario's link, see its length, show it as a QR code
//! large enough to scan from a projector.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::extra_host::ExtraHost;
use crate::extras::Kind;
use crate::i18n::Lang;
use crate::{location, web};

/// Props of [`ShareBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShareBarProps {
    /// The scenario code (without `#s=`).
    pub code: Rc<String>,
    /// Interface language.
    pub lang: Lang,
}

#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Done,
    /// The browser refused; the link is shown for copying by hand.
    ByHand(String),
}

/// Copy-link and QR buttons with the link's length.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let copied = use_state_eq(|| Copied::Not);
    let show_qr = use_state_eq(|| false);
    let s = props.lang.s();
    let fragment = format!("#s={}", props.code);
    let url = location::url_with(&fragment).unwrap_or(fragment);
    {
        // A new scenario means a new link: the confirmation no longer holds.
        let copied = copied.clone();
        use_effect_with(props.code.clone(), move |_| copied.set(Copied::Not));
    }
    let on_copy = {
        let (copied, url) = (copied.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, url) = (copied.clone(), url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match web::copy_text(&url).await {
                    Ok(()) => copied.set(Copied::Done),
                    Err(_) => copied.set(Copied::ByHand(url)),
                }
            });
        })
    };
    // The QR code is a modal dialog: focus goes to its Close button, Tab
    // stays inside, and Esc or Close gives the focus back to its button.
    let qr_button = use_node_ref();
    let qr_dialog = use_node_ref();
    let close_qr = {
        let (show_qr, qr_button) = (show_qr.clone(), qr_button.clone());
        Callback::from(move |()| {
            show_qr.set(false);
            if let Some(b) = qr_button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    let toggle_qr = {
        let (show_qr, close_qr) = (show_qr.clone(), close_qr.clone());
        Callback::from(move |_: MouseEvent| if *show_qr { close_qr.emit(()) } else { show_qr.set(true) })
    };
    {
        let (close_qr, qr_dialog) = (close_qr.clone(), qr_dialog.clone());
        use_effect_with(*show_qr, move |open| {
            let listener = open.then(|| {
                if let Some(close) =
                    qr_dialog.cast::<web_sys::Element>().and_then(|d| d.query_selector("button.close").ok().flatten())
                {
                    let _ = close.unchecked_into::<web_sys::HtmlElement>().focus();
                }
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if e.key() == "Escape" {
                        close_qr.emit(());
                    } else if let Some(dialog) = qr_dialog.cast::<web_sys::Element>() {
                        crate::web::keep_tab_inside(&dialog, e);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let length = url.chars().count();
    html! {
        <div class="share" role="group" aria-label={s.share_heading}>
            <button type="button" class="btn primary" data-testid="copy-link" onclick={on_copy}>{s.copy_link}</button>
            <button type="button" class="btn" data-testid="show-qr" ref={qr_button} onclick={toggle_qr.clone()} aria-expanded={show_qr.to_string()}>{s.qr_code}</button>
            <span class="link-length" data-testid="link-length" data-length={length.to_string()}>{props.lang.link_length(length)}</span>
            {
                match &*copied {
                    Copied::Not => html! {},
                    Copied::Done => html! { <span class="copied" role="status" data-testid="copy-done">{"✓ "}{s.copied}</span> },
                    Copied::ByHand(link) => html! {
                        <span class="copy-by-hand" role="status">
                            <span>{s.copy_by_hand}</span>
                            <input type="text" readonly=true value={link.clone()} data-testid="copy-fallback" aria-label={s.copy_link} />
                        </span>
                    },
                }
            }
            if *show_qr {
                <div class="qr-overlay" data-testid="qr-dialog" role="dialog" aria-modal="true" aria-label={s.qr_code} ref={qr_dialog}>
                    <div class="qr-box">
                        // Drawn by the on-demand panels, from the same link.
                        <ExtraHost lang={props.lang} kind={Kind::Qr} placeholder={html! { <div class="qr-wait">{s.loading}</div> }} />
                        <p class="qr-caption">{props.lang.link_length(length)}</p>
                        <button type="button" class="btn close" onclick={toggle_qr}>{s.close}</button>
                    </div>
                </div>
            }
        </div>
    }
}
