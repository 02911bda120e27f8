//! Growth rates as exact fixed-point numbers.
//!
//! A [`Growth`] is the change of one year against the year before, held in
//! basis points (hundredths of a percentage point) so that scenarios compare,
//! hash and travel in links exactly. The slider range, −30 % to +150 %, is
//! enforced here: no `Growth` outside it can exist.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use super::number::{parse_decimal, NumberError};

/// Year-on-year growth in basis points (1 bp = 0.01 percentage point).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Growth(i32);

/// Why a value cannot be a growth rate.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum GrowthError {
    /// The text was not a number at all.
    #[error(transparent)]
    Number(#[from] NumberError),
    /// A number outside −30 % … +150 %, in percent.
    #[error("{0}% is outside the range")]
    OutOfRange(f64),
}

impl Growth {
    /// The lowest growth the sliders allow: −30 %.
    pub const MIN: Growth = Growth(-3_000);
    /// The highest growth the sliders allow: +150 %.
    pub const MAX: Growth = Growth(15_000);
    /// No change.
    pub const ZERO: Growth = Growth(0);
    /// One slider step, 0.1 percentage point, in basis points.
    pub const STEP_BP: i32 = 10;
    /// One page step, 1 percentage point, in basis points.
    pub const PAGE_BP: i32 = 100;

    /// A growth from basis points.
    ///
    /// # Errors
    ///
    /// [`GrowthError::OutOfRange`] outside −3000 … 15000 bp.
    pub fn from_bp(bp: i32) -> Result<Self, GrowthError> {
        if (Self::MIN.0..=Self::MAX.0).contains(&bp) {
            Ok(Growth(bp))
        } else {
            Err(GrowthError::OutOfRange(f64::from(bp) / 100.0))
        }
    }

    /// A growth from percent, rounded to the nearest basis point.
    ///
    /// # Errors
    ///
    /// [`GrowthError::OutOfRange`] for values outside −30 … 150 (after
    /// rounding) and for NaN or infinities.
    pub fn from_percent(percent: f64) -> Result<Self, GrowthError> {
        Self::from_scaled(percent, (percent * 100.0).round())
    }

    /// The smallest growth, in whole basis points, that is at least
    /// `percent`. Used where a rate must *reach* a goal: rounding to nearest
    /// could fall short by a hair. Values within 1e-6 bp above a whole basis
    /// point count as that point, so that 50.000000000001 % stays 50.00 %.
    ///
    /// # Errors
    ///
    /// As [`Growth::from_percent`].
    pub fn ceil_percent(percent: f64) -> Result<Self, GrowthError> {
        Self::from_scaled(percent, (percent * 100.0 - 1e-6).ceil())
    }

    fn from_scaled(percent: f64, scaled: f64) -> Result<Self, GrowthError> {
        if !scaled.is_finite() || scaled < f64::from(Self::MIN.0) || scaled > f64::from(Self::MAX.0) {
            return Err(GrowthError::OutOfRange(percent));
        }
        // In range and integral, so the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        Ok(Growth(scaled as i32))
    }

    /// The nearest growth inside the range: a slider's value, which the
    /// browser already keeps in range, rounded to the 0.1-point step.
    /// NaN gives zero.
    pub fn snapped_from_slider(percent: f64) -> Self {
        if percent.is_nan() {
            return Self::ZERO;
        }
        let steps = (percent * 100.0 / f64::from(Self::STEP_BP)).round() * f64::from(Self::STEP_BP);
        let clamped = steps.clamp(f64::from(Self::MIN.0), f64::from(Self::MAX.0));
        #[allow(clippy::cast_possible_truncation)]
        Growth(clamped as i32)
    }

    /// Moves by `delta_bp` for a key press, landing on the 0.1-point grid:
    /// an off-grid value first goes to the grid point behind it in the
    /// direction of travel, so 18.93 % up by 0.1 gives 19.0 %, down by 0.1
    /// gives 18.9 %, and 33.4 % down by 1 gives 32.4 %. Kept within range.
    #[must_use]
    pub fn stepped(self, delta_bp: i32) -> Self {
        let grid = Self::STEP_BP;
        let from = if delta_bp >= 0 { self.0.div_euclid(grid) * grid } else { -((-self.0).div_euclid(grid) * grid) };
        Growth((from + delta_bp).clamp(Self::MIN.0, Self::MAX.0))
    }

    /// The growth nearest to `percent`, to a basis point, held within the
    /// slider range (NaN gives zero).
    pub fn nearest(percent: f64) -> Self {
        if percent.is_nan() {
            return Growth::ZERO;
        }
        // Clamped to the range first, so the cast cannot overflow.
        #[allow(clippy::cast_possible_truncation)]
        let bp = (percent * 100.0).round().clamp(f64::from(Self::MIN.0), f64::from(Self::MAX.0)) as i32;
        Growth(bp)
    }

