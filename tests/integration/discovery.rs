//! One way to find the project, for every command: `--root` (or `check`'s PATH) as given, else
//! the nearest project at or above the current folder; outside any project, commands that
//! check, change or publish files refuse (a CI job run from the wrong folder fails), and those
//! that only show the built-in article say that they do.

use predicates::prelude::*;

use crate::util::{copy_tree, fixture, folio_in};

/// A copy of the `broken` fixture (a project with findings) in a temporary folder.
fn broken_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("broken"), dir.path());
    dir
}

#[test]
fn from_a_folder_inside_a_project_every_command_finds_the_project() {
    let dir = broken_copy();
    let inside = dir.path().join("locales/de");
    // The findings are the project's, shown relative to where the command runs.
    folio_in(&inside)
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "--> ../../locales/de/article.ftl:8:1",
        ))
        .stdout(predicate::str::contains("missing-attribute"));
    // The JSON contract names paths from the project's root, wherever it runs.
    let out = folio_in(&inside)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let report: folio::JsonReport = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.path == "locales/de/article.ftl")
    );
    // render reads the project's article, not the built-in one, and says nothing about it.
    folio_in(&dir.path().join("content"))
        .args(["render", "article", "--locale", "de"])
        .assert()
        .code(1) // the fixture's content names a message no locale has
        .stderr(predicate::str::contains("built into folio").not());
    // sync and fmt act on the project found above.
    folio_in(&inside)
        .args(["sync", "--dry-run"])
        .assert()
        .stdout(predicate::str::contains("locales/de/site.ftl"));
    folio_in(&inside)
        .args(["fmt", "--check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("3 already formatted"))
        .stderr(predicate::str::contains(
            "error: ../../locales/de/article.ftl:16:5",
        ));
}

#[test]
fn outside_any_project_commands_that_check_or_change_files_refuse_and_say_where_they_looked() {
    let empty = tempfile::tempdir().unwrap();
    let here = empty.path().canonicalize().unwrap();
    for args in [
        &["check"][..],
        &["check", "--format", "json"],
        &["sync"],
        &["fmt", "--check"],
        &["new", "fr"],
        &["build", "--out", "site"],
    ] {
        folio_in(empty.path())
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "there is no Folio project in `{}` or any folder above it",
                here.display()
            )));
    }
    assert_eq!(
        std::fs::read_dir(empty.path()).unwrap().count(),
        0,
        "nothing was written"
    );
}

#[test]
fn outside_any_project_render_and_eval_show_the_built_in_article_with_a_note() {
    let empty = tempfile::tempdir().unwrap();
    let note = || {
        predicate::str::contains("note: no Folio project in").and(predicate::str::contains(
            "using the article built into folio",
        ))
    };
    folio_in(empty.path())
        .args(["render", "smp-removal", "--locale", "pl"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Czy"))
        .stderr(note());
    folio_in(empty.path())
        .args(["eval", "--locale", "pl", "--message", "site-reading-time"])
        .args(["--var", "minutes=5"])
        .assert()
        .success()
        .stdout("5 minut czytania\n")
        .stderr(note());
    // Fluent source given on the command line needs no project, and gets no note.
    folio_in(empty.path())
        .args(["eval", "--locale", "de", "x = Hallo"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn root_wins_over_the_project_around_the_current_folder() {
    let dir = broken_copy();
    folio_in(&dir.path().join("locales"))
        .args(["check", "--root"])
        .arg(fixture("clean"))
        .assert()
        .success()
        .stdout(predicate::str::contains("No findings."));
}

#[test]
fn a_plain_tree_of_locale_folders_is_checked_and_synced_from_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("checks/unknown-variable"), dir.path());
    for path in [".", "./"] {
        folio_in(dir.path())
            .args(["check", path])
            .assert()
            .code(1)
            .stdout(predicate::str::contains("--> de/a.ftl:1:33"));
    }
    folio_in(dir.path())
        .args(["sync", "--root", ".", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 of 1 file would change"));
}

#[test]
fn a_file_or_an_empty_reference_folder_is_named_for_what_it_is() {
    let dir = crate::util::tree(&[("locales/de/main.ftl", "a = A\n")]);
    std::fs::create_dir_all(dir.path().join("locales/en-US")).unwrap();
    crate::util::folio_in(dir.path())
        .args(["check", "locales/de/main.ftl"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`locales/de/main.ftl` is a file, not a folder",
        ));
    crate::util::folio_in(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("holds no .ftl file"));
}
