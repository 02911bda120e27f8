//! Reading QR codes for the workshop: image files and the camera, through
//! `doublingQr()` (assets/boot.js), which loads `assets/qr_client.js` and
//! the decoder worker on first use. Only the texts come back here; the
//! links in them are found like pasted text.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::i18n::Lang;

/// Why reading failed, as the client script says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanError {
    /// `image`, `load`, `timeout`, `insecure`, `missing`, `denied` or `failed`.
    pub kind: String,
    /// The browser's words, if any.
    pub detail: String,
}

impl ScanError {
    fn of(e: &JsValue) -> Self {
        let get = |name: &str| Reflect::get(e, &JsValue::from_str(name)).ok().and_then(|v| v.as_string());
        match get("kind") {
            Some(kind) => ScanError { kind, detail: get("detail").unwrap_or_default() },
            None => ScanError { kind: "load".into(), detail: crate::web::js_error(e.clone()) },
        }
    }

    /// In words, for the camera's status line.
    pub fn camera_words(&self, lang: Lang) -> String {
        let w = lang.w();
        let why = match self.kind.as_str() {
            "insecure" => w.camera_insecure.to_owned(),
            "missing" => w.camera_missing.to_owned(),
            "denied" => w.camera_denied.to_owned(),
            "load" => format!("{}{}", w.decoder_failed, self.detail),
            "decode" | "timeout" => format!("{}{}", w.decode_failed, self.detail),
            _ => format!("{}{}", w.camera_failed, self.detail),
        };
        format!("{why} {}", w.camera_instead)
    }
}

async fn client() -> Result<JsValue, ScanError> {
    let hook = Reflect::get(&js_sys::global(), &JsValue::from_str("doublingQr"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| ScanError { kind: "load".into(), detail: "doublingQr is missing (assets/boot.js)".into() })?;
    let promise = hook.call0(&JsValue::NULL).map_err(|e| ScanError::of(&e))?;
    JsFuture::from(Promise::resolve(&promise)).await.map_err(|e| ScanError::of(&e))
}

async fn call(method: &str, args: &[JsValue]) -> Result<JsValue, ScanError> {
    let c = client().await?;
    let f = Reflect::get(&c, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| ScanError { kind: "load".into(), detail: format!("no {method}") })?;
    let promise = f.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>()).map_err(|e| ScanError::of(&e))?;
    JsFuture::from(Promise::resolve(&promise)).await.map_err(|e| ScanError::of(&e))
}

/// The texts of the QR codes in an image file.
///
/// # Errors
///
/// A [`ScanError`]: not an image, or the decoder could not be loaded.
pub async fn decode_image(file: &web_sys::File) -> Result<Vec<String>, ScanError> {
    let texts = call("decodeImage", &[file.clone().into()]).await?;
    Ok(js_sys::Array::from(&texts).iter().filter_map(|t| t.as_string()).collect())
}

/// Props of [`Camera`].
#[derive(Properties, PartialEq, Clone)]
pub struct CameraProps {
    /// Interface language.
    pub lang: Lang,
    /// Called with the texts of the codes read (each new text once per scan).
    pub on_texts: Callback<Vec<String>>,
}

enum CameraState {
    Off,
    /// Asked for; the number of the attempt, so that a start that comes
    /// back after a stop, a newer start or the view's end is stopped again.
    Starting(u32),
    On(Function),
    Failed(String),
}

impl CameraState {
    /// Stops what runs, if anything.
    fn stop(&mut self) {
        if let CameraState::On(stop) = self {
            let _ = stop.call0(&JsValue::NULL);
        }
        *self = CameraState::Off;
    }
}

/// The camera button, the video while scanning, and why it cannot scan.
#[component]
pub fn Camera(props: &CameraProps) -> Html {
    let w = props.lang.w();
    let video = use_node_ref();
    let state = use_state(|| Rc::new(RefCell::new(CameraState::Off)));
    let redraw = use_force_update();
    // Stopped when the view goes.
    {
        let state = state.clone();
        use_effect_with((), move |()| move || state.borrow_mut().stop());
    }
    let attempts = use_mut_ref(|| 0u32);
    let toggle = {
        let (state, video, on_texts, lang, redraw) =
            (state.clone(), video.clone(), props.on_texts.clone(), props.lang, redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let cell = (*state).clone();
            let running = matches!(*cell.borrow(), CameraState::On(_) | CameraState::Starting(_));
            cell.borrow_mut().stop();
            *attempts.borrow_mut() += 1;
            if running {
                redraw.force_update();
                return;
            }
            let attempt = *attempts.borrow();
            *cell.borrow_mut() = CameraState::Starting(attempt);
            redraw.force_update();
            let (video, on_texts, redraw) = (video.clone(), on_texts.clone(), redraw.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(el) = video.cast::<web_sys::HtmlElement>() else { return };
                let seen = Rc::new(RefCell::new(Vec::<String>::new()));
                let got = Closure::<dyn Fn(js_sys::Array)>::new(move |texts: js_sys::Array| {
                    let new: Vec<String> =
                        texts.iter().filter_map(|t| t.as_string()).filter(|t| !seen.borrow().contains(t)).collect();
                    if !new.is_empty() {
                        seen.borrow_mut().extend(new.iter().cloned());
                        on_texts.emit(new);
                    }
                });
                // The decoder failing while scanning stops the camera, with why.
                let failed = {
                    let (cell, redraw) = (cell.clone(), redraw.clone());
                    Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
                        let mut c = cell.borrow_mut();
                        if matches!(*c, CameraState::On(_)) {
                            c.stop();
                            *c = CameraState::Failed(ScanError::of(&e).camera_words(lang));
                            drop(c);
                            redraw.force_update();
                        }
                    })
                };
                let started = call("startCamera", &[el.into(), got.into_js_value(), failed.into_js_value()]).await;
                // Only the newest start, still wanted, is kept; any other is stopped.
                let current = matches!(*cell.borrow(), CameraState::Starting(n) if n == attempt);
                let next = match started.map(JsCast::dyn_into::<Function>) {
                    Ok(Ok(stop)) if current => CameraState::On(stop),
                    Ok(Ok(stop)) => {
                        let _ = stop.call0(&JsValue::NULL);
                        return;
                    }
                    Ok(Err(_)) if current => CameraState::Failed(
                        ScanError { kind: "failed".into(), detail: "qr_client.js gave no way to stop".into() }
                            .camera_words(lang),
                    ),
                    Err(e) if current => CameraState::Failed(e.camera_words(lang)),
                    _ => return,
                };
                *cell.borrow_mut() = next;
                redraw.force_update();
            });
        })
    };
    let cell = state.borrow();
    let (on, status) = match &*cell {
        CameraState::Off => (false, None),
        CameraState::Starting(_) => (true, Some((w.scanning.to_owned(), false))),
        CameraState::On(_) => (true, Some((w.camera_hint.to_owned(), false))),
        CameraState::Failed(why) => (false, Some((why.clone(), true))),
    };
    html! {
        <div class="workshop-camera">
            // One name, its state in aria-pressed (a toggle's name does not change).
            <button type="button" class="btn" data-testid="workshop-camera" aria-pressed={on.to_string()} onclick={toggle}>
                {w.camera}
            </button>
            <video ref={video} class="camera-view" hidden={!on} aria-label={w.camera}></video>
            if let Some((text, problem)) = status {
                <p class={classes!("note", problem.then_some("problem"))} role={if problem { "alert" } else { "status" }}
                    data-testid="workshop-camera-status">{text}</p>
            }
        </div>
    }
}
