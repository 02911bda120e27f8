//! Reported years, the unallocated part and goal seek over the open years
//! only, against hand-computed cases on the illustrative bases.

// Tests fail loudly on purpose.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use doubling_sandbox::model::solve::{solve, SolveMode};
use doubling_sandbox::model::{
    Base, Growth, IndicatorKey, Plan, Preset, Projection, Report, ReportKind, Requirement, Scenario, Status,
    TargetVerdict, Unallocated,
};

fn plan() -> Plan {
    Plan::shipped().expect("the shipped plan parses")
}

fn g(percent: f64) -> Growth {
    Growth::from_percent(percent).expect("in range")
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

fn required(r: Requirement) -> f64 {
    r.percent().expect("a growth")
}

#[test]
fn a_city_growth_reported_for_2023_leaves_2024_to_seek() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    let funds = s.inputs_mut(IndicatorKey::Funds);
    assert!(funds.set_reported_years(1));
    assert!(funds.set_report(0, Report::CityGrowth(g(54.3))));
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::Funds);
    // 280 × 1.543 = 432.04 in 2023; 2024 on the plan path's 33.34 %: 576.06.
    assert!(close(v.projected, 432.04 * 1.3334, 1e-9));
    assert_eq!(v.status, Status::Met);
    assert!(v.breaches.is_empty(), "54.3 % is above the 50 % floor");
    // Only 2024 is open: 560 ÷ 432.04 − 1 = 29.6176 %, the same for the uniform reference.
    assert!(close(required(v.uniform), 29.617_627_997_407_66, 1e-9));
    assert_eq!(v.uniform_from, 2024);
    // Solve from 2023 starts after the reported year: ceil(29.6176 %) = 29.62 %.
    let sol = solve(&plan, &s, IndicatorKey::Funds, 0, SolveMode::Uniform).expect("solvable");
    assert_eq!(sol.bp, 2962);
    assert_eq!(sol.table.get(0, 0), s.growth(IndicatorKey::Funds).get(0, 0), "the reported year is left alone");
    assert!((0..9).all(|u| sol.table.get(u, 1) == Some(g(29.62))));
}

#[test]
fn a_city_level_is_shared_out_in_proportion() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    *s.growth_mut(IndicatorKey::Funds) = Preset::Zero.table(&plan, IndicatorKey::Funds);
    let funds = s.inputs_mut(IndicatorKey::Funds);
    funds.set_reported_years(1);
    funds.set_report(0, Report::CityLevel(Base::new(463.0).unwrap()));
    let p = Projection::of(s.inputs(IndicatorKey::Funds));
    assert!(close(p.city[1], 463.0, 1e-9));
    // 华龙区 28 × 463 ÷ 280 = 46.3.
    assert!(close(p.units[0][1], 46.3, 1e-9));
    assert!(close(p.growth_percent(0, 0).unwrap(), 65.357_142_857, 1e-6));
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::Funds);
    assert_eq!(v.status, Status::Missed);
    // 2024 at 0 %: the city needs 560 ÷ 463 − 1 = 20.95 %; a unit 2 ÷ 1.65357 − 1 = 20.95 % too.
    assert!(close(required(v.required), 20.950_323_974_082_07, 1e-9));
    assert!(close(required(v.units[0].required), 20.950_323_974_082_07, 1e-9));
}

#[test]
fn unit_levels_give_the_growth_the_floors_are_checked_on() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    let va = s.inputs_mut(IndicatorKey::ValueAdded);
    va.set_reported_years(1);
    assert!(va.switch_report_kind(0, ReportKind::UnitLevels));
    let Some(Report::UnitLevels(levels)) = va.report(0).cloned() else { panic!("levels") };
    // Switching starts from what the year showed: 华龙区 23.75 × 1.12 = 26.6.
    assert!(close(levels[0].yi(), 26.6, 1e-9));
    let mut levels = levels;
    levels[0] = Base::new(26.0).unwrap();
    assert!(va.set_report(0, Report::UnitLevels(levels.clone())));
    assert!(!va.set_report(0, Report::UnitLevels(levels[..8].to_vec())), "one level per unit");
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::ValueAdded);
    // 26 ÷ 23.75 − 1 = 9.47 %, below the 12 % floor, and the breach says it was reported.
    assert_eq!(v.breaches.len(), 1);
    let b = v.breaches[0];
    assert_eq!((b.unit, b.year, b.reported), (0, 2023, true));
    assert!(close(b.growth, 9.473_684_210_526_32, 1e-9));
    assert!(close(b.shortfall_points(), 2.526_315_789_473_68, 1e-9));
}

