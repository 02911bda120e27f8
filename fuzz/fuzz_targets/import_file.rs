//! Any text as a scenario file: accepted whole or refused, never a panic.
#![no_main]

use std::sync::OnceLock;

use doubling_sandbox::model::{file, Plan};
use libfuzzer_sys::fuzz_target;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| Plan::shipped().expect("the shipped plan parses"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(state) = file::from_json(plan(), text) {
            let again = file::from_json(plan(), &file::to_json(plan(), &state)).expect("exported file imports");
            assert_eq!(again, state);
        }
    }
});
