//! What differs between two scenarios' inputs, for comparing A with B.

use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::scenario::Scenario;

/// One input that differs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Difference {
    /// A growth cell: indicator, unit index, calendar year, A's and B's.
    Growth(IndicatorKey, usize, u16, Growth, Growth),
    /// A 2022 base: indicator, unit index, A's and B's (亿元).
    Base(IndicatorKey, usize, f64, f64),
    /// A year reported in one and not the other, or reported with other
    /// figures: indicator, calendar year.
    Reported(IndicatorKey, u16),
    /// The unallocated part (市直、其他) is added, removed or changed.
    Unallocated(IndicatorKey),
    /// Where the bases come from: indicator.
    Source(IndicatorKey),
}

/// Every input of `b` that differs from `a`, indicator by indicator, bases
/// before growth rates, units and years in plan order.
pub fn differences(plan: &Plan, a: &Scenario, b: &Scenario) -> Vec<Difference> {
    let mut out = Vec::new();
    for key in IndicatorKey::ALL {
        for (u, (x, y)) in a.bases(key).iter().zip(b.bases(key)).enumerate() {
            if x.to_bits() != y.to_bits() {
                out.push(Difference::Base(key, u, *x, *y));
            }
        }
        let (ia, ib) = (a.inputs(key), b.inputs(key));
        if ia.source() != ib.source() {
            out.push(Difference::Source(key));
        }
        if ia.unallocated != ib.unallocated {
            out.push(Difference::Unallocated(key));
        }
        let years: Vec<u16> = plan.years(key).collect();
        for (k, year) in years.iter().enumerate() {
            if ia.report(k) != ib.report(k) {
                out.push(Difference::Reported(key, *year));
            }
        }
        for u in 0..plan.units.len() {
            for (k, year) in years.iter().enumerate() {
                if let (Some(x), Some(y)) = (a.growth(key).get(u, k), b.growth(key).get(u, k)) {
                    if x != y {
                        out.push(Difference::Growth(key, u, *year, x, y));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Base;

    #[test]
    fn lists_exactly_what_differs() {
        let plan = Plan::shipped().unwrap();
        let a = Scenario::default_for(&plan);
        assert!(differences(&plan, &a, &a).is_empty());
        let mut b = a.clone();
        let g = |p: f64| Growth::from_percent(p).unwrap();
        b.growth_mut(IndicatorKey::Capacity).set(4, 2, g(9.5));
        b.set_base(IndicatorKey::Funds, 8, Base::new(12.0).unwrap());
        b.name = "another name is not an input".into();
        let d = differences(&plan, &a, &b);
        assert_eq!(
            d,
            vec![
                Difference::Base(IndicatorKey::Funds, 8, 11.2, 12.0),
                Difference::Growth(IndicatorKey::Capacity, 4, 2025, g(13.97), g(9.5)),
            ]
        );
        let inv = b.inputs_mut(IndicatorKey::Investment);
        inv.set_source("年报");
        inv.set_reported_years(1);
        inv.set_report(0, crate::model::Report::CityGrowth(g(20.0)));
        let d = differences(&plan, &a, &b);
        assert_eq!(d[1], Difference::Source(IndicatorKey::Investment));
        assert_eq!(d[2], Difference::Reported(IndicatorKey::Investment, 2023));
        assert_eq!(d.len(), 4);
    }
}
