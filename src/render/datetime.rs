//! `DATETIME()` for Fluent, formatted by ICU4X in the bundle's locale and calendar.
//!
//! fluent-bundle has no `DATETIME()` (fluent-rs #181). Folio passes dates (and date-times) as
//! a custom Fluent value that formats itself; the formatter for each (locale, style) pair is
//! built once and memoized by the bundle's `IntlLangMemoizer`. The locale's calendar is used:
//! Persian (`fa`) dates are written in the Persian calendar.

use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::types::FluentType;
use fluent_bundle::{FluentArgs, FluentValue};
use icu_calendar::Iso;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::builder::{DateFields, FieldSetBuilder};
use icu_datetime::fieldsets::enums::CompositeDateTimeFieldSet;
use icu_datetime::input::{Date, DateTime, Time};
use icu_datetime::options::{Length, TimePrecision};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::render::intl::{function_error, icu_locale, keywords, report};

/// How much of a date or a time to show: `dateStyle` and `timeStyle`, as in JavaScript's
/// `Intl.DateTimeFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// Weekday, day, month in words and year ("Thursday, March 14, 2024"); for times, with seconds.
    Full,
    /// Day, month in words and year ("March 14, 2024"); for times, with seconds.
    Long,
    /// Abbreviated month ("Mar 14, 2024"); for times, with seconds.
    Medium,
    /// Numeric ("3/14/24"); for times, hours and minutes.
    Short,
}

impl Style {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "full" => Style::Full,
            "long" => Style::Long,
            "medium" => Style::Medium,
            "short" => Style::Short,
            _ => return None,
        })
    }
}

/// A date, or a date and time, as a Fluent value; it formats itself in the bundle's locale.
#[derive(Clone, Debug, PartialEq)]
pub struct FluentDate {
    date: Date<Iso>,
    time: Option<Time>,
    date_style: Option<Style>,
    time_style: Option<Style>,
}

impl FluentDate {
    /// A date, shown in the medium style unless `DATETIME()` says otherwise.
    pub fn new(date: Date<Iso>) -> Self {
        FluentDate {
            date,
            time: None,
            date_style: None,
            time_style: None,
        }
    }

    /// Parses an ISO 8601 date (`2026-11-26`) or date-time (`2026-11-26T14:30`).
    pub fn parse(text: &str) -> Option<Self> {
        if text.contains(['T', 't', ' ']) {
            let datetime = DateTime::try_from_str(&text.replacen(' ', "T", 1), Iso).ok()?;
            Some(FluentDate {
                time: Some(datetime.time),
                ..FluentDate::new(datetime.date)
            })
        } else {
            Date::try_from_str(text, Iso).ok().map(FluentDate::new)
        }
    }

    fn styles(&self) -> (Option<Style>, Option<Style>) {
        match (self.date_style, self.time_style) {
            // With no style at all, the date (and the time, if there is one) in medium.
            (None, None) => (Some(Style::Medium), self.time.map(|_| Style::Short)),
            styles => styles,
        }
    }

    /// The date (and time) in ISO 8601, for `<time datetime>`.
    fn iso(&self) -> String {
        let date = format!(
            "{:04}-{:02}-{:02}",
            self.date.extended_year(),
            self.date.month().ordinal,
            self.date.day_of_month().0
        );
        match self.time {
            Some(time) => format!(
                "{date}T{:02}:{:02}",
                time.hour.number(),
                time.minute.number()
            ),
            None => date,
        }
    }

    fn format(&self, intls: &intl_memoizer::concurrent::IntlLangMemoizer) -> Cow<'static, str> {
        let (date, time) = self.styles();
        let styles = (date, time, keywords());
        let datetime = DateTime {
            date: self.date,
            time: self.time.unwrap_or_else(Time::start_of_day),
        };
        match intls
            .with_try_get::<DateFormatter, _, _>(styles, |f| f.0.format(&datetime).to_string())
        {
            // Markup for the page (`<time datetime>`); the text formats keep only the text.
            Ok(text) => format!(
                "<time datetime=\"{}\">{}</time>",
                self.iso(),
                crate::markup::escape(&text)
            )
            .into(),
            Err(problem) => {
                report(format!("DATETIME(): {problem}"));
                String::new().into()
            }
        }
    }
}

impl FluentType for FluentDate {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(self.clone())
    }

    fn as_string(&self, _: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
        // Folio's bundles are the thread-safe kind; this is never called for them.
        report("DATETIME(): dates are formatted only by Folio's bundles".to_string());
        Cow::Borrowed("")
    }

    fn as_string_threadsafe(
        &self,
        intls: &intl_memoizer::concurrent::IntlLangMemoizer,
    ) -> Cow<'static, str> {
        self.format(intls)
    }
}

