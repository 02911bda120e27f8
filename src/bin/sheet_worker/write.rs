//! The results table as an .xlsx workbook: one sheet named after the
//! table, the header in bold and frozen, numbers stored as numbers with
//! the table's decimals as their number format, columns wide enough for
//! their text (Chinese characters count double).

use doubling_sandbox::model::export::{Cell, ResultsTable};
use doubling_sandbox::sheet::protocol::SheetError;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The narrowest and widest column, in Excel's character widths.
const MIN_WIDTH: f64 = 6.0;
/// See [`MIN_WIDTH`].
const MAX_WIDTH: f64 = 48.0;

/// Writes `table` as the bytes of an .xlsx file.
///
/// # Errors
///
/// [`SheetError::Write`] when the writer refuses (more rows or columns
/// than a sheet holds, say).
pub fn xlsx(table: &ResultsTable) -> Result<Vec<u8>, SheetError> {
    build(table).map_err(|e| SheetError::Write { detail: e.to_string() })
}

fn build(table: &ResultsTable) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&table.sheet))?;
    let bold = Format::new().set_bold();
    // One format per number of decimals, made once.
    let mut formats: Vec<Format> = Vec::new();
    for (col, title) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, col_num(col)?, title, &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let row_num = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (col, cell) in row.iter().enumerate() {
            let col = col_num(col)?;
            match cell {
                Cell::Empty => {}
                Cell::Text { s } => {
                    sheet.write_string(row_num, col, s)?;
                }
                Cell::Number { v, dp, .. } => {
                    let dp = usize::from(*dp);
                    while formats.len() <= dp {
                        formats.push(Format::new().set_num_format(number_format(formats.len())));
                    }
                    sheet.write_number_with_format(row_num, col, *v, &formats[dp])?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    for (col, width) in column_widths(table).into_iter().enumerate() {
        sheet.set_column_width(col_num(col)?, width)?;
    }
    workbook.save_to_buffer()
}

fn col_num(col: usize) -> Result<u16, XlsxError> {
    u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The number format that shows `dp` decimals: "0", "0.0", "0.00", …
pub fn number_format(dp: usize) -> String {
    if dp == 0 {
        "0".to_owned()
    } else {
        format!("0.{}", "0".repeat(dp))
    }
}

/// A name Excel accepts for a sheet: at most 31 characters, none of
/// `[ ] : * ? / \`, not starting or ending with an apostrophe, not empty.
pub fn sheet_name(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '_' } else { c }).take(31).collect();
    let cleaned = cleaned.trim_matches('\'').trim();
    if cleaned.is_empty() {
        "Sheet1".to_owned()
    } else {
        cleaned.to_owned()
    }
}

/// How wide a text looks, in Excel's character widths: East Asian wide
/// and full-width characters count 2, others 1.
pub fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if is_wide(c) { 2.0 } else { 1.0 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Each column's width: its widest text (header or cell, numbers as
/// shown with their decimals) plus a margin, within [`MIN_WIDTH`] and
/// [`MAX_WIDTH`].
pub fn column_widths(table: &ResultsTable) -> Vec<f64> {
    let columns = table.rows.iter().map(Vec::len).chain([table.header.len()]).max().unwrap_or(0);
    (0..columns)
        .map(|c| {
            let header = table.header.get(c).map_or(0.0, |h| text_width(h));
            let widest = table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| match cell {
                    Cell::Empty => 0.0,
                    Cell::Text { s } => text_width(s),
                    Cell::Number { v, dp, .. } => text_width(&format!("{v:.*}", usize::from(*dp))),
                })
                .fold(header, f64::max);
            (widest + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_show_the_decimals_asked_for() {
        assert_eq!(number_format(0), "0");
        assert_eq!(number_format(1), "0.0");
        assert_eq!(number_format(4), "0.0000");
    }

    #[test]
    fn sheet_names_are_made_acceptable() {
        assert_eq!(sheet_name("测算结果"), "测算结果");
        assert_eq!(sheet_name("a/b:c"), "a_b_c");
        assert_eq!(sheet_name("'quoted'"), "quoted");
        assert_eq!(sheet_name(""), "Sheet1");
        assert_eq!(sheet_name("   "), "Sheet1");
        assert_eq!(sheet_name(&"长".repeat(40)).chars().count(), 31);
    }

    #[test]
    fn chinese_counts_double_in_column_widths() {
        assert!((text_width("单位") - 4.0).abs() < f64::EPSILON);
        assert!((text_width("unit") - 4.0).abs() < f64::EPSILON);
        assert!((text_width("（%）") - 5.0).abs() < f64::EPSILON);
        let table = ResultsTable {
            sheet: "S".into(),
            header: vec!["数值（亿元）".into(), "x".into()],
            rows: vec![vec![Cell::Number { v: 12_345.678_9, s: String::new(), dp: 4 }, Cell::Empty]],
        };
        // 数值（亿元）: 6 wide characters = 12, + 2; "x" is below the minimum.
        assert_eq!(column_widths(&table), vec![14.0, MIN_WIDTH]);
        let long = ResultsTable { sheet: "S".into(), header: vec!["字".repeat(60)], rows: vec![] };
        assert_eq!(column_widths(&long), vec![MAX_WIDTH]);
    }
}
