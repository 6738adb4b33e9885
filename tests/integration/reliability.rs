//! Hostile input: every command answers it with a finding or an error naming the file, never a
//! crash, and never changes a file it refuses. Each test here is an input that once crashed
//! Folio, lost bytes or gave a silent wrong result.

use std::fmt::Write as _;

use predicates::prelude::*;

use crate::util::{folio, folio_in, read_tree, tree};

/// Whether a command's exit status is one Folio chose (0, 1 or 2), not a panic (101) or a
/// signal (a stack overflow aborts).
fn chosen(output: &std::process::Output) -> bool {
    matches!(output.status.code(), Some(0..=2))
}

/// `n` placeables, one inside another, around a string literal.
fn nested_placeables(n: usize) -> String {
    format!("{}\"x\"{}", "{ ".repeat(n), " }".repeat(n))
}

/// A project whose `a.ftl` in `en-US` and `de` is `ftl`, with an article showing `a`.
fn project_with(ftl: &str) -> tempfile::TempDir {
    tree(&[
        ("locales/en-US/a.ftl", ftl),
        ("locales/de/a.ftl", ftl),
        (
            "content/a.toml",
            "slug = \"a\"\ntitle = \"a\"\n[[blocks]]\ntype = \"paragraph\"\nmessage = \"a\"\n",
        ),
    ])
}

