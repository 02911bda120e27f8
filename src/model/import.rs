//! Bases pasted from a spreadsheet (Excel, WPS: tab-separated) or read from
//! a CSV file: a header row naming indicators, then one row per unit. Every
//! problem is reported by row and column before anything is applied, and a
//! block with any blocking problem applies nothing.

use super::number::{parse_decimal, NumberError};
use super::plan::{IndicatorKey, Plan};
use super::scenario::{Base, BaseError};

/// One recognised value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImportedBase {
    /// Indicator.
    pub indicator: IndicatorKey,
    /// Unit index.
    pub unit: usize,
    /// The value.
    pub base: Base,
    /// Row in the block, from 1.
    pub row: usize,
    /// Column in the block, from 1.
    pub col: usize,
}

/// What is wrong (or was passed over) at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportIssue {
    /// No row names any indicator.
    NoHeader,
    /// A header cell that names no indicator.
    UnknownIndicator(String),
    /// The same indicator in two columns.
    DuplicateIndicator(String),
    /// A row whose first cell names no unit.
    UnknownUnit(String),
    /// A unit that already had a row (at the row given).
    DuplicateUnit(String, usize),
    /// A cell that is not a number.
    NotANumber(String),
    /// A negative number.
    Negative(String),
    /// An implausibly large number.
    TooLarge(String),
    /// A line passed over: above the header, a repeated header, or a total.
    Ignored(String),
}

impl ImportIssue {
    /// Whether this issue stops the block from being applied.
    pub fn blocks(&self) -> bool {
        !matches!(self, ImportIssue::Ignored(_))
    }
}

/// An issue and where it is; row and column count from 1, column `None`
/// for the whole row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// Row.
    pub row: usize,
    /// Column.
    pub col: Option<usize>,
    /// What.
    pub issue: ImportIssue,
}

/// What a block would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    /// Values recognised, in reading order.
    pub bases: Vec<ImportedBase>,
    /// Problems and passed-over lines, in reading order.
    pub issues: Vec<Located>,
}

impl ImportPreview {
    /// Whether the block can be applied: something recognised, nothing
    /// blocking.
    pub fn can_apply(&self) -> bool {
        !self.bases.is_empty() && !self.issues.iter().any(|i| i.issue.blocks())
    }
}

/// Splits text into rows of cells: tab-separated if any line has a tab,
/// else comma-separated with RFC 4180 quotes. Blank lines are kept as empty
/// rows so that row numbers match what the user sees.
pub fn split_table(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.lines().collect();
    if lines.iter().any(|l| l.contains('\t')) {
        return lines.iter().map(|l| l.split('\t').map(|c| c.trim().to_owned()).collect()).collect();
    }
    lines.iter().map(|l| split_csv_line(l)).collect()
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            _ => cell.push(c),
        }
    }
    cells.push(cell.trim().to_owned());
    cells
}

/// Squeezes a name for matching: no spaces, ASCII lower case (English
/// names are ASCII; Unicode case tables would cost the page 8 KB gzip).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect()
}

fn indicator_named(plan: &Plan, cell: &str) -> Option<IndicatorKey> {
    let c = squeeze(cell);
    let c = c.trim_end_matches("（亿元）").trim_end_matches("(亿元)").trim_end_matches("亿元");
    IndicatorKey::ALL.into_iter().find(|k| {
        let ind = plan.indicator(*k);
        [k.as_str(), &ind.short_zh, &ind.name_zh, &ind.short_en, &ind.name_en].iter().any(|n| squeeze(n) == c)
    })
}

fn unit_named(plan: &Plan, cell: &str) -> Option<usize> {
    let c = squeeze(cell);
    plan.units
        .iter()
        .position(|u| [&u.id, &u.name_zh, &u.full_zh, &u.name_en, &u.short_en].iter().any(|n| squeeze(n) == c))
}

