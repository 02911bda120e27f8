//! The results table as CSV: every indicator, unit and year with growth,
//! value, floor and doubling, for spreadsheets. UTF-8 with a byte-order
//! mark so that Excel and WPS open Chinese correctly.

use serde::{Deserialize, Serialize};

use super::plan::{IndicatorKey, Plan};
use super::projection::{reaches, Projection};
use super::report::YearGrowth;
use super::scenario::{IndicatorInputs, Scenario};
use super::uncertainty::{Outlook, Sampler, Uncertainty};
use super::Lang;

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: char = '\u{feff}';

/// Quotes a field if it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Which row of an indicator.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    Unit(usize),
    Unallocated,
    City,
}

/// One cell of the results table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Cell {
    /// Nothing (a growth in the base year, a floor where none applies).
    Empty,
    /// Words: an indicator, a unit, yes or no.
    Text {
        /// The words.
        s: String,
    },
    /// A number: its value for spreadsheets that compute, and the text a
    /// CSV writes (rounded as the page shows it).
    Number {
        /// The value; in JSON as its shortest exact text (see [`exact`]).
        #[serde(with = "exact")]
        v: f64,
        /// The value as CSV text.
        s: String,
        /// Decimals a spreadsheet should show.
        dp: u8,
    },
}

impl Cell {
    pub(crate) fn text(s: impl Into<String>) -> Self {
        Cell::Text { s: s.into() }
    }

    pub(crate) fn number(v: f64, s: String, dp: u8) -> Self {
        Cell::Number { v, s, dp }
    }

    /// The cell as CSV text (unquoted).
    pub fn as_text(&self) -> &str {
        match self {
            Cell::Empty => "",
            Cell::Text { s } | Cell::Number { s, .. } => s,
        }
    }
}

/// A number in JSON as the shortest text that reads back to the same
/// `f64` (Rust's `Display`), parsed with Rust's exact `str::parse`: the
/// spreadsheet worker then writes bit for bit the value the page computed.
/// As a JSON number it could come back one unit in the last place off,
/// since `serde_json` parses floats fast, not exactly, unless its
/// `float_roundtrip` feature is on (which would cost the page's wasm 8 KB).
mod exact {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use std::borrow::Cow;

    // serde's `with` contract passes the field by reference.
    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let text = Cow::<str>::deserialize(d)?;
        text.parse().map_err(|_| D::Error::custom(format!("not a number: {text}")))
    }
}

/// The column titles.
fn header(zh: bool) -> [&'static str; 11] {
    if zh {
        [
            "指标",
            "单位",
            "年份",
            "增速（%）",
            "数值（亿元）",
            "年度底线（%）",
            "达到底线",
            "目标年翻番/达标",
            "目标（亿元）",
            "已公布",
            "基数来源",
        ]
    } else {
        [
            "indicator",
            "unit",
            "year",
            "growth (%)",
            "value (100M yuan)",
            "floor (%)",
            "floor met",
            "doubled / target met",
            "target (100M yuan)",
            "reported",
            "source of bases",
        ]
    }
}

/// The columns added while uncertainty is on.
fn chance_header(zh: bool) -> [&'static str; 6] {
    if zh {
        [
            "区间下半宽（百分点）",
            "区间上半宽（百分点）",
            "达到底线概率（%）",
            "翻番/达标概率（%）",
            "ρ 同年共同冲击",
            "φ 逐年延续",
        ]
    } else {
        [
            "range below (points)",
            "range above (points)",
            "chance of floor (%)",
            "chance of doubling / target (%)",
            "rho (common shock)",
            "phi (persistence)",
        ]
    }
}

/// A probability as a percent cell, to 0.01 (exact for 10,000 draws: the
/// value is the decimal the CSV writes, not p × 100 one ulp off it).
fn chance_cell(p: f64) -> Cell {
    let percent = (p * 10_000.0).round() / 100.0;
    Cell::number(percent, format!("{percent:.2}"), 2)
}

