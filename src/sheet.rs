//! The page's side of the spreadsheet worker (XLSX open and save). The one
//! module that starts, talks to and stops the worker.
//!
//! Reading and writing spreadsheets needs `calamine` and `rust_xlsxwriter`,
//! about 450 KB of gzip that most visitors never use, so they live in a
//! second wasm (`src/bin/sheet_worker/main.rs`) run as a web worker. The worker
//! starts on the first request, never at page load, and is kept for later
//! requests. Each request gets its own id and waits at most
//! [`protocol::TIMEOUT_MS`]; a worker that panics, fails to load, crashes
//! or times out is stopped, every request waiting on it gets the error, and
//! the next request starts a fresh one. Nothing here panics: every failure
//! is a [`SheetError`] the page can word.
//!
//! The worker is a page-wide resource; the app holds one [`SheetWorker`]
//! and hands it to components through a yew context.

pub mod protocol;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::platform::pinned::oneshot;

use crate::model::export::ResultsTable;
use crate::web::js_error;
pub use protocol::SheetError;
use protocol::{Reply, Request};

/// The page's spreadsheet worker. Clones share one worker; equal when they
/// share it.
#[derive(Clone, Default)]
pub struct SheetWorker(Rc<RefCell<Bridge>>);

impl PartialEq for SheetWorker {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The first worksheet of a file.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRows {
    /// The sheet's name.
    pub sheet: String,
    /// Its cells as text, rows from row 1 and cells from column A (see
    /// [`protocol::Reply::Rows`]).
    pub rows: Vec<Vec<String>>,
}

impl SheetWorker {
    /// Writes `table` as an .xlsx workbook: the file's bytes.
    ///
    /// # Errors
    ///
    /// A [`SheetError`] when the worker cannot be started or loaded, fails,
    /// stops or does not answer in time.
    pub async fn write_xlsx(&self, table: ResultsTable) -> Result<Uint8Array, SheetError> {
        match self.ask(&Request::Write { table }, None).await? {
            (Reply::Written, Some(bytes)) => Ok(bytes),
            (Reply::Failed { error }, _) => Err(error),
            (other, _) => Err(unexpected(&other)),
        }
    }

    /// Reads the first worksheet of a spreadsheet file (.xlsx, .xls, .ods)
    /// the user picked.
    ///
    /// # Errors
    ///
    /// [`SheetError::FileTooLarge`] before anything is read when the file is
    /// larger than [`protocol::MAX_FILE_BYTES`]; otherwise what the worker
    /// found wrong with the file, or why it could not answer.
    pub async fn read_file(&self, file: &web_sys::File) -> Result<SheetRows, SheetError> {
        // File sizes are whole numbers far below 2^53.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let size = file.size().max(0.0) as u64;
        if size > protocol::MAX_FILE_BYTES {
            return Err(SheetError::FileTooLarge { bytes: size, limit: protocol::MAX_FILE_BYTES });
        }
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|e| SheetError::Browser { detail: js_error(e) })?;
        let bytes = Uint8Array::new(&buffer);
        match self.ask(&Request::Read, Some(bytes)).await? {
            (Reply::Rows { sheet, rows }, _) => Ok(SheetRows { sheet, rows }),
            (Reply::Failed { error }, _) => Err(error),
            (other, _) => Err(unexpected(&other)),
        }
    }

