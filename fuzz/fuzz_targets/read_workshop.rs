//! Any bytes as a workshop file: the reader must answer Ok or Err, never
//! panic; and whatever it accepts must write back to a file that reads to
//! the same workshop.
#![no_main]

use std::sync::OnceLock;

use doubling_sandbox::model::workshop::store::{from_json, to_json};
use doubling_sandbox::model::Plan;
use libfuzzer_sys::fuzz_target;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| Plan::shipped().expect("the shipped plan parses"))
}

fuzz_target!(|data: &[u8]| {
    let plan = plan();
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(workshop) = from_json(plan, text) {
        assert_eq!(from_json(plan, &to_json(plan, &workshop)).as_ref(), Ok(&workshop));
    }
});