/// The six cells a row adds while uncertainty is on: the range of an open
/// year (`k` counts from the base year), the chance of the year's floor,
/// the chance of doubling (the target, for the city) in the target year
/// (`last`), ρ and φ.
fn chance_cells(
    o: &Outlook,
    inputs: &IndicatorInputs,
    row: Row,
    k: usize,
    last: bool,
    settings: Uncertainty,
) -> [Cell; 6] {
    let two = |v: f64| Cell::number(v, format!("{v:.2}"), 2);
    let points = |bp: u16| two(f64::from(bp) / 100.0);
    let open = k > 0 && !inputs.is_locked(k - 1);
    let range = match row {
        Row::Unit(u) if open => inputs.ranges.get(u, k - 1),
        Row::Unallocated if open => Some(inputs.ranges.unallocated),
        _ => None,
    };
    let years = inputs.growth.years();
    let floor = match row {
        Row::Unit(u) if k > 0 => o.floors.get(u * years + k - 1).copied().flatten(),
        _ => None,
    };
    let goal = match row {
        Row::Unit(u) if last => o.doubling.get(u).copied(),
        Row::City if last => Some(o.target),
        _ => None,
    };
    [
        range.map_or(Cell::Empty, |r| points(r.low_bp())),
        range.map_or(Cell::Empty, |r| points(r.high_bp())),
        floor.map_or(Cell::Empty, |c| chance_cell(c.p)),
        goal.map_or(Cell::Empty, |c| chance_cell(c.p)),
        two(settings.rho.value()),
        two(settings.phi.value()),
    ]
}

/// The results table: a header and rows of cells, for CSV and XLSX alike.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsTable {
    /// The sheet's name.
    pub sheet: String,
    /// Column titles.
    pub header: Vec<String>,
    /// One row per indicator, unit (and the city total) and year.
    pub rows: Vec<Vec<Cell>>,
}

/// The results table: one row per indicator, unit (and the city total) and
/// year from the base year: growth (%, empty for the base year), value
/// (亿元), the year's floor (%), whether it is met, and in the target year
/// whether the unit doubled its base (for the city: whether the target is
/// met). While uncertainty is on, six more columns: each open cell's
/// range, the chance of its floor, the chance of doubling (of the target
/// for the city), and ρ and φ (see [`super::uncertainty`]).
pub fn results_table(plan: &Plan, scenario: &Scenario, lang: Lang) -> ResultsTable {
    let zh = lang == Lang::Zh;
    let sampler = Sampler::new();
    let settings = scenario.uncertainty;
    let outlooks: Option<Vec<Outlook>> =
        settings.on.then(|| IndicatorKey::ALL.iter().map(|k| Outlook::of(plan, scenario, *k, &sampler)).collect());
    let (yes, no) = if zh { ("是", "否") } else { ("yes", "no") };
    let yes_no = |b: bool| Cell::text(if b { yes } else { no });
    let mut rows = Vec::new();
    for key in IndicatorKey::ALL {
        let ind = plan.indicator(key);
        let name = if zh { &ind.short_zh } else { &ind.short_en };
        let inputs = scenario.inputs(key);
        let projection = Projection::of(inputs);
        let years: Vec<u16> = (plan.base_year..=ind.target_year).collect();
        let names = plan
            .units
            .iter()
            .enumerate()
            .map(|(u, unit)| (Row::Unit(u), if zh { &unit.name_zh } else { &unit.name_en }));
        let (city_name, rest_name) =
            if zh { ("全市合计", "市直、其他") } else { ("City total", "City-level, other") };
        let (city_name, rest_name) = (city_name.to_owned(), rest_name.to_owned());
        let rest = projection.unallocated.as_ref().map(|_| (Row::Unallocated, &rest_name));
        for (row, row_name) in names.chain(rest).chain(std::iter::once((Row::City, &city_name))) {
            for (k, year) in years.iter().enumerate() {
                let path = match row {
                    Row::Unit(u) => &projection.units[u],
                    Row::Unallocated => projection.unallocated.as_ref().unwrap_or(&projection.city),
                    Row::City => &projection.city,
                };
                let value = path[k];
                // A unit's growth as set (exact), or as reported levels imply.
                let growth = match row {
                    Row::Unit(u) if k > 0 => inputs.year_growth(&projection, u, k - 1),
                    _ => None,
                };
                // The part nobody reports has no floor of its own.
                let floor = (k > 0 && row != Row::Unallocated).then(|| ind.floor(*year)).flatten();
                let floor_met = match (growth, floor) {
                    (Some(g), Some(_)) => yes_no(g.meets_floor(floor)),
                    _ => Cell::Empty,
                };
                let last = *year == ind.target_year;
                let goal = match row {
                    Row::Unit(u) if last => yes_no(reaches(value, 2.0 * projection.units[u][0])),
                    Row::City if last => yes_no(reaches(value, ind.city_target)),
                    _ => Cell::Empty,
                };
                let mut cells = vec![
                    Cell::text(name.as_str()),
                    Cell::text(row_name.as_str()),
                    Cell::number(f64::from(*year), year.to_string(), 0),
                    growth.map_or(Cell::Empty, |g| match g {
                        YearGrowth::Set(set) => Cell::number(g.percent(), set.to_string(), 2),
                        YearGrowth::Implied(p) => Cell::number(p, format!("{p:.2}"), 2),
                    }),
                    Cell::number(value, format!("{value:.4}"), 4),
                    floor.map_or(Cell::Empty, |f| Cell::number(f.percent(), f.to_string(), 2)),
                    floor_met,
                    goal,
                    if row == Row::City && last {
                        Cell::number(ind.city_target, ind.city_target.to_string(), 0)
                    } else {
                        Cell::Empty
                    },
                    if k > 0 && inputs.is_locked(k - 1) { Cell::text(yes) } else { Cell::Empty },
                    if inputs.source().is_empty() { Cell::Empty } else { Cell::text(inputs.source()) },
                ];
                if let Some(o) = outlooks.as_ref().map(|o| &o[key.index()]) {
                    cells.extend(chance_cells(o, inputs, row, k, last, settings));
                }
                rows.push(cells);
            }
        }
    }
    ResultsTable {
        sheet: if zh { "测算结果".to_owned() } else { "Results".to_owned() },
        header: header(zh)
            .iter()
            .chain(chance_header(zh).iter().filter(|_| settings.on))
            .map(|h| (*h).to_owned())
            .collect(),
        rows,
    }
}

