//! How likely: growth ranges around each open cell, and the probability
//! that a scenario reaches each target, by Monte Carlo with common random
//! numbers.
//!
//! The model, exactly as implemented:
//!
//! - a cell's range is the 90 % interval (5th to 95th percentile) of a
//!   two-piece normal centred on the cell's likely value (its slider):
//!   σ = half-width ÷ 1.6449, with its own σ below and above the likely
//!   value; a draw is clipped to the growth range −30 … 150 %;
//! - g(u, y) = likely(u, y) + σ(u, y) · z(u, y), where σ is the lower σ for
//!   z < 0 and the upper σ otherwise, and
//!   z(u, y) = √ρ · c(y) + √(1 − ρ) · e(u, y);
//! - across the open years, c(y) = φ · c(y − 1) + √(1 − φ²) · η(y) and
//!   e(u, y) = φ · e(u, y − 1) + √(1 − φ²) · ε(u, y), with c and e standard
//!   normal in the first open year and η, ε independent standard normals;
//! - the unallocated part, where present, is one more unit with its own
//!   range (it has no doubling or floors); reported years are actual
//!   figures and carry no range; the four indicators are drawn
//!   independently of each other.
//!
//! [`DRAWS`] draws come from a fixed seed per indicator and are made once:
//! every slider step reuses them, so a scenario always gives the same
//! figures and a change moves them smoothly (and monotonically: more
//! growth in any cell never lowers a probability).

use std::cell::OnceCell;

use thiserror::Error;

use super::growth::Growth;
use super::number::{parse_decimal, NumberError};
use super::plan::{IndicatorKey, Plan};
use super::projection::{reaches, Projection};
use super::scenario::{IndicatorInputs, Scenario, Table};

/// How many draws each indicator takes.
pub const DRAWS: usize = 10_000;

/// The standard normal's 95th percentile: a 90 % interval is ±1.6449 σ.
pub const Z90: f64 = 1.644_853_626_951_472_2;

/// The seed of the first indicator's draws; the others follow from it.
const SEED: u64 = 0x5EED_2022_0475_2026;

/// Why a range or a coefficient is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum RangeError {
    /// A negative width, or a low above / a high below the likely value.
    #[error("a range's half-widths must be 0 or more")]
    Negative,
    /// Wider than the whole growth range.
    #[error("a half-width above {} points is wider than the growth range", Range::MAX_BP / 100)]
    TooWide,
    /// ρ or φ outside 0 … 1.
    #[error("a coefficient must lie between 0 and 1")]
    Coefficient,
    /// Not a number.
    #[error("not a number")]
    NotANumber,
}

