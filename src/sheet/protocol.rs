//! The messages between the page and the spreadsheet worker, and what can
//! go wrong in the worker. Pure and tested natively. The worker
//! (`src/bin/sheet_worker/main.rs`) reads requests and writes replies with
//! it; on the page's side `assets/sheet_client.js` sends the requests the
//! page's wasm hands it as JSON text and unpacks the replies, so that none
//! of this is in the page's own wasm.
//!
//! A message either way is a plain object `{ id, json, bytes? }`:
//!
//! - `id`: the request's number (from 1); the worker answers with the same
//!   number. 0 is a message about the worker itself (ready, failed to load).
//! - `json`: a [`Request`] or a [`Reply`] as JSON text, in serde's default
//!   (externally tagged) form: `"ready"`, `{"rows":{"sheet":…,"rows":…}}`,
//!   `{"failed":{"error":{"kind":"load","detail":…}}}`. Internally tagged
//!   enums would read more easily, but serde buffers them: their
//!   deserializers took twice the code in the page's wasm (measured).
//! - `bytes`: a `Uint8Array` whose buffer is transferred, not copied: the
//!   file to read, or the workbook written.

use serde::{Deserialize, Serialize};

use crate::model::export::ResultsTable;

/// The worker's loader script, relative to the page (so `dist/` works from
/// any sub-path). It loads `sheet-worker.js` and `sheet-worker_bg.wasm`
/// next to it.
pub const LOADER: &str = "sheet_loader.js";

/// Names of the message fields.
pub const FIELD_ID: &str = "id";
/// See [`FIELD_ID`].
pub const FIELD_JSON: &str = "json";
/// See [`FIELD_ID`].
pub const FIELD_BYTES: &str = "bytes";

/// The largest spreadsheet file read, in bytes (16 MiB). A sheet of bases
/// is a few kilobytes; this still lets a whole statistics workbook through.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most rows read from a sheet (counting from row 1).
pub const MAX_ROWS: u64 = 10_000;
/// The most columns read from a sheet (counting from column A).
pub const MAX_COLS: u64 = 200;

/// The MIME type of an .xlsx file.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// File name endings the worker reads (compared in lower case).
pub const SPREADSHEET_ENDINGS: [&str; 4] = [".xlsx", ".xlsm", ".xls", ".ods"];

/// Whether a file of this name goes to the worker rather than being read
/// as text (CSV, TSV).
pub fn is_spreadsheet_name(name: &str) -> bool {
    // ASCII only: the endings are, and Unicode case tables cost 4 KB.
    let lower = name.trim().to_ascii_lowercase();
    SPREADSHEET_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Write the table as an .xlsx workbook; the reply is [`Reply::Written`]
    /// with the file as its bytes.
    Write {
        /// The table, as `model::export::results_table` made it.
        table: ResultsTable,
    },
    /// Write the results table of the scenario a link code holds, in the
    /// language given (`zh` or `en`), as an .xlsx workbook: what the page
    /// asks, so that it sends a few dozen characters and computes nothing
    /// for the worker.
    WriteLink {
        /// The scenario's link code (`model::codec`).
        code: String,
        /// `zh` or `en`.
        lang: String,
    },
    /// Read the first worksheet of the spreadsheet file sent as the
    /// message's bytes; the reply is [`Reply::Rows`].
    Read,
    /// Panic inside the worker, so that the browser tests can check the
    /// panic comes back as [`SheetError::Panic`]. Changes nothing.
    PanicForTests,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker has loaded and listens (id 0).
    Ready,
    /// The workbook is written; the message's bytes are the .xlsx file.
    Written,
    /// The first worksheet, as text.
    Rows {
        /// The sheet's name, to tell the user which one was read.
        sheet: String,
        /// Rows from row 1 and cells from column A, as the spreadsheet
        /// numbers them: numbers as plain decimal text (28, 12.5), empty
        /// cells as "", trailing empty cells and rows left out.
        rows: Vec<Vec<String>>,
    },
    /// The request failed (or, with id 0, the worker failed to load).
    Failed {
        /// Why.
        error: SheetError,
        /// The message for the page in Chinese (empty where the loader
        /// script wrote the reply: the page words that one itself).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        zh: String,
        /// The same in English.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        en: String,
    },
}

impl Reply {
    /// A failure, worded in both languages for the page.
    pub fn failed(error: SheetError) -> Self {
        let (zh, en) = (crate::i18n::Lang::Zh.sheet_problem(&error), crate::i18n::Lang::En.sheet_problem(&error));
        Reply::Failed { error, zh, en }
    }
}

