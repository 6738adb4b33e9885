//! The `folio` command: exit codes, formats and error messages.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use folio::JsonReport;
use predicates::prelude::*;

use crate::util::{fixture, folio, folio_in};

/// A tree whose only findings are warnings: `de` lacks one message.
fn warnings_only() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in [("en-US/a.ftl", "a = A\nb = B\n"), ("de/a.ftl", "a = A\n")] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn check_exit_codes() {
    folio()
        .args(["check"])
        .arg(fixture("clean"))
        .assert()
        .success()
        .stdout(predicate::str::contains("No findings."));
    folio().arg("check").arg(fixture("broken")).assert().code(1);

    let tree = warnings_only();
    folio().arg("check").arg(tree.path()).assert().code(0);
    folio()
        .args(["check", "--deny", "warnings"])
        .arg(tree.path())
        .assert()
        .code(1);
}

#[test]
fn check_human_output_shows_source_caret_help_and_coverage() {
    let output = folio()
        .arg("check")
        .arg(fixture("broken"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    assert!(text.contains("error[missing-attribute]: `article-hero` has no `.alt` attribute"));
    assert!(text.contains("locales/de/article.ftl:8:1"), "{text}");
    assert!(text.contains("8 | article-hero ="), "{text}");
    assert!(text.contains("  | ^^^^^^^^^^^^"), "{text}");
    assert!(
        text.contains("help: add `.alt = …` under `article-hero`"),
        "{text}"
    );
    assert!(text.contains("Found 12 errors, 5 warnings."), "{text}");
    assert!(
        text.contains("de            9        6        3         1    66.67%"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour when piped");
}

#[test]
fn check_colour_is_opt_in_when_piped() {
    let out = folio()
        .args(["check", "--color", "always"])
        .arg(fixture("broken"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn check_json_parses_back_into_the_contract() {
    let output = folio()
        .args(["check", "--format", "json"])
        .arg(fixture("broken"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: JsonReport = serde_json::from_slice(&output).unwrap();
    let finding = report
        .findings
        .iter()
        .find(|f| f.check == "missing-attribute" && f.entry.as_deref() == Some("article-hero"))
        .unwrap();
    assert_eq!(finding.severity, folio::Severity::Error);
    assert_eq!(finding.locale.as_deref(), Some("de"));
    assert_eq!(finding.path, "locales/de/article.ftl");
    assert_eq!((finding.line, finding.column), (Some(8), Some(1)));
    assert_eq!(finding.attribute.as_deref(), Some("alt"));
    assert!(!finding.help.is_empty());

    let file_level = report
        .findings
        .iter()
        .find(|f| f.check == "missing-file")
        .unwrap();
    assert_eq!((file_level.entry.as_ref(), file_level.line), (None, None));

    let de = &report.locales[0];
    assert_eq!(
        (
            de.locale.as_str(),
            de.entries,
            de.present,
            de.missing,
            de.obsolete
        ),
        ("de", 9, 6, 3, 1)
    );
    // The JSON field names are the contract.
    let raw: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let keys: Vec<_> = raw["findings"][0]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        keys,
        [
            "attribute",
            "check",
            "column",
            "end_column",
            "end_line",
            "entry",
            "help",
            "line",
            "locale",
            "message",
            "path",
            "severity"
        ]
    );
}

#[test]
fn check_cannot_run_exits_2() {
    folio()
        .args(["check", "/no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read `/no/such/folder`"));
    folio().args(["check", "--format", "xml"]).assert().code(2);
    folio()
        .args(["check", "--reference", "en_US"])
        .arg(fixture("clean"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`en_US` is not a valid BCP 47 language tag",
        ));
    folio()
        .args(["check", "--reference", "fr"])
        .arg(fixture("clean"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the reference locale `fr` has no folder",
        ));

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("locales")).unwrap();
    std::fs::write(
        dir.path().join("folio.toml"),
        "reference = \"en-US\"\nlocale = \"x\"\n",
    )
    .unwrap();
    folio()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "folio.toml:2:1: unknown field `locale`",
        ));
}

#[test]
fn check_a_broken_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut reference = String::new();
    for i in 0..5000 {
        writeln!(reference, "message-{i} = Text {i}").unwrap();
    }
    std::fs::create_dir_all(dir.path().join("en-US")).unwrap();
    std::fs::create_dir_all(dir.path().join("de")).unwrap();
    std::fs::write(dir.path().join("en-US/a.ftl"), reference).unwrap();
    std::fs::write(dir.path().join("de/a.ftl"), "message-0 = Text\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("check")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // stdout is dropped here: the rest of folio's writes hit a closed pipe.
    let output = child.wait_with_output().unwrap();
    assert!(first.starts_with("warning[missing-message]"), "{first}");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn render_exit_codes_and_messages() {
    folio()
        .args(["render", "no-such-article", "--locale", "de"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "there is no article `no-such-article`",
        ))
        .stderr(predicate::str::contains("smp-removal"));
    folio()
        .args(["render", "smp-removal", "--locale", "not a tag"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`not a tag` is not a valid BCP 47 language tag",
        ));
    folio()
        .args(["render", "smp-removal", "--locale", "de", "--var", "oops"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("NAME=VALUE"));
}

#[test]
fn render_reports_a_formatting_error_and_exits_1() {
    // `note-greeting` needs `$name`: without it the output would read `Hallo, {$name}!`.
    folio()
        .args([
            "render", "note", "--locale", "de", "--var", "count=2", "--root",
        ])
        .arg(fixture("render"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: `note-greeting` in `de`: Resolver error: Unknown variable: $name",
        ));
}

#[test]
fn render_names_fallbacks_on_stderr() {
    folio()
        .args([
            "render",
            "note",
            "--locale",
            "de-AT",
            "--var",
            "count=2",
            "--var",
            "name=Anna",
        ])
        .arg("--root")
        .arg(fixture("render"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Hallo, Anna!"))
        .stdout(predicate::str::contains("Folio renders 2 notes."))
        .stderr(predicate::str::contains(
            "note: `de-AT` is rendered from `de`",
        ))
        .stderr(predicate::str::contains(
            "note: `note-body` is not translated in `de`; using `en-US`",
        ));
}

#[test]
fn render_works_from_any_folder_with_the_embedded_project_and_says_so() {
    let empty = tempfile::tempdir().unwrap();
    folio_in(empty.path())
        .args(["render", "smp-removal", "--locale", "de"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Lässt sich eine Haarpigmentierung wieder entfernen?",
        ))
        .stderr(
            predicate::str::starts_with("note: no Folio project in").and(predicate::str::contains(
                "using the article built into folio",
            )),
        );
}

#[test]
fn explain_prints_a_checks_docs() {
    folio()
        .args(["explain", "missing-attribute"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## What it does"))
        .stdout(predicate::str::contains("## Why it matters"))
        .stdout(predicate::str::contains("## Example"));
    folio()
        .arg("explain")
        .assert()
        .success()
        .stdout(predicate::str::contains("syntax-error"));
    folio().args(["explain", "no-such-check"]).assert().code(2);
}

#[test]
fn render_every_repository_locale_in_every_format_is_clean() {
    let project = folio::Project::open(crate::util::repo()).unwrap();
    for locale in project.catalog().locales() {
        for format in ["text", "markdown", "html", "json"] {
            folio()
                .args([
                    "render",
                    "smp-removal",
                    "--locale",
                    &locale.name,
                    "--format",
                    format,
                ])
                .assert()
                .success()
                .stderr("");
        }
    }
}

#[test]
fn render_pseudo_needs_no_locale_and_render_without_either_is_refused() {
    folio()
        .args(["render", "smp-removal", "--pseudo", "accented"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Ƈaaƞ Şƈaaŀƥ"));
    folio()
        .args(["render", "smp-removal"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--locale"));
}

#[test]
fn a_page_template_that_fails_is_named_by_render_and_build() {
    let dir = tempfile::tempdir().unwrap();
    for part in ["locales", "content"] {
        crate::util::copy_tree(&crate::util::repo().join(part), &dir.path().join(part));
    }
    std::fs::write(
        dir.path().join("folio.toml"),
        "[site]\ntemplate = \"page.html\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("page.html"),
        "<h1>{{ page.title }}</h1>\n{{ page.title | no_such_filter }}\n",
    )
    .unwrap();
    let failed = predicate::str::contains("page.html:2: the page template failed")
        .and(predicate::str::contains("no_such_filter"))
        .and(predicate::str::contains("cannot read").not());
    folio_in(dir.path())
        .args([
            "render",
            "smp-removal",
            "--locale",
            "de",
            "--format",
            "html",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(failed);
    folio_in(dir.path())
        .args(["build", "--out", "site"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "page.html:2: the page template failed",
        ));
    // Text does not go through the template.
    folio_in(dir.path())
        .args(["render", "smp-removal", "--locale", "de"])
        .assert()
        .success();
}

#[test]
fn an_error_says_its_cause_once() {
    let out = folio().args(["check", "/nowhere/at/all"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("no such folder").count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: cannot read `/nowhere/at/all`"),
        "{stderr}"
    );
}
