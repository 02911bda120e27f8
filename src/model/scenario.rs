//! A scenario: the growth of every unit in every year of every indicator,
//! and the 2022 bases it grows from.

use thiserror::Error;

use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::preset::Preset;
use super::projection::Projection;
use super::report::{clean_source, Report, ReportKind, Unallocated, YearGrowth};
use super::uncertainty::{Range, RangeTable, Uncertainty};

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

    /// Nothing.
    pub const ZERO: Base = Base(0.0);

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

/// A value per unit and year of one indicator: one row per unit, one
/// column per year from base year + 1 to the target year. Growth rates
/// ([`GrowthTable`]) and their ranges
/// ([`RangeTable`](super::uncertainty::RangeTable)) are kept so.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Table<T> {
    years: usize,
    cells: Vec<T>,
}

/// Growth rates of one indicator, by unit and year.
pub type GrowthTable = Table<Growth>;

impl<T: Copy + PartialEq> Table<T> {
    /// A table with every cell at `fill`.
    pub fn filled(units: usize, years: usize, fill: T) -> Self {
        Table { years, cells: vec![fill; units * years] }
    }

    /// How many units (rows).
    pub fn units(&self) -> usize {
        self.cells.len().checked_div(self.years).unwrap_or(0)
    }

    /// How many years (columns).
    pub fn years(&self) -> usize {
        self.years
    }

    /// The value of `unit` in year column `year` (0 = base year + 1), or
    /// `None` outside the table.
    pub fn get(&self, unit: usize, year: usize) -> Option<T> {
        (year < self.years).then(|| self.cells.get(unit * self.years + year).copied()).flatten()
    }

    /// One unit's row.
    pub fn row(&self, unit: usize) -> &[T] {
        let start = (unit * self.years).min(self.cells.len());
        let end = (start + self.years).min(self.cells.len());
        &self.cells[start..end]
    }

    /// Sets one cell; returns whether anything changed (false also outside
    /// the table).
    pub fn set(&mut self, unit: usize, year: usize, value: T) -> bool {
        if year >= self.years {
            return false;
        }
        match self.cells.get_mut(unit * self.years + year) {
            Some(cell) if *cell != value => {
                *cell = value;
                true
            }
            _ => false,
        }
    }

    /// Sets every cell for which `select(unit, year)` holds; returns whether
    /// anything changed.
    pub fn set_where(&mut self, value: T, select: impl Fn(usize, usize) -> bool) -> bool {
        let years = self.years;
        let mut changed = false;
        for (i, cell) in self.cells.iter_mut().enumerate() {
            if select(i / years, i % years) && *cell != value {
                *cell = value;
                changed = true;
            }
        }
        changed
    }

    /// Every cell, row by row.
    pub fn cells(&self) -> &[T] {
        &self.cells
    }
}

/// The inputs of one indicator: its 2022 bases, its growth table, the
/// years already reported, the unallocated part and where the bases come
/// from.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorInputs {
    /// The 2022 value of each unit, 亿元, finite and non-negative, to four
    /// decimals (see [`Base`]).
    pub bases: Vec<f64>,
    /// Growth by unit and year.
    pub growth: GrowthTable,
    /// The part of the city figure no unit reports, if the user added it.
    pub unallocated: Option<Unallocated>,
    /// The first `reports.len()` years are reported, with these figures.
    reports: Vec<Report>,
    /// Where the bases come from (source and vintage), at most
    /// [`MAX_SOURCE_CHARS`](super::report::MAX_SOURCE_CHARS) characters.
    source: String,
    /// The range of each growth cell and of the unallocated part, used
    /// while uncertainty is on (see [`super::uncertainty`]).
    pub ranges: RangeTable,
}

impl IndicatorInputs {
    /// Inputs with nothing reported, no unallocated part and no source.
    pub fn new(bases: Vec<f64>, growth: GrowthTable) -> Self {
        let ranges = RangeTable::filled(growth.units(), growth.years(), Range::DEFAULT);
        IndicatorInputs { bases, growth, unallocated: None, reports: Vec::new(), source: String::new(), ranges }
    }

    /// The reported years' figures, first year first.
    pub fn reports(&self) -> &[Report] {
        &self.reports
    }

    /// How many years, from the first, are reported.
    pub fn reported_years(&self) -> usize {
        self.reports.len()
    }

    /// The figures of year column `col`, if it is reported.
    pub fn report(&self, col: usize) -> Option<&Report> {
        self.reports.get(col)
    }

    /// Whether year column `col` is reported, so that sliders, bulk
    /// changes, presets and solve leave it alone.
    pub fn is_locked(&self, col: usize) -> bool {
        col < self.reports.len()
    }

    /// Where the bases come from; empty if not said.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Sets the provenance note (cleaned, see [`clean_source`]); returns
    /// whether it changed.
    pub fn set_source(&mut self, text: &str) -> bool {
        let clean = clean_source(text);
        if clean == self.source {
            return false;
        }
        self.source = clean;
        true
    }

