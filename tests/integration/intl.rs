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

/// A select with a variant for every CLDR plural category, showing the one chosen.
const EVERY_CATEGORY: &str = "n = { $n ->\n    [zero] zero\n    [one] one\n    [two] two\n    [few] few\n    [many] many\n   *[other] other\n}\n";

/// Numbers that meet every rule of CLDR's: integers through the `% 100` and `% 1000000`
/// cycles (Arabic 103–110, French 1000000), and decimals whose trailing zeros count (English
/// `1.0`, Hebrew `0.5`), written as `folio eval --var` passes them.
fn plural_samples() -> Vec<String> {
    let mut samples: Vec<String> = (0..=1_200_u64).map(|n| n.to_string()).collect();
    samples.extend((1..=110_u64).map(|k| (k * 10_000).to_string()));
    for million in [1_000_000_u64, 2_000_000, 3_000_000, 10_000_000] {
        samples.extend([million - 1, million, million + 1].map(|n| n.to_string()));
    }
    // 0.0 to 30.0 and 0.00 to 3.00.
    for k in 0..=300_u32 {
        samples.push(format!("{}.{}", k / 10, k % 10));
        samples.push(format!("{}.{:02}", k / 100, k % 100));
    }
    samples.extend(["1.000", "1000000.0"].map(String::from));
    samples
}

/// ICU4X's cardinal rules for `tag`, which `folio check` reads.
fn icu_rules(tag: &str) -> icu_plurals::PluralRules {
    let locale = icu_locale_core::Locale::try_from_str(tag).unwrap();
    icu_plurals::PluralRules::try_new_cardinal((&locale).into()).unwrap()
}

/// The category ICU4X gives `sample`, written as a number literal or `--var n=…` is.
fn icu_category(rules: &icu_plurals::PluralRules, sample: &str) -> &'static str {
    use icu_plurals::PluralCategory;
    let number = fixed_decimal::Decimal::try_from_str(sample).unwrap();
    match rules.category_for(&number) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// Every locale of the repository, and tags whose rules CLDR finds by fallback: `pt-AO` by
