//! Solve: the smallest growth for the years from a chosen one to the target
//! year that meets both the city target and every unit's own doubling.
//!
//! Two ways to fill those years:
//! - [`SolveMode::Uniform`]: every unit and year at one growth rate. Closed
//!   form: for a unit with value v(T₀ − 1) and n years left,
//!   g ≥ (2·base ÷ v)^(1/n) − 1; for the city, g ≥ (target ÷ Σv)^(1/n) − 1;
//!   the answer is the largest of these, rounded up to a whole basis point.
//! - [`SolveMode::Shift`]: every cell moved by the same number of points,
//!   keeping the differences between units and years. Each condition only
//!   improves as the shift grows (cells are clamped to the slider range), so
//!   the smallest shift is found by bisection over whole basis points: exact
//!   to 1 bp (0.01 point).

use thiserror::Error;

use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::projection::{reaches, Projection};
use super::scenario::{GrowthTable, Scenario};
use super::uncertainty::{Draws, Outlook};

/// How the solved years are filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SolveMode {
    /// One growth rate for every unit and year.
    Uniform,
    /// Every cell moved by the same number of points.
    Shift,
}

/// A solution.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// The indicator's growth table with the solved years filled in.
    pub table: GrowthTable,
    /// The uniform growth, or the shift, in basis points.
    pub bp: i32,
}

/// Why there is no solution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum SolveError {
    /// No year to solve: the first year is after the target year.
    #[error("no year left to solve")]
    NoYears,
    /// Even the top of the slider range does not reach the goals (or a unit
    /// has nothing to grow from).
    #[error("the goals are out of reach within the slider range")]
    OutOfReach,
}

/// What a solution must reach.
#[derive(Clone, Copy, Debug)]
pub enum Goal<'a> {
    /// The city target and every unit's doubling, on the likely path.
    Likely,
    /// The city target and every unit's doubling, each with at least this
    /// chance (0 … 1) under the scenario's ranges, from these draws (see
    /// [`super::uncertainty`]).
    Confident(f64, &'a Draws),
}

/// Whether `table` on `scenario`'s bases meets the city target and every
/// unit's doubling for `key`, as `goal` asks.
fn meets(plan: &Plan, scenario: &Scenario, key: IndicatorKey, table: &GrowthTable, goal: Goal<'_>) -> bool {
    let mut inputs = scenario.inputs(key).clone();
    inputs.growth = table.clone();
    if let Goal::Confident(confidence, draws) = goal {
        let o = Outlook::of_inputs(plan, &inputs, key, scenario.uncertainty, draws);
        return o.target.p >= confidence && o.doubling.iter().all(|c| c.p >= confidence);
    }
    let p = Projection::of(&inputs);
    let city_ok = reaches(p.city_final(), plan.indicator(key).city_target);
    city_ok && inputs.bases.iter().enumerate().all(|(u, base)| reaches(p.unit_final(u), 2.0 * base))
}

/// The smallest whole `bp` in `lo ..= hi` for which `ok` holds, `ok` being
/// false below some point and true from it on.
fn smallest(lo: i32, hi: i32, ok: impl Fn(i32) -> bool) -> Result<i32, SolveError> {
    if !ok(hi) {
        return Err(SolveError::OutOfReach);
    }
    if ok(lo) {
        return Ok(lo);
    }
    // Invariant: lo fails, hi meets.
    let (mut lo, mut hi) = (lo, hi);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(hi)
}

/// Solves `key` for the year columns from `from` (0 = base year + 1) on;
/// reported years are never changed, so solving starts after them.
///
/// # Errors
///
/// [`SolveError::NoYears`] when `from` (or the last reported year) is the
/// target year or later,
/// [`SolveError::OutOfReach`] when no growth within −30 … 150 % meets the
/// goals.
pub fn solve(
    plan: &Plan,
    scenario: &Scenario,
    key: IndicatorKey,
    from: usize,
    mode: SolveMode,
) -> Result<Solution, SolveError> {
    solve_for(plan, scenario, key, from, mode, Goal::Likely)
}

