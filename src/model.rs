//! The plan arithmetic, free of anything from the web: the plan as data,
//! scenarios, projection, verdicts and goal seek. Tested natively.

pub mod codec;
pub mod compare;
pub mod contribution;
pub mod export;
pub mod file;
pub mod growth;
pub mod import;
pub mod library;
pub mod number;
pub mod plan;
pub mod preset;
pub mod projection;
pub mod report;
pub mod scenario;
mod shipped_plan;
pub mod solve;
pub mod uncertainty;
pub mod verdict;
pub mod workshop;

pub use codec::{LinkError, LinkState};
pub use contribution::{contributions, Contribution, Contributor};
pub use growth::{Growth, GrowthError};
pub use number::{parse_decimal, NumberError};
pub use plan::{Indicator, IndicatorKey, Plan, PlanError, Unit};
pub use preset::Preset;
pub use projection::{reaches, Projection};
pub use report::{Report, ReportKind, Unallocated, YearGrowth};
pub use scenario::{Base, BaseError, GrowthTable, IndicatorInputs, Scenario, Table};
pub use verdict::{judge_all, FloorBreach, Requirement, Status, TargetVerdict, UnitVerdict};

/// The interface language; a scenario link carries it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

/// Sorts a short list (a row per unit, at most a few dozen) stably by
/// `before`: an insertion sort, a few hundred bytes of wasm where the
/// standard library's stable sort brings kilobytes per element type.
pub fn sort_short<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod sort_tests {
    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        super::sort_short(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        super::sort_short(&mut empty, |a, b| a < b);
        assert!(empty.is_empty());
    }
}