/// Runs every command that reads the project's Fluent files; each must end in a status Folio
/// chose. Returns `check`'s output.
fn every_command_survives(dir: &std::path::Path) -> std::process::Output {
    let before = read_tree(dir);
    for args in [
        &["fmt", "--check"][..],
        &["sync", "--dry-run"],
        &["eval", "--locale", "de", "--message", "a"],
        &["render", "a", "--locale", "de"],
        &["render", "a", "--locale", "de", "--format", "html"],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
    ] {
        let output = folio_in(dir).args(args).output().unwrap();
        assert!(
            chosen(&output),
            "folio {args:?}: {:?}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(read_tree(dir), before, "nothing was written");
    folio_in(dir).arg("check").output().unwrap()
}

#[test]
fn a_unicode_escape_cut_short_by_a_multibyte_character_is_a_syntax_error() {
    // fluent-syntax 0.12 sliced inside `é` and panicked (fluent-rs#389): exit 101 everywhere.
    for escape in ["\\u006é", "\\U01F6é", "\\u0😀"] {
        let dir = project_with(&format!("a = {{ \"{escape}\" }}\nb = Fine\n"));
        let check = every_command_survives(dir.path());
        assert_eq!(check.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&check.stdout);
        assert!(
            stdout.contains(
                "error[syntax-error]: `a` could not be parsed: invalid unicode escape sequence"
            ) && stdout.contains("locales/de/a.ftl:1:"),
            "{stdout}"
        );
    }
}

#[test]
fn nesting_deeper_than_the_limit_is_a_syntax_error_not_a_stack_overflow() {
    // 3,000 levels crashed `check` with two locales and `serve` on reload; 12,000 crashed
    // `fmt`, `eval` and `render`.
    for depth in [101, 3_000, 12_000] {
        let dir = project_with(&format!("a = {}\nb = Fine\n", nested_placeables(depth)));
        let check = every_command_survives(dir.path());
        assert_eq!(check.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&check.stdout);
        assert!(
            stdout.contains("expressions are nested more than 100 levels deep")
                && stdout.contains("locales/en-US/a.ftl:1:"),
            "{stdout}"
        );
    }
}

#[test]
fn nesting_up_to_the_limit_works_in_every_command() {
    let selects = format!(
        "{}x{}",
        "{ $n ->\n *[other] ".repeat(100),
        "\n}".repeat(100)
    );
    let calls = format!("{{ {}1{} }}", "NUMBER(".repeat(99), ")".repeat(99));
    for value in [nested_placeables(100), selects, calls] {
        let dir = project_with(&format!("a = {value}\n"));
        let check = every_command_survives(dir.path());
        let stdout = String::from_utf8_lossy(&check.stdout);
        assert!(!stdout.contains("syntax-error"), "{stdout}");
        folio_in(dir.path())
            .args(["eval", "--locale", "de", "--message", "a", "--var", "n=1"])
            .assert()
            .success()
            .stdout(predicate::str::contains("x").or(predicate::str::contains("1")));
    }
}

#[test]
fn a_chain_of_twenty_thousand_references_is_checked_without_recursion() {
    let mut ftl = String::new();
    for i in 0..20_000 {
        writeln!(ftl, "m{i} = {{ m{} }}", i + 1).unwrap();
    }
    ftl.push_str("m20000 = end\na = { m0 }\n");
    let dir = project_with(&ftl);
    let check = every_command_survives(dir.path());
    assert_eq!(check.status.code(), Some(0), "a chain is not a cycle");
    // Formatting it stops at fluent-bundle's limit of 100 placeables, with an error.
    folio_in(dir.path())
        .args(["eval", "--locale", "de", "--message", "a"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Too many placeables"));
    // A loop as long is still found.
    let looped = ftl.replace("m20000 = end", "m20000 = { m0 }");
    let dir = project_with(&looped);
    folio_in(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[reference-cycle]: `m0` refers to itself",
        ));
}

#[test]
fn calls_nested_through_references_stop_at_the_resolvers_depth_limit() {
    // Each message passes the next through 98 nested calls: the nesting of one message is
    // within the parser's limit, but fluent-bundle recursed 100 × 98 levels and overflowed.
    let mut ftl = String::new();
    for i in 0..150 {
        let (open, close) = ("NUMBER(".repeat(98), ")".repeat(98));
        writeln!(ftl, "m{i} = {{ {open}m{}{close} }}", i + 1).unwrap();
    }
    ftl.push_str("m150 = 1\na = { m0 }\n");
    let dir = project_with(&ftl);
    every_command_survives(dir.path());
    folio_in(dir.path())
        .args(["eval", "--locale", "de", "--message", "a"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Expressions nested too deeply"));
    folio_in(dir.path())
        .args(["build", "--out", "site"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Expressions nested too deeply"));
}

#[test]
fn a_term_only_the_locale_defines_is_never_obsolete_while_its_messages_use_it() {
    // `sync --prune=delete` deleted `-marka`, and readers saw `Lubię {-marka}`.
    let dir = tree(&[
        (
            "locales/en-US/a.ftl",
            "like = I like { -brand }\n-brand = Folio\n",
        ),
        ("locales/en-US/b.ftl", "other = Other\n"),
        (
            "locales/pl/a.ftl",
            "like = Lubię { -marka(case: \"acc\") }\n-marka = { $case ->\n   *[nom] { -rdzen }\n    [acc] { -rdzen }\n}\n-brand = Folio\nold = Stare\n-nieuzywany = x\n",
        ),
        // A term defined in one file and used in another.
        (
            "locales/pl/b.ftl",
            "-rdzen = Folio\nother = Inne { -marka }\n",
        ),
    ]);
    folio_in(dir.path()).arg("check").assert().stdout(
        predicate::str::contains("`old` is not in the reference")
            .and(predicate::str::contains(
                "`-nieuzywany` is not in the reference",
            ))
            .and(predicate::str::contains("-marka` is not in the reference").not())
            .and(predicate::str::contains("-rdzen` is not in the reference").not())
            .and(predicate::str::is_match(r"pl +3 +3 +0 +2 ").unwrap()),
    );
    folio_in(dir.path())
        .args(["sync", "--prune=delete"])
        .assert()
        .success();
    let a = std::fs::read_to_string(dir.path().join("locales/pl/a.ftl")).unwrap();
    assert!(
        a.contains("-marka = {") && !a.contains("old =") && !a.contains("nieuzywany"),
        "{a}"
    );
    let b = std::fs::read_to_string(dir.path().join("locales/pl/b.ftl")).unwrap();
    assert_eq!(b, "-rdzen = Folio\nother = Inne { -marka }\n");
    folio_in(dir.path())
        .args(["eval", "--locale", "pl", "--message", "like"])
        .assert()
        .success()
        .stdout("Lubię Folio\n");
}

#[test]
fn sync_leaves_a_file_it_has_nothing_to_add_to_byte_for_byte() {
    // A final bare CR was dropped; whitespace-only files (one `check` calls a syntax error:
    // a tab is not Fluent blank) were emptied.
    let dir = tree(&[
        ("locales/en-US/a.ftl", "a = A\n"),
        ("locales/en-US/b.ftl", "b = B\n"),
        ("locales/en-US/c.ftl", "# Only a comment.\n"),
        ("locales/de/a.ftl", "a = Ä\r"),
        ("locales/de/b.ftl", "\t\n"),
        ("locales/de/c.ftl", "  \n\n"),
    ]);
    let before = read_tree(dir.path());
    let output = folio_in(dir.path()).arg("sync").output().unwrap();
    assert_eq!(output.status.code(), Some(1), "b.ftl is a syntax error");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("locales/de/b.ftl:1:1"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("1 file left as it is"), "{stdout}");
    // The translations stay byte for byte; the locale's record of them is new.
    let mut after = read_tree(dir.path());
    assert!(after.remove("locales/de/folio-record.txt").is_some());
    assert_eq!(after, before);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_by_every_command_that_writes() {
    use std::os::unix::fs::PermissionsExt;
    // `fmt` replaced a 0444 file through a rename, which only the folder's permissions stop.
    let dir = tree(&[
        ("locales/en-US/a.ftl", "a = A\nb = B\n"),
        ("locales/de/a.ftl", "a=Ä\n"),
    ]);
    let file = dir.path().join("locales/de/a.ftl");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = read_tree(dir.path());
    for args in [&["fmt"][..], &["sync"], &["rename", "a", "alpha"]] {
        let output = folio_in(dir.path()).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            matches!(output.status.code(), Some(1 | 2))
                && stderr.contains("locales/de/a.ftl")
                && stderr.contains("read-only"),
            "folio {args:?}: {:?} {stderr}",
            output.status
        );
        assert_eq!(
            read_tree(dir.path()),
            before,
            "folio {args:?} wrote nothing"
        );
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o444);
    }
}

#[test]
fn a_number_that_cannot_be_formatted_is_an_error_not_a_silent_literal() {
    // `NUMBER()` on a string or with nothing printed `NUMBER()` to the reader with exit 0;
    // currency style without a currency printed ` 1.00`.
    let dir = tree(&[(
        "locales/en-US/a.ftl",
        "text = { NUMBER(\"x\") }\nnothing = { NUMBER() }\nno-currency = { NUMBER(1, style: \"currency\") }\nvariable = { NUMBER($n) }\ntypo = { NUMBER(1, minimumFractionDigit: 2) }\nfine = { NUMBER(1.5, style: \"currency\", currency: \"EUR\") }\n",
    )]);
    for (message, error) in [
        ("text", "NUMBER() needs a number, not the text \"x\""),
        ("nothing", "NUMBER() needs a number to format"),
        ("no-currency", "`style: \"currency\"` needs `currency`"),
        ("variable", "NUMBER() needs a number, not the text \"many\""),
        ("typo", "NUMBER() has no option `minimumFractionDigit`"),
    ] {
        folio_in(dir.path())
            .args([
                "eval",
                "--locale",
                "en-US",
                "--message",
                message,
                "--var",
                "n=many",
            ])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(error));
    }
    folio_in(dir.path())
        .args(["eval", "--locale", "en-US", "--message", "fine"])
        .assert()
        .success()
        .stdout("€1.5\n");
    // And `check` sees each one that is written out, before anyone renders it.
    let check = folio_in(dir.path()).arg("check").output().unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        stdout.matches("error[invalid-function-call]").count(),
        4,
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_out_of_content_is_a_finding_and_never_published() {
    // `build` followed symbolic links out of `content/` and published what they led to.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "not for the web\n").unwrap();
    let dir = project_with("a = A\n");
    let content = dir.path().join("content");
    std::fs::write(content.join("inside.txt"), "published\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), content.join("a.png")).unwrap();
    std::os::unix::fs::symlink(outside.path(), content.join("folder")).unwrap();
    // A link that stays inside the project is fine.
    std::os::unix::fs::symlink(content.join("inside.txt"), content.join("alias.txt")).unwrap();

    let output = folio_in(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let outside_paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "content-outside-project")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        outside_paths,
        ["content/a.png", "content/folder/secret.txt"]
    );

    let out = tempfile::tempdir().unwrap();
    folio_in(dir.path())
        .args(["build", "--out"])
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error: content/a.png: leads outside the project")
                .and(predicate::str::contains("content/folder/secret.txt")),
        );
    let site = read_tree(out.path());
    assert_eq!(site["inside.txt"], b"published\n");
    assert_eq!(site["alias.txt"], b"published\n");
    assert!(
        site.values()
            .all(|bytes| !bytes.starts_with(b"not for the web")),
        "{:?}",
        site.keys()
    );
}

#[test]
fn folders_outside_the_project_are_refused_unless_allowed() {
    // `locales = "/"` walked the whole file system, silently.
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("en-US")).unwrap();
    std::fs::write(outside.path().join("en-US/a.ftl"), "a = A\n").unwrap();
    let locales = outside.path().display().to_string();
    for setting in [
        format!("locales = \"{locales}\""),
        "locales = \"/\"".into(),
        "locales = \"..\"".into(),
    ] {
        let dir = tree(&[
            ("folio.toml", &format!("{setting}\n")),
            ("locales/en-US/a.ftl", "a = A\n"),
        ]);
        folio_in(dir.path()).arg("check").assert().code(2).stderr(
            predicate::str::contains("folio.toml:1:11")
                .and(predicate::str::contains("leads outside the project"))
                .and(predicate::str::contains("allow-outside = true")),
        );
    }
    // A default folder that is a link out of the project is refused the same way.
    #[cfg(unix)]
    {
        let dir = tree(&[("locales/en-US/a.ftl", "a = A\n")]);
        std::os::unix::fs::symlink(outside.path(), dir.path().join("content")).unwrap();
        folio_in(dir.path())
            .arg("check")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "`content/`, a symbolic link, leads outside the project",
            ));
    }
    // Allowed, it is read.
    let dir = tree(&[(
        "folio.toml",
        &format!("locales = \"{locales}\"\nallow-outside = true\n"),
    )]);
    folio_in(dir.path())
        .args(["eval", "--locale", "en-US", "--message", "a"])
        .assert()
        .success()
        .stdout("A\n");
}

#[test]
fn a_content_folder_that_folio_toml_names_must_exist() {
    // A misspelt `content` passed silently: no articles, nothing said.
    let dir = tree(&[
        ("folio.toml", "content = \"articels\"\n"),
        ("locales/en-US/a.ftl", "a = A\n"),
    ]);
    folio_in(dir.path()).arg("check").assert().code(2).stderr(
        predicate::str::contains("folio.toml:1:11").and(predicate::str::contains(
            "`content = \"articels\"` names a folder that does not exist",
        )),
    );
    // Without the line, a project with no content/ is fine.
    std::fs::write(dir.path().join("folio.toml"), "").unwrap();
    folio_in(dir.path()).arg("check").assert().success();
}

#[test]
fn a_carriage_return_before_a_line_end_is_refused_not_merged_into_it() {
    // Each found by a fuzz target; each command must refuse, name the place, change nothing.
    let cases: [(&[&str], &str, &str, &str); 5] = [
        // `fmt`: `#\r\r\n` became `#\r\n` (one line ending) and, on the next run, `#\n`:
        // the stray CR was lost over two runs and the second changed the file.
        (
            &["fmt"],
            "a = A\nb = B\n",
            "#\r\r\na = Ä\n",
            "locales/de/a.ftl:1:2",
        ),
        // In the reference, `sync` would copy it into every locale.
        (
            &["sync"],
            "a = A\r\r\nb = B\n",
            "a = Ä\n",
            "locales/en-US/a.ftl:1:6",
        ),
        // A file ending in a bare CR (no final newline) lost the CR when an entry was added.
        (
            &["sync"],
            "a = A\nb = B\n",
            "a = Ä\r",
            "locales/de/a.ftl:1:6",
        ),
        // `--prune` moved `y =\r\r\n` as `y =\r\n`, losing its value (a bare CR) and leaving
        // a message that no longer parsed.
        (
            &["sync", "--prune"],
            "a = A\n",
            "a = Ä\ny =\r\r\n",
            "locales/de/a.ftl:2:4",
        ),
        // A reference ending in one gave every locale an entry that no longer parsed.
        (
            &["sync"],
            "a = A\nb =\r",
            "a = Ä\n",
            "locales/en-US/a.ftl:2:4",
        ),
    ];
    for (args, reference, locale, at) in cases {
        let dir = tree(&[
            ("locales/en-US/a.ftl", reference),
            ("locales/de/a.ftl", locale),
        ]);
        let before = read_tree(dir.path());
        folio_in(dir.path())
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "{at}: a stray carriage return"
            )));
        assert_eq!(read_tree(dir.path()), before, "folio {args:?}");
    }
}

