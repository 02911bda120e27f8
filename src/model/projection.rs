//! Projection: value(unit, y) = value(unit, y − 1) × (1 + growth(unit, y)),
//! and the city total as the sum over units.

use super::growth::Growth;
use super::report::Report;
use super::scenario::IndicatorInputs;

fn ratio_percent(from: f64, to: f64) -> Option<f64> {
    (from > 0.0).then(|| (to / from - 1.0) * 100.0)
}

/// Relative tolerance for "reaches": products of floats may land a few ulps
/// below a goal they meet exactly in decimal arithmetic, e.g. 28 × 1.5 ×
/// 1.3334. A value within one part in 10⁹ below its goal counts as reaching
/// it (for 2250亿元 that is 0.0000023亿元, about 230 yuan).
pub const REL_TOL: f64 = 1e-9;

/// True when `value` reaches `goal`, within [`REL_TOL`].
pub fn reaches(value: f64, goal: f64) -> bool {
    value >= goal - goal.abs() * REL_TOL
}

/// Projected values of one indicator for the base year through the target
/// year, 亿元.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// `units[u][k]`: unit `u` in year base + k (k = 0 is the base year).
    pub units: Vec<Vec<f64>>,
    /// The unallocated part (市直、其他) by year, if the inputs have one.
    pub unallocated: Option<Vec<f64>>,
    /// `city[k]`: the sum over units and the unallocated part in year
    /// base + k.
    pub city: Vec<f64>,
}

impl Projection {
    /// Projects one indicator's inputs. An open year grows each unit by its
    /// cell and the unallocated part by its own rate; a reported year takes
    /// its actual figures (see [`Report`]). A city level reported after a
    /// zero total cannot be shared out, so that year stays at zero.
    pub fn of(inputs: &IndicatorInputs) -> Self {
        let years = inputs.growth.years();
        let mut units: Vec<Vec<f64>> = inputs
            .bases
            .iter()
            .map(|b| {
                let mut path = Vec::with_capacity(years + 1);
                path.push(*b);
                path
            })
            .collect();
        let mut unallocated = inputs.unallocated.map(|x| {
            let mut path = Vec::with_capacity(years + 1);
            path.push(x.base.yi());
            path
        });
        let last = |path: &Vec<f64>| path.last().copied().unwrap_or(0.0);
        let total = |units: &[Vec<f64>], rest: Option<&Vec<f64>>| -> f64 {
            units.iter().map(last).sum::<f64>() + rest.map_or(0.0, last)
        };
        let mut city = Vec::with_capacity(years + 1);
        city.push(total(&units, unallocated.as_ref()));
        for k in 0..years {
            let before = city.last().copied().unwrap_or(0.0);
            let report = inputs.report(k);
            let everyone = match report {
                Some(Report::CityGrowth(g)) => Some(g.factor()),
                Some(Report::CityLevel(level)) => Some(if before > 0.0 { level.yi() / before } else { 1.0 }),
                _ => None,
            };
            for (u, path) in units.iter_mut().enumerate() {
                let prev = last(path);
                let next = match (everyone, report) {
                    (Some(f), _) => prev * f,
                    (None, Some(Report::UnitLevels(levels))) => levels.get(u).map_or(prev, |b| b.yi()),
                    _ => prev * inputs.growth.get(u, k).map_or(1.0, Growth::factor),
                };
                path.push(next);
            }
            if let (Some(path), Some(x)) = (unallocated.as_mut(), inputs.unallocated) {
                let prev = last(path);
                path.push(prev * everyone.unwrap_or_else(|| x.growth.factor()));
            }
            city.push(total(&units, unallocated.as_ref()));
        }
        Projection { units, unallocated, city }
    }

    /// The growth of `unit` in year column `col` (0 = base year + 1) as the
    /// values give it, percent; `None` from a zero value.
    pub fn growth_percent(&self, unit: usize, col: usize) -> Option<f64> {
        let path = self.units.get(unit)?;
        ratio_percent(*path.get(col)?, *path.get(col + 1)?)
    }

    /// The city's growth in year column `col`, percent; `None` from zero.
    pub fn city_growth_percent(&self, col: usize) -> Option<f64> {
        ratio_percent(*self.city.get(col)?, *self.city.get(col + 1)?)
    }

    /// The unallocated part's growth in year column `col`, percent; `None`
    /// without one or from zero.
    pub fn unallocated_growth_percent(&self, col: usize) -> Option<f64> {
        let path = self.unallocated.as_ref()?;
        ratio_percent(*path.get(col)?, *path.get(col + 1)?)
    }

    /// The unallocated part in year base + k, 亿元 (0 without one).
    pub fn unallocated_at(&self, k: usize) -> f64 {
        self.unallocated.as_ref().and_then(|p| p.get(k)).copied().unwrap_or(0.0)
    }

    /// The sum over units alone in year base + k, 亿元.
    pub fn units_total(&self, k: usize) -> f64 {
        self.units.iter().map(|p| p.get(k).copied().unwrap_or(0.0)).sum()
    }

    /// The city total in the target year (the last column).
    pub fn city_final(&self) -> f64 {
        self.city.last().copied().unwrap_or(0.0)
    }

    /// The city total in the year before the target year.
    pub fn city_before_final(&self) -> f64 {
        self.city.len().checked_sub(2).and_then(|k| self.city.get(k)).copied().unwrap_or(0.0)
    }

    /// One unit's value in the target year.
    pub fn unit_final(&self, unit: usize) -> f64 {
        self.units.get(unit).and_then(|p| p.last()).copied().unwrap_or(0.0)
    }

    /// One unit's value in the year before the target year.
    pub fn unit_before_final(&self, unit: usize) -> f64 {
        self.units.get(unit).and_then(|p| p.len().checked_sub(2).and_then(|k| p.get(k))).copied().unwrap_or(0.0)
    }
}
