//! Plural operands of a number, as `intl_pluralrules` 7 defines them, and their conversion into
//! ICU4X's.
//!
//! See [UTS #35's operands](https://unicode.org/reports/tr35/tr35-numbers.html#Operands). The
//! struct, its fields and its conversions are `intl_pluralrules` 7.0.2's, so code written for it
//! (fluent-bundle builds operands with `try_into()` and then widens `v` and `f` for
//! `minimumFractionDigits`) works unchanged.
//!
//! # Examples
//!
//! ```
//! use intl_pluralrules::operands::PluralOperands;
//!
//! assert_eq!(
//!     PluralOperands::try_from("-1234.50"),
//!     Ok(PluralOperands { n: 1234.5, i: 1234, v: 2, w: 1, f: 50, t: 5 })
//! );
//! assert_eq!(
//!     PluralOperands::from(2_u32),
//!     PluralOperands { n: 2.0, i: 2, v: 0, w: 0, f: 0, t: 0 }
//! );
//! ```

use std::str::FromStr;

use fixed_decimal::{Decimal, Sign, UnsignedDecimal};

/// The operands of a number's absolute value, as CLDR's plural rules read them.
///
/// ICU4X reads `i`, `v` and `f` (and derives `w` and `t` from them); `n` is kept for code
/// that reads it. There is no exponent (`c`/`e`): Fluent numbers are never written in compact
/// notation, so it is always 0, and French `many` is `i % 1000000 = 0 and v = 0` (1000000).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PluralOperands {
    /// Absolute value of input
    pub n: f64,
    /// Integer value of input
    pub i: u64,
    /// Number of visible fraction digits with trailing zeros
    pub v: usize,
    /// Number of visible fraction digits without trailing zeros
    pub w: usize,
    /// Visible fraction digits with trailing zeros
    pub f: u64,
    /// Visible fraction digits without trailing zeros
    pub t: u64,
}

impl PluralOperands {
    /// ICU4X's operands for the same number: the integer digits `i` followed by `v` fraction
    /// digits `f`, trailing zeros included (`1.50` is not `1.5`).
    ///
    /// Fails when `f` has more digits than `v` allows, which no conversion here produces.
    /// ICU4X keeps the last 18 integer and the first 18 fraction digits.
    pub(crate) fn to_icu(self) -> Result<icu_plurals::PluralOperands, &'static str> {
        const INCONSISTENT: &str = "The fraction digits do not fit their count.";
        let v = i16::try_from(self.v).map_err(|_| INCONSISTENT)?;
        if u32::try_from(self.v)
            .ok()
            .and_then(|v| 10_u64.checked_pow(v))
            .is_some_and(|limit| self.f >= limit)
        {
            return Err(INCONSISTENT);
        }
        let fraction = UnsignedDecimal::from(self.f).multiplied_pow10(-v);
        let absolute = UnsignedDecimal::from(self.i)
            .concatenated_end(fraction)
            .map_err(|_| INCONSISTENT)?
            .padded_end(-v);
        Ok((&Decimal::new(Sign::None, absolute)).into())
    }
}

impl TryFrom<&str> for PluralOperands {
    type Error = &'static str;

    /// Reads a decimal number such as `-1234.50`, keeping its visible fraction digits.
    ///
    /// As in `intl_pluralrules` 7, what `f64` parses but has no `.` (`1e3`, `inf`) counts by its
    /// value, and a fraction must have digits on both sides of the `.`.
    fn try_from(input: &str) -> Result<Self, Self::Error> {
        let abs_str = input.strip_prefix('-').unwrap_or(input);
        let n = f64::from_str(abs_str).map_err(|_| "Incorrect number passed!")?;
        let Some((int_str, dec_str)) = abs_str.split_once('.') else {
            // Saturating, as intl_pluralrules 7 did: `inf` and `1e30` count as `u64::MAX`.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let i = n as u64;
            return Ok(Self::integer(n, i));
        };
        let digits = |s: &str| u64::from_str(s).map_err(|_| "Could not convert string to integer!");
        let without_zeros = dec_str.trim_end_matches('0');
        Ok(PluralOperands {
            n,
            i: digits(int_str)?,
            v: dec_str.len(),
            w: without_zeros.len(),
            f: digits(dec_str)?,
            t: digits(without_zeros).unwrap_or(0),
        })
    }
}

impl PluralOperands {
    fn integer(n: f64, i: u64) -> Self {
        PluralOperands {
            n,
            i,
            v: 0,
            w: 0,
            f: 0,
            t: 0,
        }
    }
}

