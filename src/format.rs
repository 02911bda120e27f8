//! How numbers read on the page: 亿元 with sensible precision, percentages
//! as people write them, and a true minus sign.

/// 亿元 with one decimal, two below 10: `562.3`, `8.40`. No unit.
pub fn yi(v: f64) -> String {
    let v = finite(v);
    let text = if v.abs() < 10.0 { fixed(v, 2) } else { fixed(v, 1) };
    minus(&text)
}

/// A figure the plan writes, without needless decimals: `560`, `237.5`.
pub fn yi_plain(v: f64) -> String {
    minus(trim_zeros(&fixed(finite(v), 2)))
}

/// A growth in percent as a growth field shows it, two decimals: `12.50`,
/// `18.93`, `−3.00` (one rule for set, implied and required growth).
pub fn growth_text(percent: f64) -> String {
    minus(&fixed(finite(percent), 2))
}

/// A growth the plan writes (a floor), without needless decimals, no
/// sign: `50`, `12.5`, `29.4`.
pub fn growth_plain(g: crate::model::Growth) -> String {
    trim_zeros(&g.to_string()).to_owned()
}

/// A decimal without the zeros after its point that say nothing, nor a
/// point left bare: `12.50` → `12.5`, `3.00` → `3`, `250` stays.
pub fn trim_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// A tick at `v` on an axis whose ticks are `step` apart: as many decimals
/// as the step needs (`0.005` apart: `0.015`), none needless, so that no
/// two ticks read the same; a true minus sign, no plus.
pub fn tick(v: f64, step: f64) -> String {
    let places = if step.is_finite() && step > 0.0 {
        // Clamped to 0 … 6, so the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let places = (-step.log10() - 1e-9).ceil().clamp(0.0, 6.0) as usize;
        places
    } else {
        2
    };
    minus(trim_zeros(&fixed(finite(v), places)))
}

/// 亿元 with an explicit sign: `+2.3`, `−12.0`.
pub fn signed_yi(v: f64) -> String {
    let text = yi(v);
    if text.starts_with('−') || is_zero_text(&text) {
        text
    } else {
        format!("+{text}")
    }
}

/// Percent with an explicit sign and `decimals` places: `+2.2%`, `−0.4%`.
pub fn signed_pct(v: f64, decimals: usize) -> String {
    let text = minus(&fixed(finite(v), decimals));
    if text.starts_with('−') || is_zero_text(&text) {
        format!("{text}%")
    } else {
        format!("+{text}%")
    }
}

/// A growth still required, rounded *up* to two decimals so that setting
/// the shown figure does reach the goal: `+29.40%`, `+33.34%`.
pub fn required_pct(v: f64) -> String {
    let up = (finite(v) * 100.0 - 1e-6).ceil() / 100.0;
    signed_pct(up, 2)
}

/// A growth still required, rounded *up* to two decimals, with a sign only
/// when negative: `29.40%`, `33.34%`, `−5.00%`. Shown after "需", where a
/// plus sign would read as points on top of the current rate.
pub fn required_rate(v: f64) -> String {
    let up = (finite(v) * 100.0 - 1e-6).ceil() / 100.0;
    format!("{}%", minus(&fixed(up, 2)))
}

/// A scenario's name as shown, or `untitled` (未命名情景) when it has none.
pub fn shown_name<'a>(name: &'a str, untitled: &'a str) -> &'a str {
    let name = name.trim();
    if name.is_empty() {
        untitled
    } else {
        name
    }
}

/// The part of a file name that says which scenario: its name, or the
/// word for an untitled one with the date (`未命名情景_2026-12-01`).
pub fn file_stem(name: &str, untitled: &str, date: &str) -> String {
    if name.trim().is_empty() {
        format!("{untitled}_{date}")
    } else {
        shown_name(name, untitled).to_owned()
    }
}