/// Why the text of a range was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RangeTextError {
    /// Not a number.
    #[error(transparent)]
    Number(#[from] NumberError),
    /// A number, but not a range.
    #[error(transparent)]
    Range(#[from] RangeError),
}

/// Reads a range as a person types it: `3` (or `±3`) for ±3 points, `2/4`
/// (or `−2/+4`) for 2 points below and 4 above the likely value.
///
/// # Errors
///
/// [`RangeTextError`]: not a number, a negative or too wide half-width.
pub fn parse_range(text: &str) -> Result<Range, RangeTextError> {
    let text = text.trim();
    if let Some((low, high)) = text.split_once('/') {
        let low = low.trim();
        let low = low.strip_prefix(['−', '-']).unwrap_or(low);
        let high = high.trim();
        let high = high.strip_prefix('+').unwrap_or(high);
        return Ok(Range::from_points(parse_decimal(low)?, parse_decimal(high)?)?);
    }
    let h = parse_decimal(text.strip_prefix('±').unwrap_or(text))?;
    Ok(Range::from_points(h, h)?)
}

/// A range as a field shows it: `3`, `2.5`, or `−2/+4`.
pub fn range_text(r: Range) -> String {
    let points = |bp: u16| {
        let text = format!("{}.{:02}", bp / 100, bp % 100);
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    if r.is_symmetric() {
        points(r.low_bp())
    } else {
        format!("−{}/+{}", points(r.low_bp()), points(r.high_bp()))
    }
}

/// The range of one cell: how far below and above its likely value the
/// 5th and 95th percentiles lie, in basis points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Range {
    low: u16,
    high: u16,
}

impl Range {
    /// The widest half-width: the whole growth range, 180 points.
    pub const MAX_BP: u16 = 18_000;
    /// ±3 points, what every open cell starts with.
    pub const DEFAULT: Range = Range { low: 300, high: 300 };
    /// No range: the likely value for certain.
    pub const ZERO: Range = Range { low: 0, high: 0 };

    /// A range from its lower and upper half-widths in basis points.
    ///
    /// # Errors
    ///
    /// [`RangeError::Negative`] or [`RangeError::TooWide`].
    pub fn from_bp(low: i64, high: i64) -> Result<Self, RangeError> {
        let one = |bp: i64| -> Result<u16, RangeError> {
            if bp < 0 {
                return Err(RangeError::Negative);
            }
            u16::try_from(bp).ok().filter(|v| *v <= Self::MAX_BP).ok_or(RangeError::TooWide)
        };
        Ok(Range { low: one(low)?, high: one(high)? })
    }

    /// A range from half-widths in percentage points, to a basis point.
    ///
    /// # Errors
    ///
    /// As [`Range::from_bp`]; [`RangeError::NotANumber`] for NaN.
    pub fn from_points(low: f64, high: f64) -> Result<Self, RangeError> {
        let bp = |p: f64| -> Result<i64, RangeError> {
            if p.is_nan() {
                return Err(RangeError::NotANumber);
            }
            if p < 0.0 {
                return Err(RangeError::Negative);
            }
            if p > f64::from(Self::MAX_BP) / 100.0 {
                return Err(RangeError::TooWide);
            }
            // Within 0 … 18000 after the checks above.
            #[allow(clippy::cast_possible_truncation)]
            Ok((p * 100.0).round() as i64)
        };
        Self::from_bp(bp(low)?, bp(high)?)
    }

    /// ±`bp` basis points.
    ///
    /// # Errors
    ///
    /// As [`Range::from_bp`].
    pub fn symmetric(bp: i64) -> Result<Self, RangeError> {
        Self::from_bp(bp, bp)
    }

    /// The half-width below the likely value, basis points.
    pub fn low_bp(self) -> u16 {
        self.low
    }

    /// The half-width above the likely value, basis points.
    pub fn high_bp(self) -> u16 {
        self.high
    }

    /// Whether both sides are equal.
    pub fn is_symmetric(self) -> bool {
        self.low == self.high
    }

    /// Whether the range is nothing at all.
    pub fn is_zero(self) -> bool {
        self.low == 0 && self.high == 0
    }

    /// Whether the range around `likely` reaches past the growth range, so
    /// that its draws are clipped there.
    pub fn is_clipped_at(self, likely: Growth) -> bool {
        likely.bp() - i32::from(self.low) < Growth::MIN.bp() || likely.bp() + i32::from(self.high) > Growth::MAX.bp()
    }
}

/// The ranges of one indicator: one per growth cell (row-major, unit ×
/// year, as the growth table) and one for the unallocated part.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RangeTable {
    cells: Table<Range>,
    /// The unallocated part's range (used only when it is present).
    pub unallocated: Range,
}

impl RangeTable {
    /// A table with every range at `fill`.
    pub fn filled(units: usize, years: usize, fill: Range) -> Self {
        RangeTable { cells: Table::filled(units, years, fill), unallocated: fill }
    }

    /// The range of `unit` in year column `year`; `None` outside the table.
    pub fn get(&self, unit: usize, year: usize) -> Option<Range> {
        self.cells.get(unit, year)
    }

    /// Sets one range; returns whether anything changed.
    pub fn set(&mut self, unit: usize, year: usize, r: Range) -> bool {
        self.cells.set(unit, year, r)
    }

    /// Sets every cell's range for which `select(unit, year)` holds;
    /// returns whether anything changed.
    pub fn set_where(&mut self, r: Range, select: impl Fn(usize, usize) -> bool) -> bool {
        self.cells.set_where(r, select)
    }

    /// Every cell's range, row by row.
    pub fn cells(&self) -> &[Range] {
        self.cells.cells()
    }

    /// How many years (columns).
    pub fn years(&self) -> usize {
        self.cells.years()
    }
}

/// A coefficient between 0 and 1, in hundredths: ρ or φ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Coefficient(u8);

impl Coefficient {
    /// From hundredths.
    ///
    /// # Errors
    ///
    /// [`RangeError::Coefficient`] above 100.
    pub fn from_hundredths(h: u64) -> Result<Self, RangeError> {
        u8::try_from(h).ok().filter(|h| *h <= 100).map(Coefficient).ok_or(RangeError::Coefficient)
    }

