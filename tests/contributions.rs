//! Who carries the target: each unit's contribution to the city's margin
//! or shortfall, against hand-computed cases. The contributions add up to
//! the city's gap with default and edited bases, with and without the
//! unallocated part.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use doubling_sandbox::model::contribution::total;
use doubling_sandbox::model::{
    contributions, Base, Contribution, Contributor, Growth, IndicatorKey, Plan, Scenario, TargetVerdict, Unallocated,
};

const FUNDS: IndicatorKey = IndicatorKey::Funds;

fn g(percent: f64) -> Growth {
    Growth::from_percent(percent).unwrap()
}

fn row(rows: &[Contribution], who: Contributor) -> Contribution {
    *rows.iter().find(|c| c.who == who).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// Funds on 50 % then 30 %: every unit reaches base × 1.95, the city
/// 280 × 1.95 = 546 against 560.
fn short_scenario(plan: &Plan) -> Scenario {
    let mut s = Scenario::default_for(plan);
    s.growth_mut(FUNDS).set_where(g(50.0), |_, c| c == 0);
    s.growth_mut(FUNDS).set_where(g(30.0), |_, c| c == 1);
    s
}

#[test]
fn each_unit_falls_short_by_its_base_times_the_missing_multiple() {
    let plan = Plan::shipped().unwrap();
    let s = short_scenario(&plan);
    let v = TargetVerdict::judge(&plan, &s, FUNDS);
    assert!(close(v.gap(), -14.0), "{}", v.gap());
    let rows = contributions(&v);
    // Share = 560 × base ÷ 280 = 2 × base; contribution = base × (1.95 − 2).
    // 华龙区 28 → −1.4; 经开区 50.4 → −2.52; 示范区 11.2 → −0.56.
    assert!(close(row(&rows, Contributor::Unit(0)).amount, -1.4));
    assert!(close(row(&rows, Contributor::Unit(0)).share, 56.0));
    assert!(close(row(&rows, Contributor::Unit(6)).amount, -2.52));
    assert!(close(row(&rows, Contributor::Unit(8)).amount, -0.56));
    assert!(close(total(&rows), -14.0));
    // Sorted, largest first: the smallest unit falls short least.
    assert_eq!(rows.first().unwrap().who, Contributor::Unit(8));
    assert_eq!(rows.last().unwrap().who, Contributor::Unit(6));
}

#[test]
fn a_unit_above_its_share_carries_part_of_the_shortfall() {
    let plan = Plan::shipped().unwrap();
    let mut s = short_scenario(&plan);
    // 华龙区 at +40 % in 2024: 28 × 1.5 × 1.4 = 58.8, its share 56: +2.8.
    s.growth_mut(FUNDS).set(0, 1, g(40.0));
    let v = TargetVerdict::judge(&plan, &s, FUNDS);
    let rows = contributions(&v);
    assert!(close(row(&rows, Contributor::Unit(0)).amount, 2.8));
    assert_eq!(rows.first().unwrap().who, Contributor::Unit(0));
    // 546 − 54.6 + 58.8 = 550.2: a shortfall of 9.8 = −0.05 × 252 + 2.8.
    assert!(close(v.gap(), -9.8), "{}", v.gap());
    assert!(close(total(&rows), -9.8));
}

#[test]
fn edited_bases_move_the_shares() {
    let plan = Plan::shipped().unwrap();
    let mut s = Scenario::default_for(&plan);
    // 华龙区's base 28 → 40: the city base is 292, the plan path grows every
    // unit by 1.5 × 1.3334 = 2.0001.
    s.set_base(FUNDS, 0, Base::new(40.0).unwrap());
    let v = TargetVerdict::judge(&plan, &s, FUNDS);
    let rows = contributions(&v);
    let hualong = row(&rows, Contributor::Unit(0));
    // Share 560 × 40 ÷ 292 = 76.71233; projected 80.004; +3.29167.
    assert!(close(hualong.share, 560.0 * 40.0 / 292.0));
    assert!(close(hualong.amount, 80.004 - 560.0 * 40.0 / 292.0));
    assert!((hualong.amount - 3.29167).abs() < 1e-5);
    // 2.0001 × 292 − 560 = 24.0292.
    assert!(close(v.gap(), 24.0292), "{}", v.gap());
    assert!(close(total(&rows), v.gap()));
}

#[test]
fn the_unallocated_part_is_a_row_of_its_own() {
    let plan = Plan::shipped().unwrap();
    let mut s = Scenario::default_for(&plan);
    s.inputs_mut(FUNDS).unallocated = Some(Unallocated { base: Base::new(20.0).unwrap(), growth: Growth::ZERO });
    let v = TargetVerdict::judge(&plan, &s, FUNDS);
    let rows = contributions(&v);
    assert_eq!(rows.len(), 10);
    // City base 300: the part's share is 560 × 20 ÷ 300 = 37.333; it stays
    // at 20, so −17.333.
    let part = row(&rows, Contributor::Unallocated);
    assert!(close(part.share, 560.0 * 20.0 / 300.0));
    assert!(close(part.amount, 20.0 - 560.0 * 20.0 / 300.0));
    // 华龙区: 28 × 2.0001 − 560 × 28 ÷ 300 = 56.0028 − 52.2667 = 3.7361.
    assert!((row(&rows, Contributor::Unit(0)).amount - 3.736_133).abs() < 1e-5);
    // 560.028 + 20 − 560 = 20.028.
    assert!(close(v.gap(), 20.028), "{}", v.gap());
    assert!(close(total(&rows), v.gap()));
    assert_eq!(rows.last().unwrap().who, Contributor::Unallocated);
}

#[test]
fn with_nothing_to_share_by_the_target_is_split_equally() {
    let plan = Plan::shipped().unwrap();
    let mut s = Scenario::default_for(&plan);
    for u in 0..plan.units.len() {
        s.set_base(FUNDS, u, Base::ZERO);
    }
    let v = TargetVerdict::judge(&plan, &s, FUNDS);
    let rows = contributions(&v);
    assert!(rows.iter().all(|c| close(c.amount, -560.0 / 9.0)));
    assert!(close(total(&rows), -560.0));
}

#[test]
fn every_indicator_of_every_preset_adds_up() {
    let plan = Plan::shipped().unwrap();
    for preset in doubling_sandbox::model::Preset::ALL {
        let mut s = Scenario::default_for(&plan);
        for key in IndicatorKey::ALL {
            *s.growth_mut(key) = preset.table(&plan, key);
        }
        for key in IndicatorKey::ALL {
            let v = TargetVerdict::judge(&plan, &s, key);
            assert!((total(&contributions(&v)) - v.gap()).abs() < 1e-9 * v.target, "{key} {preset:?}");
        }
    }
}
