//! `DATETIME()` for Fluent, formatted by ICU4X with the bundle's locale.
//!
//! fluent-bundle has no `DATETIME()` (fluent-rs issue #181). Folio passes dates as a custom
//! Fluent value; the formatter for each (locale, style) pair is built once and memoized by
//! the bundle's `IntlLangMemoizer`, so formatting a thousand dates builds one formatter.

use std::borrow::Cow;
use std::cell::RefCell;

use fluent_bundle::types::FluentType;
use fluent_bundle::{FluentArgs, FluentValue};
use icu_calendar::{Date as IcuDate, Iso};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::enums::DateFieldSet;
use icu_datetime::fieldsets::{YMD, YMDE};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::article::Date;

/// How much of a date to show: the `dateStyle` option of `DATETIME()`, as in JavaScript's
/// `Intl.DateTimeFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DateStyle {
    /// Weekday, day, month in words and year: "Thursday, March 14, 2024".
    Full,
    /// Day, month in words and year: "March 14, 2024".
    Long,
    /// Abbreviated month: "Mar 14, 2024".
    #[default]
    Medium,
    /// Numeric: "3/14/24".
    Short,
}

impl DateStyle {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "full" => DateStyle::Full,
            "long" => DateStyle::Long,
            "medium" => DateStyle::Medium,
            "short" => DateStyle::Short,
            _ => return None,
        })
    }

    fn field_set(self) -> DateFieldSet {
        match self {
            DateStyle::Full => DateFieldSet::YMDE(YMDE::long()),
            DateStyle::Long => DateFieldSet::YMD(YMD::long()),
            DateStyle::Medium => DateFieldSet::YMD(YMD::medium()),
            DateStyle::Short => DateFieldSet::YMD(YMD::short()),
        }
    }
}

/// A date as a Fluent value; it formats itself in the bundle's locale and calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct FluentDate {
    date: Date,
    style: DateStyle,
}

impl FluentDate {
    /// A date shown in the default (`medium`) style.
    pub fn new(date: Date) -> Self {
        FluentDate {
            date,
            style: DateStyle::default(),
        }
    }

    fn format(&self, formatter: &DateFormatter) -> String {
        match IcuDate::try_new_iso(self.date.year, self.date.month, self.date.day) {
            Ok(date) => formatter.0.format(&date).to_string(),
            Err(_) => self.date.to_string(),
        }
    }
}

impl FluentType for FluentDate {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(self.clone())
    }

    fn as_string(&self, intls: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
        intls
            .with_try_get::<DateFormatter, _, _>(self.style, |f| self.format(f))
            .unwrap_or_else(|_| self.date.to_string())
            .into()
    }

    fn as_string_threadsafe(
        &self,
        intls: &intl_memoizer::concurrent::IntlLangMemoizer,
    ) -> Cow<'static, str> {
        intls
            .with_try_get::<DateFormatter, _, _>(self.style, |f| self.format(f))
            .unwrap_or_else(|_| self.date.to_string())
            .into()
    }
}

/// An ICU4X date formatter for one locale and style.
struct DateFormatter(DateTimeFormatter<DateFieldSet>);

impl Memoizable for DateFormatter {
    type Args = DateStyle;
    type Error = String;

    fn construct(lang: LanguageIdentifier, style: DateStyle) -> Result<Self, String> {
        let locale =
            icu_locale_core::Locale::try_from_str(&lang.to_string()).map_err(|e| e.to_string())?;
        DateTimeFormatter::try_new((&locale).into(), style.field_set())
            .map(DateFormatter)
            .map_err(|e| e.to_string())
    }
}

thread_local! {
    /// Errors raised by Folio's functions while formatting on this thread: fluent-bundle gives
    /// functions no way to report them, so the renderer collects them from here.
    static FUNCTION_ERRORS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Takes the errors Folio's functions raised on this thread since the last call.
pub(crate) fn take_function_errors() -> Vec<String> {
    FUNCTION_ERRORS.with(|errors| std::mem::take(&mut *errors.borrow_mut()))
}

fn function_error(message: String) -> FluentValue<'static> {
    FUNCTION_ERRORS.with(|errors| errors.borrow_mut().push(message));
    FluentValue::Error
}

/// `DATETIME($date, dateStyle: "long")`: the date in the bundle's locale and calendar.
///
/// The positional argument is a date value or an ISO 8601 date string (`2024-03-14`).
pub(crate) fn datetime<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let date = match positional.first() {
        Some(FluentValue::Custom(custom)) => match custom.as_any().downcast_ref::<FluentDate>() {
            Some(date) => date.date,
            None => return function_error("DATETIME() needs a date".to_string()),
        },
        Some(FluentValue::String(text)) => match parse_iso_date(text) {
            Some(date) => date,
            None => {
                return function_error(format!(
                    "DATETIME() needs a date like `2024-03-14`, not `{text}`"
                ));
            }
        },
        Some(FluentValue::Number(_)) => {
            return function_error("DATETIME() needs a date, not a number".to_string());
        }
        _ => return function_error("DATETIME() needs a date argument".to_string()),
    };
    let mut style = DateStyle::default();
    for (name, value) in named.iter() {
        match (name, value) {
            ("dateStyle", FluentValue::String(s)) => match DateStyle::parse(s) {
                Some(parsed) => style = parsed,
                None => {
                    return function_error(format!(
                        "DATETIME(): `dateStyle` is `full`, `long`, `medium` or `short`, not `{s}`"
                    ));
                }
            },
            (other, _) => {
                return function_error(format!(
                    "DATETIME(): unsupported option `{other}` (supported: `dateStyle`)"
                ));
            }
        }
    }
    FluentValue::Custom(Box::new(FluentDate { date, style }))
}

/// Parses `YYYY-MM-DD`.
pub(crate) fn parse_iso_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?;
    let month = parts.next()?;
    let day = parts.next()?;
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let date = Date {
        year: year.parse().ok()?,
        month: month.parse().ok()?,
        day: day.parse().ok()?,
    };
    IcuDate::<Iso>::try_new_iso(date.year, date.month, date.day).ok()?;
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(
            parse_iso_date("2024-03-14"),
            Some(Date {
                year: 2024,
                month: 3,
                day: 14
            })
        );
        for bad in ["2024-02-30", "24-03-14", "2024-3-14", "soon"] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
