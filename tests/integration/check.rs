//! `folio::check` on fixtures: every defect found once, clean trees give nothing, and the
//! totals agree with compare-locales.

use folio::{CheckId, CheckOptions, Project, Severity, check};

use crate::util::{fixture, tree};

/// One line per finding: where, what, which check.
fn listing(report: &folio::CheckReport) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let at = d
                .location
                .map_or(String::new(), |l| format!(":{}:{}", l.line, l.column));
            let entry = match (&d.entry, &d.attribute) {
                (Some(e), Some(a)) => format!(" [{e}.{a}]"),
                (Some(e), None) => format!(" [{e}]"),
                _ => String::new(),
            };
            format!(
                "{}{at} {} {}{entry}: {}",
                d.path, d.severity, d.check, d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn broken_fixture_has_every_defect_once() {
    let project = Project::open(fixture("broken")).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    insta::assert_snapshot!(listing(&report));
}

/// Opens a fixture: a project when it has `locales/`, else a bare tree against `en-US`.
fn open_fixture(path: &std::path::Path) -> Project {
    if path.join("locales").is_dir() {
        Project::open(path).unwrap()
    } else {
        Project::open_tree(path, folio::parse_tag("en-US").unwrap()).unwrap()
    }
}

/// Runs `folio check` on `tests/fixtures/checks/<check>/`, which holds that check's defect
/// once, and compares the findings with the check's snapshot.
fn finds_its_fixture(id: CheckId) {
    let dir = fixture("checks").join(id.name());
    assert!(dir.is_dir(), "{} has no fixture", id.name());
    let report = check(&open_fixture(&dir), &CheckOptions::default()).unwrap();
    assert!(
        report.diagnostics.iter().any(|d| d.check == id),
        "{id} found nothing in its fixture:\n{}",
        listing(&report)
    );
    insta::assert_snapshot!(id.name(), listing(&report));
}

/// One test per check, so that a mismatch in one does not hide the others.
macro_rules! each_check_finds_its_fixture {
    ($($test:ident => $id:ident,)*) => {
        $(
            #[test]
            fn $test() {
                finds_its_fixture(CheckId::$id);
            }
        )*

        /// The checks with a test above.
        const WITH_A_FIXTURE: &[CheckId] = &[$(CheckId::$id),*];
    };
}

each_check_finds_its_fixture! {
    syntax_error => SyntaxError,
    invalid_utf8 => InvalidUtf8,
    duplicate_entry => DuplicateEntry,
    duplicate_attribute => DuplicateAttribute,
    duplicate_variant => DuplicateVariant,
    invalid_locale => InvalidLocale,
    missing_file => MissingFile,
    obsolete_file => ObsoleteFile,
    missing_message => MissingMessage,
    obsolete_message => ObsoleteMessage,
    missing_value => MissingValue,
    obsolete_value => ObsoleteValue,
    missing_attribute => MissingAttribute,
    obsolete_attribute => ObsoleteAttribute,
    empty_value => EmptyValue,
    missing_variable => MissingVariable,
    unknown_variable => UnknownVariable,
    unknown_message_reference => UnknownMessageReference,
    unknown_term_reference => UnknownTermReference,
    reference_cycle => ReferenceCycle,
    unknown_function => UnknownFunction,
    invalid_function_call => InvalidFunctionCall,
    missing_plural_category => MissingPluralCategory,
    unreachable_variant => UnreachableVariant,
    untranslated => Untranslated,
    outdated => Outdated,
    invalid_record => InvalidRecord,
    markup_mismatch => MarkupMismatch,
    forbidden_markup => ForbiddenMarkup,
    unbalanced_markup => UnbalancedMarkup,
    missing_link => MissingLink,
    unknown_link => UnknownLink,
    whitespace => Whitespace,
    replacement_character => ReplacementCharacter,
    dropped_term_reference => DroppedTermReference,
    dropped_message_reference => DroppedMessageReference,
    unknown_block_message => UnknownBlockMessage,
    content_outside_project => ContentOutsideProject,
    missing_asset => MissingAsset,
    slug_mismatch => SlugMismatch,
    undefined_link => UndefinedLink,
    locale_outside_project => LocaleOutsideProject,
}

#[test]
fn every_check_has_a_test_of_its_own() {
    // `unreadable-file` needs a file the test cannot read: see `unreadable_file_is_reported`.
    assert!(!fixture("checks").join("unreadable-file").exists());
    let untested: Vec<_> = CheckId::ALL
        .iter()
        .filter(|id| **id != CheckId::UnreadableFile && !WITH_A_FIXTURE.contains(id))
        .collect();
    assert!(
        untested.is_empty(),
        "add a fixture and a line above for {untested:?}"
    );
}

#[test]
fn totals_agree_with_compare_locales() {
    // compare-locales 9.0.5 on tests/fixtures/broken/locales (en-US against de and pt_BR):
    //   de:    missing 3, obsolete 1, changed 5 + unchanged 1 = 6 present
    //   pt_BR: missing 8, changed 1 = 1 present
    let project = Project::open(fixture("broken")).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let totals: Vec<_> = report
        .locales
        .iter()
        .map(|l| (l.locale.as_str(), l.present, l.missing, l.obsolete))
        .collect();
    assert_eq!(totals, vec![("de", 6, 3, 1), ("pt_BR", 1, 8, 0)]);
    assert_eq!(report.locales[0].entries, 9);
    assert!((report.locales[0].coverage - 66.67).abs() < f64::EPSILON);
}

#[test]
fn clean_fixture_gives_no_finding() {
    // Terms with `$case` variants, a plural `[one]` variant without `$count`, and a locale
    // (`ja`) with only the `other` category.
    let project = Project::open(fixture("clean")).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    assert_eq!(listing(&report), "");
    assert!(
        report
            .locales
            .iter()
            .all(|l| l.missing == 0 && l.present == l.entries)
    );
}

#[test]
fn locales_can_be_chosen_and_excluded() {
    let project = Project::open(fixture("broken")).unwrap();
    let only = CheckOptions {
        locales: vec!["de".into()],
        exclude: vec![],
        ..CheckOptions::default()
    };
    let report = check(&project, &only).unwrap();
    assert_eq!(report.locales.len(), 1);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.locale.as_deref().is_none_or(|l| l == "de"))
    );
    let without = CheckOptions {
        locales: vec![],
        exclude: vec!["de".into()],
        ..CheckOptions::default()
    };
    let report = check(&project, &without).unwrap();
    assert_eq!(report.locales[0].locale, "pt_BR");
}