    /// Whether this growth meets a plan floor; a year with no floor is met.
    pub fn meets_floor(self, floor: Option<Growth>) -> bool {
        floor.is_none_or(|f| self >= f)
    }

    /// Basis points.
    pub fn bp(self) -> i32 {
        self.0
    }

    /// Percent, e.g. 12.5 for +12.5 %.
    pub fn percent(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// The multiplier of one year: 1 + growth.
    pub fn factor(self) -> f64 {
        1.0 + f64::from(self.0) / 10_000.0
    }
}

/// Percent with two decimals: `12.00`, `12.50`, `18.93`, `-3.00`. No sign
/// for positives and no `%`, so the text can stand in an input field.
impl fmt::Display for Growth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        // One rule for every growth the page shows: two decimals, the
        // hundredth of a point that a growth is held in.
        let (whole, frac) = (abs / 100, abs % 100);
        write!(f, "{sign}{whole}.{frac:02}")
    }
}

/// Parses typed text as percent (`12.5`, `１２.５％`, `12,5`), rounded to
/// the nearest basis point.
impl FromStr for Growth {
    type Err = GrowthError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Growth::from_percent(parse_decimal(s)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_is_enforced() {
        assert_eq!(Growth::from_percent(-30.0), Ok(Growth(-3000)));
        assert_eq!(Growth::from_percent(150.0), Ok(Growth(15000)));
        assert_eq!(Growth::from_percent(150.01), Err(GrowthError::OutOfRange(150.01)));
        assert!(Growth::from_percent(f64::NAN).is_err());
        assert!(Growth::from_percent(f64::INFINITY).is_err());
        assert!(Growth::from_bp(15_001).is_err());
        assert_eq!(Growth::from_bp(-3_000), Ok(Growth::MIN));
    }

    #[test]
    fn parses_typed_text() {
        assert_eq!("１２.５％".parse(), Ok(Growth(1250)));
        assert_eq!("12,5".parse(), Ok(Growth(1250)));
        assert_eq!("18.925".parse(), Ok(Growth(1893)));
        assert_eq!("-30".parse(), Ok(Growth::MIN));
        assert_eq!("151".parse::<Growth>(), Err(GrowthError::OutOfRange(151.0)));
        assert_eq!("".parse::<Growth>(), Err(GrowthError::Number(NumberError::Empty)));
    }

    #[test]
    fn ceil_reaches_and_tolerates_float_noise() {
        assert_eq!(Growth::ceil_percent(29.399_6), Ok(Growth(2940)));
        assert_eq!(Growth::ceil_percent(33.333_3), Ok(Growth(3334)));
        assert_eq!(Growth::ceil_percent(50.000_000_000_01), Ok(Growth(5000)));
    }

    #[test]
    fn slider_snaps_to_tenths_and_keys_step_to_the_grid() {
        assert_eq!(Growth::snapped_from_slider(12.34), Growth(1230));
        assert_eq!(Growth::snapped_from_slider(500.0), Growth::MAX);
        assert_eq!(Growth::snapped_from_slider(f64::NAN), Growth::ZERO);
        assert_eq!(Growth(1893).stepped(10), Growth(1900));
        assert_eq!(Growth(1893).stepped(-10), Growth(1890));
        assert_eq!(Growth(1890).stepped(-10), Growth(1880));
        assert_eq!(Growth(1893).stepped(100), Growth(1990));
        assert_eq!(Growth(1893).stepped(-100), Growth(1800));
        assert_eq!(Growth(3340).stepped(-100), Growth(3240));
        assert_eq!(Growth(-5).stepped(10), Growth(0));
        assert_eq!(Growth(-5).stepped(-10), Growth(-10));
        assert_eq!(Growth(-10).stepped(-100), Growth(-110));
        assert_eq!(Growth::MAX.stepped(100), Growth::MAX);
        assert_eq!(Growth::MIN.stepped(-10), Growth::MIN);
    }

    #[test]
    fn floors_are_met_at_or_above_and_when_there_is_none() {
        assert!(Growth(5000).meets_floor(Some(Growth(5000))));
        assert!(!Growth(4999).meets_floor(Some(Growth(5000))));
        assert!(Growth(-3000).meets_floor(None));
    }

    #[test]
    fn displays_as_people_write_percent() {
        assert_eq!(Growth(1200).to_string(), "12.00");
        assert_eq!(Growth(1250).to_string(), "12.50");
        assert_eq!(Growth(1893).to_string(), "18.93");
        assert_eq!(Growth(-305).to_string(), "-3.05");
        assert_eq!(Growth(-50).to_string(), "-0.50");
        assert_eq!(Growth(0).to_string(), "0.00");
    }
}
