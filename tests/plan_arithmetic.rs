//! The plan arithmetic against hand-computed cases (see
//! ../shared/plan/targets.md, "Arithmetic worth showing to users").

// Tests fail loudly on purpose; and zero growth multiplies by exactly 1.0,
// so exact float equality is the property under test there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]

use doubling_sandbox::model::{
    judge_all, Base, Growth, IndicatorKey, Plan, Preset, Projection, Requirement, Scenario, Status, TargetVerdict,
};

fn plan() -> Plan {
    Plan::shipped().expect("the shipped plan parses")
}

fn g(percent: f64) -> Growth {
    Growth::from_percent(percent).unwrap()
}

/// A scenario with every unit of `key` on the same path.
fn with_path(plan: &Plan, key: IndicatorKey, path: &[f64]) -> Scenario {
    let mut s = Scenario::default_for(plan);
    for (col, p) in path.iter().enumerate() {
        s.growth_mut(key).set_where(g(*p), |_, c| c == col);
    }
    s
}

fn required(v: &TargetVerdict) -> f64 {
    match v.required {
        Requirement::Growth(p) => p,
        other => panic!("expected a required growth, got {other:?}"),
    }
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn shipped_plan_matches_the_plan_text() {
    let plan = plan();
    assert_eq!(plan.base_year, 2022);
    assert_eq!(plan.units.len(), 9);
    let ids: Vec<&str> = plan.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["hualong", "puyang", "qingfeng", "nanle", "fanxian", "taiqian", "jingkai", "gongye", "shifan"]);
    let cases = [
        (IndicatorKey::Funds, 2024, 560.0, vec![(2023, 5000)]),
        (IndicatorKey::Investment, 2025, 550.0, vec![(2023, 3500), (2024, 3000)]),
        (IndicatorKey::Capacity, 2025, 2250.0, vec![(2023, 3500), (2024, 3000)]),
        (IndicatorKey::ValueAdded, 2026, 475.0, vec![(2023, 1200), (2024, 1500), (2025, 2000)]),
    ];
    for (key, year, target, floors) in cases {
        let ind = plan.indicator(key);
        assert_eq!(ind.target_year, year, "{key}");
        assert!(close(ind.city_target, target, 0.0), "{key}");
        let got: Vec<(u16, i32)> = ind.floors.iter().map(|f| (f.year, f.min_growth.bp())).collect();
        assert_eq!(got, floors, "{key}");
        let bases = ind.default_bases();
        assert!(close(bases.iter().sum::<f64>(), target / 2.0, 1e-9), "{key}: bases sum to target ÷ 2");
    }
    assert!(close(plan.indicator(IndicatorKey::Funds).default_bases()[0], 28.0, 1e-12));
    assert!(close(plan.indicator(IndicatorKey::Investment).default_bases()[6], 52.25, 1e-12));
}

#[test]
fn value_added_on_its_floors_needs_29_40_percent_in_2026() {
    let plan = plan();
    let s = with_path(&plan, IndicatorKey::ValueAdded, &[12.0, 15.0, 20.0, 0.0]);
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::ValueAdded);
    assert_eq!(v.status, Status::Missed);
    // 2 ÷ (1.12 × 1.15 × 1.20) − 1 = 2 ÷ 1.5456 − 1 = 0.293997…
    assert!(close(required(&v), 29.40, 0.005), "{}", required(&v));
    assert!(close(required(&v), (2.0 / 1.5456 - 1.0) * 100.0, 1e-9));
    // 2022 total 237.5, on the floors 2025 is 237.5 × 1.5456 = 367.08.
    assert!(close(v.projected, 367.08, 1e-9));
    assert!(close(v.gap(), 367.08 - 475.0, 1e-9));
    assert_eq!(v.units_doubled(), 0);
    assert!(v.breaches.is_empty(), "floors met exactly are not breaches");
}

