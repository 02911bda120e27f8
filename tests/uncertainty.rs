//! The uncertainty model pinned down: exact cases without ranges, the
//! median case, the closed form with fully shared shocks, monotonicity, and
//! the distribution of the draws against the one the page states.

// Tests fail loudly on purpose.
#![allow(clippy::expect_used, clippy::unwrap_used)]
// Small counts and indices, exact in f64 and i64.
#![allow(clippy::cast_precision_loss, clippy::cast_possible_wrap)]
// Exactly 0 and exactly 1 are the point of some tests; Simpson's rule
// reads best in its own letters.
#![allow(clippy::float_cmp, clippy::many_single_char_names)]

use doubling_sandbox::model::uncertainty::{
    growth_for_confidence, Chance, Coefficient, Draws, Outlook, Range, Sampler, Uncertainty, DRAWS, Z90,
};
use doubling_sandbox::model::{Growth, IndicatorKey, Plan, Projection, Report, Scenario, Status, TargetVerdict};
use proptest::prelude::*;

fn plan() -> Plan {
    Plan::shipped().expect("the shipped plan parses")
}

fn settings(rho: f64, phi: f64) -> Uncertainty {
    Uncertainty { on: true, rho: Coefficient::new(rho).unwrap(), phi: Coefficient::new(phi).unwrap() }
}

