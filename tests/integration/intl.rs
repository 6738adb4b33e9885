//! Numbers and dates follow the locale (ICU4X), and plurals still select on formatted numbers.

use fluent_bundle::FluentValue;

fn eval(source: &str, locale: &str, vars: &[(&str, FluentValue<'static>)]) -> String {
    let tag = folio::parse_tag(locale).unwrap();
    let vars: Vec<_> = vars
        .iter()
        .map(|(n, v)| ((*n).to_string(), v.clone()))
        .collect();
    let out = folio::eval(source, &tag, &vars).unwrap();
    assert!(out.errors.is_empty(), "{locale}: {:?}", out.errors);
    out.text
}

fn date(text: &str) -> FluentValue<'static> {
    FluentValue::Custom(Box::new(folio::FluentDate::parse(text).unwrap()))
}

#[test]
fn numbers_use_the_locales_digits_grouping_and_separators() {
    let number = "n = { NUMBER($n) }";
    let n = |v: f64| [("n", FluentValue::from(v))];
    assert_eq!(eval(number, "en-US", &n(1_234_567.5)), "1,234,567.5");
    assert_eq!(eval(number, "de", &n(1234.5)), "1.234,5");
    assert_eq!(eval(number, "hi", &n(1_234_567.0)), "12,34,567");
    assert_eq!(eval(number, "ar-EG", &n(12.0)), "١٢");
    assert_eq!(eval(number, "ar", &n(12.0)), "12");
    assert_eq!(
        eval(number, "fr", &n(1_234_567.5)),
        "1\u{202f}234\u{202f}567,5"
    );
    // A plain placeable formats the same way as NUMBER().
    assert_eq!(eval("n = { $n }", "de", &n(1234.5)), "1.234,5");
}

#[test]
fn number_options_are_honoured() {
    let n = |v: f64| [("n", FluentValue::from(v))];
    assert_eq!(
        eval(
            "n = { NUMBER($n, minimumFractionDigits: 2) }",
            "en",
            &n(3.0)
        ),
        "3.00"
    );
    assert_eq!(
        eval(
            "n = { NUMBER($n, maximumFractionDigits: 1) }",
            "en",
            &n(4.56789)
        ),
        "4.6"
    );
    assert_eq!(
        eval(
            "n = { NUMBER($n, maximumFractionDigits: 0) }",
            "en",
            &n(2.5)
        ),
        "3"
    );
    assert_eq!(
        eval("n = { NUMBER($n, minimumIntegerDigits: 3) }", "en", &n(7.0)),
        "007"
    );
    assert_eq!(
        eval(
            "n = { NUMBER($n, useGrouping: \"false\") }",
            "en",
            &n(1_234_567.0)
        ),
        "1234567"
    );
    assert_eq!(
        eval("n = { NUMBER($n, style: \"percent\") }", "en", &n(0.256)),
        "26%"
    );
    assert_eq!(
        eval("n = { NUMBER($n, style: \"percent\") }", "fr", &n(0.5)),
        "50\u{a0}%"
    );
    assert_eq!(
        eval(
            "n = { NUMBER($n, style: \"currency\", currency: \"EUR\") }",
            "de",
            &n(1234.5)
        ),
        "1.234,50\u{a0}€"
    );
    assert_eq!(
        eval(
            "n = { NUMBER($n, style: \"currency\", currency: \"USD\") }",
            "en",
            &n(3.0)
        ),
        "$3.00"
    );
}

#[test]
fn plural_selection_still_works_on_formatted_numbers() {
    let source = "n = { NUMBER($n, minimumFractionDigits: 1) ->\n    [one] one\n   *[other] { NUMBER($n, minimumFractionDigits: 1) } many\n}\n";
    // 1.0 is `other` in English (it has a visible fraction digit).
    assert_eq!(
        eval(source, "en", &[("n", FluentValue::from(1.0))]),
        "1.0 many"
    );
    let pl = "n = { $n ->\n    [one] { $n } plik\n    [few] { $n } pliki\n    [many] { $n } plików\n   *[other] { $n } pliku\n}\n";
    assert_eq!(
        eval(pl, "pl", &[("n", FluentValue::from(1234.0))]),
        "1234 pliki"
    );
    assert_eq!(
        eval(pl, "pl", &[("n", FluentValue::from(12345.0))]),
        "12\u{a0}345 plików"
    );
}

#[test]
fn dates_follow_the_locales_calendar_and_styles() {
    let long = "d = { DATETIME($d, dateStyle: \"long\") }";
    let d = |text: &str| [("d", date(text))];
    assert_eq!(eval(long, "en-US", &d("2024-03-14")), "March 14, 2024");
    assert_eq!(eval(long, "de", &d("2024-03-14")), "14. März 2024");
    assert_eq!(eval(long, "ja", &d("2024-03-14")), "2024年3月14日");
    // Persian dates in the Persian calendar, Thai ones in the Buddhist era.
    assert_eq!(eval(long, "fa", &d("2024-03-14")), "۲۴ اسفند ۱۴۰۲");
    assert_eq!(eval(long, "th", &d("2024-03-14")), "14 มีนาคม 2567");
    assert_eq!(
        eval(
            "d = { DATETIME($d, dateStyle: \"full\", timeStyle: \"short\") }",
            "en-US",
            &d("2024-03-14T09:30")
        ),
        "Thursday, March 14, 2024 at 9:30\u{202f}AM"
    );
    assert_eq!(
        eval(
            "d = { DATETIME($d, dateStyle: \"short\") }",
            "en-GB",
            &d("2024-03-14")
        ),
        "14/03/2024"
    );
}

#[test]
fn function_mistakes_are_reported_not_shown() {
    let tag = folio::parse_tag("en").unwrap();
    for (source, expected) in [
        (
            "d = { DATETIME($d, dateStyle: \"huge\") }",
            "`dateStyle` is",
        ),
        ("d = { DATETIME($d) }", "needs a date"),
        (
            "d = { DATETIME($d, timeStyle: \"short\") }",
            "needs a date with a time",
        ),
        (
            "n = { NUMBER($d, style: \"currency\", currency: \"euro\") }",
            "ISO 4217",
        ),
    ] {
        let vars = [(
            "d".to_string(),
            if source.contains("NUMBER") {
                FluentValue::from(1)
            } else if source.contains("huge") || source.contains("timeStyle") {
                date("2024-03-14")
            } else {
                FluentValue::from("soon")
            },
        )];
        let out = folio::eval(source, &tag, &vars).unwrap();
        assert!(
            out.errors.iter().any(|e| e.contains(expected)),
            "{source}: {:?}",
            out.errors
        );
    }
}
