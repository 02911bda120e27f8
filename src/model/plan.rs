//! The plan as data: indicators, reporting units, years, floors and the
//! illustrative default bases, read from `data/plan.json`.
//!
//! Nothing about the plan's numbers lives in code. The shipped file is
//! checked when the crate is built: `build.rs` reads it with this module's
//! own [`Plan::from_json`] and fails the build with its message, then
//! writes the file's contents as Rust, which [`Plan::shipped`] checks again
//! with the same rules, so that the page needs no JSON parser for it. A
//! test compares the two.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;
use thiserror::Error;

use super::growth::Growth;

/// The plan file shipped with the page.
pub const SHIPPED_PLAN_JSON: &str = include_str!("../../data/plan.json");

/// The four doubling indicators, in the plan's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKey {
    /// 制造业招商引资项目到位资金, doubled by 2024.
    Funds,
    /// 制造业投资, doubled by 2025.
    Investment,
    /// 制造业产能, doubled by 2025.
    Capacity,
    /// 规模以上制造业增加值, doubled by 2026.
    ValueAdded,
}

impl IndicatorKey {
    /// All four, in the plan's order; `index()` is the position here.
    pub const ALL: [IndicatorKey; 4] = [Self::Funds, Self::Investment, Self::Capacity, Self::ValueAdded];

    /// The stable key used in `data-testid`s, links and files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Funds => "funds",
            Self::Investment => "investment",
            Self::Capacity => "capacity",
            Self::ValueAdded => "value_added",
        }
    }

    /// Position in [`IndicatorKey::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for IndicatorKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A key that names none of the four indicators.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("unknown indicator: {0}")]
pub struct UnknownIndicator(pub String);

impl FromStr for IndicatorKey {
    type Err = UnknownIndicator;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| UnknownIndicator(s.to_owned()))
    }
}

/// A county, district or functional zone that reports to the plan.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Unit {
    /// Stable id used in `data-testid`s and links, e.g. `hualong`.
    pub id: String,
    /// Short Chinese name, e.g. 华龙区.
    pub name_zh: String,
    /// English name as the page shows it, e.g. Hualong District.
    pub name_en: String,
    /// A shorter English name, accepted where figures are pasted in
    /// (e.g. Hualong).
    pub short_en: String,
    /// Full Chinese name.
    pub full_zh: String,
}

/// The lowest growth the plan allows each unit in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Floor {
    /// Calendar year.
    pub year: u16,
    /// The minimum year-on-year growth.
    pub min_growth: Growth,
}

/// One doubling indicator with its target and floors.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// Which indicator.
    pub key: IndicatorKey,
    /// Full Chinese name as the plan writes it.
    pub name_zh: String,
    /// Short Chinese name for labels.
    pub short_zh: String,
    /// Full English name.
    pub name_en: String,
    /// Short English name for labels.
    pub short_en: String,
    /// The year by which the indicator must have doubled.
    pub target_year: u16,
    /// The city-wide figure the plan writes for the target year, 亿元.
    pub city_target: f64,
    /// Annual growth floors for every unit, ascending by year.
    pub floors: Vec<Floor>,
    /// The illustrative 2022 split of the city base, percent per unit.
    pub default_shares_percent: Vec<f64>,
}

impl Indicator {
    /// The plan-implied 2022 city base: the target is a doubling, so
    /// target ÷ 2, 亿元.
    pub fn plan_implied_base(&self) -> f64 {
        self.city_target / 2.0
    }

    /// The illustrative 2022 base of each unit, 亿元.
    pub fn default_bases(&self) -> Vec<f64> {
        let city = self.plan_implied_base();
        self.default_shares_percent.iter().map(|share| city * share / 100.0).collect()
    }

    /// The floor of `year`, if the plan sets one.
    pub fn floor(&self, year: u16) -> Option<Growth> {
        self.floors.iter().find(|f| f.year == year).map(|f| f.min_growth)
    }
}

/// The whole plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The plan's Chinese title.
    pub title_zh: String,
    /// An English rendering of the title.
    pub title_en: String,
    /// Where the figures come from, in Chinese.
    pub source_zh: String,
    /// Where the figures come from, in English.
    pub source_en: String,
    /// The year the doubling is measured against (2022).
    pub base_year: u16,
    /// Reporting units, in display order.
    pub units: Vec<Unit>,
    /// The four indicators, in [`IndicatorKey::ALL`] order.
    pub indicators: Vec<Indicator>,
}