/// The results table as CSV text, BOM first, CRLF line ends (RFC 4180).
pub fn results_csv(plan: &Plan, scenario: &Scenario, lang: Lang) -> String {
    table_csv(&results_table(plan, scenario, lang))
}

/// A table as CSV text, BOM first, CRLF line ends (RFC 4180).
pub fn table_csv(table: &ResultsTable) -> String {
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&table.header.iter().map(|h| field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        out.push_str(&row.iter().map(csv_cell).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// A cell as a CSV field. Words that a spreadsheet would take for a formula
/// (they start with `=`, `+`, `-`, `@`, a tab or a carriage return: names
/// typed by other people, in a workshop) get a leading `'`, so that they
/// open as the text they are; numbers are written as they are.
fn csv_cell(c: &Cell) -> String {
    match c {
        Cell::Text { s } if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => field(&format!("'{s}")),
        other => field(other.as_text()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Growth, Preset};

    #[test]
    fn the_table_has_every_row_and_says_what_is_met() {
        let plan = Plan::shipped().unwrap();
        let mut s = Scenario::default_for(&plan);
        s.growth_mut(IndicatorKey::Funds).set(0, 0, Growth::from_percent(40.0).unwrap());
        *s.growth_mut(IndicatorKey::ValueAdded) = Preset::Zero.table(&plan, IndicatorKey::ValueAdded);
        let csv = results_csv(&plan, &s, Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").filter(|l| !l.is_empty()).collect();
        // (3 + 4 + 4 + 5 years) × (9 units + the city) + the header.
        assert_eq!(lines.len(), 16 * 10 + 1);
        assert_eq!(
            lines[0],
            "指标,单位,年份,增速（%）,数值（亿元）,年度底线（%）,达到底线,目标年翻番/达标,目标（亿元）,已公布,基数来源"
        );
        assert_eq!(lines[1], "招商引资到位资金,华龙区,2022,,28.0000,,,,,,");
        assert_eq!(lines[2], "招商引资到位资金,华龙区,2023,40.00,39.2000,50.00,否,,,,");
        // 28 × 1.4 × 1.3334 = 52.2693: not doubled.
        assert_eq!(lines[3], "招商引资到位资金,华龙区,2024,33.34,52.2693,,,否,,,");
        assert!(lines.contains(&"规上制造业增加值,全市合计,2026,,237.5000,,,否,475,,"));
        let en = results_csv(&plan, &s, Lang::En);
        assert!(en.contains("\r\nFunds attracted,Hualong District,2023,40.00,39.2000,50.00,no,,,,\r\n"));
    }

    #[test]
    fn reported_years_sources_and_the_unallocated_part_are_in_the_table() {
        use crate::model::{Base, Report, Unallocated};
        let plan = Plan::shipped().unwrap();
        let mut s = Scenario::default_for(&plan);
        let funds = s.inputs_mut(IndicatorKey::Funds);
        funds.set_source("2023年统计公报，2024-03");
        funds.unallocated = Some(Unallocated { base: Base::new(20.0).unwrap(), growth: Growth::ZERO });
        funds.set_reported_years(1);
        funds.set_report(0, Report::CityLevel(Base::new(463.0).unwrap()));
        let csv = results_csv(&plan, &s, Lang::Zh);
        // 463 ÷ 300 − 1 = 54.33 %: every unit and the part grew by it; 28 × 463 ÷ 300 = 43.2133.
        assert!(
            csv.contains("\r\n招商引资到位资金,华龙区,2023,54.33,43.2133,50.00,是,,,是,2023年统计公报，2024-03\r\n"),
            "{csv}"
        );
        assert!(csv.contains("\r\n招商引资到位资金,市直、其他,2023,,30.8667,,,,,是,"));
        assert!(csv.contains("\r\n招商引资到位资金,全市合计,2023,,463.0000,50.00,,,,是,"));
    }

    #[test]
    fn with_uncertainty_on_the_table_carries_ranges_chances_rho_and_phi() {
        use crate::model::uncertainty::{Outlook, Range, Sampler};
        let plan = Plan::shipped().unwrap();
        let mut s = Scenario::default_for(&plan);
        assert_eq!(results_table(&plan, &s, Lang::Zh).header.len(), 11);
        s.uncertainty.on = true;
        let va = s.inputs_mut(IndicatorKey::ValueAdded);
        va.set_reported_years(1);
        va.ranges.set(3, 3, Range::from_bp(150, 400).unwrap());
        let table = results_table(&plan, &s, Lang::Zh);
        assert_eq!(table.header.len(), 17);
        assert_eq!(table.header[14], "翻番/达标概率（%）");
        let row = |unit: &str, year: &str| {
            table
                .rows
                .iter()
                .find(|r| r[0].as_text() == "规上制造业增加值" && r[1].as_text() == unit && r[2].as_text() == year)
                .unwrap_or_else(|| panic!("{unit} {year}"))
        };
        let o = Outlook::of(&plan, &s, IndicatorKey::ValueAdded, &Sampler::new());
        let nanle = row("南乐县", "2026");
        assert_eq!((nanle[11].as_text(), nanle[12].as_text()), ("1.50", "4.00"));
        assert_eq!(nanle[14].as_text(), format!("{:.2}", o.doubling[3].p * 100.0));
        assert_eq!((nanle[15].as_text(), nanle[16].as_text()), ("0.50", "0.30"));
        // A reported year carries no range; its floor is met or missed for certain.
        let reported = row("南乐县", "2023");
        assert_eq!((reported[11].as_text(), reported[13].as_text()), ("", "100.00"));
        let city = row("全市合计", "2026");
        assert_eq!(city[14].as_text(), format!("{:.2}", o.target.p * 100.0));
        assert!(table.rows.iter().all(|r| r.len() == 17));
    }

    #[test]
    fn numbers_cross_json_bit_for_bit() {
        for v in [0.1 + 0.2, 52.269_28, 28.0, -1.5e-9, 1e21, f64::MAX, f64::MIN_POSITIVE, 2.0_f64.sqrt()] {
            let cell = Cell::number(v, String::new(), 4);
            let json = serde_json::to_string(&cell).unwrap();
            assert_eq!(serde_json::from_str::<Cell>(&json).unwrap(), cell, "{json}");
        }
        let json = serde_json::to_string(&Cell::number(12.5, "12.50".into(), 2)).unwrap();
        assert_eq!(json, r#"{"t":"number","v":"12.5","s":"12.50","dp":2}"#);
        assert!(serde_json::from_str::<Cell>(r#"{"t":"number","v":"abc","s":"","dp":0}"#).is_err());
    }

    #[test]
    fn words_that_read_as_formulas_open_as_text() {
        let table = ResultsTable {
            sheet: "t".into(),
            header: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![vec![
                Cell::text("=HYPERLINK(\"x\")"),
                Cell::text("@南乐"),
                Cell::number(-8.5, "-8.5000".into(), 4),
            ]],
        };
        let csv = table_csv(&table);
        assert!(csv.ends_with("\"'=HYPERLINK(\"\"x\"\")\",'@南乐,-8.5000\r\n"), "{csv}");
    }

    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
