//! Reading numbers the way planners type or paste them.
//!
//! Accepts ASCII and full-width digits (１２.５), full-width signs and
//! points, a trailing `%` or `％`, surrounding spaces (including the
//! ideographic space), thousands separators (`1,234.5`) and a decimal comma
//! (`12,5`). Anything else is an error that names what was wrong; nothing
//! here panics and nothing returns NaN or infinity.

use thiserror::Error;

/// Why a piece of text is not a number.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum NumberError {
    /// Nothing but white space.
    #[error("empty")]
    Empty,
    /// Text that is not a finite decimal number; holds the text as typed.
    #[error("not a number: {0}")]
    NotANumber(String),
}

/// Replaces full-width and typographic characters by their ASCII forms and
/// drops white space and one trailing percent sign.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mapped = match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
            '．' | '。' => Some('.'),
            '，' | '、' => Some(','),
            '－' | '−' | '–' | '—' => Some('-'),
            '＋' => Some('+'),
            '％' => Some('%'),
            c if c.is_whitespace() => None,
            c => Some(c),
        };
        if let Some(m) = mapped {
            out.push(m);
        }
    }
    if out.ends_with('%') {
        out.pop();
    }
    out
}

/// True when every comma in `digits` separates groups of exactly three
/// digits, as in `1,234,567.8`.
fn is_thousands_grouping(digits: &str) -> bool {
    let int_part = digits.split('.').next().unwrap_or("");
    let mut groups = int_part.split(',');
    let first = groups.next().unwrap_or("");
    !first.is_empty() && first.len() <= 3 && groups.all(|g| g.len() == 3)
}

/// Parses a decimal number as a person would type it.
///
/// # Errors
///
/// [`NumberError::Empty`] for blank text, [`NumberError::NotANumber`] for
/// anything that is not a finite decimal number.
pub fn parse_decimal(text: &str) -> Result<f64, NumberError> {
    let s = normalise(text);
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    let unsigned = s.trim_start_matches(['+', '-']);
    let commas = unsigned.matches(',').count();
    let cleaned = if commas == 0 {
        s.clone()
    } else if !unsigned.contains('.') && commas == 1 && looks_like_decimal_comma(unsigned) {
        s.replace(',', ".")
    } else if is_thousands_grouping(unsigned) {
        s.replace(',', "")
    } else {
        return Err(NumberError::NotANumber(text.trim().to_owned()));
    };
    let valid_chars =
        cleaned.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '+' || c == '-')));
    let has_digit = cleaned.chars().any(|c| c.is_ascii_digit());
    if !valid_chars || !has_digit || cleaned.matches('.').count() > 1 {
        return Err(NumberError::NotANumber(text.trim().to_owned()));
    }
    match read_float(&cleaned) {
        v if v.is_finite() => Ok(if v == 0.0 { 0.0 } else { v }),
        _ => Err(NumberError::NotANumber(text.trim().to_owned())),
    }
}

/// The nearest `f64` to a checked decimal (an optional sign, digits, at
/// most one point), NaN if none. In the browser its own `parseFloat`,
/// which rounds as Rust does: core's parser brings a 10 KB table of powers
/// into the page's first load.
#[cfg(target_arch = "wasm32")]
fn read_float(checked: &str) -> f64 {
    js_sys::Number::parse_float(checked)
}

#[cfg(not(target_arch = "wasm32"))]
fn read_float(checked: &str) -> f64 {
    checked.parse().unwrap_or(f64::NAN)
}

/// A single comma followed by one, two or more than three digits reads as a
/// decimal comma (`12,5`); followed by exactly three it reads as thousands
/// (`1,500`), which is how spreadsheets in China write them.
fn looks_like_decimal_comma(unsigned: &str) -> bool {
    unsigned.split_once(',').is_some_and(|(_, frac)| frac.len() != 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_type() {
        let cases: &[(&str, f64)] = &[
            ("12.5", 12.5),
            ("  12.5 ", 12.5),
            ("１２.５", 12.5),
            ("１２．５％", 12.5),
            ("12.5%", 12.5),
            ("+3", 3.0),
            ("-7.25", -7.25),
            ("－７", -7.0),
            ("−7", -7.0),
            ("12,5", 12.5),
            ("12，5", 12.5),
            ("1,500", 1500.0),
            ("1,234.5", 1234.5),
            ("1,234,567", 1_234_567.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("-0", 0.0),
            ("\u{3000}８\u{3000}", 8.0),
        ];
        for (text, want) in cases {
            assert_eq!(parse_decimal(text), Ok(*want), "{text:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse_decimal(""), Err(NumberError::Empty));
        assert_eq!(parse_decimal("  %"), Err(NumberError::Empty));
        for text in ["abc", "1e5", "NaN", "inf", "1.2.3", "12,34,5", "--1", "+", ".", "1-2", "12%%", "1,2,3.4,5"] {
            assert!(
                matches!(parse_decimal(text), Err(NumberError::NotANumber(_))),
                "{text:?} gave {:?}",
                parse_decimal(text)
            );
        }
    }

    #[test]
    fn never_gives_non_finite_values() {
        let huge = "9".repeat(400);
        assert!(parse_decimal(&huge).is_err());
    }
}
