//! The spreadsheet worker: a wasm of its own, run as a web worker, that
//! writes the results table as .xlsx and reads the first worksheet of an
//! .xlsx, .xls or .ods file. It carries `calamine` and `rust_xlsxwriter` so that
//! the page's own wasm does not (see `sheet` for the page's side and
//! `sheet::protocol` for the messages).
//!
//! Trunk builds it as a worker target (`data-type="worker"`, wasm-bindgen's
//! no-modules output); `assets/sheet_loader.js` loads it. `main` runs once
//! the wasm is instantiated: it installs the message handler and says it is
//! ready. Every request gets exactly one reply with its id. A panic is
//! reported as a [`SheetError::Panic`] reply before the wasm traps (the
//! release profile aborts on panic); the page then stops this worker.
//!
//! Only meaningful in a browser worker: run natively, `main` has no worker
//! scope to listen on. The pure parts (`read`, `write`, [`serve`]) are
//! tested natively.

mod read;
mod write;

use std::cell::Cell;

use doubling_sandbox::model::export::{results_table, ResultsTable};
use doubling_sandbox::model::{Lang, LinkState, Plan};
use doubling_sandbox::sheet::protocol::SheetError;
use doubling_sandbox::sheet::protocol::{self, Reply, Request};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    /// The id of the request being served, for the panic hook's reply.
    static SERVING: Cell<u32> = const { Cell::new(0) };
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let id = SERVING.with(Cell::get);
        let error = SheetError::Panic { detail: info.to_string() };
        post(id, &Reply::failed(error), None);
    }));
    let Some(scope) = scope() else { return };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| on_message(&e.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(0, &Reply::Ready, None);
}

fn scope() -> Option<DedicatedWorkerGlobalScope> {
    js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>().ok()
}

/// Unpacks one request, serves it and posts the reply.
fn on_message(data: &JsValue) {
    let field = |name: &str| Reflect::get(data, &name.into()).ok();
    // Ids are whole numbers the page counts up from 1.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let id = field(protocol::FIELD_ID).and_then(|v| v.as_f64()).map_or(0, |v| v.clamp(0.0, f64::from(u32::MAX)) as u32);
    let request = match field(protocol::FIELD_JSON).and_then(|v| v.as_string()) {
        Some(json) => protocol::parse_request(&json),
        None => Err(SheetError::BadMessage { detail: "no json field".to_owned() }),
    };
    let bytes = field(protocol::FIELD_BYTES).and_then(|v| v.dyn_into::<Uint8Array>().ok()).map(|b| b.to_vec());
    SERVING.with(|s| s.set(id));
    let (reply, out) = match request {
        Ok(request) => serve(request, bytes.as_deref()),
        Err(error) => (Reply::failed(error), None),
    };
    post(id, &reply, out.as_deref());
    SERVING.with(|s| s.set(0));
}

/// What the worker answers to `request`, with the bytes that go back.
///
/// # Panics
///
/// On [`Request::PanicForTests`], on purpose.
fn serve(request: Request, bytes: Option<&[u8]>) -> (Reply, Option<Vec<u8>>) {
    match request {
        Request::Write { table } => written(write::xlsx(&table)),
        Request::WriteLink { code, lang } => written(results_of_link(&code, &lang).and_then(|t| write::xlsx(&t))),
        Request::Read => {
            let Some(bytes) = bytes else {
                let error = SheetError::BadMessage { detail: "a read request without bytes".to_owned() };
                return (Reply::failed(error), None);
            };
            match read::first_sheet(bytes) {
                Ok((sheet, rows)) => (Reply::Rows { sheet, rows }, None),
                Err(error) => (Reply::failed(error), None),
            }
        }
        Request::PanicForTests => panic!("simulated panic in the sheet worker (test hook)"),
    }
}

/// The reply to a write.
fn written(file: Result<Vec<u8>, SheetError>) -> (Reply, Option<Vec<u8>>) {
    match file {
        Ok(file) => (Reply::Written, Some(file)),
        Err(error) => (Reply::failed(error), None),
    }
}

/// The results table of the scenario a link code holds, worded in `lang`.
fn results_of_link(code: &str, lang: &str) -> Result<ResultsTable, SheetError> {
    let bad = |detail: String| SheetError::BadMessage { detail };
    let plan = Plan::shipped().map_err(|e| bad(e.to_string()))?;
    let state = LinkState::decode(code, &plan).map_err(|e| bad(e.to_string()))?;
    let lang = match lang {
        "en" => Lang::En,
        "zh" => Lang::Zh,
        other => return Err(bad(format!("unknown language {other:?}"))),
    };
    Ok(results_table(&plan, &state.scenario, lang))
}

