//! A translator's commands: `folio new` starts a locale, `folio sync` brings one up to date;
//! every refusal, and never a lost line.

use std::path::Path;

use folio::edit::sync::{Prune, sync_text};
use folio::{CheckId, CheckOptions, Project};
use predicates::prelude::*;
use proptest::prelude::*;

use crate::util::{Watching, copy_tree, folio_in, repo};

/// A copy of the repository's project.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["locales", "content"] {
        copy_tree(&repo().join(part), &dir.path().join(part));
    }
    dir
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap()
}

fn check(dir: &Path) -> folio::CheckReport {
    folio::check(&Project::open(dir).unwrap(), &CheckOptions::default()).unwrap()
}

#[test]
fn new_starts_a_locale_with_every_entry_marked() {
    let dir = project();
    folio_in(dir.path())
        .args(["new", "fr-ca"])
        .assert()
        .success()
        .stdout(predicate::str::contains("canonical form, `fr-CA`"))
        .stdout(predicate::str::contains("entries to translate"));
    let reference = read(dir.path(), "locales/en-US/smp-removal.ftl");
    let created = read(dir.path(), "locales/fr-CA/smp-removal.ftl");
    // The reference's text, with a mark above every entry and nothing else changed.
    assert_eq!(created.replace("# folio: untranslated\n", ""), reference);
    let ids = reference
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-'))
        .count();
    assert_eq!(created.matches("# folio: untranslated\n").count(), ids);

    let report = check(dir.path());
    let stats = report.locales.iter().find(|l| l.locale == "fr-CA").unwrap();
    assert_eq!((stats.missing, stats.untranslated), (0, stats.entries));
    assert!(stats.coverage.abs() < f64::EPSILON, "{}", stats.coverage);
    let findings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.locale.as_deref() == Some("fr-CA"))
        .collect();
    assert_eq!(findings.len(), stats.entries, "one finding per entry");
    assert!(findings.iter().all(|d| d.check == CheckId::Untranslated));
}

#[test]
fn a_translated_entry_that_keeps_its_mark_is_reported_and_a_cleared_one_counts() {
    let dir = project();
    folio_in(dir.path()).args(["new", "nl"]).assert().success();
    let path = dir.path().join("locales/nl/smp-removal.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    let title = "smp-removal-title = Can Scalp Micropigmentation Be Removed?";
    let translated = "smp-removal-title = Kan een haarpigmentatie worden verwijderd?";
    std::fs::write(&path, text.replace(title, translated)).unwrap();
    let report = check(dir.path());
    assert!(report.diagnostics.iter().any(|d| {
        d.entry.as_deref() == Some("smp-removal-title")
            && d.message.contains("translated but still marked")
    }));
    let cleared = text.replace(&format!("# folio: untranslated\n{title}"), translated);
    std::fs::write(&path, cleared).unwrap();
    let report = check(dir.path());
    let stats = report.locales.iter().find(|l| l.locale == "nl").unwrap();
    assert_eq!(stats.untranslated, stats.entries - 1);
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.entry.as_deref() == Some("smp-removal-title")
                && d.locale.as_deref() == Some("nl"))
    );
}

