//! Small layout helpers: tick steps, text width estimates, colour mixing.

use plotters::style::RGBColor;

/// A "nice" tick step (1, 2, 2.5 or 5 × 10ⁿ) and axis top (a whole number
/// of steps ≥ `max`) with between `min_ticks` and `max_ticks` steps,
/// choosing the lowest top so that the data fill the plot.
pub fn nice_axis(max: f64, min_ticks: u32, max_ticks: u32) -> (f64, f64) {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let mag = 10f64.powf((max / f64::from(max_ticks.max(1))).log10().floor());
    let mut best: Option<(f64, f64)> = None;
    for m in [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0] {
        let step = m * mag;
        let ticks = (max / step).ceil();
        if ticks < f64::from(min_ticks) || ticks > f64::from(max_ticks) {
            continue;
        }
        let top = ticks * step;
        if best.is_none_or(|(_, t)| top < t - 1e-9) {
            best = Some((step, top));
        }
    }
    best.unwrap_or((max, max))
}

/// Estimated width of `text` at `size` px: 1 em for CJK and full-width
/// characters, about 0.56 em for ASCII. Enough to reserve margins.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.56 } else { 1.0 }).sum::<f64>() * size
}

/// `a` blended towards `b` by `t` (0 = a, 1 = b).
pub fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    // Channels stay within 0..=255, so the casts are exact after rounding.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ch = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(ch(a.0, b.0), ch(a.1, b.1), ch(a.2, b.2))
}

/// Rounds a layout coordinate to a whole pixel.
#[allow(clippy::cast_possible_truncation)]
pub fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round().clamp(-1e6, 1e6) as i32
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_axes() {
        assert_eq!(nice_axis(605.0, 3, 7), (100.0, 700.0));
        assert_eq!(nice_axis(605.0, 2, 4), (250.0, 750.0));
        assert_eq!(nice_axis(2430.0, 3, 7), (500.0, 2500.0));
        assert_eq!(nice_axis(2.69, 3, 7), (0.5, 3.0));
        assert_eq!(nice_axis(0.0, 3, 7), (0.2, 1.0));
        assert_eq!(nice_axis(f64::NAN, 3, 7), (0.2, 1.0));
    }

    #[test]
    fn widths_and_colours() {
        assert!((text_width("目标", 10.0) - 20.0).abs() < 1e-9);
        assert!((text_width("ab", 10.0) - 11.2).abs() < 1e-9);
        assert_eq!(mix(RGBColor(0, 0, 0), RGBColor(255, 255, 255), 0.5), RGBColor(128, 128, 128));
        assert_eq!(px(f64::NAN), 0);
    }
}