/// An ICU4X formatter for one locale and pair of styles.
struct DateFormatter(DateTimeFormatter<CompositeDateTimeFieldSet>);

impl Memoizable for DateFormatter {
    type Args = (Option<Style>, Option<Style>, Option<Arc<str>>);
    type Error = String;

    fn construct(
        lang: LanguageIdentifier,
        (date, time, keywords): Self::Args,
    ) -> Result<Self, String> {
        let locale = icu_locale(&lang, keywords.as_deref())?;
        let mut prefs = icu_datetime::DateTimeFormatterPreferences::from(&locale);
        // A language alone (`fa`) has no region, and the calendar follows the region: take it
        // from the likely one (`fa` → Iran → Persian), keeping the language's own data.
        if prefs.calendar_algorithm.is_none() {
            prefs.calendar_algorithm = likely_calendar(&locale);
        }
        let mut builder = FieldSetBuilder::new();
        let length = |style: Style| match style {
            Style::Full | Style::Long => Length::Long,
            Style::Medium => Length::Medium,
            Style::Short => Length::Short,
        };
        if let Some(style) = date {
            builder.length = Some(length(style));
            builder.date_fields = Some(if style == Style::Full {
                DateFields::YMDE
            } else {
                DateFields::YMD
            });
        }
        if let Some(style) = time {
            builder.length.get_or_insert(length(style));
            builder.time_precision = Some(if style == Style::Short {
                TimePrecision::Minute
            } else {
                TimePrecision::Second
            });
        }
        let fields = builder
            .build_composite_datetime()
            .map_err(|e| e.to_string())?;
        DateTimeFormatter::try_new(prefs, fields)
            .map(DateFormatter)
            .map_err(|e| e.to_string())
    }
}

/// The calendar the likely region of `locale` uses, when it is not the Gregorian one.
fn likely_calendar(
    locale: &icu_locale_core::Locale,
) -> Option<icu_locale_core::preferences::extensions::unicode::keywords::CalendarAlgorithm> {
    use icu_calendar::AnyCalendarKind;
    use icu_calendar::preferences::CalendarPreferences;
    use icu_locale_core::preferences::extensions::unicode::keywords::CalendarAlgorithm;
    let mut likely = locale.id.clone();
    icu_locale::LocaleExpander::new_common().maximize(&mut likely);
    let likely = icu_locale_core::Locale::from(likely);
    Some(
        match AnyCalendarKind::new(CalendarPreferences::from(&likely)) {
            AnyCalendarKind::Persian => CalendarAlgorithm::Persian,
            AnyCalendarKind::Buddhist => CalendarAlgorithm::Buddhist,
            _ => return None,
        },
    )
}

/// `DATETIME($date, dateStyle: "long", timeStyle: "short")`.
///
/// The positional argument is a date value or an ISO 8601 string (`2024-03-14`,
/// `2024-03-14T09:30`).
pub(crate) fn datetime<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let mut value = match positional.first() {
        Some(FluentValue::Custom(custom)) => match custom.as_any().downcast_ref::<FluentDate>() {
            Some(date) => date.clone(),
            None => return function_error("DATETIME() needs a date".to_string()),
        },
        Some(FluentValue::String(text)) => match FluentDate::parse(text) {
            Some(date) => date,
            None => {
                return function_error(format!(
                    "DATETIME() needs a date like `2024-03-14` or `2024-03-14T09:30`, not `{text}`"
                ));
            }
        },
        Some(FluentValue::Number(_)) => {
            return function_error("DATETIME() needs a date, not a number".to_string());
        }
        _ => return function_error("DATETIME() needs a date argument".to_string()),
    };
    for (name, option) in named.iter() {
        let style = match option {
            FluentValue::String(s) => Style::parse(s),
            _ => None,
        };
        match (name, style) {
            ("dateStyle", Some(style)) => value.date_style = Some(style),
            ("timeStyle", Some(style)) => value.time_style = Some(style),
            ("dateStyle" | "timeStyle", None) => {
                return function_error(format!(
                    "DATETIME(): `{name}` is \"full\", \"long\", \"medium\" or \"short\""
                ));
            }
            (other, _) => {
                return function_error(format!(
                    "DATETIME(): unsupported option `{other}` (supported: `dateStyle`, `timeStyle`)"
                ));
            }
        }
    }
    if value.time_style.is_some() && value.time.is_none() {
        return function_error("DATETIME(): `timeStyle` needs a date with a time".to_string());
    }
    FluentValue::Custom(Box::new(value))
}
