//! Any text as a pasted chat: the link finder must never panic, every link
//! it finds must be a code that opens to what it reports, and every code it
//! refuses must fail to open with the error it gives.
#![no_main]

use std::sync::OnceLock;

use doubling_sandbox::model::workshop::find_links;
use doubling_sandbox::model::{LinkState, Plan};
use libfuzzer_sys::fuzz_target;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| Plan::shipped().expect("the shipped plan parses"))
}

fuzz_target!(|data: &[u8]| {
    let plan = plan();
    let Ok(text) = std::str::from_utf8(data) else { return };
    let found = find_links(text, plan);
    for link in &found.links {
        assert_eq!(LinkState::decode(&link.code, plan).as_ref(), Ok(&link.state));
    }
    for refused in &found.refused {
        assert_eq!(LinkState::decode(&refused.code, plan), Err(refused.error.clone()));
    }
});
