//! Projection: value(unit, y) = value(unit, y − 1) × (1 + growth(unit, y)),
//! and the city total as the sum over units.

use super::scenario::IndicatorInputs;

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
    /// `city[k]`: the sum over units in year base + k.
    pub city: Vec<f64>,
}

impl Projection {
    /// Projects one indicator's inputs.
    pub fn of(inputs: &IndicatorInputs) -> Self {
        let years = inputs.growth.years();
        let units: Vec<Vec<f64>> = inputs
            .bases
            .iter()
            .enumerate()
            .map(|(u, base)| {
                let mut path = Vec::with_capacity(years + 1);
                path.push(*base);
                let mut v = *base;
                for g in inputs.growth.row(u) {
                    v *= g.factor();
                    path.push(v);
                }
                path
            })
            .collect();
        let city = (0..=years).map(|k| units.iter().map(|p| p.get(k).copied().unwrap_or(0.0)).sum()).collect();
        Projection { units, city }
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