/// Everything that can go wrong with opening or saving a spreadsheet, on
/// either side of the worker. The page words each one in both languages
/// (`i18n::Lang::sheet_problem`).
///
/// On the wire it is a [`WireError`]: a derived deserializer for twelve
/// struct variants took 13 KB of the page's wasm before wasm-opt, the
/// flat struct takes about 2 KB.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(into = "WireError", try_from = "WireError")]
pub enum SheetError {
    /// Neither a zip archive (.xlsx, .ods) nor an old-style .xls file.
    #[error("not a zip archive or an .xls file")]
    NotZip,
    /// A zip or .xls container whose content is no readable workbook.
    #[error("not a readable spreadsheet: {detail}")]
    NotSpreadsheet {
        /// The reader's words.
        detail: String,
    },
    /// A workbook without any worksheet (only charts, say).
    #[error("the workbook has no worksheet")]
    NoSheet,
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("the file has {bytes} bytes, more than {limit}")]
    FileTooLarge {
        /// The file's size in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The first sheet reaches beyond [`MAX_ROWS`] or [`MAX_COLS`].
    #[error("the sheet has {rows} rows and {cols} columns, more than {max_rows} × {max_cols}")]
    SheetTooLarge {
        /// Last used row, from 1.
        rows: u64,
        /// Last used column, from 1.
        cols: u64,
        /// The row limit.
        max_rows: u64,
        /// The column limit.
        max_cols: u64,
    },
    /// The workbook could not be written.
    #[error("the workbook could not be written: {detail}")]
    Write {
        /// The writer's words.
        detail: String,
    },
    /// A message the other side could not understand (a page and a worker
    /// from different builds, say).
    #[error("a message could not be understood: {detail}")]
    BadMessage {
        /// What was wrong with it.
        detail: String,
    },
    /// The worker panicked; the page stops it and starts a new one next time.
    #[error("the worker hit an error: {detail}")]
    Panic {
        /// The panic message.
        detail: String,
    },
    /// The worker's files could not be loaded (missing from the server,
    /// blocked, or the browser cannot run them).
    #[error("the worker could not be loaded: {detail}")]
    Load {
        /// The browser's words.
        detail: String,
    },
}

/// A [`SheetError`] as it travels: its kind (the variant's name in snake
/// case), its words, its numbers in field order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireError {
    /// Which error: `not_zip`, `not_spreadsheet`, `no_sheet`,
    /// `file_too_large`, `sheet_too_large`, `write`, `bad_message`,
    /// `panic`, `load`, `crashed`, `timeout`, `browser`.
    pub kind: String,
    /// The `detail` field, if the variant has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// The numeric fields, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub n: Vec<u64>,
}

impl From<SheetError> for WireError {
    fn from(e: SheetError) -> Self {
        let (kind, detail, n) = match e {
            SheetError::NotZip => ("not_zip", String::new(), vec![]),
            SheetError::NotSpreadsheet { detail } => ("not_spreadsheet", detail, vec![]),
            SheetError::NoSheet => ("no_sheet", String::new(), vec![]),
            SheetError::FileTooLarge { bytes, limit } => ("file_too_large", String::new(), vec![bytes, limit]),
            SheetError::SheetTooLarge { rows, cols, max_rows, max_cols } => {
                ("sheet_too_large", String::new(), vec![rows, cols, max_rows, max_cols])
            }
            SheetError::Write { detail } => ("write", detail, vec![]),
            SheetError::BadMessage { detail } => ("bad_message", detail, vec![]),
            SheetError::Panic { detail } => ("panic", detail, vec![]),
            SheetError::Load { detail } => ("load", detail, vec![]),
        };
        WireError { kind: kind.to_owned(), detail, n }
    }
}

impl TryFrom<WireError> for SheetError {
    type Error = String;

    fn try_from(w: WireError) -> Result<Self, String> {
        let WireError { kind, detail, n: numbers } = w;
        let n = |i: usize| numbers.get(i).copied().unwrap_or(0);
        Ok(match kind.as_str() {
            "not_zip" => SheetError::NotZip,
            "not_spreadsheet" => SheetError::NotSpreadsheet { detail },
            "no_sheet" => SheetError::NoSheet,
            "file_too_large" => SheetError::FileTooLarge { bytes: n(0), limit: n(1) },
            "sheet_too_large" => SheetError::SheetTooLarge { rows: n(0), cols: n(1), max_rows: n(2), max_cols: n(3) },
            "write" => SheetError::Write { detail },
            "bad_message" => SheetError::BadMessage { detail },
            "panic" => SheetError::Panic { detail },
            "load" => SheetError::Load { detail },
            other => return Err(format!("unknown error kind {other:?}")),
        })
    }
}

/// A request as the `json` field of a message.
pub fn request_json(request: &Request) -> String {
    // Serialising these types cannot fail: string keys, finite or not, and
    // serde_json writes non-finite floats as null.
    serde_json::to_string(request).unwrap_or_default()
}

/// A reply as the `json` field of a message.
pub fn reply_json(reply: &Reply) -> String {
    serde_json::to_string(reply).unwrap_or_default()
}

