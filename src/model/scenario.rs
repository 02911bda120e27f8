//! A scenario: the growth of every unit in every year of every indicator,
//! and the 2022 bases it grows from.

use thiserror::Error;

use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::preset::Preset;

/// A 2022 base value: 亿元, finite, non-negative, at most [`Base::MAX`],
/// held to four decimals (1 万元), which is what links and files carry.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Base(f64);

/// Why a number cannot be a base.
#[derive(Clone, Copy, Debug, PartialEq, Error)]
pub enum BaseError {
    /// Negative, NaN or infinite.
    #[error("a base must be a finite number ≥ 0")]
    Invalid,
    /// More than [`Base::MAX`] 亿元.
    #[error("a base above {} 亿元 is not plausible", Base::MAX)]
    TooLarge,
}

impl Base {
    /// The largest base accepted, 亿元 (a hundred times the city's 2022
    /// capacity: a typo guard, not a statistic).
    pub const MAX: f64 = 1_000_000.0;

    /// A base from 亿元, rounded to four decimals.
    ///
    /// # Errors
    ///
    /// [`BaseError`] for negative, non-finite or implausibly large values.
    pub fn new(yi: f64) -> Result<Self, BaseError> {
        if !yi.is_finite() || yi < 0.0 {
            return Err(BaseError::Invalid);
        }
        if yi > Self::MAX {
            return Err(BaseError::TooLarge);
        }
        let q = (yi * 10_000.0).round() / 10_000.0;
        Ok(Base(if q == 0.0 { 0.0 } else { q }))
    }

    /// A base from ten-thousandths of 亿元 (万元), as links carry it.
    ///
    /// # Errors
    ///
    /// [`BaseError::TooLarge`] above [`Base::MAX`].
    pub fn from_wan(wan: u64) -> Result<Self, BaseError> {
        // Up to 10¹⁰, exact in f64.
        #[allow(clippy::cast_precision_loss)]
        let yi = wan as f64 / 10_000.0;
        if wan > 10_000_000_000 {
            return Err(BaseError::TooLarge);
        }
        Ok(Base(yi))
    }

    /// The value in 亿元.
    pub fn yi(self) -> f64 {
        self.0
    }

    /// The value in ten-thousandths of 亿元 (万元).
    pub fn wan(self) -> u64 {
        // Non-negative and at most 10¹⁰ by construction.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let w = (self.0 * 10_000.0).round() as u64;
        w
    }
}

/// Growth rates of one indicator: one row per unit, one column per year
/// from base year + 1 to the target year.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GrowthTable {
    years: usize,
    cells: Vec<Growth>,
}

impl GrowthTable {
    /// A table with every cell at `fill`.
    pub fn filled(units: usize, years: usize, fill: Growth) -> Self {
        GrowthTable { years, cells: vec![fill; units * years] }
    }

    /// How many units (rows).
    pub fn units(&self) -> usize {
        self.cells.len().checked_div(self.years).unwrap_or(0)
    }

    /// How many years (columns).
    pub fn years(&self) -> usize {
        self.years
    }

    /// The growth of `unit` in year column `year` (0 = base year + 1), or
    /// `None` outside the table.
    pub fn get(&self, unit: usize, year: usize) -> Option<Growth> {
        (year < self.years).then(|| self.cells.get(unit * self.years + year).copied()).flatten()
    }

    /// One unit's growth path.
    pub fn row(&self, unit: usize) -> &[Growth] {
        let start = (unit * self.years).min(self.cells.len());
        let end = (start + self.years).min(self.cells.len());
        &self.cells[start..end]
    }

    /// Sets one cell; returns whether anything changed (false also outside
    /// the table).
    pub fn set(&mut self, unit: usize, year: usize, g: Growth) -> bool {
        if year >= self.years {
            return false;
        }
        match self.cells.get_mut(unit * self.years + year) {
            Some(cell) if *cell != g => {
                *cell = g;
                true
            }
            _ => false,
        }
    }

    /// Sets every cell for which `select(unit, year)` holds; returns whether
    /// anything changed.
    pub fn set_where(&mut self, g: Growth, select: impl Fn(usize, usize) -> bool) -> bool {
        let years = self.years;
        let mut changed = false;
        for (i, cell) in self.cells.iter_mut().enumerate() {
            if select(i / years, i % years) && *cell != g {
                *cell = g;
                changed = true;
            }
        }
        changed
    }

    /// Every cell, row by row.
    pub fn cells(&self) -> &[Growth] {
        &self.cells
    }
}

/// The inputs of one indicator: its 2022 bases and its growth table.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorInputs {
    /// The 2022 value of each unit, 亿元, finite and non-negative, to four
    /// decimals (see [`Base`]).
    pub bases: Vec<f64>,
    /// Growth by unit and year.
    pub growth: GrowthTable,
}

/// Everything a user can set: the scenario the page shows and a link holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The scenario's name as the user wrote it (plain text, never markup).
    pub name: String,
    /// Per indicator, in [`IndicatorKey::ALL`] order.
    inputs: [IndicatorInputs; 4],
}

impl Scenario {
    /// The scenario the page opens on: the illustrative bases and the
    /// plan's own path (every floor met, the remaining years at the growth
    /// that just doubles).
    pub fn default_for(plan: &Plan) -> Self {
        let inputs = IndicatorKey::ALL.map(|key| {
            let ind = plan.indicator(key);
            IndicatorInputs { bases: ind.default_bases(), growth: Preset::PlanPath.table(plan, key) }
        });
        Scenario { name: String::new(), inputs }
    }

    /// The inputs of one indicator.
    pub fn inputs(&self, key: IndicatorKey) -> &IndicatorInputs {
        &self.inputs[key.index()]
    }

    /// The growth table of one indicator.
    pub fn growth(&self, key: IndicatorKey) -> &GrowthTable {
        &self.inputs[key.index()].growth
    }

    /// The growth table of one indicator, to change it.
    pub fn growth_mut(&mut self, key: IndicatorKey) -> &mut GrowthTable {
        &mut self.inputs[key.index()].growth
    }

    /// The 2022 bases of one indicator, 亿元.
    pub fn bases(&self, key: IndicatorKey) -> &[f64] {
        &self.inputs[key.index()].bases
    }

    /// Sets one unit's 2022 base; returns whether anything changed (false
    /// also for a unit outside the plan).
    pub fn set_base(&mut self, key: IndicatorKey, unit: usize, base: Base) -> bool {
        match self.inputs[key.index()].bases.get_mut(unit) {
            Some(b) if b.to_bits() != base.yi().to_bits() => {
                *b = base.yi();
                true
            }
            _ => false,
        }
    }
}