/// Why a plan file was refused.
#[derive(Debug, Error)]
pub enum PlanError {
    /// Not JSON of the expected shape (the parser's message).
    #[error("plan file is not valid: {0}")]
    Json(String),
    /// A format version this code does not read.
    #[error("plan file format {0} is not supported")]
    Format(u32),
    /// The file breaks a rule the model relies on.
    #[error("plan file is inconsistent: {0}")]
    Inconsistent(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFloor {
    pub(crate) year: u16,
    pub(crate) min_growth_percent: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub(crate) key: IndicatorKey,
    pub(crate) name_zh: String,
    pub(crate) short_zh: String,
    pub(crate) name_en: String,
    pub(crate) short_en: String,
    pub(crate) target_year: u16,
    pub(crate) city_target: f64,
    pub(crate) floors: Vec<RawFloor>,
    pub(crate) default_shares_percent: Vec<f64>,
}

/// A plan file as read, before its rules are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    pub(crate) format: u32,
    pub(crate) title_zh: String,
    pub(crate) title_en: String,
    pub(crate) source_zh: String,
    pub(crate) source_en: String,
    pub(crate) base_year: u16,
    pub(crate) units: Vec<Unit>,
    pub(crate) indicators: Vec<RawIndicator>,
}

fn inconsistent(msg: impl Into<String>) -> PlanError {
    PlanError::Inconsistent(msg.into())
}

impl Plan {
    /// The plan shipped with the page, as `build.rs` wrote it.
    ///
    /// # Errors
    ///
    /// As [`Plan::from_json`]; the build has checked the same file.
    pub fn shipped() -> Result<Plan, PlanError> {
        Self::from_raw(super::shipped_plan::shipped_raw())
    }

    /// Reads and checks a plan file.
    ///
    /// # Errors
    ///
    /// [`PlanError::Json`] for malformed JSON, [`PlanError::Format`] for an
    /// unknown format version, [`PlanError::Inconsistent`] when indicators
    /// are missing or out of order, unit ids repeat, years fall outside
    /// base year + 1 … target year, a floor is not a valid growth, or a
    /// share column does not have one non-negative entry per unit summing
    /// to 100.
    pub fn from_json(json: &str) -> Result<Plan, PlanError> {
        Self::from_raw(serde_json::from_str(json).map_err(|e| PlanError::Json(e.to_string()))?)
    }

    /// Checks a plan file's contents (see [`Plan::from_json`]).
    pub(crate) fn from_raw(raw: RawPlan) -> Result<Plan, PlanError> {
        if raw.format != 1 {
            return Err(PlanError::Format(raw.format));
        }
        if raw.units.is_empty() {
            return Err(inconsistent("no reporting units"));
        }
        for (i, u) in raw.units.iter().enumerate() {
            if u.id.is_empty() || !u.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(inconsistent(format!("unit id “{}” must be lowercase ASCII", u.id)));
            }
            if raw.units[..i].iter().any(|v| v.id == u.id) {
                return Err(inconsistent(format!("unit id {} repeats", u.id)));
            }
        }
        let keys: Vec<IndicatorKey> = raw.indicators.iter().map(|i| i.key).collect();
        if keys != IndicatorKey::ALL {
            return Err(inconsistent("indicators must be funds, investment, capacity, value_added in that order"));
        }
        let mut indicators = Vec::with_capacity(raw.indicators.len());
        for ind in raw.indicators {
            indicators.push(Self::check_indicator(ind, raw.base_year, raw.units.len())?);
        }
        Ok(Plan {
            title_zh: raw.title_zh,
            title_en: raw.title_en,
            source_zh: raw.source_zh,
            source_en: raw.source_en,
            base_year: raw.base_year,
            units: raw.units,
            indicators,
        })
    }

