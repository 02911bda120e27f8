//! Presets: whole growth tables that answer a standard question.

use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::scenario::GrowthTable;

/// A standard way to fill one indicator's growth table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Every year with a floor at that floor; the remaining years at the
    /// smallest equal growth (in whole basis points) that doubles by the
    /// target year.
    PlanPath,
    /// The smallest equal growth every year that doubles by the target year.
    UniformDoubling,
    /// No growth at all.
    Zero,
}

impl Preset {
    /// All presets, in the order the page offers them.
    pub const ALL: [Preset; 3] = [Preset::PlanPath, Preset::UniformDoubling, Preset::Zero];

    /// The table this preset gives `key` under `plan`.
    pub fn table(self, plan: &Plan, key: IndicatorKey) -> GrowthTable {
        let ind = plan.indicator(key);
        let units = plan.units.len();
        let years: Vec<u16> = plan.years(key).collect();
        match self {
            Preset::Zero => GrowthTable::filled(units, years.len(), Growth::ZERO),
            Preset::UniformDoubling => GrowthTable::filled(units, years.len(), doubling_rate(1.0, years.len())),
            Preset::PlanPath => {
                let floored: f64 = years.iter().filter_map(|y| ind.floor(*y)).map(Growth::factor).product();
                let open = years.iter().filter(|y| ind.floor(**y).is_none()).count();
                let rest = doubling_rate(floored, open);
                let mut table = GrowthTable::filled(units, years.len(), rest);
                for (col, year) in years.iter().enumerate() {
                    if let Some(floor) = ind.floor(*year) {
                        table.set_where(floor, |_, c| c == col);
                    }
                }
                table
            }
        }
    }
}

/// The smallest equal growth over `years` years, in whole basis points,
/// that takes a multiple of `already` up to 2; the range's top if even that
/// does not reach, and zero when there are no years left.
fn doubling_rate(already: f64, years: usize) -> Growth {
    if years == 0 {
        return Growth::ZERO;
    }
    let n = f64::from(u32::try_from(years).unwrap_or(u32::MAX));
    let percent = ((2.0 / already).powf(1.0 / n) - 1.0) * 100.0;
    Growth::ceil_percent(percent).unwrap_or(if percent > 0.0 { Growth::MAX } else { Growth::MIN })
}
