//! The editorial lifecycle: each locale's record of the reference text its translations were
//! made from (`folio-record.txt`), and the `outdated` findings it gives when the reference
//! changes — through `check`, `sync`, `sync --confirm`, `new`, `rename`, `fmt` and `--watch`,
//! in a copy of the project with no git history at all.

use std::path::Path;

use predicates::prelude::*;

use crate::util::{Watching, copy_tree, folio_in, read_tree, repo, tree};

/// A copy of the repository's project: its locales (each with its record) and content, and
/// nothing else (no `.git`: what a shallow CI clone has is more).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["locales", "content"] {
        copy_tree(&repo().join(part), &dir.path().join(part));
    }
    dir
}

fn edit(dir: &Path, rel: &str, change: impl FnOnce(&str) -> String) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = change(&text);
    assert_ne!(changed, text, "{rel} did not change");
    std::fs::write(&path, changed).unwrap();
}

/// `folio check --format json` in `dir` (with `args`), parsed.
fn check_json(dir: &Path, args: &[&str]) -> folio::JsonReport {
    let output = folio_in(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", String::from_utf8_lossy(&output.stdout)))
}

/// (locale, entry, attribute) of each `outdated` finding.
fn outdated(report: &folio::JsonReport) -> Vec<(String, String, Option<String>)> {
    report
        .findings
        .iter()
        .filter(|f| f.check == "outdated")
        .map(|f| {
            (
                f.locale.clone().unwrap_or_default(),
                f.entry.clone().unwrap_or_default(),
                f.attribute.clone(),
            )
        })
        .collect()
}

const DECISION: &str = "smp-removal-decision = In essence, the method behind the madness is permanence, so removal, in theory, shouldn’t be a light decision.";

#[test]
fn a_changed_sentence_is_named_in_every_locale_with_its_diff_and_a_saved_fix_clears_it() {
    let dir = project();
    let locales: Vec<String> = std::fs::read_dir(dir.path().join("locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "en-US")
        .collect();
    assert_eq!(locales.len(), 13);
    assert!(check_json(dir.path(), &[]).findings.is_empty());

    edit(dir.path(), "locales/en-US/smp-removal.ftl", |text| {
        text.replace(
            DECISION,
            &DECISION.replace("a light decision.", "a light decision, nor a quick one."),
        )
    });
    let report = check_json(dir.path(), &[]);
    let found = outdated(&report);
    assert_eq!(found.len(), 13, "{found:?}");
    assert!(
        found
            .iter()
            .all(|(_, id, attribute)| id == "smp-removal-decision" && attribute.is_none())
    );
    let german = report
        .findings
        .iter()
        .find(|f| f.locale.as_deref() == Some("de"))
        .unwrap();
    assert_eq!(german.path, "locales/de/smp-removal.ftl");
    assert!(german.line.is_some());
    assert!(
        german
            .help
            .contains("light [-decision.-]{+decision, nor a quick one.+}"),
        "{}",
        german.help
    );
    assert!(
        german
            .help
            .contains("folio sync --confirm de smp-removal-decision")
    );
    // Counted out of the coverage, in JSON and in the table.
    let de = report.locales.iter().find(|l| l.locale == "de").unwrap();
    assert_eq!((de.outdated, de.entries), (1, 21));
    assert!(
        (de.coverage - 100.0 * 20.0 / 21.0).abs() < 0.01,
        "{}",
        de.coverage
    );
    folio_in(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("outdated  coverage"));

    // The German translator saves the fixed paragraph: cleared, with no other command.
    edit(dir.path(), "locales/de/smp-removal.ftl", |text| {
        text.replace(
            "smp-removal-decision = ",
            "smp-removal-decision = Kurz gesagt: ",
        )
    });
    let found = outdated(&check_json(dir.path(), &[]));
    assert_eq!(found.len(), 12);
    assert!(!found.iter().any(|(locale, ..)| locale == "de"));

    // `sync` records the fix, and leaves the others outdated.
    folio_in(dir.path())
        .arg("sync")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "locales/fr/folio-record.txt: 1 outdated",
        ));
    assert_eq!(outdated(&check_json(dir.path(), &[])).len(), 12);

    // The French translation is still right: confirmed without touching it.
    let french = std::fs::read(dir.path().join("locales/fr/smp-removal.ftl")).unwrap();
    folio_in(dir.path())
        .args(["sync", "--confirm", "fr", "smp-removal-decision"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 confirmed as current"));
    assert_eq!(
        std::fs::read(dir.path().join("locales/fr/smp-removal.ftl")).unwrap(),
        french
    );
    let found = outdated(&check_json(dir.path(), &[]));
    assert_eq!(found.len(), 11);
    assert!(!found.iter().any(|(locale, ..)| locale == "fr"));

    // `--confirm LOCALE` alone confirms every outdated translation of the locale.
    folio_in(dir.path())
        .args(["sync", "--confirm", "ja"])
        .assert()
        .success();
    assert_eq!(outdated(&check_json(dir.path(), &[])).len(), 10);
    // An id the reference lacks is refused.
    folio_in(dir.path())
        .args(["sync", "--confirm", "ko", "smp-removal-nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "has no message, term or attribute `smp-removal-nope`",
        ));
}

/// A small project: the reference and a German translation, recorded by `sync`.
fn recorded(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tree(files);
    folio_in(dir.path()).arg("sync").assert().success();
    assert!(dir.path().join("locales/de/folio-record.txt").is_file());
    dir
}

#[test]
fn each_state_of_a_translation() {
    let dir = recorded(&[
        (
            "locales/en-US/a.ftl",
            "same = Same\nreference = Old text\ntranslation = Kept text\nboth = Both old\nconfirmed = Confirmed old\nhero =\n    .alt = A photo\n    .title = Title\n",
        ),
        (
            "locales/de/a.ftl",
            "same = Gleich\nreference = Alter Text\ntranslation = Behalten\nboth = Beide alt\nconfirmed = Bestätigt\nhero =\n    .alt = Ein Foto\n    .title = Titel\n",
        ),
    ]);
    edit(dir.path(), "locales/en-US/a.ftl", |text| {
        text.replace("Old text", "New text")
            .replace("Both old", "Both new")
            .replace("Confirmed old", "Confirmed new")
            .replace("A photo", "Our photo")
    });
    edit(dir.path(), "locales/de/a.ftl", |text| {
        text.replace("Behalten", "Behalten, geändert")
            .replace("Beide alt", "Beide neu")
    });
    folio_in(dir.path())
        .args(["sync", "--confirm", "de", "confirmed"])
        .assert()
        .success();
    let found = outdated(&check_json(dir.path(), &[]));
    assert_eq!(
        found,
        [
            ("de".into(), "reference".into(), None),
            ("de".into(), "hero".into(), Some("alt".into())),
        ]
    );

    // Layout is not a change: `fmt`, and moving the entries into another file, keep it all.
    std::fs::write(
        dir.path().join("locales/de/a.ftl"),
        "same =\n    Gleich\ntranslation = Behalten, geändert\nboth = Beide neu\nconfirmed = Bestätigt\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("locales/de/moved.ftl"),
        "reference =\n      Alter Text\nhero =\n  .alt =   Ein Foto\n  .title = Titel\n",
    )
    .unwrap();
    folio_in(dir.path()).arg("fmt").assert().success();
    let found = outdated(&check_json(dir.path(), &[]));
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn without_a_record_nothing_is_outdated_and_a_damaged_record_is_a_finding() {
    let dir = recorded(&[
        ("locales/en-US/a.ftl", "a = One\nb = Two\n"),
        ("locales/de/a.ftl", "a = Eins\nb = Zwei\n"),
    ]);
    edit(dir.path(), "locales/en-US/a.ftl", |t| {
        t.replace("One", "One!")
    });
    assert_eq!(outdated(&check_json(dir.path(), &[])).len(), 1);
    let record = dir.path().join("locales/de/folio-record.txt");
    let good = std::fs::read_to_string(&record).unwrap();

    // Gone: nothing outdated, nothing reported.
    std::fs::remove_file(&record).unwrap();
    assert!(check_json(dir.path(), &[]).findings.is_empty());

    // A conflict left in it: each marker is a finding, the other lines still count.
    let conflicted = good.replacen("\na ", "\n<<<<<<< HEAD\na ", 1) + "=======\n>>>>>>> theirs\n";
    std::fs::write(&record, &conflicted).unwrap();
    let report = check_json(dir.path(), &[]);
    let invalid: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.check == "invalid-record")
        .map(|f| (f.path.as_str(), f.line))
        .collect();
    assert_eq!(invalid.len(), 3, "{:?}", report.findings);
    assert!(
        invalid
            .iter()
            .all(|(path, line)| *path == "locales/de/folio-record.txt" && line.is_some())
    );
    assert_eq!(outdated(&report).len(), 1);
    // `sync` will not rewrite it (that would drop lines): refused, byte for byte.
    folio_in(dir.path())
        .arg("sync")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("folio-record.txt:"));
    assert_eq!(std::fs::read_to_string(&record).unwrap(), conflicted);

    // Not text at all: one finding, no crash.
    std::fs::write(&record, b"\xff\xfe\x00garbage").unwrap();
    let report = check_json(dir.path(), &[]);
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    assert_eq!(report.findings[0].check, "invalid-record");
    assert!(report.findings[0].message.contains("not UTF-8"));

    // Lines about entries that are gone: one finding; `sync` tidies them away.
    std::fs::write(&record, &good).unwrap();
    edit(dir.path(), "locales/en-US/a.ftl", |t| {
        t.replace("b = Two\n", "")
    });
    let report = check_json(dir.path(), &[]);
    let gone: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.check == "invalid-record")
        .collect();
    assert_eq!(gone.len(), 1);
    assert!(gone[0].message.contains("`b` (line"), "{}", gone[0].message);
    let output = folio_in(dir.path())
        .args(["sync", "--prune"])
        .output()
        .unwrap();
    let text = std::fs::read_to_string(&record).unwrap();
    assert!(
        !text.lines().any(|l| l.starts_with("b ")),
        "{text}\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn coverage_counts_outdated_entries_and_min_coverage_names_what_is_not_done() {
    let dir = recorded(&[
        (
            "locales/en-US/a.ftl",
            "a = One\nb = Two\nc = Three\nd = Four\n",
        ),
        ("locales/de/a.ftl", "a = Eins\nb = Zwei\nc = Drei\n"),
    ]);
    edit(dir.path(), "locales/en-US/a.ftl", |t| {
        t.replace("Two", "Two!")
    });
    let report = check_json(dir.path(), &["--min-coverage", "80"]);
    let de = &report.locales[0];
    // `sync` added `d`, marked untranslated.
    assert_eq!((de.present, de.untranslated, de.outdated), (4, 1, 1));
    assert!((de.coverage - 50.0).abs() < 1e-9);
    let not_done: Vec<_> = de
        .not_done
        .iter()
        .map(|n| (n.entry.as_str(), n.reason.as_str(), n.path.as_str()))
        .collect();
    assert_eq!(
        not_done,
        [
            ("b", "outdated", "locales/de/a.ftl"),
            ("d", "untranslated", "locales/de/a.ftl")
        ]
    );
    let coverage = report.coverage.as_ref().unwrap();
    assert_eq!(coverage.below, ["de"]);

    // Every format names them.
    for format in ["human", "github", "sarif", "junit"] {
        let output = folio_in(dir.path())
            .args(["check", "--min-coverage", "80", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains("`b` (outdated, locales/de/a.ftl)")
                && text.contains("`d` (untranslated, locales/de/a.ftl)"),
            "{format}: {text}"
        );
    }

    // Silenced above the entry: no finding, and done in the coverage, as the report shows.
    edit(dir.path(), "locales/de/a.ftl", |t| {
        t.replace("b = Zwei", "# folio-ignore: outdated\nb = Zwei")
    });
    let report = check_json(dir.path(), &[]);
    assert!(outdated(&report).is_empty());
    assert_eq!(report.locales[0].outdated, 0);
    edit(dir.path(), "locales/de/a.ftl", |t| {
        t.replace("# folio-ignore: outdated\n", "")
    });

    // Configured to count them as done.
    std::fs::write(
        dir.path().join("folio.toml"),
        "[check]\noutdated-counts-as-done = true\n",
    )
    .unwrap();
    let report = check_json(dir.path(), &[]);
    assert!((report.locales[0].coverage - 75.0).abs() < 1e-9);
    assert_eq!(report.locales[0].outdated, 1);
    // Turned off, the check counts nothing as outdated.
    std::fs::write(
        dir.path().join("folio.toml"),
        "[check.severity]\noutdated = \"off\"\n",
    )
    .unwrap();
    let report = check_json(dir.path(), &[]);
    assert_eq!(report.locales[0].outdated, 0);
    assert!(outdated(&report).is_empty());
}

#[test]
fn new_records_what_it_copied_and_entries_not_to_translate_stay_unmarked() {
    let dir = tree(&[(
        "locales/en-US/a.ftl",
        "title = Hello\n# folio-ignore: untranslated\ncitation = Smith, J. (2019). Pigment lasers.\nbody = Some text to translate here.\n",
    )]);
    folio_in(dir.path()).args(["new", "de"]).assert().success();
    let german = std::fs::read_to_string(dir.path().join("locales/de/a.ftl")).unwrap();
    assert_eq!(
        german,
        "# folio: untranslated\ntitle = Hello\n# folio-ignore: untranslated\ncitation = Smith, J. (2019). Pigment lasers.\n# folio: untranslated\nbody = Some text to translate here.\n"
    );
    let record = std::fs::read_to_string(dir.path().join("locales/de/folio-record.txt")).unwrap();
    assert_eq!(record.lines().filter(|l| !l.starts_with('#')).count(), 3);
    let report = check_json(dir.path(), &["--min-coverage", "60"]);
    let de = &report.locales[0];
    assert_eq!(de.untranslated, 2);
    assert!((de.coverage - 33.33).abs() < 1e-9);
    let named: Vec<_> = de.not_done.iter().map(|n| n.entry.as_str()).collect();
    assert_eq!(named, ["title", "body"]);

    // A copy marked by an older sync counts as done too, and is not reported.
    edit(dir.path(), "locales/de/a.ftl", |t| {
        t.replace(
            "# folio-ignore: untranslated\n",
            "# folio-ignore: untranslated\n# folio: untranslated\n",
        )
    });
    let report = check_json(dir.path(), &[]);
    assert_eq!(report.locales[0].untranslated, 2);
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.entry.as_deref() == Some("citation"))
    );

    // Translated from the copy; then the reference changes: outdated.
    edit(dir.path(), "locales/de/a.ftl", |t| {
        t.replace("# folio: untranslated\ntitle = Hello", "title = Hallo")
    });
    assert!(outdated(&check_json(dir.path(), &[])).is_empty());
    folio_in(dir.path()).arg("sync").assert().success();
    edit(dir.path(), "locales/en-US/a.ftl", |t| {
        t.replace("Hello", "Hello there")
    });
    assert_eq!(outdated(&check_json(dir.path(), &[])).len(), 1);
}

#[test]
fn a_rename_moves_the_record_and_changes_nothing_else() {
    let dir = recorded(&[
        (
            "locales/en-US/a.ftl",
            "-brand = Folio\nintro = Welcome to { -brand }.\nold-id = Old text\nkept = Kept\n",
        ),
        (
            "locales/de/a.ftl",
            "-brand = Folio\nintro = Willkommen bei { -brand }.\nold-id = Alter Text\nkept = Behalten\n",
        ),
    ]);
    edit(dir.path(), "locales/en-US/a.ftl", |t| {
        t.replace("Old text", "Old text, changed")
    });
    let before = outdated(&check_json(dir.path(), &[]));
    assert_eq!(before, [("de".into(), "old-id".into(), None)]);
    folio_in(dir.path())
        .args(["rename", "old-id", "new-id", "-brand", "-product"])
        .assert()
        .success();
    let report = check_json(dir.path(), &[]);
    assert_eq!(outdated(&report), [("de".into(), "new-id".into(), None)]);
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    let record = std::fs::read_to_string(dir.path().join("locales/de/folio-record.txt")).unwrap();
    assert!(
        record.contains("\n-product ") && record.contains("Welcome to { -product }."),
        "{record}"
    );
    assert!(
        !record.contains("old-id") && !record.contains("-brand"),
        "{record}"
    );
}

#[test]
fn rename_outdate_marks_every_translation_of_the_renamed_message() {
    let dir = recorded(&[
        (
            "locales/en-US/a.ftl",
            "intro = Welcome.\nhero = Hero\n    .alt = A photo\nkept = Kept\n",
        ),
        (
            "locales/de/a.ftl",
            "intro = Willkommen.\nhero = Held\n    .alt = Ein Foto\nkept = Behalten\n",
        ),
    ]);
    folio_in(dir.path())
        .args(["rename", "--outdate", "hero", "banner", "intro", "opening"])
        .assert()
        .success();
    let report = check_json(dir.path(), &[]);
    let mut found = outdated(&report);
    found.sort();
    assert_eq!(
        found,
        [
            ("de".into(), "banner".into(), None),
            ("de".into(), "banner".into(), Some("alt".into())),
            ("de".into(), "opening".into(), None),
        ]
    );
    let help = &report
        .findings
        .iter()
        .find(|f| f.check == "outdated")
        .unwrap()
        .help;
    assert!(help.contains("folio rename --outdate"), "{help}");
    // Confirmed, or edited: cleared like any other.
    folio_in(dir.path())
        .args(["sync", "--confirm", "de", "banner"])
        .assert()
        .success();
    edit(dir.path(), "locales/de/a.ftl", |t| {
        t.replace("Willkommen.", "Herzlich willkommen.")
    });
    assert!(outdated(&check_json(dir.path(), &[])).is_empty());
}

#[test]
fn a_shallow_copy_without_git_works_and_check_never_writes() {
    let dir = project();
    assert!(!dir.path().join(".git").exists());
    edit(dir.path(), "locales/en-US/smp-removal.ftl", |t| {
        t.replace(
            "smp-removal-title = Can Scalp Micropigmentation Be Removed?",
            "smp-removal-title = Can Scalp Micropigmentation Really Be Removed?",
        )
    });
    let before = read_tree(dir.path());
    let report = check_json(dir.path(), &[]);
    // The Arabic title is built from the term, and says the same: still outdated, its text
    // having not changed.
    assert_eq!(outdated(&report).len(), 13);
    assert_eq!(read_tree(dir.path()), before);
}

#[test]
fn check_watch_shows_an_entry_becoming_outdated_and_clearing() {
    let dir = project();
    let mut watching = Watching::start(dir.path(), &["--locale", "de"]);
    watching.until("for changes (Ctrl-C to stop)");
    edit(dir.path(), "locales/en-US/smp-removal.ftl", |t| {
        t.replace(DECISION, &DECISION.replace("decision.", "decision at all."))
    });
    let run = watching.until("Now ");
    assert!(
        run.contains("1 new:") && run.contains("warning[outdated]"),
        "{run}"
    );
    assert!(run.contains("at all.+}"), "{run}");
    edit(dir.path(), "locales/de/smp-removal.ftl", |t| {
        t.replace("smp-removal-decision = ", "smp-removal-decision = Kurz: ")
    });
    let run = watching.until("Now ");
    assert!(
        run.contains("1 fixed:") && run.contains("[outdated]"),
        "{run}"
    );
}

#[test]
fn the_command_a_terms_finding_suggests_confirms_it() {
    // Found by trying: the help said `folio sync --confirm de -clinic-city`, which the command
    // line read as options (`unexpected argument '-c'`).
    let dir = project();
    edit(dir.path(), "locales/en-US/smp-removal.ftl", |text| {
        text.replacen(
            "-clinic-city = Manchester",
            "-clinic-city = Greater Manchester",
            1,
        )
    });
    let report = check_json(dir.path(), &[]);
    let german = report
        .findings
        .iter()
        .find(|f| f.locale.as_deref() == Some("de") && f.entry.as_deref() == Some("-clinic-city"))
        .expect("the German term is outdated");
    let suggested = "folio sync --confirm de -- -clinic-city";
    assert!(german.help.contains(suggested), "{}", german.help);
    let args: Vec<&str> = suggested.split(' ').skip(1).collect();
    folio_in(dir.path())
        .args(&args)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 confirmed as current"));
    let after = check_json(dir.path(), &[]);
    assert!(
        !outdated(&after)
            .iter()
            .any(|(locale, id, _)| locale == "de" && id == "-clinic-city")
    );
}

#[test]
fn a_copy_never_translated_follows_the_reference_and_a_sentence_moved_out_is_not_shown_twice() {
    // The scenario in a locale part-way through translation: the last sentence of a
    // paragraph moved into a new message. The copy of the old paragraph, never translated,
    // kept the sentence, so the page said it twice.
    let dir = tree(&[
        (
            "content/a.toml",
            "slug = \"a\"\ntitle = \"a-title\"\n\n[[blocks]]\ntype = \"paragraph\"\nmessage = \"a-one\"\n\n[[blocks]]\ntype = \"paragraph\"\nmessage = \"a-two\"\n",
        ),
        (
            "locales/en-US/a.ftl",
            "a-title = A title\na-one = The first sentence. The moved sentence.\na-two = Another paragraph.\n",
        ),
    ]);
    folio_in(dir.path()).args(["new", "de"]).assert().success();
    // A translator translates `a-two` but leaves the mark.
    edit(dir.path(), "locales/de/a.ftl", |text| {
        text.replace("a-two = Another paragraph.", "a-two = Ein anderer Absatz.")
    });
    std::fs::write(
        dir.path().join("locales/en-US/a.ftl"),
        "a-title = A title\na-one = The first sentence.\na-moved = The moved sentence.\na-two = Another paragraph, edited.\n",
    )
    .unwrap();
    edit(dir.path(), "content/a.toml", |text| {
        text.replace(
            "message = \"a-two\"",
            "message = \"a-moved\"\n\n[[blocks]]\ntype = \"paragraph\"\nmessage = \"a-two\"",
        )
    });
    folio_in(dir.path())
        .arg("sync")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1 copy of the reference, never translated, brought up to its new text (a-one)",
        ));
    let de = std::fs::read_to_string(dir.path().join("locales/de/a.ftl")).unwrap();
    assert!(de.contains("a-one = The first sentence.\n"), "{de}");
    assert!(de.contains("a-moved = The moved sentence."), "{de}");
    // The translator's work is theirs: left as it is.
    assert!(de.contains("a-two = Ein anderer Absatz."), "{de}");
    let page = folio_in(dir.path())
        .args(["render", "a", "--locale", "de", "--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8(page.stdout).unwrap();
    assert_eq!(text.matches("The moved sentence.").count(), 1, "{text}");
    // A second sync has nothing left to do.
    let before = read_tree(dir.path());
    folio_in(dir.path()).arg("sync").assert().success();
    assert_eq!(read_tree(dir.path()), before);
}

#[test]
fn sync_says_when_it_records_edited_translations() {
    // Found by trying: the record changed, and `sync` said "0 of 26 files changed".
    let dir = project();
    edit(dir.path(), "locales/de/smp-removal.ftl", |text| {
        text.replacen(
            "smp-removal-decision = ",
            "smp-removal-decision = Also: ",
            1,
        )
    });
    folio_in(dir.path())
        .arg("sync")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "locales/de/folio-record.txt: edited translations recorded as they are now",
        ));
}
