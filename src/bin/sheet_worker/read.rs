//! The first worksheet of a spreadsheet file as rows of text, for
//! `model::import::read_rows`: .xlsx (and .xlsm), old .xls and .ods, told
//! apart by their first bytes rather than by their names.
//!
//! Rows and columns keep the places the spreadsheet shows (a sheet that
//! starts at B3 gets two empty rows and an empty first cell per row), so
//! that a problem "row 4, column 2" is where the user looks for it.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, SheetType, SheetVisible, Xls, Xlsx};
use doubling_sandbox::sheet::protocol::SheetError;
use doubling_sandbox::sheet::protocol::{MAX_COLS, MAX_FILE_BYTES, MAX_ROWS};

/// The container a file's first bytes announce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Container {
    /// A zip archive: .xlsx, .xlsm, .ods.
    Zip,
    /// An OLE compound file: .xls (and password-protected .xlsx).
    Compound,
}

fn container(bytes: &[u8]) -> Option<Container> {
    const COMPOUND: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some(Container::Zip)
    } else if bytes.starts_with(&COMPOUND) {
        Some(Container::Compound)
    } else {
        None
    }
}

/// The first worksheet of the file: its name and its rows of text (see
/// [`cell_text`]), without trailing empty cells and rows.
///
/// # Errors
///
/// [`SheetError::FileTooLarge`], [`SheetError::NotZip`] (neither zip nor
/// .xls), [`SheetError::NotSpreadsheet`] (a container without a readable
/// workbook), [`SheetError::NoSheet`], [`SheetError::SheetTooLarge`].
pub fn first_sheet(bytes: &[u8]) -> Result<(String, Vec<Vec<String>>), SheetError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(SheetError::FileTooLarge { bytes: size, limit: MAX_FILE_BYTES });
    }
    let not_spreadsheet = |e: &dyn std::fmt::Display| SheetError::NotSpreadsheet { detail: e.to_string() };
    let cursor = Cursor::new(bytes);
    match container(bytes).ok_or(SheetError::NotZip)? {
        Container::Compound => {
            let mut book: Xls<_> = Xls::new(cursor).map_err(|e| not_spreadsheet(&e))?;
            read_first(&mut book)
        }
        Container::Zip => match Xlsx::new(cursor.clone()) {
            Ok(mut book) => read_first(&mut book),
            // Not an Excel workbook: an OpenDocument one, or neither (then
            // the Excel reader's words say more than the ODS reader's).
            Err(xlsx_error) => match Ods::new(cursor) {
                Ok(mut book) => read_first(&mut book),
                Err(_) => Err(not_spreadsheet(&xlsx_error)),
            },
        },
    }
}

/// Reads the first visible worksheet (or, if all are hidden, the first).
fn read_first<R, RS>(book: &mut R) -> Result<(String, Vec<Vec<String>>), SheetError>
where
    R: Reader<RS>,
    R::Error: std::fmt::Display,
    RS: std::io::Read + std::io::Seek,
{
    let sheets = book.sheets_metadata();
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    let name = worksheets()
        .find(|s| s.visible == SheetVisible::Visible)
        .or_else(|| worksheets().next())
        .map(|s| s.name.clone())
        .ok_or(SheetError::NoSheet)?;
    let range = book.worksheet_range(&name).map_err(|e| SheetError::NotSpreadsheet { detail: e.to_string() })?;
    Ok((name, rows_of(&range)?))
}

/// The range's cells as rows of text from row 1 and column A.
///
/// # Errors
///
/// [`SheetError::SheetTooLarge`] when the range reaches beyond
/// [`MAX_ROWS`] or [`MAX_COLS`].
pub fn rows_of(range: &calamine::Range<Data>) -> Result<Vec<Vec<String>>, SheetError> {
    let (Some((top, left)), Some((bottom, right))) = (range.start(), range.end()) else {
        return Ok(Vec::new());
    };
    let (rows, cols) = (u64::from(bottom) + 1, u64::from(right) + 1);
    if rows > MAX_ROWS || cols > MAX_COLS {
        return Err(SheetError::SheetTooLarge { rows, cols, max_rows: MAX_ROWS, max_cols: MAX_COLS });
    }
    // Both below the limits checked above, so they fit usize.
    let (top, left) = (top as usize, left as usize);
    let mut out: Vec<Vec<String>> = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells: Vec<String> = vec![String::new(); left];
        cells.extend(row.iter().map(cell_text));
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        out.push(cells);
    }
    while out.last().is_some_and(Vec::is_empty) {
        out.pop();
    }
    Ok(out)
}

