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
