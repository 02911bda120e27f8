//! `data/plan.json` as Rust: `build.rs` checked the file with
//! [`super::plan::Plan::from_json`] and wrote it out as the value below,
//! which [`super::plan::Plan::shipped`] checks again.

use super::plan::{IndicatorKey, RawFloor, RawIndicator, RawPlan, Unit};

include!(concat!(env!("OUT_DIR"), "/shipped_plan.rs"));