    /// From a number between 0 and 1, to the nearest hundredth.
    ///
    /// # Errors
    ///
    /// [`RangeError::Coefficient`] outside 0 … 1, [`RangeError::NotANumber`]
    /// for NaN.
    pub fn new(v: f64) -> Result<Self, RangeError> {
        if v.is_nan() {
            return Err(RangeError::NotANumber);
        }
        if !(0.0..=1.0).contains(&v) {
            return Err(RangeError::Coefficient);
        }
        // Within 0 … 100.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(Coefficient((v * 100.0).round() as u8))
    }

    /// In hundredths, 0 … 100.
    pub fn hundredths(self) -> u8 {
        self.0
    }

    /// As a number, 0 … 1.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

/// Whether uncertainty is on, and how units and years move together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Uncertainty {
    /// Whether the page shows probabilities.
    pub on: bool,
    /// ρ, 同年共同冲击: how much units move together within a year.
    pub rho: Coefficient,
    /// φ, 逐年延续: how much a shock persists into the next year.
    pub phi: Coefficient,
}

impl Uncertainty {
    /// Off, ρ = 0.5, φ = 0.3.
    pub const DEFAULT: Uncertainty = Uncertainty { on: false, rho: Coefficient(50), phi: Coefficient(30) };
}

impl Default for Uncertainty {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// splitmix64, to seed the generator.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256**, a small, fast, well-tested generator.
struct Xoshiro([u64; 4]);

impl Xoshiro {
    fn seeded(seed: u64) -> Self {
        let mut s = seed;
        Xoshiro([splitmix(&mut s), splitmix(&mut s), splitmix(&mut s), splitmix(&mut s)])
    }

    fn next(&mut self) -> u64 {
        let s = &mut self.0;
        let out = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        out
    }

    /// Uniform on (−1, 1).
    fn signed_unit(&mut self) -> f64 {
        // 53 random bits, exact in f64.
        #[allow(clippy::cast_precision_loss)]
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        2.0 * u - 1.0
    }

    /// Two independent standard normals (Marsaglia's polar method).
    fn normal_pair(&mut self) -> (f64, f64) {
        loop {
            let (x, y) = (self.signed_unit(), self.signed_unit());
            let s = x * x + y * y;
            if s > 0.0 && s < 1.0 {
                let f = (-2.0 * s.ln() / s).sqrt();
                return (x * f, y * f);
            }
        }
    }

    fn fill_normals(&mut self, out: &mut [f32]) {
        let mut chunks = out.chunks_exact_mut(2);
        for pair in &mut chunks {
            let (a, b) = self.normal_pair();
            // Standard normals are far inside f32's range.
            #[allow(clippy::cast_possible_truncation)]
            {
                pair[0] = a as f32;
                pair[1] = b as f32;
            }
        }
        if let [last] = chunks.into_remainder() {
            #[allow(clippy::cast_possible_truncation)]
            {
                *last = self.normal_pair().0 as f32;
            }
        }
    }
}

/// The standard normals of one indicator: η per draw and open year, ε per
/// draw, open year and unit (the unallocated part last).
#[derive(Debug)]
pub struct Draws {
    years: usize,
    slots: usize,
    eta: Vec<f32>,
    eps: Vec<f32>,
}

impl Draws {
    /// [`DRAWS`] draws for `years` years and `units` units plus the
    /// unallocated part, from `seed`.
    pub fn new(seed: u64, years: usize, units: usize) -> Self {
        let slots = units + 1;
        let mut rng = Xoshiro::seeded(seed);
        let mut eta = vec![0.0; DRAWS * years];
        let mut eps = vec![0.0; DRAWS * years * slots];
        rng.fill_normals(&mut eta);
        rng.fill_normals(&mut eps);
        Draws { years, slots, eta, eps }
    }

    /// η of draw `d` in the `j`-th open year.
    fn eta(&self, d: usize, j: usize) -> f64 {
        f64::from(self.eta[d * self.years + j])
    }

