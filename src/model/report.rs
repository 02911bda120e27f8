//! What statistics have already said: reported (已公布) years with their
//! actual figures, the part of the city figure no unit reports (市直、其他),
//! and where the bases come from.
//!
//! Reported years are always the first years of an indicator, in order:
//! statistics come out year by year, and the years still open are then one
//! stretch up to the target year, which is what goal seek solves over.

use super::growth::Growth;
use super::scenario::Base;

/// The longest provenance note, in characters.
pub const MAX_SOURCE_CHARS: usize = 60;

/// The actual figures of one reported year.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// Each unit's actual growth; the figures are the growth table's cells
    /// of that year, which tools then leave alone.
    UnitGrowth,
    /// Each unit's actual level, 亿元, in unit order.
    UnitLevels(Vec<Base>),
    /// Only the city's actual growth is known: every unit, and the
    /// unallocated part, grew by it.
    CityGrowth(Growth),
    /// Only the city's actual level is known, 亿元: every unit, and the
    /// unallocated part, grew by the one factor that gives it.
    CityLevel(Base),
}

/// The four ways to enter a reported year, for the picker and the link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// See [`Report::UnitGrowth`].
    UnitGrowth,
    /// See [`Report::UnitLevels`].
    UnitLevels,
    /// See [`Report::CityGrowth`].
    CityGrowth,
    /// See [`Report::CityLevel`].
    CityLevel,
}

impl ReportKind {
    /// Every kind, in the order the picker lists them.
    pub const ALL: [ReportKind; 4] =
        [ReportKind::UnitGrowth, ReportKind::UnitLevels, ReportKind::CityGrowth, ReportKind::CityLevel];

    /// The key used in files and the picker's values.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::UnitGrowth => "unit_growth",
            ReportKind::UnitLevels => "unit_levels",
            ReportKind::CityGrowth => "city_growth",
            ReportKind::CityLevel => "city_level",
        }
    }

    /// The kind a key names.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// Whether the figures are levels (亿元) rather than growth.
    pub fn is_level(self) -> bool {
        matches!(self, ReportKind::UnitLevels | ReportKind::CityLevel)
    }

    /// Whether one city-wide figure stands for every unit.
    pub fn is_city(self) -> bool {
        matches!(self, ReportKind::CityGrowth | ReportKind::CityLevel)
    }
}

impl Report {
    /// Which kind of entry this is.
    pub fn kind(&self) -> ReportKind {
        match self {
            Report::UnitGrowth => ReportKind::UnitGrowth,
            Report::UnitLevels(_) => ReportKind::UnitLevels,
            Report::CityGrowth(_) => ReportKind::CityGrowth,
            Report::CityLevel(_) => ReportKind::CityLevel,
        }
    }
}

/// The growth of one unit in one year: exact where a growth is set (a
/// cell, or a city growth reported), or as reported levels imply.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YearGrowth {
    /// A growth set or reported as such.
    Set(Growth),
    /// Percent, from reported levels.
    Implied(f64),
}

impl YearGrowth {
    /// A growth implied by levels within this many points below a floor
    /// meets it: levels are held to 万元, so the ratio carries tiny noise.
    const FLOOR_TOL_POINTS: f64 = 1e-9;

    /// Percent.
    pub fn percent(self) -> f64 {
        match self {
            YearGrowth::Set(g) => g.percent(),
            YearGrowth::Implied(p) => p,
        }
    }

    /// Whether it meets a plan floor (a year with no floor is met).
    pub fn meets_floor(self, floor: Option<Growth>) -> bool {
        match self {
            YearGrowth::Set(g) => g.meets_floor(floor),
            YearGrowth::Implied(p) => floor.is_none_or(|f| p >= f.percent() - Self::FLOOR_TOL_POINTS),
        }
    }
}

/// The part of a city figure that no unit reports (市直、其他): its 2022
/// value and the growth it is assumed to keep every open year. It counts in
/// the city total and has no doubling or floors of its own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unallocated {
    /// 2022 value, 亿元.
    pub base: Base,
    /// Growth in every year that is not reported city-wide.
    pub growth: Growth,
}

/// A provenance note cut to [`MAX_SOURCE_CHARS`], line breaks made spaces,
/// ends trimmed.
pub fn clean_source(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    one_line.trim().chars().take(MAX_SOURCE_CHARS).collect::<String>().trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_keys() {
        for k in ReportKind::ALL {
            assert_eq!(ReportKind::from_key(k.as_str()), Some(k));
        }
        assert_eq!(ReportKind::from_key("levels"), None);
        assert!(ReportKind::CityLevel.is_level() && ReportKind::CityLevel.is_city());
        assert!(!ReportKind::UnitGrowth.is_level() && !ReportKind::UnitGrowth.is_city());
    }

    #[test]
    fn sources_are_one_short_line() {
        assert_eq!(clean_source("  2022年统计公报\n2023-03 "), "2022年统计公报 2023-03");
        assert_eq!(clean_source(&"统".repeat(80)).chars().count(), MAX_SOURCE_CHARS);
    }
}