#[test]
fn new_refuses_a_malformed_tag_and_an_existing_locale_touching_nothing() {
    let dir = project();
    folio_in(dir.path())
        .args(["new", "pt_PT"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`pt_PT` is not a valid BCP 47 language tag",
        ));
    let before = read(dir.path(), "locales/de/smp-removal.ftl");
    for existing in ["de", "DE", "en-us"] {
        folio_in(dir.path())
            .args(["new", existing])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("exists already"))
            .stderr(predicate::str::contains("folio sync"));
    }
    assert_eq!(read(dir.path(), "locales/de/smp-removal.ftl"), before);
    let names: Vec<_> = std::fs::read_dir(dir.path().join("locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 14, "no folder was created: {names:?}");
    // Without a project there is nothing to add a locale to.
    let empty = tempfile::tempdir().unwrap();
    folio_in(empty.path())
        .args(["new", "fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no Folio project"));
}

/// The reference of the copy, with `edit` applied.
fn edit_reference(dir: &Path, edit: impl FnOnce(String) -> String) {
    let path = dir.join("locales/en-US/smp-removal.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
}

#[test]
fn sync_adds_at_the_references_place_keeps_the_rest_and_is_idempotent() {
    let dir = project();
    edit_reference(dir.path(), |text| {
        text.replace(
            "smp-removal-too-deep =",
            "# A paragraph the translations do not have yet.\nsmp-removal-aftercare = Look after your scalp.\n\nsmp-removal-too-deep =",
        )
    });
    let before = read(dir.path(), "locales/de/smp-removal.ftl");
    folio_in(dir.path())
        .args(["sync", "de", "pl"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "smp-removal.ftl: 1 added, marked `# folio: untranslated`",
        ))
        .stdout(predicate::str::contains(
            "2 of 4 files changed: 2 entries added",
        ));
    let after = read(dir.path(), "locales/de/smp-removal.ftl");
    let added = "\n# A paragraph the translations do not have yet.\n# folio: untranslated\nsmp-removal-aftercare = Look after your scalp.\n";
    // Exactly one insertion, just before the German paragraph that follows it in English.
    let at = before.find("\nsmp-removal-too-deep =").unwrap();
    assert_eq!(after, format!("{}{added}{}", &before[..at], &before[at..]));
    folio_in(dir.path())
        .args(["sync"])
        .assert()
        .success()
        .stdout(predicate::str::contains("11 of 26 files changed"));
    folio_in(dir.path())
        .args(["sync"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 of 26 files changed: 0 entries added",
        ));
    let report = check(dir.path());
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.check == CheckId::MissingMessage)
    );
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let dir = project();
    edit_reference(dir.path(), |text| {
        format!("{text}\nsmp-removal-extra = Extra\n")
    });
    let before = read(dir.path(), "locales/ar/smp-removal.ftl");
    folio_in(dir.path())
        .args(["sync", "ar", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("+++ b/"))
        .stdout(predicate::str::contains("+smp-removal-extra = Extra"))
        .stdout(predicate::str::contains("1 of 2 files would change"));
    assert_eq!(read(dir.path(), "locales/ar/smp-removal.ftl"), before);
}

#[test]
fn obsolete_entries_are_reported_then_moved_then_deleted_and_obsolete_files_left_alone() {
    let dir = project();
    let path = dir.path().join("locales/de/smp-removal.ftl");
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{original}\n# Kept for later\nsmp-removal-old = Alt\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("locales/de/legacy.ftl"), "legacy = Alt\n").unwrap();
    folio_in(dir.path())
        .args(["sync", "de"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "`smp-removal-old` is not in the reference (kept",
        ))
        .stdout(predicate::str::contains(
            "legacy.ftl: not in the reference (left as it is)",
        ));
    folio_in(dir.path())
        .args(["sync", "de", "--prune"])
        .assert()
        .success();
    let moved = std::fs::read_to_string(&path).unwrap();
    assert!(moved.starts_with(&original));
    assert!(moved.contains("## folio: obsolete"));
    assert!(moved.ends_with("\n# Kept for later\nsmp-removal-old = Alt\n"));
    folio_in(dir.path())
        .args(["sync", "de", "--prune=delete"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    assert_eq!(read(dir.path(), "locales/de/legacy.ftl"), "legacy = Alt\n");
}

#[test]
fn a_file_with_a_syntax_error_is_named_and_left_as_it_is() {
    let dir = project();
    edit_reference(dir.path(), |text| {
        format!("{text}\nsmp-removal-extra = Extra\n")
    });
    let path = dir.path().join("locales/de/smp-removal.ftl");
    let broken = format!(
        "{}\nbroken = {{ $x\n",
        read(dir.path(), "locales/de/smp-removal.ftl")
    );
    std::fs::write(&path, &broken).unwrap();
    folio_in(dir.path())
        .args(["sync", "de"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("locales/de/smp-removal.ftl:"))
        .stderr(predicate::str::contains("left as it is"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    folio_in(dir.path())
        .args(["sync", "xx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("folio new xx"));
}

#[test]
fn crlf_a_missing_final_newline_and_the_mode_survive_a_sync() {
    let dir = project();
    edit_reference(dir.path(), |text| {
        format!("{text}\nsmp-removal-extra = Extra\n")
    });
    let path = dir.path().join("locales/tr/smp-removal.ftl");
    let crlf = read(dir.path(), "locales/tr/smp-removal.ftl").replace('\n', "\r\n");
    let crlf = crlf.trim_end().to_string();
    std::fs::write(&path, &crlf).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    folio_in(dir.path()).args(["sync", "tr"]).assert().success();
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&crlf));
    assert!(
        after.ends_with("\r\nsmp-removal-extra = Extra"),
        "{after:?}"
    );
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// Runs `command` with writes limited to `bytes`-sized files: the kernel kills the process
/// (SIGXFSZ) in the middle of writing anything larger, as a crash would.
#[cfg(unix)]
fn crash_while_writing(dir: &Path, args: &str) -> std::process::ExitStatus {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 4; exec {} {args}",
            env!("CARGO_BIN_EXE_folio")
        ))
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_crash_in_the_middle_of_a_write_leaves_the_original_whole() {
    use std::os::unix::process::ExitStatusExt;
    let dir = project();
    edit_reference(dir.path(), |text| {
        format!("{text}\nsmp-removal-extra = Extra\n")
    });
    // The German article is larger than the limit (4 blocks: 2 KiB in dash, 4 KiB in bash).
    let path = dir.path().join("locales/de/smp-removal.ftl");
    let original = std::fs::read(&path).unwrap();
    assert!(original.len() > 4096);
    let status = crash_while_writing(dir.path(), "sync de");
    assert_eq!(
        status.signal(),
        Some(25),
        "killed by SIGXFSZ while writing: {status:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), original);

    let unformatted = String::from_utf8(original.clone())
        .unwrap()
        .replace(" = ", "=");
    std::fs::write(&path, &unformatted).unwrap();
    let status = crash_while_writing(dir.path(), "fmt locales/de");
    assert_eq!(status.signal(), Some(25), "{status:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), unformatted);
}

/// One entry of a generated file: its id and its whole text, comment included.
#[derive(Clone, Debug)]
struct Entry {
    id: String,
    text: String,
}

fn entry(id: String, value: &str, comment: bool, attribute: bool) -> Entry {
    let about = if comment {
        format!("# About {id}.\n")
    } else {
        String::new()
    };
    let mut text = format!("{about}{id} = {value}\n");
    if attribute {
        text.push_str("    .title = A title\n");
    }
    Entry { id, text }
}

/// A file of `entries`, separated by 0 to 2 blank lines each.
fn file(entries: &[Entry], gaps: &[usize]) -> String {
    let mut text = String::new();
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            text.push_str(&"\n".repeat(gaps.get(i).copied().unwrap_or(1) % 3));
        }
        text.push_str(&e.text);
    }
    text
}

#[derive(Clone, Debug)]
enum RefEdit {
    Insert(usize, usize),
    Remove(usize),
    Swap(usize, usize),
}

fn ref_edit() -> impl Strategy<Value = RefEdit> {
    prop_oneof![
        (0..40usize, 0..1000usize).prop_map(|(at, n)| RefEdit::Insert(at, n)),
        (0..40usize).prop_map(RefEdit::Remove),
        (0..40usize, 0..40usize).prop_map(|(a, b)| RefEdit::Swap(a, b)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// For random edits to the reference, `sync` then `check` reports no missing entry, no
    /// entry of the locale changes by a byte or moves out of order, and a second sync changes
    /// nothing.
    #[test]
    fn sync_then_check_finds_nothing_missing_and_nothing_translated_changes(
        shape in proptest::collection::vec((any::<bool>(), any::<bool>(), 0..4u8), 1..20),
        gaps in proptest::collection::vec(0..3usize, 40),
        obsolete in 0..3usize,
        edits in proptest::collection::vec(ref_edit(), 0..12),
    ) {
        let reference: Vec<Entry> = shape
            .iter()
            .enumerate()
            .map(|(i, (comment, attribute, _))| {
                let id = if i % 7 == 6 { format!("-term{i}") } else { format!("msg{i}") };
                entry(id, &format!("English {i}"), *comment, *attribute)
            })
            .collect();
        // The locale: some entries translated (0, 1), some missing (2), some untouched (3).
        let mut locale: Vec<Entry> = reference
            .iter()
            .zip(&shape)
            .filter(|(_, (_, _, fate))| *fate != 2)
            .map(|(e, (comment, attribute, fate))| match fate {
                3 => e.clone(),
                _ => entry(e.id.clone(), &format!("Übersetzt {}", e.id), *comment, *attribute),
            })
            .collect();
        for k in 0..obsolete {
            locale.push(entry(format!("old{k}"), "Alt", true, false));
        }
        let locale_text = file(&locale, &gaps);

        let mut edited = reference.clone();
        for edit in &edits {
            match *edit {
                RefEdit::Insert(at, n) => {
                    let at = at % (edited.len() + 1);
                    edited.insert(at, entry(format!("new{n}"), &format!("New {n}"), n % 2 == 0, false));
                }
                RefEdit::Remove(at) if !edited.is_empty() => {
                    edited.remove(at % edited.len());
                }
                RefEdit::Swap(a, b) if !edited.is_empty() => {
                    let len = edited.len();
                    edited.swap(a % len, b % len);
                }
                _ => {}
            }
        }
        let mut seen = std::collections::HashSet::new();
        edited.retain(|e| seen.insert(e.id.clone()));
        let reference_text = file(&edited, &gaps);

        let synced = sync_text(&reference_text, Some(&locale_text), Prune::Keep).unwrap();
        // Every entry of the locale, byte for byte, in its order.
        let mut from = 0;
        for e in &locale {
            let found = synced.text[from..].find(&e.text);
            prop_assert!(found.is_some(), "{:?} lost or reordered in\n{}", e.text, synced.text);
            from += found.unwrap() + e.text.len();
        }
        // Idempotent.
        let again = sync_text(&reference_text, Some(&synced.text), Prune::Keep).unwrap();
        prop_assert_eq!(&again.text, &synced.text);
        prop_assert!(again.added.is_empty());

        // And `check` agrees that nothing is missing.
        let dir = tempfile::tempdir().unwrap();
        for (locale, text) in [("en-US", &reference_text), ("de", &synced.text)] {
            std::fs::create_dir_all(dir.path().join("locales").join(locale)).unwrap();
            std::fs::write(dir.path().join("locales").join(locale).join("a.ftl"), text).unwrap();
        }
        let report = check(dir.path());
        let missing: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| matches!(d.check, CheckId::MissingMessage | CheckId::SyntaxError))
            .collect();
        prop_assert!(missing.is_empty(), "{:?}\n{}", missing, synced.text);
    }
}

#[test]
fn check_watch_shows_what_a_save_broke_and_what_the_next_fixed() {
    let dir = project();
    let mut watching = Watching::start(dir.path(), &[]);
    let first = watching.until("for changes (Ctrl-C to stop)");
    assert!(first.contains("No findings."), "{first}");
    let path = dir.path().join("locales/pl/smp-removal.ftl");
    let original = std::fs::read_to_string(&path).unwrap();

    // A save that drops the Polish `few` variant of the reading time.
    let site = dir.path().join("locales/pl/site.ftl");
    let site_text = std::fs::read_to_string(&site).unwrap();
    let few = site_text
        .lines()
        .find(|l| l.trim_start().starts_with("[few]"))
        .expect("Polish has a few variant")
        .to_string();
    std::fs::write(&site, site_text.replace(&format!("{few}\n"), "")).unwrap();
    let run = watching.until("Now ");
    assert!(run.contains("site.ftl changed"), "{run}");
    assert!(run.contains("1 new:"), "{run}");
    assert!(run.contains("warning[missing-plural-category]"), "{run}");
    assert!(run.contains("locales/pl/site.ftl:"), "{run}");

    // An unrelated save: nothing new.
    std::fs::write(&path, format!("{original}\n")).unwrap();
    let run = watching.until("Now ");
    assert!(run.contains("Nothing new, nothing fixed."), "{run}");

    // The fix.
    std::fs::write(&site, &site_text).unwrap();
    let run = watching.until("Now ");
    assert!(run.contains("1 fixed:"), "{run}");
    assert!(run.contains("[missing-plural-category]"), "{run}");
    assert!(run.contains("Now 0 errors, 0 warnings."), "{run}");
}

#[test]
fn check_watch_needs_the_human_format_and_files_on_disk() {
    let empty = tempfile::tempdir().unwrap();
    folio_in(empty.path())
        .args(["check", "--watch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no Folio project"));
    folio_in(&repo())
        .args(["check", "--watch", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("human format"));
}

#[test]
fn sync_can_leave_locales_out() {
    let dir = project();
    edit_reference(dir.path(), |text| {
        format!("{text}\nsmp-removal-extra = Extra\n")
    });
    let before = read(dir.path(), "locales/ja/smp-removal.ftl");
    folio_in(dir.path())
        .args(["sync", "--exclude", "ja", "--exclude", "ko"])
        .assert()
        .success()
        .stdout(predicate::str::contains("11 of 22 files changed"));
    assert_eq!(read(dir.path(), "locales/ja/smp-removal.ftl"), before);
}
