//! Who carries the target: the city's margin or shortfall in the target
//! year broken down by unit.
//!
//! Each unit's share of the city target is in proportion to its 2022 base
//! (the unallocated part, 市直、其他, counts as a row of its own):
//! share(u) = target × base(u) ÷ Σ base. Its contribution is its projected
//! value minus that share. The shares add up to the target, so the
//! contributions add up to projected − target, the city's margin (positive)
//! or shortfall (negative), exactly up to float rounding.

use std::cmp::Ordering;

use super::verdict::TargetVerdict;

/// Who a row of the breakdown is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Contributor {
    /// A reporting unit, by index in [`super::Plan::units`].
    Unit(usize),
    /// The part of the city figure no unit reports (市直、其他).
    Unallocated,
}

/// One row of the breakdown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contribution {
    /// Whose row.
    pub who: Contributor,
    /// 2022 value, 亿元.
    pub base: f64,
    /// Projected value in the target year, 亿元.
    pub projected: f64,
    /// Its share of the city target, 亿元 (target × base ÷ Σ base).
    pub share: f64,
    /// Projected − share, 亿元: what it adds to the city's margin
    /// (positive) or to its shortfall (negative).
    pub amount: f64,
}

/// The breakdown of one verdict's gap, largest contribution first (ties in
/// the plan's order, the unallocated part last). With a zero city base the
/// target is shared equally, so the rows still add up to the gap.
pub fn contributions(verdict: &TargetVerdict) -> Vec<Contribution> {
    let mut rows: Vec<(Contributor, f64, f64)> =
        verdict.units.iter().map(|u| (Contributor::Unit(u.unit), u.base, u.projected)).collect();
    if let Some((base, projected)) = verdict.unallocated {
        rows.push((Contributor::Unallocated, base, projected));
    }
    let total = verdict.base_total();
    // At most a few dozen rows: exact as f64.
    #[allow(clippy::cast_precision_loss)]
    let count = rows.len().max(1) as f64;
    let mut out: Vec<Contribution> = rows
        .into_iter()
        .map(|(who, base, projected)| {
            let share = if total > 0.0 { verdict.target * base / total } else { verdict.target / count };
            Contribution { who, base, projected, share, amount: projected - share }
        })
        .collect();
    // A stable sort keeps the plan's order among equal amounts.
    super::sort_short(&mut out, |a, b| b.amount.partial_cmp(&a.amount) == Some(Ordering::Less));
    out
}

/// The amount of one contributor's row, 亿元 (0 if it has none).
pub fn amount_of(rows: &[Contribution], who: Contributor) -> f64 {
    rows.iter().find(|c| c.who == who).map_or(0.0, |c| c.amount)
}

/// The sum of the rows' amounts: the city's gap, as the breakdown gives it.
pub fn total(rows: &[Contribution]) -> f64 {
    rows.iter().map(|c| c.amount).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IndicatorKey, Plan, Scenario};

    #[test]
    fn rows_add_up_to_the_gap() {
        let plan = Plan::shipped().unwrap_or_else(|e| panic!("{e}"));
        let s = Scenario::default_for(&plan);
        for key in IndicatorKey::ALL {
            let v = TargetVerdict::judge(&plan, &s, key);
            let rows = contributions(&v);
            assert_eq!(rows.len(), plan.units.len());
            assert!((total(&rows) - v.gap()).abs() < 1e-9, "{key}");
            assert!(rows.windows(2).all(|w| w[0].amount >= w[1].amount), "{key}: sorted");
        }
    }
}