    /// Sends one request (starting the worker if none runs) and waits for
    /// its answer: the reply and the bytes that came with it.
    async fn ask(
        &self,
        request: &Request,
        bytes: Option<Uint8Array>,
    ) -> Result<(Reply, Option<Uint8Array>), SheetError> {
        let (answer, answered) = oneshot::channel();
        {
            let mut bridge = self.0.borrow_mut();
            bridge.next_id = bridge.next_id.wrapping_add(1).max(1);
            let id = bridge.next_id;
            if bridge.live.is_none() {
                bridge.live = Some(Live::start(Rc::downgrade(&self.0))?);
            }
            let Some(live) = bridge.live.as_mut() else {
                return Err(SheetError::Browser { detail: "no worker".to_owned() });
            };
            let timer = {
                let bridge = Rc::downgrade(&self.0);
                Timeout::new(protocol::TIMEOUT_MS, move || {
                    if let Some(bridge) = bridge.upgrade() {
                        end(&bridge, &SheetError::Timeout { seconds: protocol::TIMEOUT_MS / 1000 });
                    }
                })
            };
            let outgoing = Outgoing::new(id, request, bytes);
            if live.ready {
                live.post(&outgoing)?;
            } else {
                live.queued.push(outgoing);
            }
            live.waiting.push((id, Waiter { answer, _timer: timer }));
        }
        answered.await.unwrap_or_else(|_| Err(SheetError::Crashed { detail: "no answer".to_owned() }))
    }
}

/// The reply does not fit the request: page and worker from different builds.
fn unexpected(reply: &Reply) -> SheetError {
    let what = match reply {
        Reply::Ready => "ready",
        Reply::Written => "written",
        Reply::Rows { .. } => "rows",
        Reply::Failed { .. } => "failed",
    };
    SheetError::BadMessage { detail: format!("unexpected reply: {what}") }
}

/// What the page knows about its worker.
#[derive(Default)]
struct Bridge {
    /// The running worker, if any.
    live: Option<Live>,
    /// The last request id given out.
    next_id: u32,
}

/// What one request waits on.
type Answer = Result<(Reply, Option<Uint8Array>), SheetError>;

/// A request waiting for its answer.
struct Waiter {
    answer: oneshot::Sender<Answer>,
    /// Cancelled (dropped) with the waiter once the answer is in.
    _timer: Timeout,
}

/// A message ready to post, with the buffers it hands over.
struct Outgoing {
    id: u32,
    message: Object,
    transfer: Array,
}

impl Outgoing {
    fn new(id: u32, request: &Request, bytes: Option<Uint8Array>) -> Self {
        let message = Object::new();
        let transfer = Array::new();
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&message, &protocol::FIELD_ID.into(), &f64::from(id).into());
        let _ = Reflect::set(&message, &protocol::FIELD_JSON.into(), &protocol::request_json(request).into());
        if let Some(bytes) = bytes {
            transfer.push(&bytes.buffer());
            let _ = Reflect::set(&message, &protocol::FIELD_BYTES.into(), &bytes);
        }
        Outgoing { id, message, transfer }
    }
}

/// A started worker and the requests it owes answers to.
struct Live {
    worker: web_sys::Worker,
    /// Whether the worker said it is ready; until then requests queue.
    ready: bool,
    queued: Vec<Outgoing>,
    /// Requests sent or queued, by id; a handful at most, so a list.
    waiting: Vec<(u32, Waiter)>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Live {
    /// Starts the worker from [`protocol::LOADER`], relative to the page.
    fn start(bridge: Weak<RefCell<Bridge>>) -> Result<Self, SheetError> {
        let url = match build_token() {
            Some(token) => format!("{}?v={token}", protocol::LOADER),
            None => protocol::LOADER.to_owned(),
        };
        let worker = web_sys::Worker::new(&url).map_err(|e| SheetError::Browser { detail: js_error(e) })?;
        let on_message = {
            let bridge = bridge.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(bridge) = bridge.upgrade() {
                    receive(&bridge, &e.data());
                }
            })
        };
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            // Handled here: not also an uncaught error in the console.
            e.prevent_default();
            let Some(bridge) = bridge.upgrade() else { return };
            let detail = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(web_sys::ErrorEvent::message)
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| format!("{} did not start", protocol::LOADER));
            let ready = bridge.borrow().live.as_ref().is_some_and(|l| l.ready);
            let error = if ready { SheetError::Crashed { detail } } else { SheetError::Load { detail } };
            end(&bridge, &error);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Live {
            worker,
            ready: false,
            queued: Vec::new(),
            waiting: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    fn post(&self, out: &Outgoing) -> Result<(), SheetError> {
        self.worker
            .post_message_with_transfer(&out.message, &out.transfer)
            .map_err(|e| SheetError::Browser { detail: js_error(e) })
    }
}