#[test]
fn deleting_the_last_entry_leaves_no_line_of_spaces_that_no_longer_parses() {
    // Found by the `sync` fuzz target: the file's last line, spaces without a line ending,
    // belonged to the deleted entry; left behind on its own it was a syntax error.
    let dir = tree(&[
        ("locales/en-US/a.ftl", "a = A\n"),
        ("locales/de/a.ftl", "a = Ä\nold = x\n    "),
    ]);
    folio_in(dir.path())
        .args(["sync", "--prune=delete"])
        .assert()
        .success();
    let after = std::fs::read_to_string(dir.path().join("locales/de/a.ftl")).unwrap();
    assert_eq!(after, "a = Ä");
    folio_in(dir.path()).arg("check").assert().success();
}

#[test]
fn an_entry_whose_next_line_starts_with_a_bare_cr_is_moved_whole() {
    // Found by the `sync` fuzz target: fluent-syntax reads `\r x` on the line after `k =` as
    // k's value, but sync took the line for a blank one and moved `k =` without it, which no
    // longer parsed.
    for (locale, moved) in [("k =\n\r x\n", "k =\n\r x\n"), ("k =\n\r ", "k =\n\r ")] {
        let dir = tree(&[
            ("locales/en-US/a.ftl", "b = B\n"),
            ("locales/de/a.ftl", locale),
        ]);
        folio_in(dir.path())
            .args(["sync", "--prune"])
            .assert()
            .success();
        let after = std::fs::read_to_string(dir.path().join("locales/de/a.ftl")).unwrap();
        assert!(after.contains(moved), "{after:?}");
        let check = folio_in(dir.path()).arg("check").output().unwrap();
        let stdout = String::from_utf8_lossy(&check.stdout);
        assert!(!stdout.contains("syntax-error"), "{stdout}");
    }
}

