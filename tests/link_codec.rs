//! The scenario link as a pure codec: round trips, malformed input with its
//! exact error, size limits, and golden links of every released version.

// Tests fail loudly on purpose.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use doubling_sandbox::model::codec::{base64url_decode, base64url_encode, crc32, Fragment};
use doubling_sandbox::model::uncertainty::{Coefficient, Outlook, Range, Sampler};
use doubling_sandbox::model::{
    judge_all, Base, Growth, IndicatorKey, Lang, LinkError, LinkState, Plan, Preset, Report, Scenario, Unallocated,
};
use proptest::prelude::*;

fn plan() -> Plan {
    Plan::shipped().unwrap()
}

fn g(p: f64) -> Growth {
    Growth::from_percent(p).unwrap()
}

fn state(scenario: Scenario, lang: Lang) -> LinkState {
    LinkState { scenario, lang, indicator: Some(IndicatorKey::Funds) }
}

/// A scenario in which every cell and every base differs from the default.
fn everything_changed(plan: &Plan) -> Scenario {
    let mut s = Scenario::default_for(plan);
    s.name = "全部改动的情景：每个单元格和每个基数都不同于默认值（最长情形）".repeat(2);
    for (k, key) in IndicatorKey::ALL.iter().enumerate() {
        let years = s.growth(*key).years();
        for u in 0..plan.units.len() {
            for y in 0..years {
                let bp = i32::try_from((u * 7 + y * 13 + k * 29) % 1800).unwrap() * 10 - 2990;
                s.growth_mut(*key).set(u, y, Growth::from_bp(bp).unwrap());
            }
            let b = s.bases(*key)[u] * 1.237 + 0.1234;
            s.set_base(*key, u, Base::new(b).unwrap());
        }
    }
    s
}

/// A workshop-like scenario: a few dozen cells changed, one base, a name.
fn typical(plan: &Plan) -> Scenario {
    let mut s = Scenario::default_for(plan);
    "县区会商方案 B（2024-03）".clone_into(&mut s.name);
    for u in 0..9 {
        s.growth_mut(IndicatorKey::Funds).set(u, 1, g(28.0 + f64::from(u32::try_from(u).unwrap())));
        s.growth_mut(IndicatorKey::ValueAdded).set(u, 3, g(25.5));
        s.growth_mut(IndicatorKey::Investment).set(u, 2, g(12.3));
    }
    s.growth_mut(IndicatorKey::Capacity).set(6, 0, g(40.0));
    s.growth_mut(IndicatorKey::Capacity).set(2, 1, g(22.5));
    s.set_base(IndicatorKey::Funds, 0, Base::new(31.25).unwrap());
    s
}

/// A scenario with real figures: sources, an unallocated part and every
/// kind of reported year.
fn reported(plan: &Plan) -> Scenario {
    let mut s = typical(plan);
    "2024年中期评估（已公布数据）".clone_into(&mut s.name);
    let funds = s.inputs_mut(IndicatorKey::Funds);
    funds.set_source("2023年统计公报，2024-03");
    funds.unallocated = Some(Unallocated { base: Base::new(18.5).unwrap(), growth: g(8.0) });
    funds.set_reported_years(1);
    funds.set_report(0, Report::CityLevel(Base::new(463.0).unwrap()));
    let inv = s.inputs_mut(IndicatorKey::Investment);
    inv.set_reported_years(1);
    inv.set_report(0, Report::CityGrowth(g(9.7)));
    let va = s.inputs_mut(IndicatorKey::ValueAdded);
    va.set_source("市统计局 2022年年报");
    va.set_reported_years(2);
    va.set_report(1, Report::UnitLevels((0..9u8).map(|u| Base::new(30.0 + f64::from(u) * 1.5).unwrap()).collect()));
    s
}

/// A scenario with uncertainty on: ρ and φ changed, ranges per cell,
/// asymmetric and zero, and one for an unallocated part.
fn uncertain(plan: &Plan) -> Scenario {
    let mut s = reported(plan);
    "区间情景（ρ=0.7，φ=0.1）".clone_into(&mut s.name);
    s.uncertainty.on = true;
    s.uncertainty.rho = Coefficient::new(0.7).unwrap();
    s.uncertainty.phi = Coefficient::new(0.1).unwrap();
    let va = s.inputs_mut(IndicatorKey::ValueAdded);
    va.ranges.set_where(Range::symmetric(500).unwrap(), |_, col| col == 3);
    va.ranges.set(2, 2, Range::from_bp(100, 450).unwrap());
    va.ranges.set(5, 2, Range::ZERO);
    s.inputs_mut(IndicatorKey::Funds).ranges.unallocated = Range::from_bp(0, 1200).unwrap();
    s
}

