//! Scenario files: a documented, versioned JSON form of a scenario that
//! people can read and produce (e.g. from a spreadsheet).
//!
//! ```json
//! {
//!   "format": "doubling-sandbox-scenario",
//!   "version": 2,
//!   "name": "方案 A",
//!   "lang": "zh",
//!   "indicators": {
//!     "funds": {
//!       "source": "2023年统计公报，2024-03",
//!       "bases": { "hualong": 28.0, "puyang": 44.8 },
//!       "growth": { "hualong": { "2023": 50.0, "2024": 33.34 } },
//!       "unallocated": { "base": 18.5, "growth": 8.0 },
//!       "reported": { "2023": { "kind": "city_level", "value": 463.0 } }
//!     }
//!   }
//! }
//! ```
//!
//! Version 2 adds `source` (where the bases come from, at most 60
//! characters), `unallocated` (the part no unit reports: its 2022 base in
//! 亿元 and its growth in percent) and `reported`: the reported years, which
//! must be the indicator's first years, each with a `kind`:
//! `unit_growth` (the year's `growth` cells are the actual figures),
//! `unit_levels` with `levels` per unit in 亿元 (every unit), `city_growth`
//! with `value` in percent, or `city_level` with `value` in 亿元. Version 1
//! files (without these) are still read.
//!
//! Version 3 adds uncertainty: a top-level `uncertainty` object with `on`
//! (true or false), `rho` and `phi` (0 to 1, kept to two decimals), each
//! optional (off, 0.5, 0.3); per indicator, `ranges` by unit and year like
//! `growth`, each either a number (the ± half-width in percentage points)
//! or `{ "low": 2.0, "high": 4.0 }` (the half-widths below and above the
//! likely value), 0 to 180 points, kept to two decimals; and `range` in
//! `unallocated`, in the same form. Ranges left out are ±3 points; the
//! writer writes only those that differ.
//!
//! Bases are 2022 values in 亿元 (0 to 1,000,000, kept to four decimals);
//! growth rates are percent against the year before (−30 to 150, kept to
//! two decimals). Indicators are `funds`, `investment`, `capacity`,
//! `value_added`; units and years as in the plan. Anything left out keeps
//! the default scenario's value; anything unknown is an error. A file is
//! accepted whole or not at all.

use serde_json::{Map, Value};
use thiserror::Error;

use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::report::{clean_source, Report, ReportKind, Unallocated, MAX_SOURCE_CHARS};
use super::scenario::{Base, Scenario};
use super::uncertainty::{Coefficient, Range};
use super::{Lang, LinkState};

/// The value of `format`.
pub const FILE_FORMAT: &str = "doubling-sandbox-scenario";
/// The version this code writes and reads.
pub const FILE_VERSION: u64 = 3;

/// What is wrong at one place in a file.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FileProblem {
    /// Not JSON at all.
    #[error("not JSON ({0})")]
    NotJson(String),
    /// Not a scenario file.
    #[error("not a scenario file")]
    WrongFormat,
    /// Another version.
    #[error("version {0} is not supported")]
    WrongVersion(String),
    /// A field this format does not have.
    #[error("unknown field")]
    Unknown,
    /// Of the wrong JSON type.
    #[error("expected {0}")]
    WrongType(&'static str),
    /// A number outside its range.
    #[error("out of range")]
    OutOfRange,
    /// Required and missing.
    #[error("missing")]
    Missing,
    /// A scenario link inside the file (a workshop's entry) that does not
    /// open.
    #[error("the link cannot be opened: {0}")]
    Link(super::codec::LinkError),
}

/// A refused file: where, and what.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{path}: {problem}")]
pub struct FileError {
    /// The field, e.g. `indicators.funds.growth.hualong.2024`; empty for the
    /// whole file.
    pub path: String,
    /// What is wrong there.
    pub problem: FileProblem,
}