impl Drop for Live {
    /// Stops the worker; its handlers go first, so that nothing calls into
    /// closures that are being dropped.
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// A token that changes with every build of the page (the hash Trunk put
/// in the page's wasm file name), added to the worker's address so that a
/// browser never mixes a cached worker with a newer page: the worker's own
/// file names carry no hash.
fn build_token() -> Option<String> {
    let tag = web_sys::window()?.document()?.query_selector("script[data-wasm]").ok()??;
    let wasm = tag.get_attribute("data-wasm")?;
    let token: String =
        wasm.trim_end_matches("_bg.wasm").rsplit('-').next()?.chars().filter(char::is_ascii_alphanumeric).collect();
    (!token.is_empty()).then_some(token)
}

/// Handles one message from the worker.
fn receive(bridge: &RefCell<Bridge>, data: &JsValue) {
    let field = |name: &str| Reflect::get(data, &name.into()).ok();
    // Ids are whole numbers from 1 up; anything else is "about the worker".
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let id = field(protocol::FIELD_ID).and_then(|v| v.as_f64()).map_or(0, |v| v.clamp(0.0, f64::from(u32::MAX)) as u32);
    let reply = match field(protocol::FIELD_JSON).and_then(|v| v.as_string()) {
        Some(json) => protocol::parse_reply(&json),
        None => Err(SheetError::BadMessage { detail: "no json field".to_owned() }),
    };
    let bytes = field(protocol::FIELD_BYTES).and_then(|v| v.dyn_into::<Uint8Array>().ok());
    match (id, reply) {
        (0, Ok(Reply::Ready)) => flush(bridge),
        (0, Ok(Reply::Failed { error }) | Err(error)) => end(bridge, &error),
        (0, Ok(other)) => end(bridge, &unexpected(&other)),
        (id, Ok(Reply::Failed { error })) if error.ends_worker() => {
            // Whatever else waited on this worker fails the same way.
            answer(bridge, id, Err(error.clone()));
            end(bridge, &error);
        }
        (id, Ok(reply)) => answer(bridge, id, Ok((reply, bytes))),
        (id, Err(error)) => answer(bridge, id, Err(error)),
    }
}

/// The worker is ready: sends what waited for it.
fn flush(bridge: &RefCell<Bridge>) {
    let mut failed = Vec::new();
    {
        let mut b = bridge.borrow_mut();
        let Some(live) = b.live.as_mut() else { return };
        live.ready = true;
        for out in std::mem::take(&mut live.queued) {
            if let Err(e) = live.post(&out) {
                failed.push((out.id, e));
            }
        }
    }
    for (id, error) in failed {
        answer(bridge, id, Err(error));
    }
}

/// Gives request `id` its answer (if it still waits).
fn answer(bridge: &RefCell<Bridge>, id: u32, result: Answer) {
    let waiter = bridge.borrow_mut().live.as_mut().and_then(|l| {
        let at = l.waiting.iter().position(|(i, _)| *i == id)?;
        Some(l.waiting.swap_remove(at).1)
    });
    if let Some(waiter) = waiter {
        // The receiver is gone only if its task was dropped: nobody to tell.
        let _ = waiter.answer.send(result);
    }
}

/// Stops the worker and gives every waiting request `error`.
fn end(bridge: &RefCell<Bridge>, error: &SheetError) {
    let live = bridge.borrow_mut().live.take();
    let Some(mut live) = live else { return };
    let waiting = std::mem::take(&mut live.waiting);
    drop(live);
    for (_, waiter) in waiting {
        let _ = waiter.answer.send(Err(error.clone()));
    }
}