    /// The ε of draw `d` in the `j`-th open year, one per slot.
    fn eps(&self, d: usize, j: usize) -> &[f32] {
        let at = (d * self.years + j) * self.slots;
        &self.eps[at..at + self.slots]
    }
}

/// The draws of all four indicators, each made the first time it is asked
/// for.
#[derive(Debug, Default)]
pub struct Sampler {
    draws: [OnceCell<Draws>; 4],
}

/// Every sampler gives the same draws (they are a function of the fixed
/// seed alone), whatever it has made so far: all samplers are equal.
impl PartialEq for Sampler {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Sampler {
    /// A sampler that has made nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The draws of one indicator of `plan`.
    pub fn draws(&self, plan: &Plan, key: IndicatorKey) -> &Draws {
        self.draws[key.index()].get_or_init(|| {
            let seed = SEED ^ (key.index() as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            Draws::new(seed, plan.years(key).count(), plan.units.len())
        })
    }
}

/// A probability estimated from the draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chance {
    /// The share of draws in which the event happens, 0 … 1.
    pub p: f64,
    /// Whether chance plays any part: false when every range that matters
    /// is zero (or every year is reported), so that `p` is exactly 0 or 1.
    pub uncertain: bool,
}

impl Chance {
    fn of(hits: usize, uncertain: bool) -> Self {
        // Counts of at most DRAWS, exact in f64.
        #[allow(clippy::cast_precision_loss)]
        let p = hits as f64 / DRAWS as f64;
        Chance { p, uncertain }
    }

    /// The Monte Carlo standard error, √(p(1 − p) ÷ N).
    pub fn standard_error(self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let n = DRAWS as f64;
        (self.p * (1.0 - self.p) / n).sqrt()
    }
}

/// The percentiles a fan chart shows: 5, 25, 50, 75, 95.
pub const FAN: [f64; 5] = [0.05, 0.25, 0.5, 0.75, 0.95];

/// What the draws say about one indicator of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlook {
    /// Which indicator.
    pub indicator: IndicatorKey,
    /// Reaching the city target in the target year.
    pub target: Chance,
    /// Per unit, reaching twice its own 2022 base.
    pub doubling: Vec<Chance>,
    /// Per growth cell (row-major, unit × year), meeting the year's floor;
    /// `None` for a year without a floor.
    pub floors: Vec<Option<Chance>>,
    /// Per year from the base year (k = 0) to the target year, the city
    /// total's percentiles [`FAN`], 亿元.
    pub city: Vec<[f64; 5]>,
    /// Per year from the base year, the city total's mean over the draws,
    /// 亿元.
    pub city_mean: Vec<f64>,
    /// Per unit, the 5th and 95th percentiles of its target-year value ÷
    /// its 2022 base; `None` for a zero base.
    pub multiples: Vec<Option<(f64, f64)>>,
    /// Whether any open cell (or the unallocated part) has a range.
    pub uncertain: bool,
}

/// The value at quantile `q` of `values`, which it reorders (the order
/// statistic nearest to q · (n − 1)).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    // Within 0 … n − 1.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let i = ((q * (values.len() - 1) as f64).round() as usize).min(values.len() - 1);
    *values.select_nth_unstable_by(i, f64::total_cmp).1
}

/// One slot's likely growth and its σ below and above, per open year, in
/// basis points.
#[derive(Clone, Copy)]
struct Cell {
    likely: f64,
    below: f64,
    above: f64,
}

impl Cell {
    fn new(likely: Growth, range: Range) -> Self {
        Cell {
            likely: f64::from(likely.bp()),
            below: f64::from(range.low_bp()) / Z90,
            above: f64::from(range.high_bp()) / Z90,
        }
    }

    /// The growth in basis points for shock `z`, clipped to the range.
    fn growth(self, z: f64) -> f64 {
        let sigma = if z < 0.0 { self.below } else { self.above };
        (self.likely + sigma * z).clamp(f64::from(Growth::MIN.bp()), f64::from(Growth::MAX.bp()))
    }
}

/// One indicator's inputs as the draws see them: each slot's (unit's, then
/// the unallocated part's) cells in the open years and the value it starts
/// from in the first open year.
struct Setup {
    first: usize,
    open: usize,
    units: usize,
    slots: usize,
    /// `cells[s * open + j]`.
    cells: Vec<Cell>,
    start: Vec<f64>,
    projection: Projection,
}