fn err(path: impl Into<String>, problem: FileProblem) -> FileError {
    FileError { path: path.into(), problem }
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, FileError> {
    v.as_object().ok_or_else(|| err(path, FileProblem::WrongType("an object")))
}

fn number(v: &Value, path: &str) -> Result<f64, FileError> {
    v.as_f64().ok_or_else(|| err(path, FileProblem::WrongType("a number")))
}

/// A range as a file writes it: a number when symmetric.
fn range_json(r: Range) -> Value {
    let points = |bp: u16| Value::from(f64::from(bp) / 100.0);
    if r.is_symmetric() {
        points(r.low_bp())
    } else {
        serde_json::json!({ "low": points(r.low_bp()), "high": points(r.high_bp()) })
    }
}

/// Reads a range: a number or `{ "low", "high" }`.
fn read_range(v: &Value, path: &str) -> Result<Range, FileError> {
    let out_of_range = |_| err(path, FileProblem::OutOfRange);
    if let Some(fields) = v.as_object() {
        if let Some(k) = fields.keys().find(|k| !["low", "high"].contains(&k.as_str())) {
            return Err(err(format!("{path}.{k}"), FileProblem::Unknown));
        }
        let side = |name: &str| {
            let path = format!("{path}.{name}");
            fields.get(name).ok_or_else(|| err(&path, FileProblem::Missing)).and_then(|v| number(v, &path))
        };
        let (low, high) = (side("low")?, side("high")?);
        return Range::from_points(low, high).map_err(|_| {
            let side = if Range::from_points(low, 0.0).is_err() { "low" } else { "high" };
            err(format!("{path}.{side}"), FileProblem::OutOfRange)
        });
    }
    let h = v.as_f64().ok_or_else(|| err(path, FileProblem::WrongType("a number or { low, high }")))?;
    Range::from_points(h, h).map_err(out_of_range)
}

/// Writes a scenario as a file.
pub fn to_json(plan: &Plan, state: &LinkState) -> String {
    let mut indicators = Map::new();
    for key in IndicatorKey::ALL {
        let years: Vec<u16> = plan.years(key).collect();
        let mut bases = Map::new();
        let mut growth = Map::new();
        let mut ranges = Map::new();
        for (u, unit) in plan.units.iter().enumerate() {
            bases.insert(unit.id.clone(), Value::from(state.scenario.bases(key).get(u).copied().unwrap_or(0.0)));
            let mut row = Map::new();
            let mut range_row = Map::new();
            for (k, y) in years.iter().enumerate() {
                let g = state.scenario.growth(key).get(u, k).unwrap_or_default();
                row.insert(y.to_string(), Value::from(g.percent()));
                match state.scenario.inputs(key).ranges.get(u, k) {
                    Some(r) if r != Range::DEFAULT => {
                        range_row.insert(y.to_string(), range_json(r));
                    }
                    _ => {}
                }
            }
            growth.insert(unit.id.clone(), Value::Object(row));
            if !range_row.is_empty() {
                ranges.insert(unit.id.clone(), Value::Object(range_row));
            }
        }
        let inputs = state.scenario.inputs(key);
        let mut ind = Map::new();
        if !inputs.source().is_empty() {
            ind.insert("source".into(), Value::from(inputs.source()));
        }
        ind.insert("bases".into(), Value::Object(bases));
        ind.insert("growth".into(), Value::Object(growth));
        if !ranges.is_empty() {
            ind.insert("ranges".into(), Value::Object(ranges));
        }
        if let Some(x) = inputs.unallocated {
            let mut part = serde_json::json!({ "base": x.base.yi(), "growth": x.growth.percent() });
            if inputs.ranges.unallocated != Range::DEFAULT {
                part["range"] = range_json(inputs.ranges.unallocated);
            }
            ind.insert("unallocated".into(), part);
        }
        if !inputs.reports().is_empty() {
            let mut reported = Map::new();
            for (r, y) in inputs.reports().iter().zip(&years) {
                let mut entry = Map::new();
                entry.insert("kind".into(), Value::from(r.kind().as_str()));
                match r {
                    Report::UnitGrowth => {}
                    Report::UnitLevels(levels) => {
                        let by_unit = plan.units.iter().zip(levels).map(|(u, l)| (u.id.clone(), Value::from(l.yi())));
                        entry.insert("levels".into(), Value::Object(by_unit.collect()));
                    }
                    Report::CityGrowth(g) => {
                        entry.insert("value".into(), Value::from(g.percent()));
                    }
                    Report::CityLevel(l) => {
                        entry.insert("value".into(), Value::from(l.yi()));
                    }
                }
                reported.insert(y.to_string(), Value::Object(entry));
            }
            ind.insert("reported".into(), Value::Object(reported));
        }
        indicators.insert(key.as_str().into(), Value::Object(ind));
    }
    let u = state.scenario.uncertainty;
    let doc = serde_json::json!({
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "name": state.scenario.name,
        "lang": if state.lang == Lang::En { "en" } else { "zh" },
        "uncertainty": { "on": u.on, "rho": u.rho.value(), "phi": u.phi.value() },
        "indicators": indicators,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Reads a file, whole or not at all.
///
/// # Errors
///
/// A [`FileError`] naming the first field that is wrong.
pub fn from_json(plan: &Plan, text: &str) -> Result<LinkState, FileError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| err("", FileProblem::NotJson(e.to_string())))?;
    let top = object(&doc, "")?;
    for k in top.keys() {
        let v3 = k == "uncertainty" && top.get("version").and_then(Value::as_u64) >= Some(3);
        if !["format", "version", "name", "lang", "indicators"].contains(&k.as_str()) && !v3 {
            return Err(err(k.clone(), FileProblem::Unknown));
        }
    }
    if top.get("format").and_then(Value::as_str) != Some(FILE_FORMAT) {
        return Err(err("format", FileProblem::WrongFormat));
    }
    let version = match top.get("version") {
        Some(v) if matches!(v.as_u64(), Some(1..=FILE_VERSION)) => v.as_u64().unwrap_or(FILE_VERSION),
        Some(v) => return Err(err("version", FileProblem::WrongVersion(v.to_string()))),
        None => return Err(err("version", FileProblem::Missing)),
    };
    let mut scenario = Scenario::default_for(plan);
    if let Some(name) = top.get("name") {
        let name = name.as_str().ok_or_else(|| err("name", FileProblem::WrongType("text")))?;
        if name.chars().count() > super::codec::MAX_NAME_CHARS {
            return Err(err("name", FileProblem::OutOfRange));
        }
        name.clone_into(&mut scenario.name);
    }
    let lang = match top.get("lang").map(|l| l.as_str()) {
        None | Some(Some("zh")) => Lang::Zh,
        Some(Some("en")) => Lang::En,
        Some(_) => return Err(err("lang", FileProblem::WrongType("\"zh\" or \"en\""))),
    };
    if let Some(u) = top.get("uncertainty") {
        for (k, v) in object(u, "uncertainty")? {
            let path = format!("uncertainty.{k}");
            match k.as_str() {
                "on" => {
                    scenario.uncertainty.on =
                        v.as_bool().ok_or_else(|| err(&path, FileProblem::WrongType("true or false")))?;
                }
                "rho" | "phi" => {
                    let c = Coefficient::new(number(v, &path)?).map_err(|_| err(&path, FileProblem::OutOfRange))?;
                    if k == "rho" {
                        scenario.uncertainty.rho = c;
                    } else {
                        scenario.uncertainty.phi = c;
                    }
                }
                _ => return Err(err(path, FileProblem::Unknown)),
            }
        }
    }
    if let Some(inds) = top.get("indicators") {
        for (k, v) in object(inds, "indicators")? {
            let path = format!("indicators.{k}");
            let key: IndicatorKey = k.parse().map_err(|_| err(&path, FileProblem::Unknown))?;
            read_indicator(plan, &mut scenario, key, v, &path, version)?;
        }
    }
    Ok(LinkState { scenario, lang, indicator: None })
}

fn read_indicator(
    plan: &Plan,
    scenario: &mut Scenario,
    key: IndicatorKey,
    v: &Value,
    path: &str,
    version: u64,
) -> Result<(), FileError> {
    let years: Vec<u16> = plan.years(key).collect();
    // Reported years last: switching a year's kind starts from the growth and bases read.
    let mut reported = None;
    for (field, value) in object(v, path)? {
        let path = format!("{path}.{field}");
        match field.as_str() {
            "source" if version >= 2 => {
                let text = value.as_str().ok_or_else(|| err(&path, FileProblem::WrongType("text")))?;
                if text.chars().count() > MAX_SOURCE_CHARS {
                    return Err(err(&path, FileProblem::OutOfRange));
                }
                scenario.inputs_mut(key).set_source(&clean_source(text));
            }
            "unallocated" if version >= 2 => {
                let fields = object(value, &path)?;
                for k in fields.keys() {
                    if !(["base", "growth"].contains(&k.as_str()) || k == "range" && version >= 3) {
                        return Err(err(format!("{path}.{k}"), FileProblem::Unknown));
                    }
                }
                if let Some(r) = fields.get("range") {
                    scenario.inputs_mut(key).ranges.unallocated = read_range(r, &format!("{path}.range"))?;
                }
                let field = |name: &str| {
                    let path = format!("{path}.{name}");
                    fields.get(name).ok_or_else(|| err(&path, FileProblem::Missing)).and_then(|v| number(v, &path))
                };
                let base =
                    Base::new(field("base")?).map_err(|_| err(format!("{path}.base"), FileProblem::OutOfRange))?;
                let growth = Growth::from_percent(field("growth")?)
                    .map_err(|_| err(format!("{path}.growth"), FileProblem::OutOfRange))?;
                scenario.inputs_mut(key).unallocated = Some(Unallocated { base, growth });
            }
            "reported" if version >= 2 => reported = Some((value, path)),
            "bases" => {
                for (unit_id, b) in object(value, &path)? {
                    let path = format!("{path}.{unit_id}");
                    let u = plan.unit_index(unit_id).ok_or_else(|| err(&path, FileProblem::Unknown))?;
                    let base = Base::new(number(b, &path)?).map_err(|_| err(&path, FileProblem::OutOfRange))?;
                    scenario.set_base(key, u, base);
                }
            }
            "growth" | "ranges" if field == "growth" || version >= 3 => {
                for (unit_id, row) in object(value, &path)? {
                    let path = format!("{path}.{unit_id}");
                    let u = plan.unit_index(unit_id).ok_or_else(|| err(&path, FileProblem::Unknown))?;
                    for (year, g) in object(row, &path)? {
                        let path = format!("{path}.{year}");
                        let col = year
                            .parse::<u16>()
                            .ok()
                            .and_then(|y| years.iter().position(|x| *x == y))
                            .ok_or_else(|| err(&path, FileProblem::Unknown))?;
                        if field == "ranges" {
                            let r = read_range(g, &path)?;
                            scenario.inputs_mut(key).ranges.set(u, col, r);
                            continue;
                        }
                        let g =
                            Growth::from_percent(number(g, &path)?).map_err(|_| err(&path, FileProblem::OutOfRange))?;
                        scenario.growth_mut(key).set(u, col, g);
                    }
                }
            }
            _ => return Err(err(path, FileProblem::Unknown)),
        }
    }
    if let Some((value, path)) = reported {
        read_reported(plan, scenario, key, value, &path, &years)?;
    }
    Ok(())
}

/// Reads `reported`: the first years of the indicator, each with its kind
/// and figures.
fn read_reported(
    plan: &Plan,
    scenario: &mut Scenario,
    key: IndicatorKey,
    value: &Value,
    path: &str,
    years: &[u16],
) -> Result<(), FileError> {
    let entries = object(value, path)?;
    let mut cols = Vec::new();
    for year in entries.keys() {
        let path = format!("{path}.{year}");
        let col = year.parse::<u16>().ok().and_then(|y| years.iter().position(|x| *x == y));
        cols.push(col.ok_or_else(|| err(&path, FileProblem::Unknown))?);
    }
    cols.sort_unstable();
    if let Some((i, _)) = cols.iter().enumerate().find(|(i, c)| *i != **c) {
        // Not the first years in order: name the first year missing.
        return Err(err(format!("{path}.{}", years.get(i).copied().unwrap_or_default()), FileProblem::Missing));
    }
    let inputs = scenario.inputs_mut(key);
    inputs.set_reported_years(cols.len());
    for (year, entry) in entries {
        let path = format!("{path}.{year}");
        let col = years.iter().position(|y| y.to_string() == *year).unwrap_or_default();
        let fields = object(entry, &path)?;
        let kind = fields
            .get("kind")
            .ok_or_else(|| err(format!("{path}.kind"), FileProblem::Missing))?
            .as_str()
            .and_then(ReportKind::from_key)
            .ok_or_else(|| err(format!("{path}.kind"), FileProblem::WrongType("a kind of reported figures")))?;
        let allowed: &[&str] = match kind {
            ReportKind::UnitGrowth => &["kind"],
            ReportKind::UnitLevels => &["kind", "levels"],
            ReportKind::CityGrowth | ReportKind::CityLevel => &["kind", "value"],
        };
        if let Some(k) = fields.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(err(format!("{path}.{k}"), FileProblem::Unknown));
        }
        let level = |v: &Value, path: &str| Base::new(number(v, path)?).map_err(|_| err(path, FileProblem::OutOfRange));
        let value = || fields.get("value").ok_or_else(|| err(format!("{path}.value"), FileProblem::Missing));
        let report = match kind {
            ReportKind::UnitGrowth => Report::UnitGrowth,
            ReportKind::UnitLevels => {
                let path = format!("{path}.levels");
                let given = object(fields.get("levels").ok_or_else(|| err(&path, FileProblem::Missing))?, &path)?;
                if let Some(k) = given.keys().find(|k| plan.unit_index(k).is_none()) {
                    return Err(err(format!("{path}.{k}"), FileProblem::Unknown));
                }
                let mut levels = Vec::with_capacity(plan.units.len());
                for unit in &plan.units {
                    let path = format!("{path}.{}", unit.id);
                    levels.push(level(given.get(&unit.id).ok_or_else(|| err(&path, FileProblem::Missing))?, &path)?);
                }
                Report::UnitLevels(levels)
            }
            ReportKind::CityGrowth => {
                let path = format!("{path}.value");
                Report::CityGrowth(
                    Growth::from_percent(number(value()?, &path)?).map_err(|_| err(&path, FileProblem::OutOfRange))?,
                )
            }
            ReportKind::CityLevel => Report::CityLevel(level(value()?, &format!("{path}.value"))?),
        };
        inputs.set_report(col, report);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan::shipped().unwrap()
    }

    #[test]
    fn round_trips() {
        let plan = plan();
        let mut s = Scenario::default_for(&plan);
        s.name = "东部方案".into();
        s.growth_mut(IndicatorKey::Capacity).set(3, 2, Growth::from_percent(-12.34).unwrap());
        s.set_base(IndicatorKey::ValueAdded, 8, Base::new(12.3456).unwrap());
        let st = LinkState { scenario: s, lang: Lang::En, indicator: None };
        assert_eq!(from_json(&plan, &to_json(&plan, &st)).unwrap(), st);
    }

    #[test]
    fn round_trips_reported_years_and_sources() {
        let plan = plan();
        let mut s = Scenario::default_for(&plan);
        let funds = s.inputs_mut(IndicatorKey::Funds);
        funds.set_source("2023年统计公报，2024-03");
        funds.unallocated =
            Some(Unallocated { base: Base::new(18.5).unwrap(), growth: Growth::from_percent(8.0).unwrap() });
        funds.set_reported_years(1);
        funds.set_report(0, Report::CityLevel(Base::new(463.0).unwrap()));
        let va = s.inputs_mut(IndicatorKey::ValueAdded);
        va.set_reported_years(3);
        va.switch_report_kind(1, ReportKind::UnitLevels);
        va.set_report(2, Report::CityGrowth(Growth::from_percent(16.5).unwrap()));
        let st = LinkState { scenario: s, lang: Lang::Zh, indicator: None };
        let text = to_json(&plan, &st);
        assert!(text.contains(r#""kind": "city_level""#), "{text}");
        assert_eq!(from_json(&plan, &text).unwrap(), st);
    }

    #[test]
    fn round_trips_ranges_and_uncertainty() {
        let plan = plan();
        let mut s = Scenario::default_for(&plan);
        s.uncertainty.on = true;
        s.uncertainty.rho = Coefficient::new(0.72).unwrap();
        s.uncertainty.phi = Coefficient::new(0.0).unwrap();
        let va = s.inputs_mut(IndicatorKey::ValueAdded);
        va.ranges.set(4, 3, Range::from_bp(150, 425).unwrap());
        va.ranges.set(0, 0, Range::ZERO);
        va.unallocated =
            Some(Unallocated { base: Base::new(3.0).unwrap(), growth: Growth::from_percent(5.0).unwrap() });
        va.ranges.unallocated = Range::symmetric(800).unwrap();
        let st = LinkState { scenario: s, lang: Lang::Zh, indicator: None };
        let text = to_json(&plan, &st);
        assert!(text.contains(r#""low": 1.5"#) && text.contains(r#""rho": 0.72"#), "{text}");
        assert_eq!(from_json(&plan, &text).unwrap(), st);
        // Version 2 files open with uncertainty off and ±3 points.
        let old = from_json(&plan, r#"{"format":"doubling-sandbox-scenario","version":2}"#).unwrap();
        assert_eq!(old.scenario, Scenario::default_for(&plan));
    }

    #[test]
    fn partial_files_keep_defaults() {
        let plan = plan();
        let text = r#"{"format":"doubling-sandbox-scenario","version":1,
            "indicators":{"funds":{"growth":{"nanle":{"2024":40}}}}}"#;
        let st = from_json(&plan, text).unwrap();
        assert_eq!(st.scenario.growth(IndicatorKey::Funds).get(3, 1), Some(Growth::from_percent(40.0).unwrap()));
        assert_eq!(
            st.scenario.growth(IndicatorKey::Funds).get(2, 1),
            Scenario::default_for(&plan).growth(IndicatorKey::Funds).get(2, 1)
        );
        assert_eq!(st.lang, Lang::Zh);
    }

    // One table of every refusal reads better than many small tests.
    #[allow(clippy::too_many_lines)]
    #[test]
    fn errors_name_the_field() {
        let plan = plan();
        let head = r#""format":"doubling-sandbox-scenario","version":1"#;
        let v2 = r#""format":"doubling-sandbox-scenario","version":2"#;
        let v3 = r#""format":"doubling-sandbox-scenario","version":3"#;
        let cases: &[(String, &str, FileProblem)] = &[
            ("{".into(), "", FileProblem::NotJson(String::new())),
            ("[]".into(), "", FileProblem::WrongType("an object")),
            (r#"{"format":"x","version":1}"#.into(), "format", FileProblem::WrongFormat),
            (
                r#"{"format":"doubling-sandbox-scenario","version":4}"#.into(),
                "version",
                FileProblem::WrongVersion("4".into()),
            ),
            (r#"{"format":"doubling-sandbox-scenario"}"#.into(), "version", FileProblem::Missing),
            (format!(r#"{{{head},"colour":1}}"#), "colour", FileProblem::Unknown),
            (format!(r#"{{{head},"lang":"fr"}}"#), "lang", FileProblem::WrongType("\"zh\" or \"en\"")),
            (format!(r#"{{{head},"indicators":{{"gdp":{{}}}}}}"#), "indicators.gdp", FileProblem::Unknown),
            (
                format!(r#"{{{head},"indicators":{{"funds":{{"growth":{{"hualong":{{"2024":180}}}}}}}}}}"#),
                "indicators.funds.growth.hualong.2024",
                FileProblem::OutOfRange,
            ),
            (
                format!(r#"{{{head},"indicators":{{"funds":{{"growth":{{"hualong":{{"2026":1}}}}}}}}}}"#),
                "indicators.funds.growth.hualong.2026",
                FileProblem::Unknown,
            ),
            (
                format!(r#"{{{head},"indicators":{{"funds":{{"growth":{{"xian":{{"2024":1}}}}}}}}}}"#),
                "indicators.funds.growth.xian",
                FileProblem::Unknown,
            ),
            (
                format!(r#"{{{head},"indicators":{{"capacity":{{"bases":{{"gongye":-1}}}}}}}}"#),
                "indicators.capacity.bases.gongye",
                FileProblem::OutOfRange,
            ),
            (
                format!(r#"{{{head},"indicators":{{"capacity":{{"bases":{{"gongye":"12"}}}}}}}}"#),
                "indicators.capacity.bases.gongye",
                FileProblem::WrongType("a number"),
            ),
            (
                format!(r#"{{{head},"indicators":{{"capacity":{{"floors":{{}}}}}}}}"#),
                "indicators.capacity.floors",
                FileProblem::Unknown,
            ),
            (
                format!(r#"{{{head},"indicators":{{"funds":{{"source":"x"}}}}}}"#),
                "indicators.funds.source",
                FileProblem::Unknown,
            ),
            (
                format!(
                    r#"{{{v2},"indicators":{{"value_added":{{"reported":{{"2024":{{"kind":"unit_growth"}}}}}}}}}}"#
                ),
                "indicators.value_added.reported.2023",
                FileProblem::Missing,
            ),
            (
                format!(r#"{{{v2},"indicators":{{"funds":{{"reported":{{"2023":{{"kind":"guess"}}}}}}}}}}"#),
                "indicators.funds.reported.2023.kind",
                FileProblem::WrongType("a kind of reported figures"),
            ),
            (
                format!(
                    r#"{{{v2},"indicators":{{"funds":{{"reported":{{"2023":{{"kind":"unit_levels","levels":{{"hualong":30}}}}}}}}}}}}"#
                ),
                "indicators.funds.reported.2023.levels.puyang",
                FileProblem::Missing,
            ),
            (
                format!(
                    r#"{{{v2},"indicators":{{"funds":{{"reported":{{"2023":{{"kind":"city_growth","value":200}}}}}}}}}}"#
                ),
                "indicators.funds.reported.2023.value",
                FileProblem::OutOfRange,
            ),
            (
                format!(r#"{{{v2},"indicators":{{"funds":{{"unallocated":{{"base":5}}}}}}}}"#),
                "indicators.funds.unallocated.growth",
                FileProblem::Missing,
            ),
            (format!(r#"{{{v2},"uncertainty":{{"on":true}}}}"#), "uncertainty", FileProblem::Unknown),
            (
                format!(r#"{{{v2},"indicators":{{"funds":{{"ranges":{{"hualong":{{"2024":1}}}}}}}}}}"#),
                "indicators.funds.ranges",
                FileProblem::Unknown,
            ),
            (format!(r#"{{{v3},"uncertainty":{{"rho":1.5}}}}"#), "uncertainty.rho", FileProblem::OutOfRange),
            (
                format!(r#"{{{v3},"uncertainty":{{"on":1}}}}"#),
                "uncertainty.on",
                FileProblem::WrongType("true or false"),
            ),
            (format!(r#"{{{v3},"uncertainty":{{"sigma":1}}}}"#), "uncertainty.sigma", FileProblem::Unknown),
            (
                format!(r#"{{{v3},"indicators":{{"funds":{{"ranges":{{"hualong":{{"2024":-1}}}}}}}}}}"#),
                "indicators.funds.ranges.hualong.2024",
                FileProblem::OutOfRange,
            ),
            (
                format!(
                    r#"{{{v3},"indicators":{{"funds":{{"ranges":{{"hualong":{{"2024":{{"low":2,"high":-1}}}}}}}}}}}}"#
                ),
                "indicators.funds.ranges.hualong.2024.high",
                FileProblem::OutOfRange,
            ),
            (
                format!(r#"{{{v3},"indicators":{{"funds":{{"ranges":{{"hualong":{{"2024":{{"low":2}}}}}}}}}}}}"#),
                "indicators.funds.ranges.hualong.2024.high",
                FileProblem::Missing,
            ),
            (
                format!(r#"{{{v3},"indicators":{{"funds":{{"ranges":{{"hualong":{{"2024":"3"}}}}}}}}}}"#),
                "indicators.funds.ranges.hualong.2024",
                FileProblem::WrongType("a number or { low, high }"),
            ),
        ];
        for (text, path, problem) in cases {
            let e = from_json(&plan, text).unwrap_err();
            assert_eq!(e.path, *path, "{text}");
            match (problem, &e.problem) {
                (FileProblem::NotJson(_), FileProblem::NotJson(_)) => {}
                _ => assert_eq!(&e.problem, problem, "{text}"),
            }
        }
    }
}
