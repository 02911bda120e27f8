//! The results table as CSV: every indicator, unit and year with growth,
//! value, floor and doubling, for spreadsheets. UTF-8 with a byte-order
//! mark so that Excel and WPS open Chinese correctly.

use std::fmt::Write;

use super::plan::{IndicatorKey, Plan};
use super::projection::{reaches, Projection};
use super::scenario::Scenario;
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

/// The results table as CSV text, BOM first, CRLF line ends (RFC 4180).
/// One row per indicator, unit (and the city total) and year from the
/// base year: growth (%, empty for the base year), value (亿元), the
/// year's floor (%), whether it is met, and in the target year whether the
/// unit doubled its base (for the city: whether the target is met).
pub fn results_csv(plan: &Plan, scenario: &Scenario, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let (yes, no) = if zh { ("是", "否") } else { ("yes", "no") };
    let header: [&str; 9] = if zh {
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
        ]
    };
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&header.map(field).join(","));
    out.push_str("\r\n");
    for key in IndicatorKey::ALL {
        let ind = plan.indicator(key);
        let name = if zh { &ind.short_zh } else { &ind.short_en };
        let projection = Projection::of(scenario.inputs(key));
        let years: Vec<u16> = (plan.base_year..=ind.target_year).collect();
        let rows =
            plan.units.iter().enumerate().map(|(u, unit)| (Some(u), if zh { &unit.name_zh } else { &unit.name_en }));
        let city_name = if zh { "全市合计".to_owned() } else { "City total".to_owned() };
        for (unit, unit_name) in rows.chain(std::iter::once((None, &city_name))) {
            for (k, year) in years.iter().enumerate() {
                let value = match unit {
                    Some(u) => projection.units[u][k],
                    None => projection.city[k],
                };
                let growth = (k > 0).then(|| unit.and_then(|u| scenario.growth(key).get(u, k - 1))).flatten();
                let floor = (k > 0).then(|| ind.floor(*year)).flatten();
                let floor_met = match (growth, floor) {
                    (Some(g), Some(f)) => {
                        if g.meets_floor(Some(f)) {
                            yes
                        } else {
                            no
                        }
                    }
                    _ => "",
                };
                let last = *year == ind.target_year;
                let goal = match unit {
                    Some(u) if last => {
                        if reaches(value, 2.0 * projection.units[u][0]) {
                            yes
                        } else {
                            no
                        }
                    }
                    None if last => {
                        if reaches(value, ind.city_target) {
                            yes
                        } else {
                            no
                        }
                    }
                    _ => "",
                };
                let mut line = String::new();
                let _ = write!(
                    line,
                    "{},{},{},{},{:.4},{},{},{},{}",
                    field(name),
                    field(unit_name),
                    year,
                    growth.map(|g| g.to_string()).unwrap_or_default(),
                    value,
                    floor.map(|f| f.to_string()).unwrap_or_default(),
                    floor_met,
                    goal,
                    if unit.is_none() && last { ind.city_target.to_string() } else { String::new() },
                );
                out.push_str(&line);
                out.push_str("\r\n");
            }
        }
    }
    out
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
            "指标,单位,年份,增速（%）,数值（亿元）,年度底线（%）,达到底线,目标年翻番/达标,目标（亿元）"
        );
        assert_eq!(lines[1], "招商引资到位资金,华龙区,2022,,28.0000,,,,");
        assert_eq!(lines[2], "招商引资到位资金,华龙区,2023,40.0,39.2000,50.0,否,,");
        // 28 × 1.4 × 1.3334 = 52.2693: not doubled.
        assert_eq!(lines[3], "招商引资到位资金,华龙区,2024,33.34,52.2693,,,否,");
        assert!(lines.contains(&"规上制造业增加值,全市合计,2026,,237.5000,,,否,475"));
        let en = results_csv(&plan, &s, Lang::En);
        assert!(en.contains("\r\nFunds attracted,Hualong,2023,40.0,39.2000,50.0,no,,\r\n"));
    }

    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
