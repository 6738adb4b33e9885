//! Folio in the shell: `folio completions` and `folio man`. The subcommands they must cover
//! are read from `folio --help`, so that a new subcommand is covered without a change here.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::util::folio;

/// The subcommands `folio --help` lists under "Commands:", `help` aside.
fn subcommands() -> Vec<String> {
    let help = stdout(folio().arg("--help"));
    let (_, listed) = help
        .split_once("Commands:\n")
        .expect("`folio --help` has a \"Commands:\" section");
    let names: Vec<String> = listed
        .lines()
        .take_while(|line| !line.trim().is_empty())
        // A name is indented by two spaces; a description that wraps, by more.
        .filter_map(|line| {
            line.strip_prefix("  ")
                .filter(|rest| !rest.starts_with(' '))
        })
        .filter_map(|rest| rest.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    for expected in ["check", "completions", "man"] {
        assert!(names.iter().any(|name| name == expected), "{names:?}");
    }
    names
}

/// What `command` printed on stdout, once it has succeeded.
fn stdout(command: &mut assert_cmd::Command) -> String {
    String::from_utf8(command.assert().success().get_output().stdout.clone()).unwrap()
}

/// Whether `program` can be run here: these tests use the shell's tools where they are, and
/// install nothing.
fn available(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

#[test]
fn completion_scripts_offer_every_subcommand() {
    let subcommands = subcommands();
    // How each shell's script offers a subcommand of `folio`: a bare name could appear in any
    // option's description.
    let offers = [
        ("bash", "folio,{})"),
        ("zsh", "'{}:"),
        ("fish", "-f -a \"{}\""),
        ("powershell", "'folio;{}'"),
        ("elvish", "'folio;{}'"),
    ];
    for (shell, offer) in offers {
        let script = stdout(folio().args(["completions", shell]));
        for name in &subcommands {
            let offer = offer.replace("{}", name);
            assert!(
                script.contains(&offer),
                "{shell}'s script does not offer `{name}` (no `{offer}`)"
            );
        }
    }
}

#[test]
fn bash_completion_script_is_valid_bash() {
    if !available("bash") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("folio.bash");
    std::fs::write(&script, stdout(folio().args(["completions", "bash"]))).unwrap();
    let checked = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn completions_for_an_unknown_shell_is_a_usage_error() {
    folio()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bash"));
}

#[test]
fn man_prints_the_page_of_folio_naming_every_subcommand() {
    let page = stdout(folio().arg("man"));
    // Requests that define strings may come first; the title comes before any section.
    let (before, title) = page
        .lines()
        .enumerate()
        .find(|(_, line)| line.starts_with(".TH") || line.starts_with(".SH"))
        .expect("a roff title");
    assert!(title.starts_with(".TH folio 1 "), "{page}");
    assert!(
        page.lines().take(before).all(|line| line.starts_with('.')),
        "{page}"
    );
    for name in subcommands() {
        // roff writes a hyphen as `\-`.
        assert!(
            page.contains(&format!("folio\\-{name}(1)")),
            "{name}: {page}"
        );
    }
}

#[test]
fn man_of_a_subcommand_prints_its_own_page() {
    let page = stdout(folio().args(["man", "check"]));
    assert!(page.contains("\n.TH folio-check 1 "), "{page}");
    assert!(page.contains("\n.SH NAME\nfolio\\-check \\- "), "{page}");
    assert!(
        page.contains("\n.SH SYNOPSIS\n\\fBfolio check\\fR "),
        "{page}"
    );
    assert!(page.contains("\\-\\-deny"), "{page}");
}

#[test]
fn man_of_an_unknown_subcommand_is_a_usage_error_naming_them() {
    let output = folio().args(["man", "nosuch"]).assert().code(2);
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(stderr.contains("`nosuch`"), "{stderr}");
    // Whole words: `man` is in "subcommand" too.
    let words: BTreeSet<&str> = stderr
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .collect();
    for name in subcommands() {
        assert!(words.contains(name.as_str()), "{name}: {stderr}");
    }
    assert!(output.get_output().stdout.is_empty());
}

#[test]
fn man_out_writes_a_page_per_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that does not exist yet, as `~/.local/share/man/man1` may not.
    let out = dir.path().join("share/man/man1");
    let printed = stdout(folio().args(["man", "--out"]).arg(&out));

    let expected: BTreeSet<String> = std::iter::once("folio".to_owned())
        .chain(subcommands().iter().map(|name| format!("folio-{name}")))
        .collect();
    let written: BTreeSet<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    let files: BTreeSet<String> = expected.iter().map(|page| format!("{page}.1")).collect();
    assert_eq!(written, files, "one page each, and no temporary file left");

    let listed: BTreeSet<&str> = printed.lines().collect();
    for page in &expected {
        let path = out.join(format!("{page}.1"));
        assert!(listed.contains(path.to_str().unwrap()), "{printed}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&format!("\n.TH {page} 1 ")), "{page}: {text}");
    }
}

#[test]
fn man_out_replaces_pages_written_before() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join("folio-check.1");
    std::fs::write(&stale, "an older page").unwrap();
    folio()
        .args(["man", "check", "--out"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(format!("{}\n", stale.display()));
    let page = std::fs::read_to_string(&stale).unwrap();
    assert!(page.contains(".TH folio-check 1 "), "{page}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn man_renders_every_page_written() {
    if !available("man") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    folio()
        .args(["man", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let shown = render(&path);
        let name = path.file_stem().unwrap().to_str().unwrap();
        assert!(shown.contains(name), "{}: {shown}", path.display());
    }
    assert!(render(&dir.path().join("folio-check.1")).contains("--deny"));
}

/// `page` as `man -l` shows it, once it rendered without a word on stderr.
fn render(page: &Path) -> String {
    let shown = Command::new("man")
        .arg("-l")
        .arg(page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        // As most readers have it; in the C locale groff warns of each character beyond ASCII
        // (the `…` in `check --format`'s help).
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&shown.stderr);
    assert!(
        shown.status.success() && stderr.is_empty(),
        "{}: {stderr}",
        page.display()
    );
    String::from_utf8(shown.stdout).unwrap()
}
