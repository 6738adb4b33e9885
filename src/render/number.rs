//! Numbers in the reader's locale: fluent-bundle's `NUMBER()` options, formatted by ICU4X.
//!
//! fluent-bundle writes `1234567.5` in every language (fluent-rs #269). Folio installs a
//! formatter for number values that honours the locale's digits, grouping and separators
//! (`de` 1.234.567,5, `hi` 12,34,567.5, `ar-EG` ١٬٢٣٤٬٥٦٧٫٥) and `NUMBER()`'s options:
//! `minimumFractionDigits`, `maximumFractionDigits`, `minimumIntegerDigits`, `useGrouping`,
//! `style: "percent"` and `style: "currency"` with `currency`. Selection on plural categories
//! is unchanged: it reads the number and its options, not the formatted text.

use std::sync::Arc;

use fixed_decimal::{Decimal, FloatPrecision, SignedRoundingMode, UnsignedRoundingMode};
use fluent_bundle::FluentValue;
use fluent_bundle::types::{FluentNumber, FluentNumberStyle};
use icu_decimal::DecimalFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_experimental::dimension::currency::CurrencyCode;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::currency::options::CurrencyFormatterOptions;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_experimental::dimension::percent::options::PercentFormatterOptions;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::ftl::functions::{NUMBER_OPTIONS, NUMBER_STYLES, is_currency_code};
use crate::render::intl::{function_error, icu_locale, keywords, report};

/// `NUMBER()`: fluent-bundle's, which sets a number's formatting options, but reporting what
/// it cannot format (no argument, a string, a variable that is not a number) instead of
/// writing `NUMBER()` to the reader without a word.
#[allow(non_snake_case)]
pub(crate) fn NUMBER<'a>(
    positional: &[FluentValue<'a>],
    named: &fluent_bundle::FluentArgs,
) -> FluentValue<'a> {
    if let Some((name, _)) = named
        .iter()
        .find(|(name, _)| !NUMBER_OPTIONS.contains(name))
    {
        return function_error(format!("NUMBER() has no option `{name}`"));
    }
    if let Some(FluentValue::String(style)) = named.get("style") {
        if !NUMBER_STYLES.contains(&style.as_ref()) {
            return function_error(format!(
                "NUMBER(): `style` is \"decimal\", \"percent\" or \"currency\", not \"{style}\""
            ));
        }
    }
    match positional.first() {
        Some(FluentValue::Number(_)) => fluent_bundle::builtins::NUMBER(positional, named),
        // A missing variable is reported by fluent-bundle already.
        Some(FluentValue::Error) => FluentValue::Error,
        Some(FluentValue::String(text)) => {
            function_error(format!("NUMBER() needs a number, not the text \"{text}\""))
        }
        Some(_) => function_error("NUMBER() needs a number".to_string()),
        None => function_error("NUMBER() needs a number to format: NUMBER($count)".to_string()),
    }
}

/// The bundle's formatter hook: numbers through ICU4X, everything else as fluent-bundle does.
pub(crate) fn format(
    value: &FluentValue<'_>,
    intls: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let kind = match number.options.style {
        FluentNumberStyle::Decimal => Kind::Decimal,
        FluentNumberStyle::Percent => Kind::Percent,
        FluentNumberStyle::Currency => Kind::Currency,
    };
    let args = (kind, number.options.use_grouping, keywords());
    let formatted = intls.with_try_get::<NumberFormatter, _, _>(args, |f| f.format(number));
    match formatted {
        Ok(Ok(text)) => Some(text),
        Ok(Err(problem)) | Err(problem) => {
            report(problem);
            Some(number.as_string().into_owned())
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Decimal,
    Percent,
    Currency,
}

/// An ICU4X formatter for one locale, style and grouping choice.
enum NumberFormatter {
    Decimal(DecimalFormatter),
    Percent(PercentFormatter<DecimalFormatter>),
    Currency(CurrencyFormatter),
}

impl Memoizable for NumberFormatter {
    type Args = (Kind, bool, Option<Arc<str>>);
    type Error = String;

    fn construct(
        lang: LanguageIdentifier,
        (kind, grouping, keywords): Self::Args,
    ) -> Result<Self, String> {
        let locale = icu_locale(&lang, keywords.as_deref())?;
        let options = DecimalFormatterOptions::from(if grouping {
            GroupingStrategy::Auto
        } else {
            GroupingStrategy::Never
        });
        let decimal =
            DecimalFormatter::try_new((&locale).into(), options).map_err(|e| e.to_string())?;
        Ok(match kind {
            Kind::Decimal => NumberFormatter::Decimal(decimal),
            Kind::Percent => NumberFormatter::Percent(
                PercentFormatter::try_new_with_decimal_formatter(
                    (&locale).into(),
                    decimal,
                    PercentFormatterOptions::default(),
                )
                .map_err(|e| e.to_string())?,
            ),
            Kind::Currency => NumberFormatter::Currency(
                CurrencyFormatter::try_new((&locale).into(), CurrencyFormatterOptions::default())
                    .map_err(|e| e.to_string())?,
            ),
        })
    }
}

impl NumberFormatter {
    fn format(&self, number: &FluentNumber) -> Result<String, String> {
        let options = &number.options;
        // Intl.NumberFormat's defaults: decimals show up to 3 fraction digits, percentages
        // none, amounts of money 2.
        let (default_min, default_max) = match self {
            NumberFormatter::Decimal(_) => (0, 3),
            NumberFormatter::Percent(_) => (0, 0),
            NumberFormatter::Currency(_) => (2, 2),
        };
        let mut decimal = Decimal::try_from_f64(number.value, FloatPrecision::RoundTrip)
            .map_err(|_| format!("NUMBER(): `{}` is not a finite number", number.value))?;
        let mut min = options.minimum_fraction_digits.unwrap_or(default_min);
        if matches!(self, NumberFormatter::Percent(_)) {
            decimal.absolute.multiply_pow10(2);
            decimal.absolute.trim_start();
            // `0.25` written with two decimals is 25 % with none.
            min = min.saturating_sub(2);
        }
        let max = options
            .maximum_fraction_digits
            .unwrap_or(default_max)
            .max(min);
        let position = |digits: usize| -i16::try_from(digits.min(20)).unwrap_or(20);
        decimal.round_with_mode(
            position(max),
            SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand),
        );
        decimal.absolute.trim_end();
        decimal.absolute.pad_end(position(min));
        if let Some(digits) = options.minimum_integer_digits {
            decimal
                .absolute
                .pad_start(i16::try_from(digits.min(20)).unwrap_or(20));
        }
        Ok(match self {
            NumberFormatter::Decimal(f) => f.format(&decimal).to_string(),
            NumberFormatter::Percent(f) => f.format(&decimal).to_string(),
            NumberFormatter::Currency(f) => {
                let Some(code) = options.currency.as_deref() else {
                    return Err("NUMBER(): `style: \"currency\"` needs `currency`, an ISO 4217 code such as \"EUR\"".to_string());
                };
                let code = tinystr::TinyAsciiStr::<3>::try_from_str(code)
                    .ok()
                    .filter(|c| is_currency_code(c))
                    .ok_or_else(|| {
                        format!("NUMBER(): `currency` must be an ISO 4217 code such as \"EUR\", not `{code}`")
                    })?;
                f.format_fixed_decimal(&decimal, CurrencyCode(code))
                    .to_string()
            }
        })
    }
}