#[test]
fn round_trips_and_stays_compact() {
    let plan = plan();
    let default = Scenario::default_for(&plan);
    for (name, st) in [
        ("default", state(default.clone(), Lang::Zh)),
        ("default, English", state(default, Lang::En)),
        ("typical", state(typical(&plan), Lang::Zh)),
        ("everything", state(everything_changed(&plan), Lang::En)),
        ("reported", state(reported(&plan), Lang::Zh)),
        ("uncertain", state(uncertain(&plan), Lang::Zh)),
    ] {
        let code = st.encode(&plan);
        println!("{name}: {} characters", code.len());
        assert_eq!(LinkState::decode(&code, &plan).unwrap(), st, "{name}");
    }
    assert!(state(Scenario::default_for(&plan), Lang::Zh).encode(&plan).len() <= 27);
    assert!(state(uncertain(&plan), Lang::Zh).encode(&plan).len() < 600);
    assert!(state(reported(&plan), Lang::Zh).encode(&plan).len() < 500);
    assert!(state(typical(&plan), Lang::Zh).encode(&plan).len() < 300);
    assert!(state(everything_changed(&plan), Lang::En).encode(&plan).len() < 2000);
}

/// Re-encodes `bytes` with a correct checksum.
fn sealed(mut bytes: Vec<u8>) -> String {
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    base64url_encode(&bytes)
}

/// A version 4 body with nothing changed in any indicator, then `tail`
/// (the uncertainty block).
fn v4(tail: &[u8]) -> Vec<u8> {
    let mut bytes = vec![4, 0];
    bytes.extend([0; 12]);
    bytes.extend_from_slice(tail);
    bytes
}