impl Setup {
    fn of(inputs: &IndicatorInputs, draws: &Draws) -> Self {
        let projection = Projection::of(inputs);
        let years = inputs.growth.years();
        let units = inputs.bases.len().min(draws.slots - 1);
        let first = inputs.reported_years().min(years);
        let open = (years - first).min(draws.years);
        let has_rest = inputs.unallocated.is_some();
        let slots = units + usize::from(has_rest);
        let mut cells = Vec::with_capacity(slots * open);
        for u in 0..units {
            for col in first..first + open {
                let g = inputs.growth.get(u, col).unwrap_or(Growth::ZERO);
                cells.push(Cell::new(g, inputs.ranges.get(u, col).unwrap_or(Range::ZERO)));
            }
        }
        if let Some(x) = inputs.unallocated {
            for _ in 0..open {
                cells.push(Cell::new(x.growth, inputs.ranges.unallocated));
            }
        }
        let start = (0..units)
            .map(|u| projection.units.get(u).and_then(|p| p.get(first)).copied().unwrap_or(0.0))
            .chain(has_rest.then(|| projection.unallocated_at(first)))
            .collect();
        Setup { first, open, units, slots, cells, start, projection }
    }

    /// Whether any open cell (or the unallocated part) has a range.
    fn uncertain(&self) -> bool {
        self.cells.iter().any(|c| c.below > 0.0 || c.above > 0.0)
    }
}

/// The shocks z of one draw, year by year: c(y) shared by every slot and
/// e(u, y) of each, from η and ε by the AR(1) recursion.
struct Shocks<'a> {
    draws: &'a Draws,
    units: usize,
    phi: f64,
    carry: f64,
    common: f64,
    own: f64,
    c: f64,
    e: Vec<f64>,
}

impl<'a> Shocks<'a> {
    fn new(draws: &'a Draws, setup: &Setup, settings: Uncertainty) -> Self {
        let (rho, phi) = (settings.rho.value(), settings.phi.value());
        Shocks {
            draws,
            units: setup.units,
            phi,
            carry: (1.0 - phi * phi).sqrt(),
            common: rho.sqrt(),
            own: (1.0 - rho).sqrt(),
            c: 0.0,
            e: vec![0.0; setup.slots],
        }
    }

    /// Moves to draw `d`'s `j`-th open year (`j = 0` starts the draw).
    fn year(&mut self, d: usize, j: usize) {
        let eta = self.draws.eta(d, j);
        self.c = if j == 0 { eta } else { self.phi * self.c + self.carry * eta };
        let eps = self.draws.eps(d, j);
        let rest = self.draws.slots - 1;
        for (s, e) in self.e.iter_mut().enumerate() {
            // The unallocated part takes the last slot's numbers.
            let shock = f64::from(eps[if s < self.units { s } else { rest }]);
            *e = if j == 0 { shock } else { self.phi * *e + self.carry * shock };
        }
    }

    /// The shock of slot `s` in the year moved to.
    fn z(&self, s: usize) -> f64 {
        self.common * self.c + self.own * self.e[s]
    }
}

impl Outlook {
    /// Runs the draws of one indicator of `scenario`.
    pub fn of(plan: &Plan, scenario: &Scenario, key: IndicatorKey, sampler: &Sampler) -> Self {
        let inputs = scenario.inputs(key);
        let settings = scenario.uncertainty;
        Self::of_inputs(plan, inputs, key, settings, sampler.draws(plan, key))
    }