#[test]
fn uniform_18_92_percent_doubles_value_added_in_four_years() {
    let plan = plan();
    let v = TargetVerdict::judge(&plan, &Scenario::default_for(&plan), IndicatorKey::ValueAdded);
    // 2^(1/4) − 1 = 0.189207…
    let uniform = v.uniform.percent().unwrap();
    assert!(close(uniform, 18.92, 0.005), "{uniform}");
    assert!(close(uniform, (2f64.powf(0.25) - 1.0) * 100.0, 1e-9));
    // On the 0.01-point grid, 18.93 % is the first rate that truly doubles;
    // 18.92 % falls short by less than 0.004 % of the target.
    let at = |p: f64| {
        TargetVerdict::judge(&plan, &with_path(&plan, IndicatorKey::ValueAdded, &[p; 4]), IndicatorKey::ValueAdded)
    };
    assert_eq!(at(18.93).status, Status::Met);
    assert_eq!(at(18.93).units_doubled(), 9);
    let short = at(18.92);
    assert_eq!(short.status, Status::Missed);
    assert!(short.gap_percent() > -0.004 && short.gap_percent() < 0.0, "{}", short.gap_percent());
    assert_eq!(Preset::UniformDoubling.table(&plan, IndicatorKey::ValueAdded).get(0, 0), Some(g(18.93)));
}

#[test]
fn funds_at_50_percent_in_2023_need_33_33_percent_in_2024() {
    let plan = plan();
    let s = with_path(&plan, IndicatorKey::Funds, &[50.0, 0.0]);
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::Funds);
    assert!(close(required(&v), 100.0 / 3.0, 1e-9), "{}", required(&v));
    // 280 × 1.5 = 420 in 2024 at zero growth: 140 short of 560.
    assert!(close(v.projected, 420.0, 1e-9));
    assert!(close(v.gap(), -140.0, 1e-9));
    assert!(close(v.gap_percent(), -25.0, 1e-9));
    // Uniform over two years: √2 − 1.
    assert!(close(v.uniform.percent().unwrap(), (2f64.sqrt() - 1.0) * 100.0, 1e-9));
    // Each unit needs the same +33.33 % to double its own base.
    for u in &v.units {
        assert!(close(u.required.percent().unwrap(), 100.0 / 3.0, 1e-9));
    }
}

#[test]
fn investment_on_its_floors_needs_13_96_percent_in_2025() {
    let plan = plan();
    let s = with_path(&plan, IndicatorKey::Investment, &[35.0, 30.0, 0.0]);
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::Investment);
    // 2 ÷ (1.35 × 1.30) − 1 = 2 ÷ 1.755 − 1 = 0.139601…
    assert!(close(required(&v), 13.96, 0.005), "{}", required(&v));
    // Uniform over three years: 2^(1/3) − 1 = 25.99 %.
    assert!(close(v.uniform.percent().unwrap(), 25.99, 0.005));
    // Setting the required growth, rounded up to the grid, meets the target.
    let fixed = with_path(&plan, IndicatorKey::Investment, &[35.0, 30.0, 13.97]);
    assert_eq!(TargetVerdict::judge(&plan, &fixed, IndicatorKey::Investment).status, Status::Met);
}

#[test]
fn the_default_scenario_is_the_plan_path_and_meets_every_target() {
    let plan = plan();
    let s = Scenario::default_for(&plan);
    let expected_final = [
        (IndicatorKey::Funds, 3334),
        (IndicatorKey::Investment, 1397),
        (IndicatorKey::Capacity, 1397),
        (IndicatorKey::ValueAdded, 2940),
    ];
    for (key, bp) in expected_final {
        let table = s.growth(key);
        assert_eq!(table.get(4, table.years() - 1).map(Growth::bp), Some(bp), "{key}");
    }
    for v in judge_all(&plan, &s) {
        assert_eq!(v.status, Status::Met, "{}", v.indicator);
        assert_eq!(v.units_doubled(), 9, "{}", v.indicator);
        assert!(v.breaches.is_empty());
        assert_eq!(v.required, Requirement::AlreadyMet);
        assert!(v.gap() >= 0.0 && v.gap_percent() < 0.01, "{}: just met, {}", v.indicator, v.gap_percent());
    }
}

#[test]
fn zero_growth_keeps_the_base_and_the_city_is_the_sum_of_units() {
    let plan = plan();
    for key in IndicatorKey::ALL {
        let mut s = Scenario::default_for(&plan);
        *s.growth_mut(key) = Preset::Zero.table(&plan, key);
        let p = Projection::of(s.inputs(key));
        for (u, path) in p.units.iter().enumerate() {
            assert!(path.iter().all(|v| *v == s.bases(key)[u]), "{key}: zero growth keeps the base");
        }
        let s2 = with_path(&plan, key, &[7.5, -3.2, 41.0, 12.0]);
        let p2 = Projection::of(s2.inputs(key));
        for k in 0..p2.city.len() {
            let sum: f64 = p2.units.iter().map(|path| path[k]).sum();
            assert!(close(p2.city[k], sum, 1e-9), "{key} year {k}");
        }
    }
}

