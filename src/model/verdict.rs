//! Verdicts: whether a scenario meets each target, where and by how much,
//! and what growth is still required (goal seek).
//!
//! Goal seek here has closed forms. With every unit at the same growth g in
//! the target year, the city total is (1 + g) × Σ value(T − 1), so the
//! required g = target ÷ Σ value(T − 1) − 1. With every unit at the same g in
//! all n years from the base, the total is (1 + g)ⁿ × Σ base, so
//! g = (target ÷ Σ base)^(1/n) − 1. Both are exact up to float rounding.

use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::projection::{reaches, Projection};
use super::scenario::Scenario;

/// Met or missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// The goal is reached (within [`super::projection::REL_TOL`]).
    Met,
    /// The goal is not reached.
    Missed,
}

impl Status {
    /// From a comparison.
    pub fn of(met: bool) -> Self {
        if met {
            Status::Met
        } else {
            Status::Missed
        }
    }

    /// `met` or `missed`, the value of `data-status`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missed => "missed",
        }
    }
}

/// A growth that would reach a goal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Requirement {
    /// The goal is reached as things stand.
    AlreadyMet,
    /// This growth, in percent (exact, not rounded), reaches the goal and
    /// lies within the slider range.
    Growth(f64),
    /// Reaching the goal needs this growth in percent, beyond +150 %.
    AboveRange(f64),
    /// Nothing reaches the goal: there is nothing to grow from (a zero
    /// base) or no year left to grow in.
    Unreachable,
}

impl Requirement {
    /// The growth in percent, where there is one.
    pub fn percent(self) -> Option<f64> {
        match self {
            Requirement::Growth(p) | Requirement::AboveRange(p) => Some(p),
            Requirement::AlreadyMet | Requirement::Unreachable => None,
        }
    }
}

/// The growth `g` (percent) with `from × (1 + g)^years = goal`.
pub(crate) fn growth_to_reach(from: f64, goal: f64, years: usize) -> Requirement {
    if years == 0 || from <= 0.0 || !from.is_finite() {
        return Requirement::Unreachable;
    }
    if goal <= 0.0 {
        // Reached without the units (the unallocated part alone is enough).
        return Requirement::Growth(-100.0);
    }
    let n = f64::from(u32::try_from(years).unwrap_or(u32::MAX));
    let percent = ((goal / from).powf(1.0 / n) - 1.0) * 100.0;
    if percent > Growth::MAX.percent() {
        Requirement::AboveRange(percent)
    } else {
        Requirement::Growth(percent)
    }
}

/// One unit-year below the plan's floor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FloorBreach {
    /// Unit index in [`Plan::units`].
    pub unit: usize,
    /// Calendar year.
    pub year: u16,
    /// The growth, percent: as set, or as reported figures give it.
    pub growth: f64,
    /// The floor.
    pub floor: Growth,
    /// Whether the year is reported (an actual figure, not a choice).
    pub reported: bool,
}

impl FloorBreach {
    /// How far below the floor, in percentage points (positive).
    pub fn shortfall_points(&self) -> f64 {
        self.floor.percent() - self.growth
    }
}

/// One unit against its own doubling.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitVerdict {
    /// Unit index in [`Plan::units`].
    pub unit: usize,
    /// 2022 value, 亿元.
    pub base: f64,
    /// Projected value in the target year, 亿元.
    pub projected: f64,
    /// Projected ÷ base; `None` for a zero base.
    pub multiple: Option<f64>,
    /// Whether the unit reaches 2 × its own base.
    pub doubling: Status,
    /// How many of its years fall below the floor.
    pub floor_breaches: usize,
    /// Growth in the target year alone, with earlier years as set, that
    /// doubles this unit.
    pub required: Requirement,
    /// The unit's growth in the target year as the scenario has it,
    /// percent (`None` from a zero value): what [`Self::required`] is
    /// compared with.
    pub current: Option<f64>,
}

/// One target's verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetVerdict {
    /// Which indicator.
    pub indicator: IndicatorKey,
    /// The year the target falls due.
    pub target_year: u16,
    /// The city target, 亿元.
    pub target: f64,
    /// The projected city total in the target year, 亿元.
    pub projected: f64,
    /// Met or missed.
    pub status: Status,
    /// Each unit against its doubling.
    pub units: Vec<UnitVerdict>,
    /// Every unit-year below its floor.
    pub breaches: Vec<FloorBreach>,
    /// Growth every unit would need in the target year, with the earlier
    /// years as set, for the city total to just reach the target
    /// (`Unreachable` when the target year is reported).
    pub required: Requirement,
    /// The units' combined growth in the target year as the scenario has
    /// it, percent (`None` from a zero total): what [`Self::required`] is
    /// compared with.
    pub current: Option<f64>,
    /// The equal growth in every open (not reported) year that would just
    /// reach the target; shown for reference, so never `AlreadyMet`.
    pub uniform: Requirement,
    /// The first open year, from which [`Self::uniform`] counts (the year
    /// after the target year when every year is reported).
    pub uniform_from: u16,
    /// The unallocated part's 2022 value and its value in the target year,
    /// 亿元, if the scenario has one.
    pub unallocated: Option<(f64, f64)>,
    /// The last reported year, if any.
    pub reported_through: Option<u16>,
}

