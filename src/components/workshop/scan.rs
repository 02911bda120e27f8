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
            "load" | "timeout" => format!("{}{}", w.decoder_failed, self.detail),
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
    Starting,
    On(Function),
    Failed(String),
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
        use_effect_with((), move |()| {
            move || {
                if let CameraState::On(stop) = &*state.borrow() {
                    let _ = stop.call0(&JsValue::NULL);
                }
            }
        });
    }
    let toggle = {
        let (state, video, on_texts, lang, redraw) =
            (state.clone(), video.clone(), props.on_texts.clone(), props.lang, redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let cell = (*state).clone();
            if let CameraState::On(stop) = &*cell.borrow() {
                let _ = stop.call0(&JsValue::NULL);
            }
            if matches!(*cell.borrow(), CameraState::On(_) | CameraState::Starting) {
                *cell.borrow_mut() = CameraState::Off;
                redraw.force_update();
                return;
            }
            *cell.borrow_mut() = CameraState::Starting;
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
                let started = call("startCamera", &[el.into(), got.into_js_value()]).await;
                // Stopped again while it started: stop what started.
                let wanted = matches!(*cell.borrow(), CameraState::Starting);
                *cell.borrow_mut() = match started.map(JsCast::dyn_into::<Function>) {
                    Ok(Ok(stop)) if wanted => CameraState::On(stop),
                    Ok(Ok(stop)) => {
                        let _ = stop.call0(&JsValue::NULL);
                        CameraState::Off
                    }
                    Ok(Err(_)) => CameraState::Failed(
                        ScanError { kind: "failed".into(), detail: "qr_client.js gave no way to stop".into() }
                            .camera_words(lang),
                    ),
                    Err(e) if wanted => CameraState::Failed(e.camera_words(lang)),
                    Err(_) => CameraState::Off,
                };
                redraw.force_update();
            });
        })
    };
    let cell = state.borrow();
    let (on, status) = match &*cell {
        CameraState::Off => (false, None),
        CameraState::Starting => (true, Some((w.scanning.to_owned(), false))),
        CameraState::On(_) => (true, Some((w.camera_hint.to_owned(), false))),
        CameraState::Failed(why) => (false, Some((why.clone(), true))),
    };
    html! {
        <div class="workshop-camera">
            <button type="button" class="btn" data-testid="workshop-camera" aria-pressed={on.to_string()} onclick={toggle}>
                { if on { w.camera_stop } else { w.camera } }
            </button>
            <video ref={video} class="camera-view" hidden={!on} aria-label={w.camera}></video>
            if let Some((text, problem)) = status {
                <p class={classes!("note", problem.then_some("problem"))} role={if problem { "alert" } else { "status" }}
                    data-testid="workshop-camera-status">{text}</p>
            }
        </div>
    }
}
