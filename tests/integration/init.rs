//! `folio init`: a new project that every other command works in at once, and every refusal
//! with nothing written.

use std::path::Path;

use folio::{CheckId, JsonReport};
use predicates::prelude::*;

use crate::util::{folio_in, read_tree, repo, tree};

/// The four files `init` writes, for a reference locale `tag`.
fn written(tag: &str) -> [String; 4] {
    [
        "folio.toml".to_string(),
        "content/welcome.toml".to_string(),
        format!("locales/{tag}/site.ftl"),
        format!("locales/{tag}/welcome.ftl"),
    ]
}

fn json_check(dir: &Path) -> JsonReport {
    let out = folio_in(dir)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The commands of the README's "Start a project" section, in order.
fn readme_steps() -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = readme
        .split("\n### Start a project\n")
        .nth(1)
        .expect("README has a \"Start a project\" section");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the section has a ```sh block");
    block
        .lines()
        .map(|line| line.split('#').next().unwrap().trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_readme_s_steps_work_in_an_empty_folder() {
    let steps = readme_steps();
    assert_eq!(steps[0], "folio init my-site", "{steps:?}");
    let parent = tempfile::tempdir().unwrap();
    let mut here = parent.path().to_path_buf();
    for step in &steps {
        let words: Vec<&str> = step.split_whitespace().collect();
        match words.as_slice() {
            ["cd", dir] => here = here.join(dir),
            ["folio", args @ ..] => {
                let out = folio_in(&here).args(args).output().unwrap();
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "`{step}` failed:\n{}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            _ => panic!("not a step the test knows: `{step}`"),
        }
    }
    assert!(here.join("site/en-US/welcome.html").is_file());
    assert!(here.join("site/de/welcome.html").is_file());
}

#[test]
fn init_then_check_render_build_and_new_work() {
    let dir = tempfile::tempdir().unwrap();
    folio_in(dir.path())
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Created a Folio project in this folder:",
        ))
        .stdout(predicate::str::contains(
            "folio render welcome --locale en-US",
        ))
        .stdout(predicate::str::contains("folio new de"))
        .stdout(predicate::str::contains("in English").not());
    let files = read_tree(dir.path());
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    let mut expected = written("en-US");
    expected.sort();
    assert_eq!(names, expected);
    // The page chrome is the repository's own file, byte for byte.
    assert_eq!(
        files["locales/en-US/site.ftl"],
        std::fs::read(repo().join("locales/en-US/site.ftl")).unwrap()
    );
    let config = String::from_utf8(files["folio.toml"].clone()).unwrap();
    assert!(config.contains("\nreference = \"en-US\"\n"), "{config}");
    assert!(config.contains("\n# min-coverage = "), "{config}");

    folio_in(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("No findings."));
    let report = json_check(dir.path());
    assert!(report.findings.is_empty() && report.locales.is_empty());
    // The files are as `folio fmt` writes them.
    folio_in(dir.path())
        .args(["fmt", "--check"])
        .assert()
        .success();

    folio_in(dir.path())
        .args(["render", "welcome", "--locale", "en-US"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Welcome to Folio\n"))
        .stdout(predicate::str::contains("Reading time: 1 minute"))
        .stderr("");
    folio_in(dir.path())
        .args(["build", "--out", "public"])
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("public/en-US/welcome.html")).unwrap();
    assert!(page.contains("<h1>Welcome to Folio</h1>"), "{page}");

    folio_in(dir.path()).args(["new", "de"]).assert().success();
    let report = json_check(dir.path());
    assert!(!report.findings.is_empty());
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.check == CheckId::Untranslated.name()),
        "{:?}",
        report.findings
    );
    assert_eq!(report.locales[0].missing, 0);
}

#[test]
fn init_into_a_folder_with_other_files_keeps_them() {
    let dir = tree(&[
        ("README.md", "# My site\n"),
        ("content/images/photo.jpg", "not really a photo"),
        ("notes/locales.txt", "to do"),
    ]);
    let before = read_tree(dir.path());
    folio_in(dir.path()).args(["init", "."]).assert().success();
    let after = read_tree(dir.path());
    for (path, bytes) in &before {
        assert_eq!(&after[path], bytes, "{path} changed");
    }
    assert_eq!(after.len(), before.len() + 4);
    folio_in(dir.path()).arg("check").assert().success();

    // A folder that does not exist yet is made, with the folders above it.
    let parent = tempfile::tempdir().unwrap();
    folio_in(parent.path())
        .args(["init", "a/b", "--reference", "de"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Created a Folio project in `a/b`:",
        ))
        .stdout(predicate::str::contains("a/b/locales/de/site.ftl"))
        .stdout(predicate::str::contains(
            "are in English: translate them into `de`",
        ))
        .stdout(predicate::str::contains("folio new fr"));
    let project = parent.path().join("a/b");
    let names: Vec<String> = read_tree(&project).into_keys().collect();
    let mut expected = written("de");
    expected.sort();
    assert_eq!(names, expected);
    folio_in(&project).arg("check").assert().success();
    folio_in(&project)
        .args(["render", "welcome", "--locale", "de"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Welcome to Folio\n"));
}

#[test]
fn init_refuses_to_overwrite_a_file_and_writes_nothing() {
    let dir = tree(&[
        ("content/welcome.toml", "slug = \"mine\"\n"),
        ("a.txt", "a"),
    ]);
    let before = read_tree(dir.path());
    folio_in(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: `./content/welcome.toml` already exists; nothing was written",
        ))
        .stderr(predicate::str::contains("never overwrites"));
    assert_eq!(read_tree(dir.path()), before);
    assert!(!dir.path().join("locales").exists());
    assert!(!dir.path().join("folio.toml").exists());

    // A file where a folder is to go is in the way too; every path in the way is named.
    let dir = tree(&[("content", "a file"), ("content.bak", "")]);
    std::fs::create_dir(dir.path().join("x")).unwrap();
    let before = read_tree(dir.path());
    folio_in(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`./content` already exists"));
    assert_eq!(read_tree(dir.path()), before);
}

#[cfg(unix)]
#[test]
fn init_refuses_a_link_in_the_way_even_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::os::unix::fs::symlink("nowhere.toml", dir.path().join("content/welcome.toml")).unwrap();
    folio_in(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "content/welcome.toml` already exists",
        ));
    assert!(!dir.path().join("nowhere.toml").exists());
    assert!(!dir.path().join("folio.toml").exists());
}