    /// Runs `draws` over one indicator's inputs.
    pub fn of_inputs(
        plan: &Plan,
        inputs: &IndicatorInputs,
        key: IndicatorKey,
        settings: Uncertainty,
        draws: &Draws,
    ) -> Self {
        let ind = plan.indicator(key);
        let setup = Setup::of(inputs, draws);
        let Setup { first, open, units, slots, .. } = setup;
        let years = inputs.growth.years();
        let uncertain = setup.uncertain();
        let floors_bp: Vec<Option<f64>> = (first..first + open)
            .map(|col| {
                let year = plan.years(key).nth(col)?;
                ind.floor(year).map(|f| f64::from(f.bp()))
            })
            .collect();
        let target = ind.city_target;
        let doubling_goal: Vec<f64> = (0..units).map(|u| 2.0 * inputs.bases.get(u).copied().unwrap_or(0.0)).collect();

        let mut hits = 0usize;
        let mut doubled = vec![0usize; units];
        let mut floor_hits = vec![0usize; units * open];
        let mut city = vec![0.0f64; open * DRAWS];
        let mut finals = vec![0.0f64; units * DRAWS];
        let mut values = vec![0.0f64; slots];
        let mut shocks = Shocks::new(draws, &setup, settings);
        for d in 0..DRAWS {
            values.copy_from_slice(&setup.start);
            for j in 0..open {
                shocks.year(d, j);
                let floor = floors_bp[j];
                let mut total = 0.0;
                for (s, value) in values.iter_mut().enumerate() {
                    let g = setup.cells[s * open + j].growth(shocks.z(s));
                    if s < units && floor.is_some_and(|f| g >= f) {
                        floor_hits[s * open + j] += 1;
                    }
                    *value *= 1.0 + g / 10_000.0;
                    total += *value;
                }
                city[j * DRAWS + d] = total;
            }
            let total = if open == 0 { setup.projection.city_final() } else { city[(open - 1) * DRAWS + d] };
            hits += usize::from(reaches(total, target));
            for u in 0..units {
                doubled[u] += usize::from(reaches(values[u], doubling_goal[u]));
                finals[u * DRAWS + d] = values[u];
            }
        }

        let fan = |values: &mut [f64]| FAN.map(|q| quantile(values, q));
        let known = setup.projection.city.iter().take(first + 1);
        let mut city_fan: Vec<[f64; 5]> = known.clone().map(|v| [*v; 5]).collect();
        let mut city_mean: Vec<f64> = known.copied().collect();
        for j in 0..open {
            let year = &mut city[j * DRAWS..(j + 1) * DRAWS];
            #[allow(clippy::cast_precision_loss)]
            city_mean.push(year.iter().sum::<f64>() / DRAWS as f64);
            city_fan.push(fan(year));
        }
        let multiples = (0..units)
            .map(|u| {
                let base = inputs.bases.get(u).copied().unwrap_or(0.0);
                (base > 0.0).then(|| {
                    let v = &mut finals[u * DRAWS..(u + 1) * DRAWS];
                    (quantile(v, 0.05) / base, quantile(v, 0.95) / base)
                })
            })
            .collect();
        let mut floors = Vec::with_capacity(units * years);
        for u in 0..units {
            for (col, year) in plan.years(key).enumerate().take(years) {
                let floor = ind.floor(year);
                floors.push(floor.map(|f| {
                    if col < first {
                        // Reported: an actual figure, met or not.
                        let met = inputs.year_growth(&setup.projection, u, col).is_none_or(|g| g.meets_floor(Some(f)));
                        Chance { p: if met { 1.0 } else { 0.0 }, uncertain: false }
                    } else {
                        let cell = setup.cells[u * open + col - first];
                        Chance::of(floor_hits[u * open + col - first], cell.below > 0.0 || cell.above > 0.0)
                    }
                }));
            }
        }
        Outlook {
            indicator: key,
            target: Chance::of(hits, uncertain),
            doubling: doubled.iter().map(|h| Chance::of(*h, uncertain)).collect(),
            floors,
            city: city_fan,
            city_mean,
            multiples,
            uncertain,
        }
    }
}

/// Reads a confidence typed in percent (`80`, `95.5`, `80%`): 1 … 99.9, the
/// chances goal seek and solve under uncertainty can aim for; `None` for
/// anything else.
pub fn parse_confidence(text: &str) -> Option<f64> {
    parse_decimal(text.trim().trim_end_matches(['%', '％'])).ok().filter(|c| (1.0..=99.9).contains(c))
}