/// Φ(x) by Simpson's rule on the density from −10: far more exact than
/// any Monte Carlo error here.
fn phi_cdf(x: f64) -> f64 {
    let (a, n) = (-10.0, 20_000);
    let h = (x - a) / f64::from(n);
    let f = |t: f64| (-t * t / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let mut sum = f(a) + f(x);
    for i in 1..n {
        sum += f(a + h * f64::from(i)) * if i % 2 == 1 { 4.0 } else { 2.0 };
    }
    sum * h / 3.0
}

/// Whether `p` lies within `k` standard errors of `expected`.
fn within(c: Chance, expected: f64, k: f64) -> bool {
    let se = (expected * (1.0 - expected) / DRAWS as f64).sqrt();
    (c.p - expected).abs() <= k * se + 1e-12
}

#[test]
fn zero_ranges_give_exactly_the_verdict() {
    let plan = plan();
    let sampler = Sampler::new();
    for preset_growth in [500, 1800, 2600, 3400] {
        let mut s = Scenario::default_for(&plan);
        s.uncertainty = settings(0.5, 0.3);
        for key in IndicatorKey::ALL {
            let g = Growth::from_bp(preset_growth).unwrap();
            s.inputs_mut(key).growth.set_where(g, |_, _| true);
            s.inputs_mut(key).ranges.set_where(Range::ZERO, |_, _| true);
            let o = Outlook::of(&plan, &s, key, &sampler);
            let v = TargetVerdict::judge(&plan, &s, key);
            assert!(!o.uncertain && !o.target.uncertain);
            let expected: f64 = if v.status == Status::Met { 1.0 } else { 0.0 };
            assert_eq!(o.target.p.to_bits(), expected.to_bits(), "{key} at {preset_growth} bp");
            for (u, unit) in v.units.iter().enumerate() {
                let expected: f64 = if unit.doubling == Status::Met { 1.0 } else { 0.0 };
                assert_eq!(o.doubling[u].p.to_bits(), expected.to_bits(), "{key} unit {u}");
            }
            for floor in o.floors.iter().flatten() {
                assert!(floor.p == 0.0 || floor.p == 1.0);
            }
            let breaches = v.breaches.len();
            let misses = o.floors.iter().flatten().filter(|f| f.p == 0.0).count();
            assert_eq!(breaches, misses, "{key}: floors missed for certain are the verdict's breaches");
        }
    }
}

#[test]
fn a_symmetric_range_around_a_path_that_just_meets_the_target_gives_one_half() {
    // Only the target year open: the city total is then linear in each
    // unit's draw, symmetric around the likely path.
    let mut plan = plan();
    let key = IndicatorKey::ValueAdded;
    let mut s = Scenario::default_for(&plan);
    s.uncertainty = settings(0.5, 0.3);
    let years = s.growth(key).years();
    s.inputs_mut(key).set_reported_years(years - 1);
    let likely = Projection::of(s.inputs(key)).city_final();
    // The target is the likely path's own total: it is just met.
    plan.indicators[key.index()].city_target = likely;
    assert_eq!(TargetVerdict::judge(&plan, &s, key).status, Status::Met);
    let o = Outlook::of(&plan, &s, key, &Sampler::new());
    assert!(o.target.uncertain);
    assert!(within(o.target, 0.5, 3.0), "{}", o.target.p);
    // The median of the city total is the likely path.
    assert!((o.city[years][2] - likely).abs() < likely * 2e-3, "{} vs {likely}", o.city[years][2]);
}

#[test]
fn fully_shared_shocks_have_a_closed_form() {
    // With ρ = 1 and φ = 1 every draw is one standard normal z, shared by
    // every cell and year: each cell is likely + σ·z, so the chance of the
    // target is Φ(−z*) where the path at z* just meets it.
    let plan = plan();
    let sampler = Sampler::new();
    for key in IndicatorKey::ALL {
        let mut s = Scenario::default_for(&plan);
        s.uncertainty = settings(1.0, 1.0);
        // Asymmetric, and different per unit.
        let years = s.growth(key).years();
        for u in 0..plan.units.len() {
            for col in 0..years {
                let r = Range::from_bp(200 + 50 * u as i64, 400 - 20 * col as i64).unwrap();
                s.inputs_mut(key).ranges.set(u, col, r);
            }
        }
        let path_at = |z: f64| -> f64 {
            let inputs = s.inputs(key);
            let mut total = 0.0;
            for (u, base) in inputs.bases.iter().enumerate() {
                let mut v = *base;
                for col in 0..years {
                    let r = inputs.ranges.get(u, col).unwrap();
                    let sigma = f64::from(if z < 0.0 { r.low_bp() } else { r.high_bp() }) / Z90;
                    let g = f64::from(inputs.growth.get(u, col).unwrap().bp()) + sigma * z;
                    v *= 1.0 + g.clamp(-3000.0, 15000.0) / 10_000.0;
                }
                total += v;
            }
            total
        };
        let target = plan.indicator(key).city_target;
        let (mut lo, mut hi) = (-8.0, 8.0);
        for _ in 0..200 {
            let mid = f64::midpoint(lo, hi);
            if path_at(mid) >= target {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        let expected = 1.0 - phi_cdf(hi);
        let o = Outlook::of(&plan, &s, key, &sampler);
        assert!(within(o.target, expected, 3.0), "{key}: {} against Φ(−{hi}) = {expected}", o.target.p);
    }
}

#[test]
fn the_draws_of_a_cell_follow_the_stated_two_piece_normal() {
    // One open year, one unit with a range (2 points below, 5 above): the
    // city total is then a fixed part plus that unit's draw, so its
    // percentiles and mean are the cell's.
    let plan = plan();
    let key = IndicatorKey::Investment;
    let mut s = Scenario::default_for(&plan);
    s.uncertainty = settings(0.3, 0.6);
    let years = s.growth(key).years();
    s.inputs_mut(key).set_reported_years(years - 1);
    s.inputs_mut(key).ranges.set_where(Range::ZERO, |_, _| true);
    let unit = 2;
    s.inputs_mut(key).ranges.set(unit, years - 1, Range::from_bp(200, 500).unwrap());
    let p = Projection::of(s.inputs(key));
    let start = p.units[unit][years - 1];
    let others = p.city_final() - p.unit_final(unit);
    let likely = f64::from(s.growth(key).get(unit, years - 1).unwrap().bp());
    let growth_of = |city: f64| ((city - others) / start - 1.0) * 10_000.0;
    let o = Outlook::of(&plan, &s, key, &Sampler::new());
    let fan = o.city[years];
    // The 5th and 95th percentiles lie 2 and 5 points from the likely value
    // (to within a few hundredths of a point, the sampling error of a
    // percentile from 10,000 draws).
    assert!((growth_of(fan[0]) - (likely - 200.0)).abs() < 8.0, "{}", growth_of(fan[0]));
    assert!((growth_of(fan[2]) - likely).abs() < 5.0, "{}", growth_of(fan[2]));
    assert!((growth_of(fan[4]) - (likely + 500.0)).abs() < 15.0, "{}", growth_of(fan[4]));
    // The mean of a two-piece normal: likely + (σ₊ − σ₋) ÷ √(2π).
    let mean = likely + (500.0 - 200.0) / Z90 / (2.0 * std::f64::consts::PI).sqrt();
    let sd = 500.0 / Z90;
    assert!(
        (growth_of(o.city_mean[years]) - mean).abs() < 4.0 * sd / (DRAWS as f64).sqrt(),
        "{}",
        growth_of(o.city_mean[years])
    );
}

#[test]
fn reported_years_carry_no_range() {
    let plan = plan();
    let key = IndicatorKey::ValueAdded;
    let mut s = Scenario::default_for(&plan);
    s.uncertainty = settings(0.5, 0.3);
    s.inputs_mut(key).set_reported_years(2);
    s.inputs_mut(key).set_report(1, Report::CityGrowth(Growth::from_bp(1400).unwrap()));
    let o = Outlook::of(&plan, &s, key, &Sampler::new());
    let p = Projection::of(s.inputs(key));
    for k in 0..=2 {
        assert_eq!(o.city[k], [p.city[k]; 5], "year {k} is known");
    }
    assert!(o.city[3][0] < o.city[3][4], "an open year spreads");
    // A floor in a reported year is met or missed for certain.
    let units = plan.units.len();
    let years = s.growth(key).years();
    for u in 0..units {
        let f = o.floors[u * years + 1].expect("2024 has a floor");
        assert!(!f.uncertain);
        // 14 % for every unit is below the 15 % floor.
        assert_eq!(f.p, 0.0);
    }
}

#[test]
fn goal_seek_under_uncertainty_needs_more_for_more_confidence() {
    let plan = plan();
    let sampler = Sampler::new();
    let key = IndicatorKey::ValueAdded;
    let mut s = Scenario::default_for(&plan);
    s.uncertainty = settings(0.5, 0.3);
    let g50 = growth_for_confidence(&plan, &s, key, 0.5, &sampler).unwrap();
    let g80 = growth_for_confidence(&plan, &s, key, 0.8, &sampler).unwrap();
    let g95 = growth_for_confidence(&plan, &s, key, 0.95, &sampler).unwrap();
    assert!(g50 < g80 && g80 < g95, "{g50:?} {g80:?} {g95:?}");
    // At the growth found, the chance is reached; a basis point less, not.
    let years = s.growth(key).years();
    let at = |g: Growth| {
        let mut t = s.clone();
        t.growth_mut(key).set_where(g, |_, col| col == years - 1);
        Outlook::of(&plan, &t, key, &sampler).target.p
    };
    assert!(at(g80) >= 0.8);
    assert!(at(Growth::from_bp(g80.bp() - 1).unwrap()) < 0.8);
    // With no range it is the plain goal seek, to the basis point above.
    s.inputs_mut(key).ranges.set_where(Range::ZERO, |_, _| true);
    let no_range = growth_for_confidence(&plan, &s, key, 0.8, &sampler).unwrap();
    let mut t = s.clone();
    t.growth_mut(key).set_where(no_range, |_, col| col == years - 1);
    assert_eq!(TargetVerdict::judge(&plan, &t, key).status, Status::Met);
    t.growth_mut(key).set_where(Growth::from_bp(no_range.bp() - 1).unwrap(), |_, col| col == years - 1);
    assert_eq!(TargetVerdict::judge(&plan, &t, key).status, Status::Missed);
}

#[test]
fn the_same_scenario_always_gives_the_same_figures() {
    let plan = plan();
    let mut s = Scenario::default_for(&plan);
    s.uncertainty = settings(0.4, 0.2);
    let a = Outlook::of(&plan, &s, IndicatorKey::Capacity, &Sampler::new());
    let b = Outlook::of(&plan, &s, IndicatorKey::Capacity, &Sampler::new());
    assert_eq!(a, b);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// More likely growth in any one cell never lowers a probability.
    #[test]
    fn probabilities_rise_with_the_likely_growth(
        seed in any::<u64>(),
        unit in 0usize..9,
        col in 0usize..4,
        from in -500i32..4000,
        up in 1i32..800,
        rho in 0u64..=100,
        phi in 0u64..=100,
    ) {
        let plan = plan();
        let key = IndicatorKey::ValueAdded;
        let draws = Draws::new(seed, 4, plan.units.len());
        let mut s = Scenario::default_for(&plan);
        let u = Uncertainty {
            on: true,
            rho: Coefficient::from_hundredths(rho).unwrap(),
            phi: Coefficient::from_hundredths(phi).unwrap(),
        };
        s.growth_mut(key).set(unit, col, Growth::from_bp(from).unwrap());
        let low = Outlook::of_inputs(&plan, s.inputs(key), key, u, &draws);
        s.growth_mut(key).set(unit, col, Growth::from_bp(from + up).unwrap());
        let high = Outlook::of_inputs(&plan, s.inputs(key), key, u, &draws);
        prop_assert!(high.target.p >= low.target.p);
        for (a, b) in low.doubling.iter().zip(&high.doubling) {
            prop_assert!(b.p >= a.p);
        }
        for (a, b) in low.floors.iter().zip(&high.floors) {
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!(b.p >= a.p);
            }
        }
    }
}

#[test]
fn solve_under_uncertainty_reaches_every_goal_with_the_chance_asked_and_no_less_would() {
    use doubling_sandbox::model::solve::{solve, solve_for, Goal, SolveMode};
    let plan = plan();
    let key = IndicatorKey::Investment;
    let mut s = Scenario::default_for(&plan);
    s.uncertainty = settings(0.5, 0.3);
    let draws = Draws::new(11, 3, plan.units.len());
    for mode in [SolveMode::Uniform, SolveMode::Shift] {
        let likely = solve(&plan, &s, key, 1, mode).unwrap();
        let sure = solve_for(&plan, &s, key, 1, mode, Goal::Confident(0.8, &draws)).unwrap();
        assert!(sure.bp > likely.bp, "{mode:?}: {} against {}", sure.bp, likely.bp);
        let chances = |table: &doubling_sandbox::model::GrowthTable| {
            let mut inputs = s.inputs(key).clone();
            inputs.growth = table.clone();
            let o = Outlook::of_inputs(&plan, &inputs, key, s.uncertainty, &draws);
            std::iter::once(o.target.p).chain(o.doubling.iter().map(|c| c.p)).fold(1.0, f64::min)
        };
        assert!(chances(&sure.table) >= 0.8);
        let less = solve_for(&plan, &s, key, 1, mode, Goal::Confident(0.0, &draws)).unwrap();
        assert!(less.bp <= sure.bp);
        // One basis point less misses the confidence somewhere.
        let mut short = s.clone();
        *short.growth_mut(key) = sure.table.clone();
        let years = s.growth(key).years();
        for u in 0..plan.units.len() {
            for col in 1..years {
                let g = short.growth(key).get(u, col).unwrap();
                short.growth_mut(key).set(u, col, Growth::from_bp(g.bp() - 1).unwrap());
            }
        }
        assert!(chances(short.growth(key)) < 0.8, "{mode:?}");
    }
}