#[test]
fn goal_seek_spreads_over_the_open_years_only() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    let va = s.inputs_mut(IndicatorKey::ValueAdded);
    va.set_reported_years(1);
    va.set_report(0, Report::CityGrowth(g(10.0)));
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::ValueAdded);
    // 10 % is below the 12 % floor for every unit.
    assert_eq!(v.breaches.len(), 9);
    assert!(v.breaches.iter().all(|b| b.reported));
    // Three open years: (2 ÷ 1.1)^(1/3) − 1 = 22.0522 % (not the 18.92 % of four years).
    assert!(close(required(v.uniform), 22.052_244_447_028_49, 1e-9));
    let sol = solve(&plan, &s, IndicatorKey::ValueAdded, 0, SolveMode::Uniform).expect("solvable");
    assert_eq!(sol.bp, 2206);
    let shift = solve(&plan, &s, IndicatorKey::ValueAdded, 0, SolveMode::Shift).expect("solvable");
    assert_eq!(shift.table.get(3, 0), s.growth(IndicatorKey::ValueAdded).get(3, 0));
    // Every open cell of the plan path (15, 20, 29.4 %) shifts by the same points.
    assert_eq!(shift.table.get(0, 1).unwrap().bp() - 1500, shift.bp);
    // With every year reported there is nothing left to solve or seek.
    let va = s.inputs_mut(IndicatorKey::ValueAdded);
    va.set_reported_years(4);
    assert_eq!(s.inputs(IndicatorKey::ValueAdded).reported_years(), 4);
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::ValueAdded);
    assert_eq!(v.status, Status::Missed);
    assert_eq!(v.required, Requirement::Unreachable);
    assert_eq!(v.uniform, Requirement::Unreachable);
    assert!(solve(&plan, &s, IndicatorKey::ValueAdded, 0, SolveMode::Uniform).is_err());
}

#[test]
fn the_unallocated_part_counts_in_the_city_and_keeps_its_rate() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    *s.growth_mut(IndicatorKey::Funds) = Preset::Zero.table(&plan, IndicatorKey::Funds);
    s.inputs_mut(IndicatorKey::Funds).unallocated =
        Some(Unallocated { base: Base::new(20.0).unwrap(), growth: g(0.0) });
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::Funds);
    assert!(close(v.projected, 300.0, 1e-9));
    // The units make up the rest: (560 − 20) ÷ 280 − 1 = 92.86 % in 2024, √(540 ÷ 280) − 1 = 38.87 % a year.
    assert!(close(required(v.required), 92.857_142_857_142_86, 1e-9));
    assert!(close(required(v.uniform), 38.873_014_965_882_71, 1e-9));
    // A city-wide growth carries the unallocated part along.
    let funds = s.inputs_mut(IndicatorKey::Funds);
    funds.unallocated = Some(Unallocated { base: Base::new(20.0).unwrap(), growth: g(-10.0) });
    funds.set_reported_years(1);
    funds.set_report(0, Report::CityGrowth(g(50.0)));
    let p = Projection::of(s.inputs(IndicatorKey::Funds));
    assert!(close(p.unallocated_at(1), 30.0, 1e-9));
    assert!(close(p.unallocated_at(2), 27.0, 1e-9), "an open year at its own −10 %");
    assert!(close(p.city[1], 450.0, 1e-9));
}

#[test]
fn unmarking_a_year_keeps_its_figures_as_growth() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    let funds = s.inputs_mut(IndicatorKey::Funds);
    funds.set_reported_years(2);
    funds.set_report(0, Report::CityLevel(Base::new(463.0).unwrap()));
    assert!(funds.set_reported_years(0));
    // 463 ÷ 280 − 1 = 65.357 %, kept to the basis point.
    assert!((0..9).all(|u| s.growth(IndicatorKey::Funds).get(u, 0) == Some(g(65.36))));
    assert!(!s.inputs_mut(IndicatorKey::Funds).set_reported_years(0), "nothing to change");
    assert!(!s.inputs_mut(IndicatorKey::Funds).set_report(0, Report::UnitGrowth), "not reported");
}