/// A multiple of the base: `2.00×`.
pub fn multiple(v: f64) -> String {
    format!("{}×", fixed(finite(v), 2))
}

/// `v` with `decimals` places (at most 9), exactly as `format!("{v:.N}")`
/// writes it: the binary value's exact decimal expansion, rounded half to
/// even, `-` kept on negative zero. Written out here because core's float
/// formatting (Grisu with a bignum fallback) cost the page's wasm 7 KB
/// gzip (measured), and every figure the page shows has a fixed number of places.
pub fn fixed(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        return "NaN".to_owned();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v.is_infinite() {
        return format!("{sign}inf");
    }
    let places = decimals.min(9);
    let power = u32::try_from(places).unwrap_or(9);
    let bits = v.to_bits();
    let (exp, frac) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    // v = mantissa · 2^e exactly.
    let (mantissa, e) = if exp == 0 { (frac, -1074) } else { (frac | 1 << 52, i64::try_from(exp).unwrap_or(0) - 1075) };
    let pow = 10u128.pow(power);
    // Below 2^53 · 10^9 < 2^83.
    let scaled = u128::from(mantissa) * pow;
    let digits = if e >= 0 {
        let shift = u32::try_from(e).unwrap_or(u32::MAX);
        if shift <= 44 {
            (scaled << shift).to_string()
        } else {
            // Past 2^97 (never a figure here): the integer doubled digit by digit.
            let mut digits: Vec<u8> = scaled.to_string().bytes().rev().map(|b| b - b'0').collect();
            for _ in 0..shift {
                let mut carry = 0;
                for x in &mut digits {
                    let twice = *x * 2 + carry;
                    *x = twice % 10;
                    carry = twice / 10;
                }
                if carry > 0 {
                    digits.push(carry);
                }
            }
            digits.iter().rev().map(|x| char::from(b'0' + x)).collect()
        }
    } else {
        let shift = u32::try_from(-e).unwrap_or(u32::MAX);
        let q = if shift >= 128 {
            // scaled < 2^83 is less than half of 2^shift.
            0
        } else {
            let (q, rest, half) = (scaled >> shift, scaled & ((1 << shift) - 1), 1u128 << (shift - 1));
            if rest > half || (rest == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        };
        q.to_string()
    };
    if places == 0 {
        return format!("{sign}{digits}");
    }
    let digits = format!("{digits:0>width$}", width = places + 1);
    let (whole, part) = digits.split_at(digits.len() - places);
    format!("{sign}{whole}.{part}")
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// Whether a formatted number reads as zero (`0.00`, `−0.0`).
pub fn is_zero_text(text: &str) -> bool {
    text.chars().all(|c| c == '0' || c == '.' || c == '−')
}

/// Replaces a leading ASCII hyphen by U+2212 and turns "−0.0" into "0.0".
fn minus(text: &str) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_owned(),
        Some(rest) => format!("−{rest}"),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(yi(562.345), "562.3");
        assert_eq!(yi(8.4), "8.40");
        assert_eq!(yi(-12.04), "−12.0");
        assert_eq!(yi(-0.001), "0.00");
        assert_eq!(yi(f64::NAN), "0.00");
        assert_eq!(signed_yi(2.3), "+2.30");
        assert_eq!(signed_yi(-140.0), "−140.0");
        assert_eq!(signed_pct(2.24, 1), "+2.2%");
        assert_eq!(signed_pct(-25.0, 1), "−25.0%");
        assert_eq!(signed_pct(0.0, 1), "0.0%");
        assert_eq!(required_pct(29.399_6), "+29.40%");
        assert_eq!(required_pct(100.0 / 3.0), "+33.34%");
        assert_eq!(required_pct(50.0), "+50.00%");
        assert_eq!(multiple(2.0), "2.00×");
        assert_eq!(file_stem("  第一组 ", "未命名情景", "2026-12-01"), "第一组");
        assert_eq!(file_stem(" ", "未命名情景", "2026-12-01"), "未命名情景_2026-12-01");
        assert_eq!(required_rate(29.399_6), "29.40%");
        assert_eq!(required_rate(100.0 / 3.0), "33.34%");
        assert_eq!(required_rate(-5.0), "−5.00%");
        assert!(is_zero_text(&yi(0.004)));
        assert!(!is_zero_text(&yi(0.006)));
        assert_eq!(yi_plain(560.0), "560");
        assert_eq!(yi_plain(237.5), "237.5");
        assert_eq!(yi_plain(1.25), "1.25");
        assert_eq!(trim_zeros("12.50"), "12.5");
        assert_eq!(trim_zeros("3.00"), "3");
        assert_eq!(trim_zeros("250"), "250");
        assert_eq!(tick(0.015, 0.005), "0.015");
        assert_eq!(tick(0.01, 0.005), "0.01");
        assert_eq!(tick(0.1 + 0.2, 0.1), "0.3");
        assert_eq!(tick(-20.0, 10.0), "−20");
        assert_eq!(tick(250.0, 50.0), "250");
        assert_eq!(tick(-0.000_1, 0.005), "0");
        assert_eq!(growth_plain(crate::model::Growth::from_bp(5000).unwrap()), "50");
        assert_eq!(growth_plain(crate::model::Growth::from_bp(1250).unwrap()), "12.5");
        // The sliders' values: as the browser writes a number.
        for bp in [-3000, -300, -1, 0, 1, 10, 3334, 5000, 15000] {
            let g = crate::model::Growth::from_bp(bp).unwrap();
            assert_eq!(growth_plain(g), g.percent().to_string());
        }
    }

    /// `fixed` against core's own `{:.N}` on the cases where rounding is
    /// decided: exact ties, the neighbours of ties, negative zero,
    /// subnormals, huge values and the figures the page shows.
    #[test]
    fn fixed_writes_what_core_writes() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.125,
            0.375,
            -0.125,
            0.25,
            0.75,
            1.005,
            2.675,
            560.25,
            560.35,
            1e-9,
            5e-324,
            -5e-324,
            2.2e-308,
            1e15,
            9.007_199_254_740_993e15,
            1.8e19,
            3.4e38,
            1.7e308,
            -1.7e308,
            0.045,
            0.055,
            99.995,
            99.994_999,
            33.34,
            100.0 / 3.0,
            2250.2,
            475.0,
            -12.04,
            0.004,
            0.006,
        ];
        for i in 0..2000 {
            let v = f64::from(i) / 8.0 - 125.0;
            values.extend([v, v / 100.0, v / 1000.0, v.next_up(), v.next_down()]);
        }
        for v in values {
            for d in 0..=6 {
                assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} to {d} places");
            }
        }
        assert_eq!(fixed(f64::NAN, 2), format!("{:.2}", f64::NAN));
        assert_eq!(fixed(f64::INFINITY, 2), format!("{:.2}", f64::INFINITY));
        assert_eq!(fixed(f64::NEG_INFINITY, 1), format!("{:.1}", f64::NEG_INFINITY));
    }
}

#[cfg(test)]
mod fixed_props {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Any finite or infinite f64, any number of places up to 9.
        #[test]
        fn fixed_is_core_formatting(bits in any::<u64>(), d in 0usize..=9) {
            let v = f64::from_bits(bits);
            prop_assume!(!v.is_nan());
            prop_assert_eq!(super::fixed(v, d), format!("{v:.d$}"));
        }

        /// Page-sized figures, where ties and near-ties are common.
        #[test]
        fn fixed_is_core_formatting_for_figures(n in -10_000_000i64..10_000_000, scale in 0u32..6, d in 0usize..=4) {
            #[allow(clippy::cast_precision_loss)]
            let v = n as f64 / f64::from(10u32.pow(scale));
            prop_assert_eq!(super::fixed(v, d), format!("{v:.d$}"));
        }
    }
}