/// The likely growth, in the target year for every unit alike (the earlier
/// years as set), that reaches the target with at least `confidence`
/// (0 … 1) under the scenario's ranges: goal seek under uncertainty, to
/// the basis point. `None` when even +150 % falls short or the target year
/// is reported.
///
/// Each draw runs to the target year once; the bisection then redoes only
/// that year, whose shocks do not depend on the growth chosen.
pub fn growth_for_confidence(
    plan: &Plan,
    scenario: &Scenario,
    key: IndicatorKey,
    confidence: f64,
    sampler: &Sampler,
) -> Option<Growth> {
    let inputs = scenario.inputs(key);
    let last = inputs.growth.years().checked_sub(1)?;
    if inputs.is_locked(last) {
        return None;
    }
    let draws = sampler.draws(plan, key);
    let setup = Setup::of(inputs, draws);
    let Setup { open, units, slots, .. } = setup;
    let mut shocks = Shocks::new(draws, &setup, scenario.uncertainty);
    // Per draw and slot: the value the target year starts from, and its shock.
    let (mut before, mut z) = (vec![0.0; DRAWS * slots], vec![0.0; DRAWS * slots]);
    for d in 0..DRAWS {
        let values = &mut before[d * slots..(d + 1) * slots];
        values.copy_from_slice(&setup.start);
        for j in 0..open {
            shocks.year(d, j);
            for (s, value) in values.iter_mut().enumerate() {
                if j + 1 == open {
                    z[d * slots + s] = shocks.z(s);
                } else {
                    *value *= 1.0 + setup.cells[s * open + j].growth(shocks.z(s)) / 10_000.0;
                }
            }
        }
    }
    let target = plan.indicator(key).city_target;
    let chance = |bp: i32| {
        let cells: Vec<Cell> = (0..slots)
            .map(|s| {
                let cell = setup.cells[s * open + open - 1];
                if s < units {
                    Cell { likely: f64::from(bp), ..cell }
                } else {
                    cell
                }
            })
            .collect();
        let hits = (0..DRAWS)
            .filter(|d| {
                let total: f64 = (0..slots)
                    .map(|s| before[d * slots + s] * (1.0 + cells[s].growth(z[d * slots + s]) / 10_000.0))
                    .sum();
                reaches(total, target)
            })
            .count();
        // At most DRAWS, exact in f64.
        #[allow(clippy::cast_precision_loss)]
        let p = hits as f64 / DRAWS as f64;
        p
    };
    let (mut lo, mut hi) = (Growth::MIN.bp(), Growth::MAX.bp());
    if chance(hi) < confidence {
        return None;
    }
    if chance(lo) >= confidence {
        return Some(Growth::MIN);
    }
    // Common random numbers make the chance rise with the growth: bisect
    // to the basis point.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if chance(mid) >= confidence {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Growth::from_bp(hi).ok()
}

/// Calibrated words for a probability, from 几乎确定 down to 几乎不可能.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Likelihood {
    /// ≥ 99 %.
    VirtuallyCertain,
    /// ≥ 90 %.
    VeryLikely,
    /// ≥ 66 %.
    Likely,
    /// 33 … 66 %.
    AsLikelyAsNot,
    /// 10 … 33 %.
    Unlikely,
    /// 1 … 10 %.
    VeryUnlikely,
    /// < 1 %.
    ExceptionallyUnlikely,
}

impl Likelihood {
    /// Every band, most likely first.
    pub const ALL: [Likelihood; 7] = [
        Likelihood::VirtuallyCertain,
        Likelihood::VeryLikely,
        Likelihood::Likely,
        Likelihood::AsLikelyAsNot,
        Likelihood::Unlikely,
        Likelihood::VeryUnlikely,
        Likelihood::ExceptionallyUnlikely,
    ];

    /// The band of `p`.
    pub fn of(p: f64) -> Self {
        match p {
            p if p >= 0.99 => Likelihood::VirtuallyCertain,
            p if p >= 0.90 => Likelihood::VeryLikely,
            p if p >= 0.66 => Likelihood::Likely,
            p if p >= 0.33 => Likelihood::AsLikelyAsNot,
            p if p >= 0.10 => Likelihood::Unlikely,
            p if p >= 0.01 => Likelihood::VeryUnlikely,
            _ => Likelihood::ExceptionallyUnlikely,
        }
    }

    /// The band's lower bound in percent, for the legend (`None` for the
    /// lowest band).
    pub fn from_percent(self) -> Option<u8> {
        match self {
            Likelihood::VirtuallyCertain => Some(99),
            Likelihood::VeryLikely => Some(90),
            Likelihood::Likely => Some(66),
            Likelihood::AsLikelyAsNot => Some(33),
            Likelihood::Unlikely => Some(10),
            Likelihood::VeryUnlikely => Some(1),
            Likelihood::ExceptionallyUnlikely => None,
        }
    }
}

#[cfg(test)]
// Counts of a few hundred thousand draws are exact in f64.
#[allow(clippy::cast_precision_loss)]
mod tests {
    use super::*;

