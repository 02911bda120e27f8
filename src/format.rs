//! How numbers read on the page: 亿元 with sensible precision, percentages
//! as people write them, and a true minus sign.

/// 亿元 with one decimal, two below 10: `562.3`, `8.40`. No unit.
pub fn yi(v: f64) -> String {
    let v = finite(v);
    let text = if v.abs() < 10.0 { format!("{v:.2}") } else { format!("{v:.1}") };
    minus(&text)
}

/// A figure the plan writes, without needless decimals: `560`, `237.5`.
pub fn yi_plain(v: f64) -> String {
    let text = format!("{:.2}", finite(v));
    let text = text.trim_end_matches('0').trim_end_matches('.');
    minus(text)
}

/// A growth in percent as a growth field shows it, two decimals: `12.50`,
/// `18.93`, `−3.00` (one rule for set, implied and required growth).
pub fn growth_text(percent: f64) -> String {
    minus(&format!("{:.2}", finite(percent)))
}

/// A growth the plan writes (a floor), without needless decimals, no
/// sign: `50`, `12.5`, `29.4`.
pub fn growth_plain(g: crate::model::Growth) -> String {
    let text = g.to_string();
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
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
    let text = minus(&format!("{:.*}", decimals, finite(v)));
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
    format!("{}%", minus(&format!("{up:.2}")))
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
    format!("{:.2}×", finite(v))
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
        assert_eq!(growth_plain(crate::model::Growth::from_bp(5000).unwrap()), "50");
        assert_eq!(growth_plain(crate::model::Growth::from_bp(1250).unwrap()), "12.5");
    }
}