#[test]
fn doubling_every_unit_meets_a_target_of_twice_the_summed_bases() {
    let plan = plan();
    // Unequal paths per unit, each of which doubles that unit.
    let mut s = Scenario::default_for(&plan);
    let key = IndicatorKey::ValueAdded;
    let paths: [[f64; 4]; 3] = [[12.0, 15.0, 20.0, 29.4], [50.0, 0.0, 0.0, 33.34], [0.0, 0.0, 0.0, 100.0]];
    for unit in 0..plan.units.len() {
        for (col, p) in paths[unit % 3].iter().enumerate() {
            s.growth_mut(key).set(unit, col, g(*p));
        }
    }
    let v = TargetVerdict::judge(&plan, &s, key);
    assert_eq!(v.units_doubled(), 9);
    let twice: f64 = 2.0 * s.bases(key).iter().sum::<f64>();
    assert!(close(twice, plan.indicator(key).city_target, 1e-9));
    assert_eq!(v.status, Status::Met);
    assert!(v.units.iter().all(|u| u.multiple.unwrap() >= 2.0 - 1e-9));
}

#[test]
fn floor_breaches_say_where_and_by_how_much() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    let key = IndicatorKey::Investment;
    s.growth_mut(key).set(2, 1, g(27.5)); // 清丰县 2024, floor 30
    s.growth_mut(key).set(6, 0, g(34.9)); // 经开区 2023, floor 35
    let v = TargetVerdict::judge(&plan, &s, key);
    assert_eq!(v.breaches.len(), 2);
    let b = v.breaches.iter().find(|b| b.unit == 2).unwrap();
    assert_eq!((b.year, b.growth, b.floor), (2024, 27.5, g(30.0)));
    assert!(close(b.shortfall_points(), 2.5, 1e-12));
    assert_eq!(v.units[2].floor_breaches, 1);
    assert_eq!(v.units[6].floor_breaches, 1);
    assert_eq!(v.units[6].doubling, Status::Missed);
    // A unit can miss its floor and still double, or meet every floor and not double.
    s.growth_mut(key).set(2, 2, g(40.0));
    let v = TargetVerdict::judge(&plan, &s, key);
    assert_eq!(v.units[2].doubling, Status::Met);
    assert_eq!(v.units[2].floor_breaches, 1);
}

#[test]
fn unreachable_and_out_of_range_requirements_say_so() {
    let plan = plan();
    let key = IndicatorKey::Funds;
    // −30 % in 2023 leaves 196; 560 needs +185.7 % in 2024, above the range.
    let s = with_path(&plan, key, &[-30.0, 0.0]);
    let v = TargetVerdict::judge(&plan, &s, key);
    match v.required {
        Requirement::AboveRange(p) => assert!(close(p, (560.0 / 196.0 - 1.0) * 100.0, 1e-9)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_margin_under_half_a_hundredth_is_exactly_met() {
    let plan = plan();
    let s = Scenario::default_for(&plan);
    // Value added on the plan path: 237.5 × 2.0000064 = 475.0015, +0.0015.
    assert!(TargetVerdict::judge(&plan, &s, IndicatorKey::ValueAdded).exactly_met());
    // Funds: 280 × 1.5 × 1.3334 = 560.028, a margin of +0.03.
    assert!(!TargetVerdict::judge(&plan, &s, IndicatorKey::Funds).exactly_met());
    // A shortfall is never exactly met.
    let short = with_path(&plan, IndicatorKey::ValueAdded, &[12.0, 15.0, 20.0, 29.39]);
    assert!(!TargetVerdict::judge(&plan, &short, IndicatorKey::ValueAdded).exactly_met());
}

#[test]
fn one_edited_base_makes_the_bases_custom_while_the_others_stay_illustrative() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    assert!(!s.has_custom_bases(&plan));
    assert!(s.uses_illustrative_bases(&plan));
    assert!(s.set_base(IndicatorKey::Capacity, 3, Base::new(123.4).unwrap()));
    assert!(s.has_custom_bases(&plan));
    assert!(s.uses_illustrative_bases(&plan), "the other units still carry the illustrative split");
}