#[test]
fn malformed_links_give_their_own_errors() {
    let plan = plan();
    let good = state(typical(&plan), Lang::Zh).encode(&plan);
    let good_bytes = base64url_decode(&good).unwrap();
    let mut flipped = good_bytes.clone();
    flipped[5] ^= 0x04;
    let mut one_char = good.clone().into_bytes();
    one_char[10] = if one_char[10] == b'A' { b'B' } else { b'A' };
    let cases: Vec<(String, LinkError)> = vec![
        (String::new(), LinkError::Empty),
        ("   ".into(), LinkError::Empty),
        ("abc!def".into(), LinkError::BadCharacter { position: 3, character: '!' }),
        ("链接".into(), LinkError::BadCharacter { position: 0, character: '链' }),
        ("AQA".into(), LinkError::TooShort { bytes: 2 }),
        (good[..good.len() - 8].to_owned(), LinkError::Checksum),
        (base64url_encode(&flipped), LinkError::Checksum),
        (String::from_utf8(one_char).unwrap(), LinkError::Checksum),
        (sealed(vec![5, 0, 0, 0, 0, 0, 0, 0, 0, 0]), LinkError::FutureVersion(5)),
        (sealed(v4(&[])), LinkError::Malformed("ends inside the uncertainty block".into())),
        (sealed(v4(&[8])), LinkError::Malformed("unknown uncertainty flags are set".into())),
        (sealed(v4(&[2, 101, 30])), LinkError::Malformed("ρ is above 1".into())),
        (sealed(v4(&[2, 50])), LinkError::Malformed("ends inside φ".into())),
        // ±180.01 points: 2 × 18001 = 36002 = varint [0xA2, 0x99, 0x02].
        (sealed(v4(&[4, 1, 0, 0xA2, 0x99, 0x02])), LinkError::Malformed("funds: a range is out of range".into())),
        (sealed(v4(&[4, 20])), LinkError::Malformed("funds: more changed ranges than cells".into())),
        (sealed(v4(&[4, 1, 19, 2])), LinkError::Malformed("funds: a range index is out of range".into())),
        (sealed(v4(&[4, 0, 0, 0])), LinkError::Malformed("ends inside a range count".into())),
        (sealed(vec![3, 16, 0, 0, 0, 0, 0, 0, 0, 0]), LinkError::Malformed("unknown flags are set".into())),
        (sealed(vec![2, 4, 0, 0, 0, 0, 0, 0, 0, 0]), LinkError::Malformed("unknown flags are set".into())),
        (
            sealed(vec![2, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: unknown extras are set".into()),
        ),
        (
            sealed(vec![2, 0, 0, 0, 4, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: the reported years' count is out of range".into()),
        ),
        (
            sealed(vec![2, 0, 0, 0, 4, 1, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: a reported year's kind is unknown".into()),
        ),
        (
            sealed(vec![2, 0, 0, 0, 1, 3, b' ', b'a', b' ', 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: the source is not one short trimmed line".into()),
        ),
        // An unallocated growth of 15010 bp.
        (
            sealed(vec![2, 0, 0, 0, 2, 1, 0xC4, 0xEA, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: the unallocated growth is out of range".into()),
        ),
        (sealed(vec![2, 0, 0, 0, 4, 1, 1, 5]), LinkError::Malformed("ends inside a reported level".into())),
        (sealed(vec![0, 0]), LinkError::UnknownVersion(0)),
        (sealed(vec![1, 4, 0, 0, 0, 0, 0, 0, 0, 0]), LinkError::Malformed("unknown flags are set".into())),
        (sealed(vec![1, 0, 0, 0, 0, 0, 0, 0, 0]), LinkError::Malformed("ends inside a base count".into())),
        (
            sealed(vec![1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]),
            LinkError::Malformed("there are bytes after the scenario".into()),
        ),
        (
            sealed(vec![1, 0, 1, 18, 2, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: a cell index is out of range".into()),
        ),
        // 15010 bp: zigzag 30020 = varint [0xC4, 0xEA, 0x01].
        (
            sealed(vec![1, 0, 1, 0, 0xC4, 0xEA, 0x01, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: a growth rate is out of range".into()),
        ),
        (
            sealed(vec![1, 0, 19, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: more changed cells than cells".into()),
        ),
        (
            sealed(vec![1, 2, 2, 0xFF, 0xFE, 0, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("the name is not UTF-8".into()),
        ),
        (sealed(vec![1, 2, 0]), LinkError::Malformed("the name's length is out of range".into())),
        (
            sealed(vec![1, 0, 0, 1, 9, 1, 0, 0, 0, 0, 0, 0, 0]),
            LinkError::Malformed("funds: a unit index is out of range".into()),
        ),
        (
            sealed(vec![1, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
            LinkError::Malformed("a base count is too long".into()),
        ),
    ];
    for (code, want) in cases {
        assert_eq!(LinkState::decode(&code, &plan), Err(want.clone()), "{code:?}");
        // Every error has a message to show.
        assert!(!want.to_string().is_empty());
    }
    assert!(LinkState::decode(&good, &plan).is_ok());
}

#[test]
fn fragments_carry_the_code() {
    let plan = plan();
    let code = state(typical(&plan), Lang::En).encode(&plan);
    let url = format!("https://intranet.example/sandbox/index.html#s={code}");
    let frag: Fragment = url.parse().unwrap();
    assert_eq!(frag.0, code);
    assert_eq!(LinkState::decode(&frag.0, &plan).unwrap().lang, Lang::En);
}

fn arb_state() -> impl Strategy<Value = LinkState> {
    let plan = Plan::shipped().unwrap();
    let cells: usize = IndicatorKey::ALL.iter().map(|k| plan.units.len() * plan.year_count(*k)).sum();
    (
        prop::collection::vec(prop::option::weighted(0.3, -3000i32..=15000), cells),
        prop::collection::vec(prop::option::weighted(0.2, 0u64..=100_000_000), plan.units.len() * 4),
        "[a-zA-Z0-9 县区方案（）-]{0,30}",
        (any::<bool>(), 0usize..4),
        (
            any::<bool>(),
            0u64..=100,
            0u64..=100,
            prop::collection::vec(
                prop::option::weighted(0.15, (0i64..=18_000, 0i64..=18_000, any::<bool>())),
                cells + 4,
            ),
        ),
        prop::collection::vec(
            (
                "[a-z0-9年统计公报，-]{0,20}",
                prop::option::of((0u64..=10_000_000, -3000i32..=15000)),
                0usize..=5,
                prop::collection::vec((0u8..4, -3000i32..=15000, prop::collection::vec(0u64..=10_000_000, 9)), 5),
            ),
            4,
        ),
    )
        .prop_map(move |(growth, bases, name, (en, view), (on, rho, phi, ranges), extras)| {
            let mut s = Scenario::default_for(&plan);
            s.name = name;
            s.uncertainty.on = on;
            s.uncertainty.rho = Coefficient::from_hundredths(rho).unwrap();
            s.uncertainty.phi = Coefficient::from_hundredths(phi).unwrap();
            let mut ranges = ranges.into_iter();
            for key in IndicatorKey::ALL {
                let years = s.growth(key).years();
                let table = &mut s.inputs_mut(key).ranges;
                for i in 0..plan.units.len() * years {
                    if let Some(Some((low, high, symmetric))) = ranges.next() {
                        let r = if symmetric { Range::symmetric(low) } else { Range::from_bp(low, high) };
                        table.set(i / years, i % years, r.unwrap());
                    }
                }
                if let Some(Some((low, high, _))) = ranges.next() {
                    table.unallocated = Range::from_bp(low, high).unwrap();
                }
            }
            let mut i = 0;
            for key in IndicatorKey::ALL {
                let years = s.growth(key).years();
                for u in 0..plan.units.len() {
                    for y in 0..years {
                        if let Some(bp) = growth[i] {
                            s.growth_mut(key).set(u, y, Growth::from_bp(bp).unwrap());
                        }
                        i += 1;
                    }
                }
            }
            for (j, b) in bases.iter().enumerate() {
                if let Some(wan) = b {
                    s.set_base(
                        IndicatorKey::ALL[j / plan.units.len()],
                        j % plan.units.len(),
                        Base::from_wan(*wan).unwrap(),
                    );
                }
            }
            for (key, (source, rest, n, reports)) in IndicatorKey::ALL.into_iter().zip(extras) {
                let inputs = s.inputs_mut(key);
                inputs.set_source(&source);
                inputs.unallocated = rest.map(|(wan, bp)| Unallocated {
                    base: Base::from_wan(wan).unwrap(),
                    growth: Growth::from_bp(bp).unwrap(),
                });
                inputs.set_reported_years(n);
                for (col, (kind, bp, levels)) in reports.into_iter().enumerate().take(inputs.reported_years()) {
                    let report = match kind {
                        0 => Report::UnitGrowth,
                        1 => Report::UnitLevels(levels.into_iter().map(|w| Base::from_wan(w).unwrap()).collect()),
                        2 => Report::CityGrowth(Growth::from_bp(bp).unwrap()),
                        _ => Report::CityLevel(Base::from_wan(levels[0]).unwrap()),
                    };
                    inputs.set_report(col, report);
                }
            }
            LinkState {
                scenario: s,
                lang: if en { Lang::En } else { Lang::Zh },
                indicator: Some(IndicatorKey::ALL[view]),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn decode_inverts_encode(st in arb_state()) {
        let plan = Plan::shipped().unwrap();
        let code = st.encode(&plan);
        prop_assert!(code.len() < 2000);
        prop_assert_eq!(LinkState::decode(&code, &plan).unwrap(), st);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let plan = Plan::shipped().unwrap();
        let _ = LinkState::decode(&base64url_encode(&bytes), &plan);
        // With a valid checksum too, so the parser itself is exercised.
        let mut sealed_bytes = bytes.clone();
        if let Some(first) = sealed_bytes.first_mut() { *first = 1; }
        let _ = LinkState::decode(&sealed(sealed_bytes), &plan);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let plan = Plan::shipped().unwrap();
        let _ = LinkState::decode(&text, &plan);
        let _ = text.parse::<Fragment>();
    }
}

/// Golden links: `tests/golden/links/v{N}/{name}.json` holds a link code of
/// format version N and the verdicts it must still produce; `{name}` is the
/// code itself, or its first 60 characters and its CRC-32 where the code is
/// too long for a file name. A mismatch writes `{name}.actual.json` beside it. Set `UPDATE_GOLDEN=1` to add the current
/// version's fixtures for the scenarios below (never to change old ones).
#[test]
fn golden_links_of_every_released_version_still_open() {
    let plan = plan();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/links");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let dir = root.join(format!("v{}", doubling_sandbox::model::codec::CURRENT_VERSION));
        std::fs::create_dir_all(&dir).unwrap();
        let mut zero = Scenario::default_for(&plan);
        for key in IndicatorKey::ALL {
            *zero.growth_mut(key) = Preset::Zero.table(&plan, key);
        }
        zero.set_base(IndicatorKey::Capacity, 6, Base::new(500.0).unwrap());
        for st in [
            state(Scenario::default_for(&plan), Lang::Zh),
            state(Scenario::default_for(&plan), Lang::En),
            state(typical(&plan), Lang::Zh),
            state(zero, Lang::Zh),
            state(everything_changed(&plan), Lang::En),
            state(reported(&plan), Lang::Zh),
            LinkState { indicator: Some(IndicatorKey::ValueAdded), ..state(typical(&plan), Lang::En) },
            state(uncertain(&plan), Lang::Zh),
            LinkState { indicator: Some(IndicatorKey::Capacity), ..state(uncertain(&plan), Lang::En) },
        ] {
            let code = st.encode(&plan);
            let name = if code.len() <= 120 {
                code.clone()
            } else {
                format!("{}-{:08x}", &code[..60], crc32(code.as_bytes()))
            };
            std::fs::write(dir.join(format!("{name}.json")), expected_json(&plan, &code, &st)).unwrap();
        }
    }
    let mut checked = 0;
    for version in std::fs::read_dir(&root).unwrap() {
        for entry in std::fs::read_dir(version.unwrap().path()).unwrap() {
            let path: PathBuf = entry.unwrap().path();
            let file = path.file_name().unwrap().to_str().unwrap().to_owned();
            if path.extension().and_then(|e| e.to_str()) != Some("json") || file.ends_with(".actual.json") {
                continue;
            }
            let want: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let code = want["code"].as_str().unwrap();
            assert!(file.starts_with(&code[..code.len().min(60)]), "{file} is not named after its code");
            let st = LinkState::decode(code, &plan).unwrap_or_else(|e| panic!("{file}: {e}"));
            if version_dir_is_current(&path) {
                // The writer is stable too: today's links look like yesterday's.
                assert_eq!(st.encode(&plan), code, "{file}: the encoder now writes another code");
            }
            let got: serde_json::Value = serde_json::from_str(&expected_json(&plan, code, &st)).unwrap();
            if !close_json(&want, &got) {
                std::fs::write(path.with_extension("actual.json"), got.to_string()).unwrap();
                panic!("{file}: verdicts changed; see the .actual.json beside it");
            }
            checked += 1;
        }
    }
    assert!(checked >= 27, "only {checked} golden links");
}

fn version_dir_is_current(path: &Path) -> bool {
    let dir = path.parent().and_then(Path::file_name).and_then(|d| d.to_str()).unwrap_or_default();
    dir == format!("v{}", doubling_sandbox::model::codec::CURRENT_VERSION)
}

fn expected_json(plan: &Plan, code: &str, st: &LinkState) -> String {
    let sampler = Sampler::new();
    let verdicts: Vec<serde_json::Value> = judge_all(plan, &st.scenario)
        .iter()
        .map(|v| {
            let mut j = serde_json::json!({
                "indicator": v.indicator.as_str(),
                "status": v.status.as_str(),
                "projected": v.projected,
                "units_doubled": v.units_doubled(),
                "floor_breaches": v.breaches.len(),
                "required": v.required.percent(),
            });
            // Links since version 4 may switch uncertainty on: the same
            // draws must give the same probability.
            if st.scenario.uncertainty.on {
                j["probability"] = Outlook::of(plan, &st.scenario, v.indicator, &sampler).target.p.into();
            }
            j
        })
        .collect();
    let lang = if st.lang == Lang::En { "en" } else { "zh" };
    serde_json::to_string_pretty(
        &serde_json::json!({ "code": code, "name": st.scenario.name, "lang": lang, "verdicts": verdicts }),
    )
    .unwrap()
}

/// Equal, with numbers within 1e-9 relative.
fn close_json(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (V::Number(x), V::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
        }
        (V::Array(x), V::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| close_json(p, q)),
        (V::Object(x), V::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close_json(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn a_link_opens_on_the_indicator_that_was_on_screen_and_older_links_on_the_first() {
    let plan = plan();
    for key in IndicatorKey::ALL {
        let st = LinkState { scenario: typical(&plan), lang: Lang::Zh, indicator: Some(key) };
        let code = st.encode(&plan);
        assert_eq!(LinkState::decode(&code, &plan).unwrap().indicator, Some(key));
        // Byte 1 holds it in bits 2–3.
        let bytes = doubling_sandbox::model::codec::base64url_decode(&code).unwrap();
        assert_eq!(bytes[0], doubling_sandbox::model::codec::CURRENT_VERSION);
        assert_eq!(usize::from(bytes[1] >> 2), key.index());
    }
    // A version 2 link (from tests/golden/links/v2): the first indicator.
    let v2 = "AgAAAAAAAAAAAAAAAABqvdUw";
    assert_eq!(LinkState::decode(v2, &plan).unwrap().indicator, Some(IndicatorKey::Funds));
}