/// its parent `pt-PT`, `de-CH` by `de`, `xx` (no rules: the root's, all `other`).
fn plural_locales() -> Vec<String> {
    let mut tags: Vec<String> = std::fs::read_dir(crate::util::repo().join("locales"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    tags.sort();
    assert!(tags.len() > 10, "{tags:?}");
    tags.extend(["pt-AO", "de-CH", "xx"].map(String::from));
    tags
}

#[test]
fn plural_variants_are_the_ones_the_checker_knows() {
    let samples = plural_samples();
    for tag in plural_locales() {
        let checker = folio::plural_categories(&folio::parse_tag(&tag).unwrap()).unwrap();
        let icu = icu_rules(&tag);
        let mut rendered = std::collections::BTreeSet::new();
        for sample in &samples {
            let number = [("n", FluentValue::try_number(sample.as_str()).into_owned())];
            let category = eval(EVERY_CATEGORY, &tag, &number);
            assert_eq!(category, icu_category(&icu, sample), "{tag}: {sample}");
            rendered.insert(category);
        }
        // Every category the checker asks a translator for is one the renderer chooses, and
        // the renderer chooses no other.
        let checker: std::collections::BTreeSet<String> =
            checker.into_iter().map(String::from).collect();
        assert_eq!(rendered, checker, "{tag}");
    }
}

#[test]
fn cldrs_current_plural_rules_choose_the_variant() {
    let category = |tag: &str, n: FluentValue<'static>| eval(EVERY_CATEGORY, tag, &[("n", n)]);
    // CLDR 37 (what fluent-bundle selected by before) had no `many` for exact millions.
    for tag in ["fr", "es", "it", "pt-BR"] {
        assert_eq!(category(tag, FluentValue::from(1_000_000)), "many", "{tag}");
        assert_eq!(category(tag, FluentValue::try_number("1000000")), "many");
        assert_eq!(
            category(tag, FluentValue::from(1_000_001)),
            "other",
            "{tag}"
        );
    }
    // Arabic `few` is `n % 100 = 3..10`, which 103–110 meet.
    for n in 103..=110 {
        assert_eq!(category("ar", FluentValue::from(n)), "few", "{n}");
    }
    // CLDR 37's Hebrew `many` (20, 30, …) is gone from current CLDR: `other`.
    assert_eq!(category("he", FluentValue::from(20)), "other");
    assert!(
        !folio::plural_categories(&folio::parse_tag("he").unwrap())
            .unwrap()
            .contains(&"many")
    );
}

/// The `<p class="byline">` of an HTML page, and its `reading-time`.
fn byline(html: &str) -> String {
    let page = scraper::Html::parse_document(html);
    let select = |s: &str| {
        page.select(&scraper::Selector::parse(s).unwrap())
            .next()
            .unwrap()
            .text()
            .collect::<String>()
    };
    format!("{} | {}", select(".byline"), select(".reading-time"))
}

#[test]
fn a_reader_in_a_region_gets_the_language_s_text_with_the_region_s_numbers_and_dates() {
    use crate::util::{Server, folio, repo_project};
    // `render`: Egyptian Arabic readers get the `ar` text with Arabic-Indic digits; `ar`
    // itself writes Latin digits (CLDR); an Austrian reader gets `de` with `de-AT`'s dates.
    let render = |locale: &str| {
        let out = folio()
            .args([
                "render",
                "smp-removal",
                "--format",
                "html",
                "--locale",
                locale,
            ])
            .assert()
            .success();
        byline(&String::from_utf8(out.get_output().stdout.clone()).unwrap())
    };
    let egyptian = render("ar-EG");
    assert!(
        egyptian.contains("١٤ مارس ٢٠٢٤") && egyptian.contains('٣'),
        "{egyptian}"
    );
    let arabic = render("ar");
    assert!(
        arabic.contains("14 مارس 2024") && arabic.contains('3'),
        "{arabic}"
    );
    assert!(render("de-AT").contains("14. März 2024"));
    // An English fallback inside the Egyptian page keeps English's own formatting, and a
    // region of another language (`pt-PT` against `pt-BR`) changes nothing.
    assert_eq!(render("pt-PT"), render("pt-BR"));

    // `serve`: the same page under `/ar-EG/`, in Arabic.
    let server = Server::start(folio::ProjectLocation::BuiltIn);
    let response = server.get("/ar-EG/smp-removal", &[]);
    assert_eq!(response.headers().get("content-language").unwrap(), "ar");
    assert_eq!(
        byline(&response.into_body().read_to_string().unwrap()),
        egyptian
    );
    server.stop();

    // `build`: a published `ar-EG` folder (its own name, the rest from `ar`) gets its digits.
    let project = repo_project();
    let folder = project.path().join("locales/ar-EG");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("site.ftl"),
        "site-language-name = العربية (مصر)\n",
    )
    .unwrap();
    let site = tempfile::tempdir().unwrap();
    folio()
        .args(["build", "--root"])
        .arg(project.path())
        .arg("--out")
        .arg(site.path())
        .assert()
        .success();
    let page = |locale: &str| {
        std::fs::read_to_string(site.path().join(locale).join("smp-removal.html")).unwrap()
    };
    assert_eq!(byline(&page("ar-EG")), egyptian);
    assert_eq!(byline(&page("ar")), arabic);
}

#[test]
fn locale_folders_with_keywords_or_private_use_are_locales_of_their_own() {
    use crate::util::{Server, folio, repo_project};
    // `ar-u-nu-arab`: the Arabic text with Arabic-Indic digits, as the folder's name asks;
    // `en-x-simple`: an English variety that only readers who ask for it get.
    let project = repo_project();
    let locales = project.path().join("locales");
    std::fs::create_dir(locales.join("ar-u-nu-arab")).unwrap();
    for file in ["site.ftl", "smp-removal.ftl"] {
        std::fs::copy(
            locales.join("ar").join(file),
            locales.join("ar-u-nu-arab").join(file),
        )
        .unwrap();
    }
    std::fs::remove_dir_all(locales.join("ar")).unwrap();
    std::fs::create_dir(locales.join("en-x-simple")).unwrap();
    std::fs::write(
        locales.join("en-x-simple/smp-removal.ftl"),
        "smp-removal-title = Can you take off scalp tattoos?\n",
    )
    .unwrap();
    let root = project.path().to_str().unwrap();

    // `check` takes both folders as locales: no invalid-locale finding.
    let out = folio()
        .args(["check", "--root", root, "--format", "json"])
        .assert();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!report.contains("invalid-locale"), "{report}");
    assert!(report.contains("\"ar-u-nu-arab\""), "{report}");

    let render = |locale: &str| {
        let out = folio()
            .args(["render", "smp-removal", "--root", root, "--format", "html"])
            .args(["--locale", locale])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let arabic = render("ar");
    assert!(
        arabic.contains(r#"lang="ar-u-nu-arab" dir="rtl""#),
        "{arabic}"
    );
    assert!(
        byline(&arabic).contains("١٤ مارس ٢٠٢٤"),
        "{}",
        byline(&arabic)
    );
    // A reader's own keywords format a locale without any: Latin-digit readers of `ar-u-nu-arab`
    // keep the folder's choice; a reader asking for `de-u-nu-arab` gets German with Arabic-Indic digits.
    assert_eq!(byline(&render("ar-u-nu-latn")), byline(&arabic));
    assert!(byline(&render("de-u-nu-arab")).contains("١٤. März ٢٠٢٤"));

    let simple = render("en-x-simple");
    assert!(
        simple.contains("<h1>Can you take off scalp tattoos?</h1>"),
        "{simple}"
    );
    assert!(simple.contains(r#"lang="en-x-simple""#), "{simple}");
    assert!(!render("en-GB").contains("take off scalp tattoos"));

    // `build` publishes both under their tags.
    let site = tempfile::tempdir().unwrap();
    folio()
        .args(["build", "--root", root, "--out"])
        .arg(site.path())
        .assert()
        .success();
    for locale in ["ar-u-nu-arab", "en-x-simple"] {
        let page = std::fs::read_to_string(site.path().join(locale).join("smp-removal.html"))
            .unwrap_or_else(|e| panic!("{locale}: {e}"));
        assert!(page.contains(&format!(r#"lang="{locale}""#)), "{page}");
    }
    let index = std::fs::read_to_string(site.path().join("index.html")).unwrap();
    assert!(
        index.contains(r#"href="ar-u-nu-arab/index.html""#),
        "{index}"
    );

    // `serve`: the folders' own URLs, and Arabic readers are sent to `ar-u-nu-arab`.
    let server = Server::start(folio::ProjectLocation::Folder(project.path().to_path_buf()));
    let response = server.get("/en-x-simple/smp-removal", &[]);
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-language"], "en-x-simple");
    let response = server.get("/", &[("accept-language", "ar-SA, en;q=0.5")]);
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], "/ar-u-nu-arab/");
    let page = server.get("/ar-u-nu-arab/smp-removal", &[]);
    assert_eq!(
        byline(&page.into_body().read_to_string().unwrap()),
        byline(&arabic)
    );
    server.stop();
}

#[test]
fn a_tag_s_keywords_choose_the_digits_and_the_calendar() {
    let number = "n = { NUMBER($n) }";
    let n = [("n", FluentValue::from(1234.5))];
    // German separators, Arabic-Indic digits.
    assert_eq!(eval(number, "de-u-nu-arab", &n), "١.٢٣٤,٥");
    assert_eq!(eval(number, "ar-EG-u-nu-latn", &n), "1,234.5");
    let when = "d = { DATETIME($d, dateStyle: \"long\") }";
    let d = [("d", date("2024-03-14"))];
    let buddhist = eval(when, "th-u-ca-buddhist", &d);
    assert!(buddhist.contains("2567"), "{buddhist}");
    assert!(eval(when, "th", &d).contains("2567"));
    assert!(eval(when, "en-u-ca-buddhist", &d).contains("2567"));
    assert!(eval(when, "en", &d).contains("2024"));
}
