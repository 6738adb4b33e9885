//! `folio fmt`: the same tree after formatting, a second run changes nothing, and nothing a
//! user wrote is lost.

use folio::edit::FileError;
use folio::edit::fmt::format;
use predicates::prelude::*;

use crate::util::{fixture, folio, folio_in};

/// The syntax tree of `text`, with line endings made `\n` (the tree keeps them in text).
fn ast(text: &str) -> fluent_syntax::ast::Resource<String> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    fluent_syntax::parser::parse(text).unwrap()
}

#[test]
fn every_spec_fixture_formats_to_the_same_tree_and_is_then_stable() {
    let mut formatted = 0;
    let mut refused = 0;
    for entry in std::fs::read_dir(fixture("fluent-spec")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let has_junk = fluent_syntax::parser::parse(text.as_str()).is_err();
        match format(&text) {
            Ok(once) => {
                assert!(!has_junk, "{}: junk was formatted", path.display());
                assert_eq!(
                    ast(&text),
                    ast(&once),
                    "{}: the tree changed",
                    path.display()
                );
                assert_eq!(format(&once).unwrap(), once, "{}", path.display());
                formatted += 1;
            }
            Err(FileError::Syntax { .. }) => {
                assert!(has_junk, "{}: refused without junk", path.display());
                refused += 1;
            }
            Err(err) => panic!("{}: {err}", path.display()),
        }
    }
    assert!(
        formatted >= 10 && refused >= 10,
        "{formatted} formatted, {refused} refused"
    );
}

/// A project-less folder holding `name` with `text`.
fn folder_with(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn formats_a_tree_then_has_nothing_left_to_do() {
    let (dir, path) = folder_with("de/a.ftl", "a=A\n\n\n\nb =    B\n");
    folio_in(dir.path())
        .args(["fmt", "de"])
        .assert()
        .success()
        .stdout(predicate::str::contains("formatted: de/a.ftl"))
        .stdout(predicate::str::contains(
            "1 file formatted, 0 already formatted",
        ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = A\n\nb = B\n");
    folio_in(dir.path())
        .args(["fmt", "de"])
        .assert()
        .success()
        .stdout("0 files formatted, 1 already formatted\n");
}

#[test]
fn check_and_diff_name_the_files_and_write_nothing() {
    let (dir, path) = folder_with("a.ftl", "a=A\n");
    folio_in(dir.path())
        .args(["fmt", "--check", "a.ftl"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not formatted: a.ftl"));
    folio_in(dir.path())
        .args(["fmt", "--diff", "."])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-a=A\n+a = A\n"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "a=A\n");
}

#[test]
fn a_file_with_a_syntax_error_is_left_as_it_is_and_named() {
    let text = "a=A\nb = { $x\n";
    let (dir, path) = folder_with("a.ftl", text);
    folio_in(dir.path())
        .args(["fmt", "a.ftl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a.ftl:3:1: syntax error"))
        .stderr(predicate::str::contains("left as it is"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    let (dir, path) = folder_with("b.ftl", "");
    std::fs::write(&path, b"a = A\nb = \xff\n").unwrap();
    folio_in(dir.path())
        .args(["fmt", "b.ftl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("b.ftl:2:5: the file is not UTF-8"));
    assert_eq!(std::fs::read(&path).unwrap(), b"a = A\nb = \xff\n");
}

#[test]
fn line_endings_final_newline_and_mode_are_kept() {
    let (dir, path) = folder_with("a.ftl", "a=A\r\nb=B");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    folio_in(dir.path()).args(["fmt", "."]).assert().success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = A\r\nb = B");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn the_built_in_project_cannot_be_formatted_and_a_missing_path_is_named() {
    let dir = tempfile::tempdir().unwrap();
    folio_in(dir.path())
        .arg("fmt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no Folio project"));
    folio_in(dir.path())
        .args(["fmt", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read nowhere"));
}

#[test]
fn the_repository_is_formatted() {
    folio()
        .args(["fmt", "--check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 files to format"));
}

#[test]
fn a_comment_the_specification_rejects_is_a_syntax_error_for_check_and_fmt_alike() {
    let dir = tempfile::tempdir().unwrap();
    for (locale, text) in [
        ("en-US", "#nospace\nhello = Hello\n"),
        ("de", "hello = Hallo\n####\n"),
    ] {
        std::fs::create_dir_all(dir.path().join(locale)).unwrap();
        std::fs::write(dir.path().join(locale).join("a.ftl"), text).unwrap();
    }
    let project =
        folio::Project::open_tree(dir.path(), folio::parse_tag("en-US").unwrap()).unwrap();
    let report = folio::check(&project, &folio::CheckOptions::default()).unwrap();
    let found: Vec<(String, usize, usize)> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == folio::CheckId::SyntaxError)
        .map(|d| {
            let at = d.location.unwrap();
            (d.path.clone(), at.line, at.column)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("de/a.ftl".to_string(), 2, 4),
            ("en-US/a.ftl".to_string(), 1, 2)
        ]
    );
    folio_in(dir.path())
        .args(["fmt", "."])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("de/a.ftl:2:4: syntax error"))
        .stderr(predicate::str::contains("en-US/a.ftl:1:2: syntax error"));
}