/// Posts a reply to the page, handing over the bytes' buffer.
fn post(id: u32, reply: &Reply, bytes: Option<&[u8]>) {
    let Some(scope) = scope() else { return };
    let message = Object::new();
    let transfer = Array::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(&message, &protocol::FIELD_ID.into(), &f64::from(id).into());
    let _ = Reflect::set(&message, &protocol::FIELD_JSON.into(), &protocol::reply_json(reply).into());
    if let Some(bytes) = bytes {
        let array = Uint8Array::from(bytes);
        transfer.push(&array.buffer());
        let _ = Reflect::set(&message, &protocol::FIELD_BYTES.into(), &array);
    }
    if scope.post_message_with_transfer(&message, &transfer).is_err() {
        // The page cannot be told by message; its timeout will tell the user.
        web_sys::console::error_1(&"sheet worker: the reply could not be posted".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doubling_sandbox::model::export::Cell as TableCell;
    use doubling_sandbox::model::{import::read_rows, IndicatorKey, Scenario};
    use std::io::Read as _;

    fn written(table: &doubling_sandbox::model::export::ResultsTable) -> Vec<u8> {
        match serve(Request::Write { table: table.clone() }, None) {
            (Reply::Written, Some(bytes)) => bytes,
            other => panic!("{other:?}"),
        }
    }

    fn read_back(bytes: &[u8]) -> (String, Vec<Vec<String>>) {
        match serve(Request::Read, Some(bytes)) {
            (Reply::Rows { sheet, rows }, None) => (sheet, rows),
            other => panic!("{other:?}"),
        }
    }

    fn zip_entry(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    /// Writes `table`, reads it back and compares every cell: text as
    /// written, numbers as plain decimals, empty cells empty.
    fn assert_round_trip(table: &doubling_sandbox::model::export::ResultsTable) {
        let (sheet, rows) = read_back(&written(table));
        assert_eq!(sheet, table.sheet);
        assert_eq!(rows[0], table.header);
        assert_eq!(rows.len(), table.rows.len() + 1);
        for (got, want) in rows[1..].iter().zip(&table.rows) {
            let mut want: Vec<String> = want
                .iter()
                .map(|c| match c {
                    TableCell::Empty => String::new(),
                    TableCell::Text { s } => s.clone(),
                    TableCell::Number { v, .. } => read::number_text(*v),
                })
                .collect();
            while want.last().is_some_and(String::is_empty) {
                want.pop();
            }
            assert_eq!(got, &want);
        }
    }

    #[test]
    fn the_results_table_reads_back_cell_for_cell() {
        let plan = Plan::shipped().unwrap();
        for lang in [Lang::Zh, Lang::En] {
            assert_round_trip(&results_table(&plan, &Scenario::default_for(&plan), lang));
        }
        // Every released link: names, sources, unallocated parts, reported years.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/links");
        let (mut seen, mut unallocated) = (0, false);
        for version in std::fs::read_dir(dir).unwrap() {
            for file in std::fs::read_dir(version.unwrap().path()).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                let golden: serde_json::Value = serde_json::from_str(&text).unwrap();
                let state = LinkState::decode(golden["code"].as_str().unwrap(), &plan).unwrap();
                let table = results_table(&plan, &state.scenario, state.lang);
                assert_round_trip(&table);
                unallocated |= table.rows.iter().any(|r| r[1].as_text() == "市直、其他");
                seen += 1;
            }
        }
        assert!(seen >= 10 && unallocated, "{seen} golden links, unallocated part: {unallocated}");
    }

    #[test]
    fn the_workbook_has_number_formats_a_bold_frozen_header_and_widths() {
        let plan = Plan::shipped().unwrap();
        let table = results_table(&plan, &Scenario::default_for(&plan), Lang::Zh);
        let bytes = written(&table);
        let styles = zip_entry(&bytes, "xl/styles.xml");
        for format in ["0.0000", "0.00", "0"] {
            assert!(styles.contains(&format!("formatCode=\"{format}\"")), "{format} in {styles}");
        }
        assert!(styles.contains("<b/>"), "bold font in {styles}");
        let sheet = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#),
            "{sheet}"
        );
        assert!(sheet.contains("<cols>"), "{sheet}");
        // 华龙区 2022 base 28 is a number cell, not text.
        assert!(sheet.contains("<v>28</v>"), "{sheet}");
        let workbook = zip_entry(&bytes, "xl/workbook.xml");
        assert!(workbook.contains(r#"name="测算结果""#), "{workbook}");
    }

    #[test]
    fn a_bases_sheet_written_by_a_spreadsheet_previews_like_pasted_text() {
        let plan = Plan::shipped().unwrap();
        let num = |v: f64| TableCell::Number { v, s: String::new(), dp: 1 };
        let text = |s: &str| TableCell::Text { s: s.to_owned() };
        let table = doubling_sandbox::model::export::ResultsTable {
            sheet: "基数".into(),
            header: vec!["单位".into(), "招商引资到位资金".into(), "产能".into()],
            rows: vec![vec![text("华龙区"), num(30.5), num(1200.0)], vec![text("经开区"), num(48.0)]],
        };
        let (_, rows) = read_back(&written(&table));
        let preview = read_rows(&plan, &rows);
        assert!(preview.can_apply(), "{preview:?}");
        let found: Vec<(IndicatorKey, usize, f64, usize, usize)> =
            preview.bases.iter().map(|b| (b.indicator, b.unit, b.base.yi(), b.row, b.col)).collect();
        assert_eq!(
            found,
            vec![
                (IndicatorKey::Funds, 0, 30.5, 2, 2),
                (IndicatorKey::Capacity, 0, 1200.0, 2, 3),
                (IndicatorKey::Funds, 6, 48.0, 3, 2),
            ]
        );
    }

    #[test]
    fn bases_kept_in_other_programs_read_as_typed() {
        // Written by scripts/make_sheet_fixtures.py, not by this worker.
        let plan = Plan::shipped().unwrap();
        for bytes in [
            &include_bytes!("../../../tests/fixtures/bases.xlsx")[..],
            include_bytes!("../../../tests/fixtures/bases.ods"),
            include_bytes!("../../../tests/fixtures/bases.xls"),
        ] {
            let (sheet, rows) = read_back(bytes);
            assert_eq!(sheet, "基数");
            assert_eq!(
                rows,
                vec![
                    vec!["2022年基数（示意）"],
                    vec!["单位", "招商引资到位资金", "产能（亿元）"],
                    vec!["华龙区", "30.5", "1200"],
                    vec!["濮阳经济技术开发区", "48"],
                    vec!["台前县", "12.3", "95.25"],
                    vec!["合计", "90.8", "1295.25"],
                ]
            );
            let preview = read_rows(&plan, &rows);
            assert!(preview.can_apply(), "{preview:?}");
            assert_eq!(preview.bases.len(), 5);
        }
    }

    #[test]
    fn a_link_code_is_written_as_its_results() {
        let plan = Plan::shipped().unwrap();
        let golden = std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/links/v2"))
            .unwrap()
            .map(|f| f.unwrap().path())
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with("AgIoMjAy"))
            .unwrap();
        let golden: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(golden).unwrap()).unwrap();
        let code = golden["code"].as_str().unwrap().to_owned();
        let state = LinkState::decode(&code, &plan).unwrap();
        for (lang, key) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            let by_link = serve(Request::WriteLink { code: code.clone(), lang: key.into() }, None);
            let (Reply::Written, Some(bytes)) = by_link else { panic!("{by_link:?}") };
            let (_, rows) = read_back(&bytes);
            let (_, want) = read_back(&written(&results_table(&plan, &state.scenario, lang)));
            assert_eq!(rows, want);
        }
        let broken = serve(Request::WriteLink { code: code[..20].to_owned(), lang: "zh".into() }, None);
        let (Reply::Failed { error: SheetError::BadMessage { .. }, zh, en }, None) = broken else {
            panic!("{broken:?}")
        };
        assert!(zh.contains("版本不一致") && en.contains("do not match"), "{zh} / {en}");
    }

    #[test]
    fn broken_requests_get_an_error_reply() {
        assert!(matches!(
            serve(Request::Read, None),
            (Reply::Failed { error: SheetError::BadMessage { .. }, .. }, None)
        ));
        let garbage: Vec<u8> = (0..2000_u32).map(|i| u8::try_from(i * 7919 % 251).unwrap()).collect();
        assert_eq!(serve(Request::Read, Some(&garbage)), (Reply::failed(SheetError::NotZip), None));
    }
}