#[cfg(unix)]
#[test]
fn a_device_or_a_pipe_where_a_file_should_be_is_refused_not_read_forever() {
    // Found going looking: `folio.toml` linked to /dev/zero, `template = "/dev/zero"` and
    // `folio fmt` on a named pipe each hung (reading /dev/zero also filled the memory).
    let timeout = std::time::Duration::from_secs(60);
    let dir = project_with("a = A\n");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("folio.toml")).unwrap();
    folio_in(dir.path())
        .arg("check")
        .timeout(timeout)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read `folio.toml`: it is not a regular file",
        ));
    std::fs::remove_file(dir.path().join("folio.toml")).unwrap();
    std::fs::write(
        dir.path().join("folio.toml"),
        "[site]\ntemplate = \"/dev/zero\"\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    folio_in(dir.path())
        .args(["build", "--out"])
        .arg(out.path())
        .timeout(timeout)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read `/dev/zero`"));
    let pipe = dir.path().join("pipe.ftl");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    folio_in(dir.path())
        .arg("fmt")
        .arg(&pipe)
        .timeout(timeout)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it is not a regular file"));
}

#[cfg(unix)]
#[test]
fn a_write_through_a_link_to_a_pipe_is_refused_before_anything_is_written() {
    use std::os::unix::fs::FileTypeExt as _;
    // Found going looking: `folio sync` wrote each locale's record through a link, so a
    // `folio-record.txt` leading to a device was replaced by a file (it happened to
    // /dev/zero), and one leading to a named pipe hung the command.
    let timeout = std::time::Duration::from_secs(60);
    let dir = project_with("a = A\nb = B\n");
    std::fs::write(dir.path().join("locales/de/a.ftl"), "a = A\n").unwrap();
    let outside = tempfile::tempdir().unwrap();
    let pipe = outside.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    let record = dir.path().join("locales/de/folio-record.txt");
    std::os::unix::fs::symlink(&pipe, &record).unwrap();
    let before = read_tree(dir.path());
    folio_in(dir.path())
        .arg("sync")
        .timeout(timeout)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read `locales/de/folio-record.txt`: it is not a regular file",
        ));
    // `check` says so too (it said nothing, as if the locale had no record).
    folio_in(dir.path())
        .arg("check")
        .timeout(timeout)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning[invalid-record]: the record cannot be read: it is not a regular file",
        ));
    let still_a_pipe = || {
        std::fs::symlink_metadata(&pipe)
            .unwrap()
            .file_type()
            .is_fifo()
    };
    assert!(still_a_pipe());
    assert_eq!(read_tree(dir.path()), before);
    // A link to the pipe where a locale file should be: `sync` would create the file.
    std::fs::remove_file(&record).unwrap();
    let file = dir.path().join("locales/de/b.ftl");
    std::os::unix::fs::symlink(&pipe, &file).unwrap();
    std::fs::write(dir.path().join("locales/en-US/b.ftl"), "c = C\n").unwrap();
    folio_in(dir.path())
        .arg("sync")
        .timeout(timeout)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "locales/de/b.ftl: Folio does not read this file",
        ));
    assert!(still_a_pipe());
    assert!(!record.exists(), "nothing is written");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("locales/de/a.ftl")).unwrap(),
        "a = A\n"
    );
}