/// [`solve`] for a [`Goal`]: under uncertainty, the smallest growth (or
/// shift) whose draws reach the target and every unit's doubling with the
/// chance asked for, found by bisection (common random numbers make each
/// chance rise with the growth).
///
/// # Errors
///
/// As [`solve`].
pub fn solve_for(
    plan: &Plan,
    scenario: &Scenario,
    key: IndicatorKey,
    from: usize,
    mode: SolveMode,
    goal: Goal<'_>,
) -> Result<Solution, SolveError> {
    let current = scenario.growth(key);
    let years = current.years();
    let from = from.max(scenario.inputs(key).reported_years());
    if from >= years {
        return Err(SolveError::NoYears);
    }
    let fill = |f: &dyn Fn(Growth) -> Growth| {
        let mut t = current.clone();
        for u in 0..t.units() {
            for y in from..years {
                if let Some(g) = current.get(u, y) {
                    t.set(u, y, f(g));
                }
            }
        }
        t
    };
    match mode {
        SolveMode::Uniform if matches!(goal, Goal::Confident(..)) => {
            let at = |bp: i32| fill(&|_| Growth::from_bp(bp).unwrap_or(Growth::ZERO));
            let bp = smallest(Growth::MIN.bp(), Growth::MAX.bp(), |bp| meets(plan, scenario, key, &at(bp), goal))?;
            Ok(Solution { table: at(bp), bp })
        }
        SolveMode::Uniform => {
            let inputs = scenario.inputs(key);
            let p = Projection::of(inputs);
            let n = f64::from(u32::try_from(years - from).unwrap_or(u32::MAX));
            let at = |path: &Vec<f64>| path.get(from).copied().unwrap_or(0.0);
            let need = |goal: f64, have: f64| -> Option<f64> {
                if goal <= 0.0 {
                    return Some(f64::NEG_INFINITY);
                }
                (have > 0.0).then(|| ((goal / have).powf(1.0 / n) - 1.0) * 100.0)
            };
            // The unallocated part keeps its own rate: the units make up the rest.
            let rest = p.unallocated_at(years);
            let units_now = p.units_total(from);
            let mut percent = need(plan.indicator(key).city_target - rest, units_now).ok_or(SolveError::OutOfReach)?;
            for (u, path) in p.units.iter().enumerate() {
                let base = inputs.bases.get(u).copied().unwrap_or(0.0);
                percent = percent.max(need(2.0 * base, at(path)).ok_or(SolveError::OutOfReach)?);
            }
            let g = Growth::ceil_percent(percent.max(Growth::MIN.percent())).map_err(|_| SolveError::OutOfReach)?;
            let table = fill(&|_| g);
            if !meets(plan, scenario, key, &table, goal) {
                return Err(SolveError::OutOfReach);
            }
            Ok(Solution { table, bp: g.bp() })
        }
        SolveMode::Shift => {
            let span = Growth::MAX.bp() - Growth::MIN.bp();
            let shifted = |delta: i32| {
                fill(&|g| Growth::from_bp((g.bp() + delta).clamp(Growth::MIN.bp(), Growth::MAX.bp())).unwrap_or(g))
            };
            let bp = smallest(-span, span, |delta| meets(plan, scenario, key, &shifted(delta), goal))?;
            Ok(Solution { table: shifted(bp), bp })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(p: f64) -> Growth {
        Growth::from_percent(p).unwrap()
    }

    #[test]
    fn uniform_from_the_target_year_and_from_the_start() {
        let plan = Plan::shipped().unwrap();
        let s = Scenario::default_for(&plan);
        // Value added on its floors: 2026 alone needs 2 ÷ 1.5456 − 1 = 29.3996… → 29.40 %.
        let sol = solve(&plan, &s, IndicatorKey::ValueAdded, 3, SolveMode::Uniform).unwrap();
        assert_eq!(sol.bp, 2940);
        assert_eq!(sol.table.get(0, 2), Some(g(20.0)), "earlier years stay");
        // Funds over both years: √2 − 1 = 41.421… → 41.43 %.
        let sol = solve(&plan, &s, IndicatorKey::Funds, 0, SolveMode::Uniform).unwrap();
        assert_eq!(sol.bp, 4143);
        assert!(sol.table.cells().iter().all(|c| *c == g(41.43)));
        assert_eq!(solve(&plan, &s, IndicatorKey::Funds, 2, SolveMode::Uniform), Err(SolveError::NoYears));
    }

    #[test]
    fn uniform_is_held_back_by_the_weakest_unit() {
        let plan = Plan::shipped().unwrap();
        let mut s = Scenario::default_for(&plan);
        // 经开区 grew only 10 % in 2023: to double by 2024 it needs 2 ÷ 1.1 − 1 = 81.82 %.
        s.growth_mut(IndicatorKey::Funds).set(6, 0, g(10.0));
        let sol = solve(&plan, &s, IndicatorKey::Funds, 1, SolveMode::Uniform).unwrap();
        assert_eq!(sol.bp, 8182);
    }

    #[test]
    fn shift_keeps_differences_and_is_the_smallest() {
        let plan = Plan::shipped().unwrap();
        let mut s = Scenario::default_for(&plan);
        s.growth_mut(IndicatorKey::Funds).set(6, 1, g(20.0)); // 经开区 2024 at 20 % instead of 33.34 %
        let sol = solve(&plan, &s, IndicatorKey::Funds, 1, SolveMode::Shift).unwrap();
        // 经开区 needs 33.333… % in 2024, so every 2024 cell moves up 13.34 points.
        assert_eq!(sol.bp, 1334);
        assert_eq!(sol.table.get(6, 1), Some(g(33.34)));
        assert_eq!(sol.table.get(0, 1), Some(g(46.68)));
        assert_eq!(sol.table.get(0, 0), Some(g(50.0)), "2023 stays");
        // One basis point less fails.
        let mut less = sol.table.clone();
        for u in 0..9 {
            let c = less.get(u, 1).unwrap();
            less.set(u, 1, Growth::from_bp(c.bp() - 1).unwrap());
        }
        assert!(!meets(&plan, &s, IndicatorKey::Funds, &less, Goal::Likely));
        assert!(meets(&plan, &s, IndicatorKey::Funds, &sol.table, Goal::Likely));
    }

    #[test]
    fn out_of_reach_says_so() {
        let plan = Plan::shipped().unwrap();
        let mut s = Scenario::default_for(&plan);
        *s.growth_mut(IndicatorKey::Funds) = crate::model::Preset::Zero.table(&plan, IndicatorKey::Funds);
        s.growth_mut(IndicatorKey::Funds).set(0, 0, g(-30.0));
        // 华龙区 at −30 % in 2023 needs 2 ÷ 0.7 − 1 = 185.7 % in 2024: above the range.
        assert_eq!(solve(&plan, &s, IndicatorKey::Funds, 1, SolveMode::Uniform), Err(SolveError::OutOfReach));
        assert_eq!(solve(&plan, &s, IndicatorKey::Funds, 1, SolveMode::Shift), Err(SolveError::OutOfReach));
    }
}
