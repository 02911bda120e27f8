//! Any text as a scenario link: the decoder must answer Ok or Err, never
//! panic; and whatever it accepts must encode back to a link that decodes
//! to the same scenario.
#![no_main]

use std::sync::OnceLock;

use doubling_sandbox::model::{LinkState, Plan};
use libfuzzer_sys::fuzz_target;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| Plan::shipped().expect("the shipped plan parses"))
}

fuzz_target!(|data: &[u8]| {
    let plan = plan();
    // As text, the way a link arrives.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(state) = LinkState::decode(text, plan) {
            let again = LinkState::decode(&state.encode(plan), plan).expect("re-encoded link decodes");
            assert_eq!(again, state);
        }
    }
    // As bytes with a valid checksum, so the parser behind the checksum is reached.
    let mut bytes = data.to_vec();
    let crc = doubling_sandbox::model::codec::crc32(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    let code = doubling_sandbox::model::codec::base64url_encode(&bytes);
    if let Ok(state) = LinkState::decode(&code, plan) {
        let again = LinkState::decode(&state.encode(plan), plan).expect("re-encoded link decodes");
        assert_eq!(again, state);
    }
});
