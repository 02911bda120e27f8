//! Checks `data/plan.json` with the crate's own plan rules (the model's
//! `plan`, `growth` and `number` modules, compiled here as they are) and
//! fails the build with the same message the page would show; then writes
//! the file's contents as Rust (`$OUT_DIR/shipped_plan.rs`), so that the
//! page carries no JSON parser for its plan.

// A build script fails the build by panicking, with the reason.
#![allow(clippy::expect_used)]

use std::fmt::Write as _;

#[allow(dead_code, clippy::all, clippy::pedantic)]
#[path = "src/model/number.rs"]
mod number;

#[allow(dead_code, clippy::all, clippy::pedantic)]
#[path = "src/model/growth.rs"]
mod growth;

#[allow(dead_code, clippy::all, clippy::pedantic)]
#[path = "src/model/plan.rs"]
mod plan;

/// What `plan::Plan::shipped` reads in the crate; never called here.
#[allow(dead_code)]
mod shipped_plan {
    pub(crate) fn shipped_raw() -> crate::plan::RawPlan {
        unreachable!("the build script reads the JSON file")
    }
}

fn main() {
    println!("cargo::rerun-if-changed=data/plan.json");
    for f in ["src/model/plan.rs", "src/model/growth.rs", "src/model/number.rs"] {
        println!("cargo::rerun-if-changed={f}");
    }
    if let Err(e) = plan::Plan::from_json(plan::SHIPPED_PLAN_JSON) {
        panic!("data/plan.json: {e}");
    }
    // Checked: write what it holds. The shape is the file's (RawPlan);
    // a field the code gains and this misses fails to compile.
    let v: serde_json::Value = serde_json::from_str(plan::SHIPPED_PLAN_JSON).expect("checked above");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("shipped_plan.rs");
    std::fs::write(out, rust_source(&v)).expect("OUT_DIR is writable");
}

fn text(v: &serde_json::Value, key: &str) -> String {
    format!("{:?}.to_owned()", v[key].as_str().expect("checked: a string"))
}

fn number(v: &serde_json::Value) -> String {
    // Debug prints the shortest text that reads back as the same f64.
    format!("{:?}_f64", v.as_f64().expect("checked: a number"))
}

fn int(v: &serde_json::Value, key: &str) -> u64 {
    v[key].as_u64().expect("checked: an integer")
}

fn list(v: &serde_json::Value) -> &Vec<serde_json::Value> {
    v.as_array().expect("checked: a list")
}

fn rust_source(v: &serde_json::Value) -> String {
    let mut s = String::from("/// `data/plan.json`, checked by build.rs.\n#[allow(clippy::too_many_lines, clippy::unreadable_literal)]\npub(crate) fn shipped_raw() -> RawPlan {\n    RawPlan {\n");
    let _ = writeln!(s, "        format: {},", int(v, "format"));
    for key in ["title_zh", "title_en", "source_zh", "source_en"] {
        let _ = writeln!(s, "        {key}: {},", text(v, key));
    }
    let _ = writeln!(s, "        base_year: {},", int(v, "base_year"));
    s.push_str("        units: vec![\n");
    for u in list(&v["units"]) {
        let fields: Vec<String> = ["id", "name_zh", "name_en", "short_en", "full_zh"]
            .iter()
            .map(|k| format!("{k}: {}", text(u, k)))
            .collect();
        let _ = writeln!(s, "            Unit {{ {} }},", fields.join(", "));
    }
    s.push_str("        ],\n        indicators: vec![\n");
    for ind in list(&v["indicators"]) {
        let key = ind["key"].as_str().expect("checked: a key");
        let variant: String = key.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
        s.push_str("            RawIndicator {\n");
        let _ = writeln!(s, "                key: IndicatorKey::{variant},");
        for k in ["name_zh", "short_zh", "name_en", "short_en"] {
            let _ = writeln!(s, "                {k}: {},", text(ind, k));
        }
        let _ = writeln!(s, "                target_year: {},", int(ind, "target_year"));
        let _ = writeln!(s, "                city_target: {},", number(&ind["city_target"]));
        let floors: Vec<String> = list(&ind["floors"])
            .iter()
            .map(|f| {
                format!(
                    "RawFloor {{ year: {}, min_growth_percent: {} }}",
                    int(f, "year"),
                    number(&f["min_growth_percent"])
                )
            })
            .collect();
        let _ = writeln!(s, "                floors: vec![{}],", floors.join(", "));
        let shares: Vec<String> = list(&ind["default_shares_percent"]).iter().map(number).collect();
        let _ = writeln!(s, "                default_shares_percent: vec![{}],", shares.join(", "));
        s.push_str("            },\n");
    }
    s.push_str("        ],\n    }\n}\n");
    s
}
