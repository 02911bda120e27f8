//! The workshop as one table, for CSV and XLSX alike: per round, one row
//! per entry, then the composed scenario of the pledges and the median
//! scenario, each with its four verdicts.

use super::super::export::{Cell, ResultsTable};
use super::super::plan::{IndicatorKey, Plan};
use super::super::scenario::Scenario;
use super::super::verdict::{judge_all, Status};
use super::median_scenario;
use super::store::{Mode, Workshop};
use crate::model::Lang;

/// The columns per indicator.
const PER_INDICATOR: usize = 5;

/// The workshop table: round, row kind, name, the units it speaks for
/// (pledges), then per indicator whether the target is met, the
/// projection and the margin (亿元), units doubled and floor breaches.
pub fn workshop_table(plan: &Plan, w: &Workshop, lang: Lang) -> ResultsTable {
    let zh = lang == Lang::Zh;
    let mut header: Vec<String> = if zh {
        vec!["轮次".into(), "类别".into(), "方案".into(), "认领单位".into()]
    } else {
        vec!["Round".into(), "Kind".into(), "Scenario".into(), "Units pledged".into()]
    };
    for key in IndicatorKey::ALL {
        let ind = plan.indicator(key);
        let name = if zh { &ind.short_zh } else { &ind.short_en };
        let cols: [&str; PER_INDICATOR] = if zh {
            ["达标", "预计（亿元）", "差距（亿元）", "翻番单位", "低于底线"]
        } else {
            ["met", "projected (100M yuan)", "margin (100M yuan)", "units doubled", "below floor"]
        };
        header.extend(cols.iter().map(|c| if zh { format!("{name}{c}") } else { format!("{name} {c}") }));
    }
    let (yes, no) = if zh { ("是", "否") } else { ("yes", "no") };
    let mut rows = Vec::new();
    // Counts of at most a few dozen: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let count = |n: usize| Cell::number(n as f64, n.to_string(), 0);
    let row = |round: &str, kind: &str, name: &str, units: String, s: &Scenario| {
        let mut cells = vec![Cell::text(round), Cell::text(kind), Cell::text(name), Cell::text(units)];
        for v in judge_all(plan, s) {
            cells.extend([
                Cell::text(if v.status == Status::Met { yes } else { no }),
                Cell::number(v.projected, format!("{:.4}", v.projected), 4),
                Cell::number(v.gap(), format!("{:.4}", v.gap()), 4),
                count(v.units_doubled()),
                count(v.breaches.len()),
            ]);
        }
        cells
    };
    for r in &w.rounds {
        let owners = r.ownership(plan).owners;
        let sep = if zh { "、" } else { "; " };
        for (i, e) in r.entries.iter().enumerate() {
            let units: Vec<&str> = (0..plan.units.len())
                .filter(|u| owners[*u] == Some(i))
                .map(|u| if zh { plan.units[u].name_zh.as_str() } else { plan.units[u].name_en.as_str() })
                .collect();
            let kind = match (zh, i == r.reference) {
                (true, true) => "方案（参照）",
                (true, false) => "方案",
                (false, true) => "scenario (reference)",
                (false, false) => "scenario",
            };
            let units = if r.mode == Mode::Pledges { units.join(sep) } else { String::new() };
            rows.push(row(&r.name, kind, &e.name, units, &e.state.scenario));
        }
        if let Some(c) = r.composed(plan).filter(|_| r.mode == Mode::Pledges) {
            let kind = if zh { "认领汇总" } else { "combined pledges" };
            rows.push(row(&r.name, kind, kind, String::new(), &c));
        }
        let scenarios: Vec<Scenario> = r.entries.iter().map(|e| e.state.scenario.clone()).collect();
        if let Some(m) = median_scenario(&scenarios, r.reference) {
            let kind = if zh { "中位数方案" } else { "median scenario" };
            rows.push(row(&r.name, kind, kind, String::new(), &m));
        }
    }
    ResultsTable { sheet: if zh { "工作坊汇总".into() } else { "Workshop".into() }, header, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codec::LinkState;
    use crate::model::export::table_csv;
    use crate::model::workshop::store::{Entry, Round};
    use crate::model::Growth;

    #[test]
    fn the_table_has_a_row_per_entry_then_the_combined_and_median_rows() {
        let plan = Plan::shipped().expect("the shipped plan parses");
        let entry = |name: &str, unit: usize, bp: i32| {
            let mut s = Scenario::default_for(&plan);
            s.growth_mut(IndicatorKey::ValueAdded).set(unit, 3, Growth::from_bp(bp).expect("in range"));
            let state = LinkState { scenario: s, lang: Lang::Zh, indicator: None };
            Entry { name: name.into(), code: state.encode(&plan), state }
        };
        let round = Round {
            name: "第1轮".into(),
            entries: vec![entry("市局", 0, 2950), entry("南乐县", 3, 1000)],
            reference: 0,
            mode: Mode::Pledges,
            owners: vec![None; plan.units.len()],
        };
        let w = Workshop { rounds: vec![round], current: 0 };
        let t = workshop_table(&plan, &w, Lang::Zh);
        assert_eq!(t.header.len(), 4 + 4 * PER_INDICATOR);
        assert_eq!(t.rows.len(), 4);
        assert!(t.rows.iter().all(|r| r.len() == t.header.len()));
        let text = table_csv(&t);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].starts_with("第1轮,方案（参照）,市局,华龙区,"), "{}", lines[1]);
        assert!(lines[2].starts_with("第1轮,方案,南乐县,南乐县,"), "{}", lines[2]);
        assert!(lines[3].starts_with("第1轮,认领汇总,认领汇总,,"), "{}", lines[3]);
        // The reference doubles 9 units in value added, Nanle among them;
        // the composed scenario takes Nanle's 10 % in 2026, which does not
        // double: one unit fewer.
        let va = 4 + IndicatorKey::ValueAdded.index() * PER_INDICATOR;
        let doubled: Vec<&str> = t.rows.iter().map(|r| r[va + 3].as_text()).collect();
        assert_eq!((doubled[0], doubled[2]), ("9", "8"));
    }
}