/// Reads a request from a message's `json` field.
///
/// # Errors
///
/// [`SheetError::BadMessage`] when the text is no request.
pub fn parse_request(json: &str) -> Result<Request, SheetError> {
    serde_json::from_str(json).map_err(|e| SheetError::BadMessage { detail: e.to_string() })
}

/// Reads a reply from a message's `json` field.
///
/// # Errors
///
/// [`SheetError::BadMessage`] when the text is no reply.
pub fn parse_reply(json: &str) -> Result<Reply, SheetError> {
    serde_json::from_str(json).map_err(|e| SheetError::BadMessage { detail: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::{results_table, Cell};
    use crate::model::{Lang, Plan, Scenario};

    #[test]
    fn requests_and_replies_read_back_as_written() {
        let plan = Plan::shipped().unwrap();
        let table = results_table(&plan, &Scenario::default_for(&plan), Lang::Zh);
        let link = Request::WriteLink { code: "AgAAAAAAAAAAAAAAAABqvdUw".into(), lang: "en".into() };
        for request in [Request::Write { table }, link, Request::Read, Request::PanicForTests] {
            assert_eq!(parse_request(&request_json(&request)).unwrap(), request);
        }
        let replies = [
            Reply::Ready,
            Reply::Written,
            Reply::Rows { sheet: "基数".into(), rows: vec![vec!["单位".into(), "funds".into()], vec![]] },
            Reply::failed(SheetError::NotZip),
            Reply::failed(SheetError::SheetTooLarge { rows: 20_000, cols: 3, max_rows: MAX_ROWS, max_cols: MAX_COLS }),
        ];
        for reply in replies {
            assert_eq!(parse_reply(&reply_json(&reply)).unwrap(), reply);
        }
    }

    #[test]
    fn the_wire_format_is_what_the_loader_script_writes() {
        // assets/sheet_loader.js writes this by hand when the wasm fails to load.
        let text = r#"{"failed":{"error":{"kind":"load","detail":"404"}}}"#;
        let reply =
            Reply::Failed { error: SheetError::Load { detail: "404".into() }, zh: String::new(), en: String::new() };
        assert_eq!(parse_reply(text).unwrap(), reply);
        assert_eq!(parse_reply(r#""ready""#).unwrap(), Reply::Ready);
        let write = request_json(&Request::Write {
            table: ResultsTable {
                sheet: "S".into(),
                header: vec!["a".into()],
                rows: vec![vec![Cell::Number { v: 1.5, s: "1.5".into(), dp: 1 }, Cell::Empty]],
            },
        });
        assert!(write.starts_with(r#"{"write":{"table":{"sheet":"S""#), "{write}");
    }

    #[test]
    fn every_error_crosses_the_wire_unchanged() {
        let d = || "why".to_owned();
        let all = [
            SheetError::NotZip,
            SheetError::NotSpreadsheet { detail: d() },
            SheetError::NoSheet,
            SheetError::FileTooLarge { bytes: 20_000_000, limit: MAX_FILE_BYTES },
            SheetError::SheetTooLarge { rows: 20_001, cols: 3, max_rows: MAX_ROWS, max_cols: MAX_COLS },
            SheetError::Write { detail: d() },
            SheetError::BadMessage { detail: d() },
            SheetError::Panic { detail: d() },
            SheetError::Load { detail: d() },
        ];
        for error in all {
            let reply = Reply::failed(error);
            assert_eq!(parse_reply(&reply_json(&reply)).unwrap(), reply);
        }
        // The page shows the words as they come, in its language.
        assert_eq!(
            reply_json(&Reply::failed(SheetError::NoSheet)),
            r#"{"failed":{"error":{"kind":"no_sheet"},"zh":"文件中没有工作表。","en":"The file has no worksheet."}}"#
        );
        assert!(parse_reply(r#"{"failed":{"error":{"kind":"format_disk"}}}"#).is_err());
    }

    #[test]
    fn malformed_messages_are_errors_not_panics() {
        for text in ["", "{", "null", r#""format_disk""#, r#"{"write":{}}"#, r#"{"rows":{"sheet":"S"}}"#] {
            assert!(matches!(parse_request(text), Err(SheetError::BadMessage { .. })), "{text}");
            assert!(matches!(parse_reply(text), Err(SheetError::BadMessage { .. })), "{text}");
        }
    }

    #[test]
    fn spreadsheet_files_are_told_by_name() {
        for name in ["基数.xlsx", "B.XLSX", "old.xls", "calc.ods", "macro.xlsm", " a.xlsx "] {
            assert!(is_spreadsheet_name(name), "{name}");
        }
        for name in ["b.csv", "b.tsv", "b.txt", "xlsx", "b.xlsx.csv", ""] {
            assert!(!is_spreadsheet_name(name), "{name}");
        }
    }
}
