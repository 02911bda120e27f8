//! The page's side of the spreadsheet worker (XLSX open and save): the one
//! module that asks it anything.
//!
//! Reading and writing spreadsheets needs `calamine` and `rust_xlsxwriter`,
//! about 520 KB of gzip that most visitors never use, so they live in a
//! second wasm (`src/bin/sheet_worker/main.rs`) run as a web worker. Even
//! the bridge to it stays out of the first load: `assets/boot.js` defines
//! `doublingSheets(json, bytes)`, which imports `assets/sheet_client.js` on
//! the first call; that module starts the worker, keeps it for later
//! requests, matches replies to requests, gives up after 20 s and words
//! the failures that happen outside the worker. The worker words its own.
//! Here the page only hands over JSON text and bytes and unpacks the answer,
//! so this feature adds a few KB to the page's wasm. Nothing here panics.

pub mod protocol;

use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Lang;
use crate::web::js_error;

/// A problem, worded in both languages (by the worker, or by the client
/// script for failures outside it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    zh: String,
    en: String,
}

impl Problem {
    /// A problem the browser reported, in its own words.
    fn browser(detail: String) -> Self {
        Problem { zh: detail.clone(), en: detail }
    }

    /// The words in `lang`.
    pub fn words(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

fn field(of: &JsValue, name: &str) -> JsValue {
    Reflect::get(of, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Sends one request (JSON text as in [`protocol::Request`], and the bytes
/// of a file to read) and waits for the worker's reply, already unpacked:
/// `{ reply, bytes }`.
async fn ask(json: &str, bytes: Option<Uint8Array>) -> Result<JsValue, Problem> {
    let hook = field(&js_sys::global(), "doublingSheets")
        .dyn_into::<Function>()
        .map_err(|_| Problem::browser("doublingSheets is missing (assets/boot.js)".to_owned()))?;
    let bytes = bytes.map_or(JsValue::UNDEFINED, JsValue::from);
    let promise =
        hook.call2(&JsValue::NULL, &JsValue::from_str(json), &bytes).map_err(|e| Problem::browser(js_error(e)))?;
    JsFuture::from(js_sys::Promise::resolve(&promise)).await.map_err(|e| {
        match (field(&e, "zh").as_string(), field(&e, "en").as_string()) {
            (Some(zh), Some(en)) => Problem { zh, en },
            _ => Problem::browser(js_error(e)),
        }
    })
}

/// A table (the workshop's, `model::workshop::table`) as an .xlsx
/// workbook: the file's bytes.
///
/// # Errors
///
/// A [`Problem`] as for [`write_xlsx`].
pub async fn write_table(table: crate::model::export::ResultsTable) -> Result<Uint8Array, Problem> {
    let json = serde_json::to_string(&protocol::Request::Write { table })
        .map_err(|e| Problem::browser(format!("the table could not be written: {e}")))?;
    let answer = ask(&json, None).await?;
    field(&answer, "bytes").dyn_into::<Uint8Array>().map_err(|_| Problem::browser("no workbook came back".to_owned()))
}

/// The results table of the scenario in `code` (a link code), in `lang`, as
/// an .xlsx workbook: the file's bytes.
///
/// # Errors
///
/// A [`Problem`] when the worker cannot be started or loaded, fails, stops
/// or does not answer in time.
pub async fn write_xlsx(code: &str, lang: Lang) -> Result<Uint8Array, Problem> {
    let lang = if lang == Lang::En { "en" } else { "zh" };
    // A link code is base64url: nothing in it needs escaping in JSON.
    let answer = ask(&format!(r#"{{"write_link":{{"code":"{code}","lang":"{lang}"}}}}"#), None).await?;
    field(&answer, "bytes").dyn_into::<Uint8Array>().map_err(|_| Problem::browser("no workbook came back".to_owned()))
}

/// The first worksheet of a spreadsheet file (.xlsx, .xls, .ods): its name
/// and its cells as text, rows from row 1 and cells from column A.
///
/// # Errors
///
/// A [`Problem`]: the file is too large, is no spreadsheet, or the worker
/// could not answer.
pub async fn read_file(file: &web_sys::File) -> Result<(String, Vec<Vec<String>>), Problem> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| Problem::browser(js_error(e)))?;
    let answer = ask(r#""read""#, Some(Uint8Array::new(&buffer))).await?;
    let rows = field(&field(&answer, "reply"), "rows");
    let sheet = field(&rows, "sheet").as_string().unwrap_or_default();
    let cells = |row: JsValue| Array::from(&row).iter().map(|c| c.as_string().unwrap_or_default()).collect();
    Ok((sheet, Array::from(&field(&rows, "rows")).iter().map(cells).collect()))
}