macro_rules! from_unsigned {
    ($($ty:ident)+) => {$(
        impl From<$ty> for PluralOperands {
            #[allow(clippy::cast_lossless, clippy::cast_precision_loss, trivial_numeric_casts)]
            fn from(input: $ty) -> Self {
                // `usize` is at most 64 bits on every target Rust supports.
                Self::integer(input as f64, input as u64)
            }
        }
    )+};
}

macro_rules! try_from_signed {
    ($($ty:ident)+) => {$(
        impl TryFrom<$ty> for PluralOperands {
            type Error = &'static str;

            #[allow(clippy::cast_lossless, clippy::cast_precision_loss, trivial_numeric_casts)]
            fn try_from(input: $ty) -> Result<Self, Self::Error> {
                // As intl_pluralrules 7: the smallest value has no absolute value of its type.
                let abs = input.checked_abs().ok_or("Number too big")?.unsigned_abs();
                Ok(Self::integer(abs as f64, abs as u64))
            }
        }
    )+};
}

macro_rules! try_from_display {
    ($($ty:ident)+) => {$(
        impl TryFrom<$ty> for PluralOperands {
            type Error = &'static str;

            /// Reads the number as it displays (`0.1_f64` is `0.1`, `1e6_f64` is `1000000`).
            fn try_from(input: $ty) -> Result<Self, Self::Error> {
                PluralOperands::try_from(input.to_string().as_str())
            }
        }
    )+};
}

from_unsigned!(u8 u16 u32 u64 usize);
try_from_signed!(i8 i16 i32 i64 isize);
try_from_display!(f32 f64 String);

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::many_single_char_names)]
    fn ops(n: f64, i: u64, v: usize, w: usize, f: u64, t: u64) -> PluralOperands {
        PluralOperands { n, i, v, w, f, t }
    }

    #[test]
    fn strings_keep_visible_fraction_digits() {
        assert_eq!(PluralOperands::try_from("1.50"), Ok(ops(1.5, 1, 2, 1, 50, 5)));
        assert_eq!(PluralOperands::try_from("0.05"), Ok(ops(0.05, 0, 2, 2, 5, 5)));
        assert_eq!(PluralOperands::try_from("-3"), Ok(ops(3.0, 3, 0, 0, 0, 0)));
        assert_eq!(PluralOperands::try_from("2.000"), Ok(ops(2.0, 2, 3, 0, 0, 0)));
        assert_eq!(PluralOperands::try_from("1e3"), Ok(ops(1000.0, 1000, 0, 0, 0, 0)));
        for bad in ["", "x", "1.", ".5", "1.5e3", "1.2.3"] {
            assert!(PluralOperands::try_from(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn integers_and_floats() {
        assert_eq!(PluralOperands::from(7_u8), ops(7.0, 7, 0, 0, 0, 0));
        assert_eq!(PluralOperands::try_from(-7_i64), Ok(ops(7.0, 7, 0, 0, 0, 0)));
        assert!(PluralOperands::try_from(i32::MIN).is_err());
        assert_eq!(PluralOperands::try_from(0.25_f64), Ok(ops(0.25, 0, 2, 2, 25, 25)));
        assert_eq!(
            PluralOperands::try_from(1_000_000.0_f64),
            Ok(ops(1e6, 1_000_000, 0, 0, 0, 0))
        );
    }

    #[test]
    fn icu_operands_are_the_same_number() {
        let icu = |s: &str| {
            let ours = PluralOperands::try_from(s).unwrap().to_icu().unwrap();
            let theirs: icu_plurals::PluralOperands = (&Decimal::try_from_str(s).unwrap()).into();
            assert_eq!(ours, theirs, "{s}");
        };
        for s in ["0", "1", "1.0", "1.50", "0.05", "1000000", "1000000.0", "12.3400"] {
            icu(s);
        }
        // fluent-bundle widens `v` and `f` for `minimumFractionDigits: 2`.
        let mut widened = PluralOperands::from(1_u8);
        (widened.v, widened.f) = (2, 0);
        let theirs: icu_plurals::PluralOperands = (&Decimal::try_from_str("1.00").unwrap()).into();
        assert_eq!(widened.to_icu(), Ok(theirs));
    }

    #[test]
    fn inconsistent_operands_are_refused() {
        let mut too_many_digits = PluralOperands::from(1_u8);
        (too_many_digits.v, too_many_digits.f) = (1, 15);
        assert!(too_many_digits.to_icu().is_err());
        let mut huge_v = PluralOperands::from(0_u8);
        huge_v.v = usize::MAX;
        assert!(huge_v.to_icu().is_err());
        let mut long_zeros = PluralOperands::from(3_u8);
        long_zeros.v = 40;
        assert!(long_zeros.to_icu().is_ok());
    }
}