    /// Marks the first `n` years reported (at most every year). Years that
    /// become reported start from their growth cells as actual growth;
    /// years that stop being reported keep their cells. Returns whether
    /// anything changed.
    pub fn set_reported_years(&mut self, n: usize) -> bool {
        let n = n.min(self.growth.years());
        if n == self.reports.len() {
            return false;
        }
        for col in (n..self.reports.len()).rev() {
            self.switch_report_kind(col, ReportKind::UnitGrowth);
        }
        self.reports.resize(n, Report::UnitGrowth);
        true
    }

    /// Replaces the figures of reported year `col`. Refused (false) for a
    /// year that is not reported or unit levels of the wrong count.
    pub fn set_report(&mut self, col: usize, report: Report) -> bool {
        if let Report::UnitLevels(levels) = &report {
            if levels.len() != self.bases.len() {
                return false;
            }
        }
        match self.reports.get_mut(col) {
            Some(r) if *r != report => {
                *r = report;
                true
            }
            _ => false,
        }
    }

    /// Changes how reported year `col` is entered, starting from what the
    /// year shows now: its growth cells take the growth each unit has now
    /// (to a basis point, within the slider range), and levels start from
    /// the projected values (to 万元). Returns whether anything changed.
    pub fn switch_report_kind(&mut self, col: usize, kind: ReportKind) -> bool {
        let Some(current) = self.reports.get(col) else { return false };
        if current.kind() == kind {
            return false;
        }
        let p = Projection::of(self);
        for u in 0..self.bases.len() {
            if let Some(percent) = p.growth_percent(u, col) {
                self.growth.set(u, col, Growth::nearest(percent));
            }
        }
        let level = |v: f64| Base::new(v).unwrap_or(Base::ZERO);
        let at = |path: &[f64]| path.get(col + 1).copied().unwrap_or(0.0);
        self.reports[col] = match kind {
            ReportKind::UnitGrowth => Report::UnitGrowth,
            ReportKind::UnitLevels => Report::UnitLevels(p.units.iter().map(|path| level(at(path))).collect()),
            ReportKind::CityGrowth => {
                Report::CityGrowth(p.city_growth_percent(col).map_or(Growth::ZERO, Growth::nearest))
            }
            ReportKind::CityLevel => Report::CityLevel(level(at(&p.city))),
        };
        true
    }

    /// The growth of `unit` in year column `col` (0 = base year + 1): its
    /// cell, the city's reported growth, or what reported levels imply
    /// (from `projection`, which must be this indicator's); `None` outside
    /// the table or from a zero value.
    pub fn year_growth(&self, projection: &Projection, unit: usize, col: usize) -> Option<YearGrowth> {
        match self.reports.get(col) {
            None | Some(Report::UnitGrowth) => self.growth.get(unit, col).map(YearGrowth::Set),
            Some(Report::CityGrowth(g)) => Some(YearGrowth::Set(*g)),
            Some(Report::UnitLevels(_) | Report::CityLevel(_)) => {
                projection.growth_percent(unit, col).map(YearGrowth::Implied)
            }
        }
    }
}

/// Everything a user can set: the scenario the page shows and a link holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The scenario's name as the user wrote it (plain text, never markup).
    pub name: String,
    /// Per indicator, in [`IndicatorKey::ALL`] order.
    inputs: [IndicatorInputs; 4],
    /// Whether probabilities are shown, and how shocks are shared.
    pub uncertainty: Uncertainty,
}

impl Scenario {
    /// The scenario the page opens on: the illustrative bases and the
    /// plan's own path (every floor met, the remaining years at the growth
    /// that just doubles).
    pub fn default_for(plan: &Plan) -> Self {
        let inputs = IndicatorKey::ALL.map(|key| {
            let ind = plan.indicator(key);
            IndicatorInputs::new(ind.default_bases(), Preset::PlanPath.table(plan, key))
        });
        Scenario { name: String::new(), inputs, uncertainty: Uncertainty::DEFAULT }
    }

    /// Whether every growth cell is on the plan path (the floors, then
    /// what just doubles) with no year reported: the page's opening state,
    /// an assumption to start from rather than a forecast.
    pub fn on_plan_path(&self, plan: &Plan) -> bool {
        IndicatorKey::ALL.iter().all(|k| {
            let inputs = self.inputs(*k);
            inputs.reported_years() == 0 && inputs.growth == Preset::PlanPath.table(plan, *k)
        })
    }

    /// Whether any unit's 2022 base of any indicator is still the plan's
    /// illustrative split (target ÷ 2 by default shares), not a figure the
    /// user entered: figures built on it must not circulate as official.
    pub fn uses_illustrative_bases(&self, plan: &Plan) -> bool {
        IndicatorKey::ALL.iter().any(|k| {
            let default = plan.indicator(*k).default_bases();
            self.bases(*k).iter().zip(&default).any(|(b, d)| (b - d).abs() < 5e-5)
        })
    }

    /// Whether any unit's 2022 base of any indicator differs from the plan's
    /// illustrative split: the page then says the bases were changed.
    pub fn has_custom_bases(&self, plan: &Plan) -> bool {
        IndicatorKey::ALL.iter().any(|k| self.bases(*k) != plan.indicator(*k).default_bases().as_slice())
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

    /// The inputs of one indicator, to change them.
    pub fn inputs_mut(&mut self, key: IndicatorKey) -> &mut IndicatorInputs {
        &mut self.inputs[key.index()]
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