#[test]
fn a_bare_tree_is_checked_against_any_reference() {
    // Mozilla's layout: <locale>/**/*.ftl with no folio.toml and no content/.
    let project = Project::open_tree(
        fixture("broken/locales"),
        folio::parse_tag("en-US").unwrap(),
    )
    .unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let de = &report.locales[0];
    assert_eq!((de.locale.as_str(), de.missing), ("de", 3));
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| !d.path.starts_with("locales/"))
    );
}

#[test]
fn a_missing_reference_is_an_error_not_a_finding() {
    let project = Project::open(fixture("clean"))
        .unwrap()
        .with_reference(folio::parse_tag("fr").unwrap());
    let err = check(&project, &CheckOptions::default()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("`fr` has no folder"), "{text}");
    assert!(text.contains("en-US, ja, pl"), "{text}");
}

#[test]
fn line_endings_and_byte_order_marks_do_not_shift_positions() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("en-US/a.ftl", "a = A\nb = B\n    .alt = B\n");
    // CRLF, a byte order mark, and `b` lacking its attribute on line 2.
    write("de/a.ftl", "\u{feff}a = A\r\nb = B\r\n");
    // Bare CR is not a line ending in Fluent (the spec fixture `cr.ftl`): `b` is part of
    // `a`'s value, so `fr` really lacks `b`.
    write("fr/a.ftl", "a = A\rb = B\r");
    let project = Project::open_tree(dir.path(), folio::parse_tag("en-US").unwrap()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.path.as_str(),
                d.check,
                d.location.map(|l| (l.line, l.column)),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("de/a.ftl", CheckId::MissingAttribute, Some((2, 1))),
            ("fr/a.ftl", CheckId::MissingMessage, None),
        ]
    );
}