impl TargetVerdict {
    /// Judges one indicator of a scenario.
    pub fn judge(plan: &Plan, scenario: &Scenario, key: IndicatorKey) -> Self {
        let ind = plan.indicator(key);
        let inputs = scenario.inputs(key);
        let projection = Projection::of(inputs);
        let target = ind.city_target;
        let projected = projection.city_final();
        let met = reaches(projected, target);
        let years: Vec<u16> = plan.years(key).collect();

        let mut breaches = Vec::new();
        for unit in 0..plan.units.len() {
            for (col, year) in years.iter().enumerate() {
                let Some(floor) = ind.floor(*year) else { continue };
                match inputs.year_growth(&projection, unit, col) {
                    Some(g) if !g.meets_floor(Some(floor)) => breaches.push(FloorBreach {
                        unit,
                        year: *year,
                        growth: g.percent(),
                        floor,
                        reported: inputs.is_locked(col),
                    }),
                    _ => {}
                }
            }
        }
        // Goal seek looks at the open years only: none when the target year is reported.
        let open = years.len() - inputs.reported_years().min(years.len());
        let last_open = inputs.reported_years() < years.len();

        let units = (0..plan.units.len())
            .map(|unit| {
                let base = inputs.bases.get(unit).copied().unwrap_or(0.0);
                let projected = projection.unit_final(unit);
                let doubled = reaches(projected, 2.0 * base);
                UnitVerdict {
                    unit,
                    base,
                    projected,
                    multiple: (base > 0.0).then(|| projected / base),
                    doubling: Status::of(doubled),
                    floor_breaches: breaches.iter().filter(|b| b.unit == unit).count(),
                    required: if doubled {
                        Requirement::AlreadyMet
                    } else {
                        growth_to_reach(projection.unit_before_final(unit), 2.0 * base, usize::from(last_open))
                    },
                    current: projection.growth_percent(unit, years.len().saturating_sub(1)),
                }
            })
            .collect();

        // The unallocated part keeps its own rate: the units must make up the rest.
        let rest = projection.unallocated_at(years.len());
        let before_final = projection.units_total(years.len().saturating_sub(1));
        let required = if met {
            Requirement::AlreadyMet
        } else {
            growth_to_reach(before_final, target - rest, usize::from(last_open))
        };
        let last_units = projection.units_total(years.len());
        let current = (before_final > 0.0).then(|| (last_units / before_final - 1.0) * 100.0);
        let first_open = years.len() - open;
        let uniform = growth_to_reach(projection.units_total(first_open), target - rest, open);

        TargetVerdict {
            indicator: key,
            target_year: ind.target_year,
            target,
            projected,
            status: Status::of(met),
            units,
            breaches,
            required,
            current,
            uniform,
            uniform_from: years.get(first_open).copied().unwrap_or(ind.target_year + 1),
            unallocated: projection.unallocated.as_ref().map(|_| (projection.unallocated_at(0), rest)),
            reported_through: inputs.reported_years().checked_sub(1).and_then(|k| years.get(k)).copied(),
        }
    }

    /// The city's 2022 total, 亿元: the units and the unallocated part.
    pub fn base_total(&self) -> f64 {
        self.units.iter().map(|u| u.base).sum::<f64>() + self.unallocated.map_or(0.0, |(b, _)| b)
    }

    /// Projected minus target, 亿元: a margin when positive, a shortfall
    /// when negative.
    pub fn gap(&self) -> f64 {
        self.projected - self.target
    }

    /// Whether the target is met with a margin under half a hundredth of
    /// 亿元 (50万元), which the page shows as 0.00: read as 恰好达标 rather
    /// than a margin of +0.00.
    pub fn exactly_met(&self) -> bool {
        self.status == Status::Met && self.gap().abs() < 0.005
    }

    /// The gap as percent of the target.
    pub fn gap_percent(&self) -> f64 {
        self.gap() / self.target * 100.0
    }

    /// How many units reach twice their own base.
    pub fn units_doubled(&self) -> usize {
        self.units.iter().filter(|u| u.doubling == Status::Met).count()
    }
}

/// The verdicts of all four targets, in [`IndicatorKey::ALL`] order.
pub fn judge_all(plan: &Plan, scenario: &Scenario) -> Vec<TargetVerdict> {
    IndicatorKey::ALL.iter().map(|k| TargetVerdict::judge(plan, scenario, *k)).collect()
}