#[test]
fn init_refuses_a_folder_that_is_a_project_already() {
    for (marker, has) in [
        ("folio.toml", "it has `folio.toml`"),
        ("locales/de/a.ftl", "it has a `locales/` folder"),
    ] {
        let dir = tree(&[(marker, "reference = \"de\"\n")]);
        let before = read_tree(dir.path());
        folio_in(dir.path())
            .arg("init")
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is a Folio project already"))
            .stderr(predicate::str::contains(has));
        assert_eq!(read_tree(dir.path()), before);
    }
    // Named as DIR, or as --root.
    let dir = tree(&[("project/folio.toml", "")]);
    for args in [&["init", "project"][..], &["--root", "project", "init"]] {
        folio_in(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "`project` is a Folio project already",
            ));
    }
}

#[test]
fn init_refuses_an_invalid_reference_creating_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for tag in ["en_US", "", "not a tag"] {
        folio_in(dir.path())
            .args(["init", "new-site", "--reference", tag])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "is not a valid BCP 47 language tag",
            ));
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // A canonical form is used, and said.
    folio_in(dir.path())
        .args(["init", "new-site", "--reference", "pt-br"])
        .assert()
        .success()
        .stdout(predicate::str::contains("canonical form, `pt-BR`"));
    assert!(dir.path().join("new-site/locales/pt-BR/site.ftl").is_file());
}