    #[test]
    fn normals_are_standard() {
        let mut rng = Xoshiro::seeded(7);
        let mut v = vec![0.0f32; 200_000];
        rng.fill_normals(&mut v);
        let n = v.len() as f64;
        let mean = v.iter().map(|x| f64::from(*x)).sum::<f64>() / n;
        let var = v.iter().map(|x| (f64::from(*x) - mean).powi(2)).sum::<f64>() / n;
        assert!(mean.abs() < 0.01, "{mean}");
        assert!((var - 1.0).abs() < 0.01, "{var}");
        let below = v.iter().filter(|x| f64::from(**x) < -Z90).count() as f64 / n;
        assert!((below - 0.05).abs() < 0.002, "{below}");
    }

    #[test]
    fn ranges_and_coefficients_refuse_bad_values() {
        assert_eq!(Range::from_points(-1.0, 3.0), Err(RangeError::Negative));
        assert_eq!(Range::from_points(1.0, 181.0), Err(RangeError::TooWide));
        assert_eq!(Range::from_points(f64::NAN, 1.0), Err(RangeError::NotANumber));
        assert_eq!(Range::from_points(1.234, 2.0).map(|r| (r.low_bp(), r.high_bp())), Ok((123, 200)));
        assert_eq!(Coefficient::new(1.01), Err(RangeError::Coefficient));
        assert_eq!(Coefficient::new(-0.01), Err(RangeError::Coefficient));
        assert_eq!(Coefficient::new(0.456).map(Coefficient::hundredths), Ok(46));
        assert_eq!(Coefficient::from_hundredths(101), Err(RangeError::Coefficient));
    }

    #[test]
    fn ranges_read_as_typed_and_show_as_they_read() {
        let r = |low, high| Range::from_bp(low, high).unwrap();
        assert_eq!(parse_range("3"), Ok(r(300, 300)));
        assert_eq!(parse_range(" ±2.5 "), Ok(r(250, 250)));
        assert_eq!(parse_range("2/4"), Ok(r(200, 400)));
        assert_eq!(parse_range("−1.5/+6"), Ok(r(150, 600)));
        assert_eq!(parse_range("-0/+0"), Ok(Range::ZERO));
        assert_eq!(parse_range("-3"), Err(RangeTextError::Range(RangeError::Negative)));
        assert_eq!(parse_range("2/-1"), Err(RangeTextError::Range(RangeError::Negative)));
        assert_eq!(parse_range("200"), Err(RangeTextError::Range(RangeError::TooWide)));
        assert!(matches!(parse_range("abc"), Err(RangeTextError::Number(_))));
        assert!(matches!(parse_range(""), Err(RangeTextError::Number(NumberError::Empty))));
        for range in [r(300, 300), r(250, 250), r(125, 600), r(0, 0), r(18_000, 1)] {
            assert_eq!(parse_range(&range_text(range)), Ok(range));
        }
        assert_eq!(range_text(r(300, 300)), "3");
        assert_eq!(range_text(r(125, 600)), "−1.25/+6");
    }

    #[test]
    fn confidences_lie_between_1_and_99_point_9_percent() {
        assert_eq!(parse_confidence("80"), Some(80.0));
        assert_eq!(parse_confidence(" 95.5% "), Some(95.5));
        assert_eq!(parse_confidence("99.9％"), Some(99.9));
        for bad in ["0.5", "100", "120", "", "abc", "-80"] {
            assert_eq!(parse_confidence(bad), None, "{bad}");
        }
    }

    #[test]
    fn likelihood_bands() {
        assert_eq!(Likelihood::of(1.0), Likelihood::VirtuallyCertain);
        assert_eq!(Likelihood::of(0.95), Likelihood::VeryLikely);
        assert_eq!(Likelihood::of(0.68), Likelihood::Likely);
        assert_eq!(Likelihood::of(0.5), Likelihood::AsLikelyAsNot);
        assert_eq!(Likelihood::of(0.2), Likelihood::Unlikely);
        assert_eq!(Likelihood::of(0.05), Likelihood::VeryUnlikely);
        assert_eq!(Likelihood::of(0.0), Likelihood::ExceptionallyUnlikely);
    }

    #[test]
    fn quantiles_pick_order_statistics() {
        let mut v: Vec<f64> = (0..101).rev().map(f64::from).collect();
        assert!((quantile(&mut v, 0.05) - 5.0).abs() < 1e-12);
        assert!((quantile(&mut v, 0.5) - 50.0).abs() < 1e-12);
        assert!((quantile(&mut v, 0.95) - 95.0).abs() < 1e-12);
    }
}
