//! Scenario files: a documented, versioned JSON form of a scenario that
//! people can read and produce (e.g. from a spreadsheet).
//!
//! ```json
//! {
//!   "format": "doubling-sandbox-scenario",
//!   "version": 1,
//!   "name": "方案 A",
//!   "lang": "zh",
//!   "indicators": {
//!     "funds": {
//!       "bases": { "hualong": 28.0, "puyang": 44.8 },
//!       "growth": { "hualong": { "2023": 50.0, "2024": 33.34 } }
//!     }
//!   }
//! }
//! ```
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
use super::scenario::{Base, Scenario};
use super::{Lang, LinkState};

/// The value of `format`.
pub const FILE_FORMAT: &str = "doubling-sandbox-scenario";
/// The version this code writes and reads.
pub const FILE_VERSION: u64 = 1;

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

/// Writes a scenario as a file.
pub fn to_json(plan: &Plan, state: &LinkState) -> String {
    let mut indicators = Map::new();
    for key in IndicatorKey::ALL {
        let years: Vec<u16> = plan.years(key).collect();
        let mut bases = Map::new();
        let mut growth = Map::new();
        for (u, unit) in plan.units.iter().enumerate() {
            bases.insert(unit.id.clone(), Value::from(state.scenario.bases(key).get(u).copied().unwrap_or(0.0)));
            let mut row = Map::new();
            for (k, y) in years.iter().enumerate() {
                let g = state.scenario.growth(key).get(u, k).unwrap_or_default();
                row.insert(y.to_string(), Value::from(g.percent()));
            }
            growth.insert(unit.id.clone(), Value::Object(row));
        }
        let mut ind = Map::new();
        ind.insert("bases".into(), Value::Object(bases));
        ind.insert("growth".into(), Value::Object(growth));
        indicators.insert(key.as_str().into(), Value::Object(ind));
    }
    let doc = serde_json::json!({
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "name": state.scenario.name,
        "lang": if state.lang == Lang::En { "en" } else { "zh" },
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
        if !["format", "version", "name", "lang", "indicators"].contains(&k.as_str()) {
            return Err(err(k.clone(), FileProblem::Unknown));
        }
    }
    if top.get("format").and_then(Value::as_str) != Some(FILE_FORMAT) {
        return Err(err("format", FileProblem::WrongFormat));
    }
    match top.get("version") {
        Some(v) if v.as_u64() == Some(FILE_VERSION) => {}
        Some(v) => return Err(err("version", FileProblem::WrongVersion(v.to_string()))),
        None => return Err(err("version", FileProblem::Missing)),
    }
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
    if let Some(inds) = top.get("indicators") {
        for (k, v) in object(inds, "indicators")? {
            let path = format!("indicators.{k}");
            let key: IndicatorKey = k.parse().map_err(|_| err(&path, FileProblem::Unknown))?;
            read_indicator(plan, &mut scenario, key, v, &path)?;
        }
    }
    Ok(LinkState { scenario, lang })
}

fn read_indicator(
    plan: &Plan,
    scenario: &mut Scenario,
    key: IndicatorKey,
    v: &Value,
    path: &str,
) -> Result<(), FileError> {
    let years: Vec<u16> = plan.years(key).collect();
    for (field, value) in object(v, path)? {
        let path = format!("{path}.{field}");
        match field.as_str() {
            "bases" => {
                for (unit_id, b) in object(value, &path)? {
                    let path = format!("{path}.{unit_id}");
                    let u = plan.unit_index(unit_id).ok_or_else(|| err(&path, FileProblem::Unknown))?;
                    let base = Base::new(number(b, &path)?).map_err(|_| err(&path, FileProblem::OutOfRange))?;
                    scenario.set_base(key, u, base);
                }
            }
            "growth" => {
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
                        let g =
                            Growth::from_percent(number(g, &path)?).map_err(|_| err(&path, FileProblem::OutOfRange))?;
                        scenario.growth_mut(key).set(u, col, g);
                    }
                }
            }
            _ => return Err(err(path, FileProblem::Unknown)),
        }
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
        let st = LinkState { scenario: s, lang: Lang::En };
        assert_eq!(from_json(&plan, &to_json(&plan, &st)).unwrap(), st);
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

    #[test]
    fn errors_name_the_field() {
        let plan = plan();
        let head = r#""format":"doubling-sandbox-scenario","version":1"#;
        let cases: &[(String, &str, FileProblem)] = &[
            ("{".into(), "", FileProblem::NotJson(String::new())),
            ("[]".into(), "", FileProblem::WrongType("an object")),
            (r#"{"format":"x","version":1}"#.into(), "format", FileProblem::WrongFormat),
            (
                r#"{"format":"doubling-sandbox-scenario","version":2}"#.into(),
                "version",
                FileProblem::WrongVersion("2".into()),
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