fn is_total(cell: &str) -> bool {
    let c = squeeze(cell);
    ["全市", "合计", "全市合计", "总计", "total", "citytotal"].contains(&c.as_str())
}

/// Reads a block of bases against `plan` from pasted or CSV text.
pub fn read_bases(plan: &Plan, text: &str) -> ImportPreview {
    read_rows(plan, &split_table(text))
}

/// Reads bases from rows of cells (a sheet read from a spreadsheet file,
/// numbers already written out as text). Row and column numbers in the
/// problems count from 1, as a spreadsheet shows them.
pub fn read_rows(plan: &Plan, rows: &[Vec<String>]) -> ImportPreview {
    let mut out = ImportPreview::default();
    // The header: the first row naming at least one indicator after its first cell.
    let header_at = rows.iter().position(|r| r.iter().skip(1).any(|c| indicator_named(plan, c).is_some()));
    let Some(h) = header_at else {
        out.issues.push(Located { row: 1, col: None, issue: ImportIssue::NoHeader });
        return out;
    };
    for (i, r) in rows.iter().enumerate().take(h) {
        if r.iter().any(|c| !c.is_empty()) {
            out.issues.push(Located { row: i + 1, col: None, issue: ImportIssue::Ignored(r.join(" ")) });
        }
    }
    let mut columns: Vec<Option<IndicatorKey>> = Vec::new();
    for (j, cell) in rows[h].iter().enumerate().skip(1) {
        let key = indicator_named(plan, cell);
        match key {
            Some(k) if columns.contains(&Some(k)) => {
                out.issues.push(Located {
                    row: h + 1,
                    col: Some(j + 1),
                    issue: ImportIssue::DuplicateIndicator(cell.clone()),
                });
            }
            None if !cell.is_empty() => {
                out.issues.push(Located {
                    row: h + 1,
                    col: Some(j + 1),
                    issue: ImportIssue::UnknownIndicator(cell.clone()),
                });
            }
            _ => {}
        }
        columns.push(key);
    }
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for (i, r) in rows.iter().enumerate().skip(h + 1) {
        let row = i + 1;
        let Some(first) = r.first().filter(|c| !c.is_empty()) else {
            if r.iter().any(|c| !c.is_empty()) {
                out.issues.push(Located { row, col: Some(1), issue: ImportIssue::UnknownUnit(String::new()) });
            }
            continue;
        };
        if r == &rows[h] || is_total(first) {
            out.issues.push(Located { row, col: None, issue: ImportIssue::Ignored(first.clone()) });
            continue;
        }
        let Some(unit) = unit_named(plan, first) else {
            out.issues.push(Located { row, col: Some(1), issue: ImportIssue::UnknownUnit(first.clone()) });
            continue;
        };
        if let Some((_, at)) = seen.iter().find(|(u, _)| *u == unit) {
            out.issues.push(Located { row, col: Some(1), issue: ImportIssue::DuplicateUnit(first.clone(), *at) });
            continue;
        }
        seen.push((unit, row));
        for (j, cell) in r.iter().enumerate().skip(1) {
            let Some(Some(indicator)) = columns.get(j - 1) else { continue };
            let col = j + 1;
            let value = match parse_decimal(cell) {
                Err(NumberError::Empty) => continue,
                Err(NumberError::NotANumber(t)) => {
                    out.issues.push(Located { row, col: Some(col), issue: ImportIssue::NotANumber(t) });
                    continue;
                }
                Ok(v) => v,
            };
            match Base::new(value) {
                Ok(base) => out.bases.push(ImportedBase { indicator: *indicator, unit, base, row, col }),
                Err(BaseError::Invalid) => {
                    out.issues.push(Located { row, col: Some(col), issue: ImportIssue::Negative(cell.clone()) });
                }
                Err(BaseError::TooLarge) => {
                    out.issues.push(Located { row, col: Some(col), issue: ImportIssue::TooLarge(cell.clone()) });
                }
            }
        }
    }
    out
}
