//! `folio rename`: every kind of name, in every locale, content file and comment; refusals that
//! write nothing; bytes kept; one change, all or nothing; and, for random projects, renaming
//! and renaming back gives the original bytes and the same pages.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use predicates::prelude::*;
use proptest::prelude::*;

use crate::util::{copy_tree, folio_in, read_tree, repo, tree};

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

const CONTENT: &str = "\
# The hero's text is `hero.alt`; the intro is `intro`.
slug = \"a\"
title = \"title\"
[hero]
src = \"https://example.com/x.svg\"
alt = \"hero.alt\"
[[blocks]]
type = \"paragraph\"
message = \"intro\"
";

const EN: &str = "\
# The shop's name.
-brand = { $case ->
   *[nominative] Folio
    [genitive] Folio's
}
    .gender = neuter
title = Welcome to { -brand }
# Shown after `title`; see also intro-2.
intro = { title }! { -brand(case: \"genitive\") } pages.
intro-2 = Not intro.
hero =
    .alt = A { -brand.gender ->
        [neuter] bright
       *[other] dark
    } photo
caption = As in { hero.alt }
greeting = Hello, { $user }!
";

const DE: &str = "\
-brand = { $case ->
   *[nominative] Folio
    [genitive] Folios
}
    .gender = neuter
title = Willkommen bei { -brand }
intro = { title }! Seiten von { -brand(case: \"genitive\") }.
intro-2 = Nicht intro.
hero =
    .alt = Ein { -brand.gender ->
        [neuter] helles
       *[other] dunkles
    } Foto
caption = Wie in { hero.alt }
greeting = Hallo, { $user }!
";

fn sample() -> tempfile::TempDir {
    tree(&[
        ("content/a.toml", CONTENT),
        ("locales/en-US/a.ftl", EN),
        ("locales/de/a.ftl", DE),
    ])
}

#[test]
fn a_message_is_renamed_where_it_is_defined_referenced_named_and_mentioned() {
    let dir = sample();
    folio_in(dir.path())
        .args(["rename", "intro", "opening", "title", "heading"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Renamed 10 names in 3 files."));
    let en = read(dir.path(), "locales/en-US/a.ftl");
    assert!(en.contains("\nopening = { heading }! "), "{en}");
    assert!(en.contains("heading = Welcome"), "{en}");
    // A comment that mentions it, but not a longer name (`intro-2`) or a text.
    assert!(
        en.contains("# Shown after `heading`; see also intro-2."),
        "{en}"
    );
    assert!(en.contains("intro-2 = Not intro."), "{en}");
    assert!(read(dir.path(), "locales/de/a.ftl").contains("opening = { heading }! Seiten"));
    let content = read(dir.path(), "content/a.toml");
    assert!(content.contains("title = \"heading\""), "{content}");
    assert!(content.contains("message = \"opening\""), "{content}");
    // A name that is also a word is renamed where a comment sets it off as code, not in prose.
    assert!(content.contains("the intro is `opening`"), "{content}");
    folio_in(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("No findings."));
}

#[test]
fn a_term_is_renamed_with_its_arguments_and_attribute_selectors() {
    let dir = sample();
    folio_in(dir.path())
        .args(["rename", "-brand", "-shop"])
        .assert()
        .success();
    for locale in ["en-US", "de"] {
        let text = read(dir.path(), &format!("locales/{locale}/a.ftl"));
        assert!(text.starts_with("# The shop's name.\n-shop =") || text.starts_with("-shop ="));
        assert!(text.contains("{ -shop(case: \"genitive\") }"), "{text}");
        assert!(text.contains("{ -shop.gender ->"), "{text}");
        assert!(!text.contains("brand"), "{text}");
    }
}

#[test]
fn an_attribute_is_renamed_in_its_message_its_references_and_the_content() {
    let dir = sample();
    folio_in(dir.path())
        .args(["rename", "hero.alt", "hero.text"])
        .assert()
        .success();
    let de = read(dir.path(), "locales/de/a.ftl");
    assert!(de.contains("    .text = Ein"), "{de}");
    assert!(de.contains("Wie in { hero.text }"), "{de}");
    let content = read(dir.path(), "content/a.toml");
    assert!(content.contains("alt = \"hero.text\""), "{content}");
    assert!(
        content.contains("The hero's text is `hero.text`"),
        "{content}"
    );
    // A term's attribute too, with the selectors that read it.
    folio_in(dir.path())
        .args(["rename", "-brand.gender", "-brand.genus"])
        .assert()
        .success();
    let en = read(dir.path(), "locales/en-US/a.ftl");
    assert!(
        en.contains("    .genus = neuter") && en.contains("{ -brand.genus ->"),
        "{en}"
    );
}

#[test]
fn a_variable_is_renamed_in_its_message_and_a_terms_parameter_in_every_call() {
    let dir = sample();
    folio_in(dir.path())
        .args(["rename", "--variable", "greeting", "user", "name"])
        .assert()
        .success();
    assert!(read(dir.path(), "locales/de/a.ftl").contains("greeting = Hallo, { $name }!"));
    folio_in(dir.path())
        .args(["rename", "--variable", "-brand", "$case", "$form"])
        .assert()
        .success();
    let de = read(dir.path(), "locales/de/a.ftl");
    assert!(de.contains("-brand = { $form ->"), "{de}");
    assert!(de.contains("{ -brand(form: \"genitive\") }"), "{de}");
    folio_in(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("No findings."));
}

#[test]
fn refusals_say_why_and_write_nothing() {
    let dir = sample();
    let before = read_tree(dir.path());
    for (args, reason) in [
        (&["rename", "intro", "title"][..], "`title` exists already"),
        (
            &["rename", "intro", "2x"],
            "is not a message, term or attribute name",
        ),
        (
            &["rename", "nothing", "something"],
            "the reference locale `en-US` has no `nothing`",
        ),
        (&["rename", "intro", "-intro"], "not the same kind of name"),
        (
            &["rename", "hero.alt", "other.alt"],
            "is not an attribute of `hero`",
        ),
        (
            &["rename", "site-byline", "byline"],
            "the renderer uses `site-byline`",
        ),
        (
            &["rename", "intro", "a", "intro", "b"],
            "overlaps another rename",
        ),
        (
            &["rename", "hero", "picture", "hero.alt", "hero.text"],
            "rename the same message or term",
        ),
        (
            &["rename", "-brand.gender", "-brand.genus", "-brand", "-shop"],
            "rename the same message or term",
        ),
        (
            &["rename", "--variable", "greeting", "nobody", "somebody"],
            "no locale's `greeting` uses `$nobody`",
        ),
        (
            &["rename", "--variable", "greeting", "user", "2"],
            "is not a variable name",
        ),
        (
            &["rename", "--outdate", "intro", "opening"],
            "`de` has no record of what its translations were made from",
        ),
        (
            &[
                "rename",
                "--outdate",
                "--variable",
                "greeting",
                "user",
                "name",
            ],
            "--outdate marks the translations of a renamed",
        ),
        (
            &["rename", "intro", "opening", "--dry-run"],
            "comes after the names",
        ),
        (&["rename", "intro"], "OLD NEW"),
    ] {
        folio_in(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(reason));
    }
    // The renderer passes `$date` to the byline by that name.
    let chrome = tree(&[(
        "locales/en-US/site.ftl",
        "site-byline = Published on { $date }\n",
    )]);
    folio_in(chrome.path())
        .args(["rename", "--variable", "site-byline", "date", "day"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the renderer gives `site-byline` the variable `$date`",
        ));
    assert_eq!(read_tree(dir.path()), before);
}

#[test]
fn a_syntax_error_where_the_rename_would_reach_stops_it_and_elsewhere_does_not() {
    let dir = sample();
    std::fs::write(
        dir.path().join("locales/de/b.ftl"),
        "broken = { intro\nfine = Gut\n",
    )
    .unwrap();
    let before = read_tree(dir.path());
    folio_in(dir.path())
        .args(["rename", "intro", "opening"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "b.ftl:1:1: this text could not be parsed",
        ));
    assert_eq!(read_tree(dir.path()), before);
    // The same error does not stop a rename it has nothing to do with.
    folio_in(dir.path())
        .args(["rename", "greeting", "salutation"])
        .assert()
        .success();
}

#[test]
fn line_endings_byte_order_marks_and_layout_are_kept() {
    let en = format!("\u{feff}{}", EN.replace('\n', "\r\n"));
    let dir = tree(&[("locales/en-US/a.ftl", &en), ("locales/de/a.ftl", DE)]);
    folio_in(dir.path())
        .args(["rename", "-brand", "-shop"])
        .assert()
        .success();
    let after = read(dir.path(), "locales/en-US/a.ftl");
    assert_eq!(after, en.replace("-brand", "-shop"));
}

#[test]
fn a_content_file_with_a_byte_order_mark_is_renamed_in_place() {
    let content = format!("\u{feff}{}", CONTENT.replace('\n', "\r\n"));
    let dir = tree(&[
        ("content/a.toml", &content),
        ("locales/en-US/a.ftl", EN),
        ("locales/de/a.ftl", DE),
    ]);
    folio_in(dir.path())
        .args(["rename", "intro", "opening", "hero.alt", "hero.text"])
        .assert()
        .success();
    let after = read(dir.path(), "content/a.toml");
    let expected = content
        .replace("`intro`", "`opening`")
        .replace("\"intro\"", "\"opening\"")
        .replace("hero.alt", "hero.text");
    assert_eq!(after, expected);
    folio_in(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("No findings."));
}

#[cfg(unix)]
#[test]
fn a_crash_while_writing_leaves_every_file_as_it_was() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    for part in ["locales", "content"] {
        copy_tree(&repo().join(part), &dir.path().join(part));
    }
    // A small file the rename reaches first: it is written whole before the kill.
    std::fs::write(
        dir.path().join("locales/ar/a.ftl"),
        "city-note = { -clinic-city }\n",
    )
    .unwrap();
    let before = read_tree(dir.path());
    // Files are limited to 4 blocks: writing the first large locale file kills the process,
    // after the small one is written, before any is put in place.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 4; exec {} rename -clinic-city -city",
            env!("CARGO_BIN_EXE_folio")
        ))
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    // Killed by the file-size limit (SIGXFSZ), that is while writing a staged file.
    assert_eq!(status.signal(), Some(25), "{status:?}");
    let (temporary, after): (BTreeMap<_, _>, BTreeMap<_, _>) = read_tree(dir.path())
        .into_iter()
        .partition(|(path, _)| path.contains("/.folio-"));
    assert!(!temporary.is_empty(), "the kill came while staging");
    // Files are staged by several threads at once: whether the small one was finished
    // before the kill depends on which ran first, and either way nothing is in place.
    assert_eq!(after, before, "no file changed");
}

#[test]
fn renaming_the_seed_articles_term_and_a_paragraph_keeps_every_page() {
    let dir = tempfile::tempdir().unwrap();
    for part in ["locales", "content"] {
        copy_tree(&repo().join(part), &dir.path().join(part));
    }
    let pages = |dir: &Path| -> Vec<Vec<u8>> {
        ["de", "ar", "pl", "tr", "ja"]
            .iter()
            .flat_map(|locale| {
                ["text", "html"].map(|format| {
                    folio_in(dir)
                        .args([
                            "render",
                            "smp-removal",
                            "--locale",
                            locale,
                            "--format",
                            format,
                        ])
                        .output()
                        .unwrap()
                        .stdout
                })
            })
            .collect()
    };
    let before = pages(dir.path());
    folio_in(dir.path())
        .args([
            "rename",
            "-clinic-city",
            "-city",
            "smp-removal-decision",
            "smp-removal-choice",
        ])
        .assert()
        .success();
    folio_in(dir.path())
        .args(["check", "--deny", "warnings"])
        .assert()
        .success();
    assert_eq!(pages(dir.path()), before);
}

/// A random project: two locales, messages that reference each other and a term, a content
/// file naming some of them, CRLF or not, a byte order mark or not.
fn random_project() -> impl Strategy<Value = (Vec<(String, String)>, usize)> {
    let message = (0..6usize, 0..3usize, any::<bool>(), any::<bool>());
    (prop::collection::vec(message, 3..8), any::<bool>(), any::<bool>(), 0..8usize).prop_map(
        |(messages, crlf, bom, pick)| {
            let ids: Vec<String> = (0..messages.len()).map(|i| format!("m{i}")).collect();
            let text = |locale: &str| {
                let mut text = String::from("-term = { $case ->\n   *[one] T\n    [two] TT\n}\n");
                for (i, (target, kind, attribute, comment)) in messages.iter().enumerate() {
                    if *comment {
                        writeln!(text, "# About {0} (`{0}`), not m{i}x.", ids[i]).unwrap();
                    }
                    let reference = match kind {
                        // Only earlier messages: a loop's error text names its ids, which
                        // a rename changes.
                        0 if i > 0 => format!("{{ {} }}", ids[target % i]),
                        0 | 1 => "{ -term(case: \"two\") }".to_string(),
                        _ => "{ $n }".to_string(),
                    };
                    writeln!(text, "{} = {locale} {i} {reference}", ids[i]).unwrap();
                    if *attribute {
                        writeln!(text, "    .title = {locale} title {i}").unwrap();
                    }
                }
                let text = if crlf { text.replace('\n', "\r\n") } else { text };
                if bom { format!("\u{feff}{text}") } else { text }
            };
            let content = format!(
                "slug = \"r\"\ntitle = \"{}\"\n[[blocks]]\ntype = \"paragraph\"\nmessage = \"{}\"\n",
                ids[0],
                ids[messages.len() - 1]
            );
            let files = vec![
                ("content/r.toml".to_string(), content),
                ("locales/en-US/a.ftl".to_string(), text("en")),
                ("locales/de/a.ftl".to_string(), text("de")),
            ];
            (files, pick % messages.len())
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn renaming_and_renaming_back_gives_the_same_bytes_and_the_same_pages(
        (sources, pick) in random_project()
    ) {
        let texts: Vec<(&str, &str)> = sources.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let dir = tree(&texts);
        let original = read_tree(dir.path());
        let render = |dir: &Path| -> Vec<String> {
            let project = folio::Project::open(dir).unwrap();
            let publisher = folio::Publisher::new(project, folio::SiteOptions::default());
            ["en-US", "de"]
                .iter()
                .map(|locale| {
                    let tag = folio::parse_tag(locale).unwrap();
                    let page = publisher
                        .page("r", &tag, folio::Format::Text, &folio::RenderOptions::default())
                        .unwrap();
                    String::from_utf8(page.body).unwrap()
                })
                .collect()
        };
        let pages = render(dir.path());
        let old = format!("m{pick}");
        for (from, to) in [(old.as_str(), "renamed-one"), ("-term", "-other")] {
            let project = folio::Project::open(dir.path()).unwrap();
            let pair = (folio::edit::rename::Name::parse(from).unwrap(), folio::edit::rename::Name::parse(to).unwrap());
            folio::edit::rename::plan_rename(&project, &[pair]).unwrap().write().unwrap();
        }
        prop_assert_eq!(render(dir.path()), pages);
        for (from, to) in [("renamed-one", old.as_str()), ("-other", "-term")] {
            let project = folio::Project::open(dir.path()).unwrap();
            let pair = (folio::edit::rename::Name::parse(from).unwrap(), folio::edit::rename::Name::parse(to).unwrap());
            folio::edit::rename::plan_rename(&project, &[pair]).unwrap().write().unwrap();
        }
        prop_assert_eq!(read_tree(dir.path()), original);
    }
}