#[test]
fn a_locale_named_for_checking_that_has_no_folder_is_an_error() {
    // Found going looking: `check --locale pt-Br` (a typo) checked nothing and said
    // "No findings.", exit 0: a CI gate that always passes.
    let dir = project_with("a = A\n");
    folio_in(dir.path())
        .args(["check", "--locale", "pt-Br"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("`--locale pt-Br` names no locale folder")
                .and(predicate::str::contains("the locales are: de, en-US")),
        );
    std::fs::write(
        dir.path().join("folio.toml"),
        "[check]\nlocales = [\"xx\"]\n",
    )
    .unwrap();
    folio_in(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "folio.toml: `[check] locales` names `xx`, which has no locale folder",
        ));
}

#[test]
fn a_number_too_precise_for_plural_rules_selects_the_default_variant() {
    // Found by the `eval` fuzz target: 40 fraction digits overflowed fluent-bundle's plural
    // operands (a panic; a wrong category in a release build), and a fraction longer than a
    // u64 panicked on an `expect`.
    for number in [
        format!("1.{}", "0".repeat(40)),
        format!("0.{}1", "0".repeat(30)),
    ] {
        folio()
            .args(["eval", "--locale", "en-US"])
            .arg(format!(
                "a = {{ {number} ->\n    [one] one\n   *[other] other\n}}\n"
            ))
            .assert()
            .success()
            .stdout("other\n");
    }
}