#[test]
fn empty_files_and_folders_without_fluent_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("en-US")).unwrap();
    std::fs::create_dir_all(dir.path().join("de")).unwrap();
    std::fs::create_dir_all(dir.path().join("configs")).unwrap();
    std::fs::write(dir.path().join("en-US/a.ftl"), "a = A\n").unwrap();
    std::fs::write(dir.path().join("de/a.ftl"), "").unwrap();
    std::fs::write(dir.path().join("configs/l10n.toml"), "x = 1\n").unwrap();
    let project = Project::open_tree(dir.path(), folio::parse_tag("en-US").unwrap()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    // `configs/` holds no Fluent file, so it is not a locale.
    assert_eq!(report.locales.len(), 1);
    assert_eq!(report.locales[0].missing, 1);
    assert_eq!(report.diagnostics[0].check, CheckId::MissingMessage);
    assert_eq!(report.diagnostics[0].severity, Severity::Warning);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("en-US")).unwrap();
    std::fs::create_dir_all(dir.path().join("de")).unwrap();
    std::fs::write(dir.path().join("en-US/a.ftl"), "a = A\n").unwrap();
    // A link to nowhere cannot be read, whoever runs the test (root reads any file).
    std::os::unix::fs::symlink(dir.path().join("nowhere.ftl"), dir.path().join("de/a.ftl"))
        .unwrap();
    std::fs::write(dir.path().join("de/b.ftl"), "b = B\n").unwrap();
    let project = Project::open_tree(dir.path(), folio::parse_tag("en-US").unwrap()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let checks: Vec<_> = report.diagnostics.iter().map(|d| d.check).collect();
    assert!(checks.contains(&CheckId::UnreadableFile), "{checks:?}");
    assert!(!checks.contains(&CheckId::MissingMessage), "{checks:?}");
    assert_eq!(report.locales[0].missing, 1);
}

#[test]
fn every_fluent_spec_fixture_is_checked_and_printed_without_a_panic() {
    // The spec's syntax fixtures (junk of every kind, CRLF, bare CR, astral characters such as
    // `err-😂`, whose parser positions fall inside a character) as both reference and locale.
    let dir = tempfile::tempdir().unwrap();
    for locale in ["en-US", "de"] {
        std::fs::create_dir_all(dir.path().join(locale)).unwrap();
        for entry in std::fs::read_dir(fixture("fluent-spec")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ftl") {
                std::fs::copy(
                    &path,
                    dir.path().join(locale).join(path.file_name().unwrap()),
                )
                .unwrap();
            }
        }
    }
    let project = Project::open_tree(dir.path(), folio::parse_tag("en-US").unwrap()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let syntax_errors = report
        .diagnostics
        .iter()
        .filter(|d| d.check == CheckId::SyntaxError)
        .count();
    assert!(syntax_errors > 100, "{syntax_errors}");
    // Identical trees: nothing is missing or obsolete.
    assert_eq!(
        (report.locales[0].missing, report.locales[0].obsolete),
        (0, 0)
    );
    let mut out = Vec::new();
    let options = folio::ReportOptions {
        paths: project.paths(),
        ..folio::ReportOptions::default()
    };
    folio::write_report(&report, folio::ReportFormat::Human, &options, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("err-😂 = Value"), "the astral line is shown");
}

#[test]
fn folio_ignore_comments_silence_a_check_for_one_entry() {
    let dir = tree(&[
        (
            "en-US/a.ftl",
            "# folio-ignore: untranslated\nslogan = Made with love in the open web\nother = Download the browser for free today\n",
        ),
        (
            "de/a.ftl",
            "slogan = Made with love in the open web\n# folio-ignore: untranslated, whitespace\nother = Download the browser for free today\n",
        ),
        (
            "fr/a.ftl",
            "slogan = Made with love in the open web\nother = Download the browser for free today\n",
        ),
    ]);
    let project = Project::open_tree(dir.path(), folio::parse_tag("en-US").unwrap()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.entry.as_deref().unwrap(), d.check))
        .collect();
    // The reference's comment silences `slogan` everywhere; de's own comment its `other`.
    assert_eq!(found, vec![("fr/a.ftl", "other", CheckId::Untranslated)]);
}

