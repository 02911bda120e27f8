//! The paragraph ready to paste into a report (汇报材料), against
//! hand-computed scenarios in both languages.

#![allow(clippy::unwrap_used)]

use doubling_sandbox::i18n::Lang;
use doubling_sandbox::model::{Growth, IndicatorKey, Plan, Scenario, TargetVerdict};

const VA: IndicatorKey = IndicatorKey::ValueAdded;

/// Value added on the plan path (12, 15, 20, 29.40 %), but 南乐县, 台前县
/// and 示范区 at +5 % in 2026. Their bases add to 47.5 of 237.5; each unit
/// on the path grows 2.0000064-fold, the three 1.62288-fold:
/// 475.00152 − 47.5 × 0.3771264 = 457.0880, a shortfall of 17.912 (3.8 %).
/// 2025 totals 237.5 × 1.5456 = 367.08; 475 ÷ 367.08 − 1 = 29.39959 %.
fn three_laggards(plan: &Plan) -> TargetVerdict {
    let mut s = Scenario::default_for(plan);
    for unit in [3, 5, 8] {
        s.growth_mut(VA).set(unit, 3, Growth::from_percent(5.0).unwrap());
    }
    TargetVerdict::judge(plan, &s, VA)
}

#[test]
fn a_shortfall_names_the_gap_the_laggards_and_the_growth_still_needed() {
    let plan = Plan::shipped().unwrap();
    let v = three_laggards(&plan);
    assert_eq!(
        Lang::Zh.report_paragraph(&plan, &v),
        "按当前情景，2026年规上制造业增加值预计457.1亿元，较目标475亿元缺口17.9亿元（3.8%）；\
         9个单位中6个实现翻番，南乐县、台前县、示范区未达翻番；2026年全市还需增长29.40%。"
    );
    assert_eq!(
        Lang::En.report_paragraph(&plan, &v),
        "In this scenario, Value added in 2026 is projected at 457.1 (100M yuan), 17.9 (3.8%) short of the \
         target of 475; 6 of 9 units double; Nanle County, Taiqian County, Demonstration Zone do not; the city still needs \
         growth of 29.40% in 2026."
    );
}

#[test]
fn the_plan_path_meets_its_target_and_floor_breaches_are_counted() {
    let plan = Plan::shipped().unwrap();
    let mut s = Scenario::default_for(&plan);
    // Funds on the plan path: 280 × 1.5 × 1.3334 = 560.028, +0.03 (0.0 %).
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::Funds);
    assert_eq!(
        Lang::Zh.report_paragraph(&plan, &v),
        "按当前情景，2024年招商引资到位资金预计560.0亿元，超出目标560亿元0.03亿元（0.0%）；9个单位均实现翻番；目标已达成。"
    );
    // 华龙区 at 45 % in 2023 (floor 50) and 60 % in 2024: 28 × 1.45 × 1.6 = 64.96
    // against 28 × 2.0001 = 56.0028; city 560.028 + 8.9572 = 568.9852, a
    // margin of 8.99 (amounts under 10 show two decimals).
    s.growth_mut(IndicatorKey::Funds).set(0, 0, Growth::from_percent(45.0).unwrap());
    s.growth_mut(IndicatorKey::Funds).set(0, 1, Growth::from_percent(60.0).unwrap());
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::Funds);
    assert_eq!(
        Lang::Zh.report_paragraph(&plan, &v),
        "按当前情景，2024年招商引资到位资金预计569.0亿元，超出目标560亿元8.99亿元（1.6%）；9个单位均实现翻番；有1处年度增速低于底线；目标已达成。"
    );
}

#[test]
fn one_laggard_and_one_breach_read_in_the_singular_and_unreachable_says_why() {
    let plan = Plan::shipped().unwrap();
    let mut s = Scenario::default_for(&plan);
    // 华龙区 at 49 % in 2023 (floor 50): 28 × 1.49 × 1.3334 = 55.63 < 56, the
    // city 560.028 − 28 × 0.01 × 1.3334 = 559.655: short by 0.35 (0.1 %).
    s.growth_mut(IndicatorKey::Funds).set(0, 0, Growth::from_percent(49.0).unwrap());
    let v = TargetVerdict::judge(&plan, &s, IndicatorKey::Funds);
    let en = Lang::En.report_paragraph(&plan, &v);
    assert!(en.contains("8 of 9 units double; Hualong District does not; 1 annual rate is below its floor;"), "{en}");

    // Every base zero: nothing to grow from, said as such, not as a reported year.
    let mut zero = Scenario::default_for(&plan);
    for u in 0..plan.units.len() {
        zero.set_base(IndicatorKey::Funds, u, doubling_sandbox::model::Base::ZERO);
    }
    let v = TargetVerdict::judge(&plan, &zero, IndicatorKey::Funds);
    assert!(Lang::Zh.report_paragraph(&plan, &v).ends_with("；各单位基数为零，无法达到。"));
    assert!(Lang::En.report_paragraph(&plan, &v).ends_with("; every base is zero: unreachable."));
    assert_eq!(
        Lang::En.uniform_line(v.uniform_from, v.target_year, v.uniform),
        "Every base is zero: no growth rate reaches the target"
    );

    // Every year reported: the target year is reported.
    let mut reported = Scenario::default_for(&plan);
    reported.growth_mut(IndicatorKey::Funds).set_where(Growth::ZERO, |_, _| true);
    reported.inputs_mut(IndicatorKey::Funds).set_reported_years(2);
    let v = TargetVerdict::judge(&plan, &reported, IndicatorKey::Funds);
    assert!(
        Lang::Zh.report_paragraph(&plan, &v).ends_with("；目标年已公布，无法达到。"),
        "{}",
        Lang::Zh.report_paragraph(&plan, &v)
    );
    assert_eq!(Lang::Zh.uniform_line(v.uniform_from, v.target_year, v.uniform), "各年均已公布，无需再设增速");
}