/// One cell as the text a person would type for it: numbers in plain
/// decimals without float noise (28.0 → "28", 0.1 + 0.2 → "0.3"), dates as
/// `YYYY-MM-DD` (so that a date where a number belongs is reported, not
/// taken as its serial number), errors as Excel writes them (`#DIV/0!`),
/// empty as "".
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) if d.is_duration() => duration_text(d.as_f64()),
        Data::DateTime(d) => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// A number in plain decimal text, rounded to 15 significant digits as
/// spreadsheets show them, so that binary float noise does not show:
/// 28.0 → "28", 12.5 → "12.5", 0.30000000000000004 → "0.3", 1e-7 →
/// "0.0000001" (never an exponent, which `parse_decimal` would refuse).
pub fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    // No "-0".
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded}")
}

/// A duration in days as h:mm:ss.
fn duration_text(days: f64) -> String {
    // Whole seconds of any duration a sheet holds fit i64.
    #[allow(clippy::cast_possible_truncation)]
    let total = (days * 86_400.0).round() as i64;
    let sign = if total < 0 { "-" } else { "" };
    let t = total.unsigned_abs();
    format!("{sign}{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType, Range};

    #[test]
    fn numbers_read_as_plain_decimals_without_float_noise() {
        for (f, text) in [
            (28.0, "28"),
            (12.5, "12.5"),
            (0.1 + 0.2, "0.3"),
            (52.269_28, "52.26928"),
            (1200.0, "1200"),
            (-0.0, "0"),
            (-3.25, "-3.25"),
            (1e-7, "0.0000001"),
            (1e21, "1000000000000000000000"),
            (39.199_999_999_999_996, "39.2"),
        ] {
            assert_eq!(number_text(f), text, "{f}");
        }
        assert_eq!(cell_text(&Data::Int(2022)), "2022");
        assert_eq!(cell_text(&Data::Float(475.0)), "475");
    }

    #[test]
    fn other_cells_read_as_a_person_would_type_them() {
        assert_eq!(cell_text(&Data::Empty), "");
        assert_eq!(cell_text(&Data::String("  华龙区 ".into())), "华龙区");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(cell_text(&Data::Error(CellErrorType::Div0)), "#DIV/0!");
        let date = ExcelDateTime::new(45_943.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), "2025-10-13");
        let when = ExcelDateTime::new(45_943.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(when)), "2025-10-13 12:00:00");
        let long = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(cell_text(&Data::DateTime(long)), "36:00:00");
        assert_eq!(cell_text(&Data::DateTimeIso("2024-01-02".into())), "2024-01-02");
    }

    #[test]
    fn rows_keep_the_places_the_spreadsheet_shows() {
        // A block from B3 to C4 with an empty cell at C4.
        let mut range = Range::new((2, 1), (3, 2));
        range.set_value((2, 1), Data::String("单位".into()));
        range.set_value((2, 2), Data::String("funds".into()));
        range.set_value((3, 1), Data::String("华龙区".into()));
        let rows = rows_of(&range).unwrap();
        assert_eq!(
            rows,
            vec![
                Vec::<String>::new(),
                vec![],
                vec![String::new(), "单位".into(), "funds".into()],
                vec![String::new(), "华龙区".into()],
            ]
        );
        assert_eq!(rows_of(&Range::<Data>::empty()).unwrap(), Vec::<Vec<String>>::new());
    }

    #[test]
    fn a_sheet_beyond_the_limits_is_refused() {
        let mut range = Range::new((0, 0), (20_000, 1));
        range.set_value((20_000, 1), Data::Int(1));
        assert_eq!(
            rows_of(&range),
            Err(SheetError::SheetTooLarge { rows: 20_001, cols: 2, max_rows: MAX_ROWS, max_cols: MAX_COLS })
        );
    }

    #[test]
    fn what_is_no_spreadsheet_says_so() {
        assert_eq!(first_sheet(b"not a spreadsheet at all"), Err(SheetError::NotZip));
        assert_eq!(first_sheet(b""), Err(SheetError::NotZip));
        // A zip header with nothing behind it.
        assert!(matches!(first_sheet(b"PK\x03\x04garbage"), Err(SheetError::NotSpreadsheet { .. })));
        // An .xls signature with nothing behind it.
        let compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(matches!(first_sheet(&compound), Err(SheetError::NotSpreadsheet { .. })));
        let big = vec![0_u8; usize::try_from(MAX_FILE_BYTES).unwrap() + 1];
        assert!(matches!(first_sheet(&big), Err(SheetError::FileTooLarge { .. })));
    }
}