#[test]
fn folio_toml_sets_severities_locales_and_ignored_paths() {
    let dir = tree(&[
        (
            "folio.toml",
            "[check]\nexclude = [\"fr\"]\nignore = [\"locales/*/legacy/**\"]\n[check.severity]\nmissing-message = \"error\"\nwhitespace = \"off\"\n",
        ),
        ("locales/en-US/a.ftl", "a = A text\nb = B text\n"),
        ("locales/en-US/legacy/old.ftl", "old = Old\n"),
        ("locales/de/a.ftl", "a = Ein  Text\n"),
        ("locales/fr/a.ftl", "a = Un texte\n"),
    ]);
    let project = Project::open(dir.path()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.check, d.severity))
        .collect();
    // fr is excluded, legacy/ is not checked (so de lacks no file), the doubled space is off,
    // and a missing message is an error here.
    assert_eq!(
        found,
        vec![("locales/de/a.ftl", CheckId::MissingMessage, Severity::Error)]
    );
    assert_eq!(report.locales.len(), 1);
    assert_eq!(report.locales[0].entries, 2);
}

#[test]
fn a_50_mb_line_is_checked_and_shown_as_a_window() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("en-US")).unwrap();
    std::fs::create_dir_all(dir.path().join("de")).unwrap();
    std::fs::write(dir.path().join("en-US/a.ftl"), "title = Hello { $user }\n").unwrap();
    let mut big = String::from("title = ");
    big.push_str(&"Hallo ".repeat(50 * 1024 * 1024 / 6));
    big.push_str("{ $usr }\n");
    std::fs::write(dir.path().join("de/a.ftl"), &big).unwrap();
    let project = Project::open_tree(dir.path(), folio::parse_tag("en-US").unwrap()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let unknown = report
        .diagnostics
        .iter()
        .find(|d| d.check == CheckId::UnknownVariable)
        .unwrap();
    let excerpt = unknown.excerpt.as_ref().unwrap();
    assert!(excerpt.text.len() <= 2048, "{}", excerpt.text.len());
    assert_eq!(&excerpt.text[excerpt.span.clone()], "usr");
    assert_eq!(unknown.location.unwrap().line, 1);
}

#[test]
fn one_locale_is_checked_as_folio_check_chooses_it() {
    // What an editor's language server checks: a locale `[check] exclude` leaves out has no
    // findings, as in `folio check`.
    let dir = tree(&[
        ("folio.toml", "[check]\nexclude = [\"de\"]\n"),
        ("locales/en-US/a.ftl", "hello = Hello\n"),
        ("locales/de/a.ftl", "hello = Hallo { $nosuch }\n"),
        ("locales/fr/a.ftl", "hello = Bonjour { $nosuch }\n"),
    ]);
    let project = Project::open(dir.path()).unwrap();
    assert!(folio::check_locale(&project, "de", &[]).unwrap().is_empty());
    let fr = folio::check_locale(&project, "fr", &[]).unwrap();
    assert_eq!(fr[0].check, CheckId::UnknownVariable);
    let report = check(&project, &CheckOptions::default()).unwrap();
    assert!(report.diagnostics.iter().all(|d| !d.path.contains("/de/")));
}

#[test]
fn an_entry_marked_untranslated_is_reported_by_untranslated_alone() {
    // It holds the reference's text: a finding about that text is the reference's, reported
    // there once, not again in every locale that copied it.
    let dir = tree(&[
        ("locales/en-US/a.ftl", "hello = Hello { nosuch }\n"),
        (
            "locales/de/a.ftl",
            "# folio: untranslated\nhello = Hello { nosuch }\n",
        ),
    ]);
    let project = Project::open(dir.path()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let found: Vec<(&str, CheckId)> = report
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.check))
        .collect();
    assert_eq!(
        found,
        [
            ("locales/de/a.ftl", CheckId::Untranslated),
            ("locales/en-US/a.ftl", CheckId::UnknownMessageReference),
        ]
    );
}