    fn check_indicator(ind: RawIndicator, base_year: u16, units: usize) -> Result<Indicator, PlanError> {
        let key = ind.key;
        if ind.target_year <= base_year || ind.target_year > base_year + 10 {
            return Err(inconsistent(format!(
                "{key}: target year {} is not within ten years after {base_year}",
                ind.target_year
            )));
        }
        if !(ind.city_target.is_finite() && ind.city_target > 0.0) {
            return Err(inconsistent(format!("{key}: city target must be positive")));
        }
        let mut floors = Vec::with_capacity(ind.floors.len());
        for f in ind.floors {
            let last = floors.last().map_or(base_year, |p: &Floor| p.year);
            if f.year <= last || f.year > ind.target_year {
                return Err(inconsistent(format!("{key}: floor year {} out of order or range", f.year)));
            }
            let min_growth = Growth::from_percent(f.min_growth_percent).map_err(|_| {
                inconsistent(format!("{key}: the floor for {} is not a valid growth (−30 … 150 %)", f.year))
            })?;
            floors.push(Floor { year: f.year, min_growth });
        }
        let shares = ind.default_shares_percent;
        let sum: f64 = shares.iter().sum();
        if shares.len() != units || shares.iter().any(|s| !s.is_finite() || *s < 0.0) || (sum - 100.0).abs() > 1e-9 {
            return Err(inconsistent(format!(
                "{key}: default shares need one non-negative value per unit summing to 100"
            )));
        }
        Ok(Indicator {
            key,
            name_zh: ind.name_zh,
            short_zh: ind.short_zh,
            name_en: ind.name_en,
            short_en: ind.short_en,
            target_year: ind.target_year,
            city_target: ind.city_target,
            floors,
            default_shares_percent: shares,
        })
    }

    /// The indicator with this key.
    pub fn indicator(&self, key: IndicatorKey) -> &Indicator {
        // `from_json` guarantees one indicator per key in `ALL` order.
        &self.indicators[key.index()]
    }

    /// The years with a growth rate for `key`: base year + 1 … target year.
    pub fn years(&self, key: IndicatorKey) -> std::ops::RangeInclusive<u16> {
        (self.base_year + 1)..=self.indicator(key).target_year
    }

    /// How many growth years `key` has.
    pub fn year_count(&self, key: IndicatorKey) -> usize {
        usize::from(self.indicator(key).target_year - self.base_year)
    }

    /// The position of a unit id in [`Plan::units`].
    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.units.iter().position(|u| u.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_plan_is_the_shipped_file() {
        assert_eq!(Plan::shipped().unwrap(), Plan::from_json(SHIPPED_PLAN_JSON).unwrap());
    }

    fn with(edit: impl Fn(&mut serde_json::Value)) -> Result<Plan, PlanError> {
        let mut v: serde_json::Value = serde_json::from_str(SHIPPED_PLAN_JSON).unwrap();
        edit(&mut v);
        Plan::from_json(&v.to_string())
    }

    #[test]
    fn rejects_inconsistent_files() {
        assert!(matches!(with(|v| v["format"] = 2.into()), Err(PlanError::Format(2))));
        assert!(matches!(with(|v| v["units"][1]["id"] = "hualong".into()), Err(PlanError::Inconsistent(_))));
        assert!(matches!(
            with(|v| v["indicators"][0]["default_shares_percent"][0] = 11.into()),
            Err(PlanError::Inconsistent(_))
        ));
        assert!(matches!(
            with(|v| v["indicators"][0]["floors"][0]["year"] = 2025.into()),
            Err(PlanError::Inconsistent(_))
        ));
        assert!(matches!(
            with(|v| v["indicators"][3]["floors"][0]["min_growth_percent"] = 400.into()),
            Err(PlanError::Inconsistent(_))
        ));
        assert!(matches!(
            with(|v| v["indicators"].as_array_mut().unwrap().swap(0, 1)),
            Err(PlanError::Inconsistent(_))
        ));
        assert!(matches!(with(|v| v["extra"] = 1.into()), Err(PlanError::Json(_))));
        assert!(matches!(Plan::from_json("{"), Err(PlanError::Json(_))));
    }

    #[test]
    fn indicator_keys_round_trip() {
        for k in IndicatorKey::ALL {
            assert_eq!(k.as_str().parse(), Ok(k));
        }
        assert!("gdp".parse::<IndicatorKey>().is_err());
    }
}