#[test]
fn a_select_on_a_literal_that_stops_resolving_is_an_error_not_a_panic() {
    // Found by the `eval` fuzz target: a select on a literal whose variant passes the limit of
    // 100 placeables (10 × 10 references) reached `unreachable!()` in fluent-bundle.
    let many = |next: &str| format!("{{ {next} }}").repeat(10);
    for head in ["a = { 1 ->\n   *[x] { b }\n}\n", "a = { { b } }\n"] {
        let source = format!("{head}b = {}\nc = {}\nd = x\n", many("c"), many("d"));
        let output = folio()
            .args(["eval", "--locale", "en-US"])
            .arg(&source)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("Too many placeables"),
            "{output:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_locale_file_that_leads_outside_the_project_is_never_read_nor_published() {
    // Found going looking: `locales/de/extra.ftl -> ~/private.ftl` was read and its text
    // published on the German page; a record leading out would be overwritten by `sync`.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("private.ftl"), "a = Top secret\n").unwrap();
    let dir = project_with("a = Public\n");
    std::fs::remove_file(dir.path().join("locales/de/a.ftl")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("private.ftl"),
        dir.path().join("locales/de/a.ftl"),
    )
    .unwrap();
    folio_in(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[locale-outside-project]: `locales/de/a.ftl` leads outside the project",
        ));
    let page = folio_in(dir.path())
        .args(["render", "a", "--locale", "de", "--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&page.stdout);
    assert!(
        text.contains("Public") && !text.contains("Top secret"),
        "{text}"
    );
    // `sync` would create the file it does not read, over what the link leads to.
    folio_in(dir.path())
        .arg("sync")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Folio does not read this file"));
    // So would it the record, through a link to a file outside.
    std::fs::remove_file(dir.path().join("locales/de/a.ftl")).unwrap();
    std::fs::write(dir.path().join("locales/de/a.ftl"), "a = Öffentlich\n").unwrap();
    std::fs::write(outside.path().join("record.txt"), "kept\n").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("record.txt"),
        dir.path().join("locales/de/folio-record.txt"),
    )
    .unwrap();
    folio_in(dir.path())
        .arg("sync")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "this is where the locale's record goes",
        ));
    assert_eq!(
        std::fs::read_to_string(outside.path().join("record.txt")).unwrap(),
        "kept\n"
    );
    assert_eq!(
        std::fs::read_to_string(outside.path().join("private.ftl")).unwrap(),
        "a = Top secret\n"
    );
}
