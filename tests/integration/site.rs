//! `folio build` and `folio eval`, and the HTML page a site ships.

use predicates::prelude::*;

use crate::util::{each_file, fixture, folio, read_tree, repo};

#[test]
fn build_writes_every_page_format_index_sitemap_and_image() {
    let out = tempfile::tempdir().unwrap();
    folio()
        .args(["build", "--base-url", "https://example.com/smp/", "--out"])
        .arg(out.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote 102 files for 14 locales"))
        .stderr("");
    let files = read_tree(out.path());
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    for locale in ["ar", "de", "en-US", "ja", "zh-CN"] {
        for extension in ["html", "txt", "md", "json"] {
            let name = format!("{locale}/smp-removal.{extension}");
            assert!(names.contains(&name.as_str()), "{name}");
        }
    }
    for name in [
        "index.html",
        "404.html",
        "de/index.html",
        "de/feed.xml",
        "de/404.html",
        "sitemap.xml",
        "images/smp-removal/hero.svg",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    // No temporary file is left behind: only the build's record and each language's page
    // records.
    assert!(names.iter().all(|n| !n.contains(".tmp")), "{names:?}");
    let records: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.contains(".folio-"))
        .collect();
    let mut expected = vec![folio::BUILD_RECORD.to_string()];
    for dir in std::fs::read_dir(repo().join("locales")).unwrap() {
        let locale = dir.unwrap().file_name().into_string().unwrap();
        expected.push(format!("{}/{locale}.json", folio::BUILD_PAGE_RECORDS));
    }
    expected.sort();
    assert_eq!(records, expected);

    let sitemap = std::fs::read_to_string(out.path().join("sitemap.xml")).unwrap();
    let document = roxmltree::Document::parse(&sitemap).unwrap();
    let urls: Vec<_> = document
        .root_element()
        .children()
        .filter(roxmltree::Node::is_element)
        .collect();
    assert_eq!(urls.len(), 14);
    let alternates: Vec<_> = urls[0]
        .children()
        .filter(|n| n.tag_name().name() == "link")
        .collect();
    assert_eq!(alternates.len(), 15, "14 languages and x-default");
    assert!(sitemap.contains("<loc>https://example.com/smp/ar/smp-removal.html</loc>"));
    assert!(
        sitemap.contains(
            r#"hreflang="x-default" href="https://example.com/smp/en-US/smp-removal.html""#
        )
    );

    let page = std::fs::read_to_string(out.path().join("de/smp-removal.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">"));
    assert_eq!(
        page.matches("<link rel=\"alternate\" hreflang=").count(),
        15
    );
    assert!(page.contains(
        r#"<link rel="alternate" hreflang="he" href="https://example.com/smp/he/smp-removal.html">"#
    ));
    assert!(
        page.contains(r#"<meta name="description" content="Eines der entscheidenden Merkmale"#)
    );
    assert!(page.contains(r#"<img src="https://example.com/smp/images/smp-removal/hero.svg" alt="Winzige Pigmentpunkte"#));
    assert!(page.contains(r#"aria-current="page">Deutsch</a>"#));
    assert!(page.contains(r#"lang="ar" dir="rtl">العربية</a>"#));
}

#[test]
fn build_is_byte_identical_and_leaves_out_locales_below_the_minimum() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let project = folio::Project::open(repo()).unwrap();
    let published = folio::publish(project, &folio::PublishOptions::default(), None).unwrap();
    for out in [&first, &second] {
        let options = folio::BuildOptions {
            out: out.path().to_path_buf(),
            ..Default::default()
        };
        folio::build(&published, &options, &|_, _| {}).unwrap();
    }
    assert_eq!(read_tree(first.path()), read_tree(second.path()));

    // tests/fixtures/broken: `de` is 66.67% translated, `pt_BR` is not a tag.
    let out = tempfile::tempdir().unwrap();
    folio()
        .args(["build", "--min-coverage", "80", "--out"])
        .arg(out.path())
        .arg("--root")
        .arg(fixture("broken"))
        .assert()
        // The fixture's content names messages no locale has: those pages fail the build, and
        // are not written.
        .code(1)
        .stderr(predicate::str::contains(
            "note: `de` is left out: 66.67% translated, below the required 80%",
        ))
        .stderr(predicate::str::contains(
            "error: en-US/article: `article-missing` in `en-US`: no locale of the fallback chain defines it",
        ))
        .stderr(predicate::str::contains(
            "error: en-US/article was not written",
        ));
    assert!(!out.path().join("en-US/article.html").exists());
    assert!(out.path().join("index.html").is_file());
    assert!(!out.path().join("de").exists());

    // A message a locale lacks falls back, and the build says so.
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_tree(&fixture("clean"), dir.path());
    let pl = dir.path().join("locales/pl/guide.ftl");
    let text = std::fs::read_to_string(&pl).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("guide-body"))
        .collect();
    let text = kept.join("\n") + "\n";
    std::fs::write(&pl, text).unwrap();
    folio()
        .args(["build", "--out"])
        .arg(dir.path().join("site"))
        .arg("--root")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "note: pl/guide: `guide-body` is not translated; using `en-US`",
        ));
    let page = std::fs::read_to_string(dir.path().join("site/pl/guide.txt")).unwrap();
    assert!(page.contains("Folio checks every translation before it is published."));
}

#[test]
fn a_site_can_replace_the_page_template() {
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_tree(&fixture("clean"), dir.path());
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/page.html"),
        "<main lang=\"{{ page.lang }}\">{{ page.title }}|{% for b in page.blocks %}{% if b.html %}{{ b.html }};{% endif %}{% endfor %}</main>\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("folio.toml"),
        "[site]\ntemplate = \"templates/page.html\"\ntitle = \"Guides\"\n",
    )
    .unwrap();
    let out = dir.path().join("site");
    folio()
        .arg("build")
        .arg("--out")
        .arg(&out)
        .arg("--root")
        .arg(dir.path())
        .assert()
        .success();
    let page = std::fs::read_to_string(out.join("pl/guide.html")).unwrap();
    assert_eq!(
        page,
        "<main lang=\"pl\">Pierwsze kroki z Foliem|Pierwsze kroki z Foliem;Folio sprawdza każde tłumaczenie przed publikacją.;</main>\n"
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<title>Guides</title>"));

    // A template that does not compile stops the HTML page, named with its line; the text
    // and the other formats, which no template makes, still render.
    std::fs::write(dir.path().join("templates/page.html"), "{% if %}\n").unwrap();
    let render = |format: &str| {
        folio()
            .args([
                "render", "guide", "--locale", "pl", "--format", format, "--root",
            ])
            .arg(dir.path())
            .assert()
    };
    render("html")
        .code(2)
        .stderr(predicates::str::contains("page.html:1"));
    for format in ["text", "markdown", "json"] {
        render(format)
            .success()
            .stdout(predicates::str::contains("Pierwsze kroki z Foliem"));
    }
}

#[test]
fn eval_formats_source_or_a_project_message() {
    folio()
        .args([
            "eval",
            "--locale",
            "de",
            "--var",
            "n=1234.5",
            "n = { NUMBER($n) } Punkte",
        ])
        .assert()
        .success()
        .stdout("1.234,5 Punkte\n");
    folio()
        .args([
            "eval",
            "--locale",
            "fa",
            "--var",
            "d=2024-03-14",
            r#"d = { DATETIME($d, dateStyle: "long") }"#,
        ])
        .assert()
        .success()
        .stdout("۲۴ اسفند ۱۴۰۲\n");
    folio()
        .args([
            "eval",
            "--locale",
            "pl",
            "--message",
            "site-reading-time",
            "--var",
            "minutes=5",
        ])
        .assert()
        .success()
        .stdout("5 minut czytania\n");
    folio()
        .args([
            "eval",
            "--locale",
            "de-AT",
            "--message",
            "smp-removal-hero.alt",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Winzige Pigmentpunkte"));
    folio()
        .args(["eval", "--locale", "en", "n = Hello { $name }"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: Resolver error: Unknown variable: $name",
        ));
    folio()
        .args(["eval", "--locale", "en", "n = { $x ->\n [one] a\n}"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "select expression must have a default variant",
        ));
    folio()
        .args(["eval", "--locale", "xx_YY", "n = a"])
        .assert()
        .code(2);
}

#[test]
fn build_refuses_an_image_that_is_not_in_the_content_folder() {
    let project = tempfile::tempdir().unwrap();
    crate::util::copy_tree(&fixture("checks").join("missing-asset"), project.path());
    let out = tempfile::tempdir().unwrap();
    folio()
        .current_dir(project.path())
        .args(["build", "--out"])
        .arg(out.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("content/a.toml:10:7"))
        .stderr(predicate::str::contains(
            "the image `images/photo.png` is not in the content folder",
        ));
    assert!(read_tree(out.path()).is_empty(), "nothing is written");
}

#[test]
fn an_article_can_have_its_own_slug_in_a_locale() {
    let project = tempfile::tempdir().unwrap();
    crate::util::copy_tree(&fixture("clinic"), project.path());
    let content = project.path().join("content/smp-aftercare.toml");
    let text = std::fs::read_to_string(&content).unwrap();
    let text = text.replacen("[hero]", "[slugs]\nde = \"smp-nachsorge\"\n\n[hero]", 1);
    std::fs::write(&content, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    folio()
        .current_dir(project.path())
        .args(["build", "--base-url", "https://example.com", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let files = read_tree(out.path());
    assert!(files.contains_key("de/smp-nachsorge.html"));
    assert!(files.contains_key("de/smp-nachsorge.json"));
    assert!(!files.contains_key("de/smp-aftercare.html"));
    assert!(files.contains_key("ar/smp-aftercare.html"));
    let english = String::from_utf8(files["en-US/smp-aftercare.html"].clone()).unwrap();
    assert!(
        english.contains(
            r#"<link rel="alternate" hreflang="de" href="https://example.com/de/smp-nachsorge.html">"#
        ),
        "{english}"
    );
    let german = String::from_utf8(files["de/smp-nachsorge.html"].clone()).unwrap();
    assert!(
        german
            .contains(r#"<link rel="canonical" href="https://example.com/de/smp-nachsorge.html">"#)
    );
    let sitemap = String::from_utf8(files["sitemap.xml"].clone()).unwrap();
    assert!(sitemap.contains("https://example.com/de/smp-nachsorge.html"));
    // `render` still knows the article by its slug.
    folio()
        .current_dir(project.path())
        .args([
            "render",
            "smp-aftercare",
            "--locale",
            "de",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"page_slug\": \"smp-nachsorge\""));
}

#[test]
fn a_page_that_does_not_format_is_withheld_unless_errors_are_allowed() {
    let project = crate::util::repo_project();
    let de = project.path().join("locales/de/smp-removal.ftl");
    let text = std::fs::read_to_string(&de).unwrap();
    assert!(text.contains("{ -smp }"));
    std::fs::write(&de, text.replacen("{ -smp }", "{ -nosuch }", 1)).unwrap();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let build = |extra: &[&str]| {
        let mut command = folio();
        command
            .args(["build", "--root"])
            .arg(project.path())
            .arg("--out")
            .arg(&site)
            .args(extra);
        command.assert()
    };
    build(&[])
        .code(1)
        .stderr(predicate::str::contains("Unknown term: -nosuch"))
        .stderr(predicate::str::contains(
            "error: de/smp-removal was not written: a message could not be formatted",
        ));
    for format in ["html", "txt", "md", "json"] {
        assert!(!site.join(format!("de/smp-removal.{format}")).exists());
        assert!(site.join(format!("fr/smp-removal.{format}")).is_file());
    }
    // Nothing links the page that is not there.
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("de/smp-removal.html") && sitemap.contains("fr/smp-removal.html"));
    for locale in ["de", "fr"] {
        let index = std::fs::read_to_string(site.join(locale).join("index.html")).unwrap();
        let feed = std::fs::read_to_string(site.join(locale).join("feed.xml")).unwrap();
        let page = format!("{locale}/smp-removal.html");
        assert_eq!(index.contains(&page), locale == "fr", "{locale}/index.html");
        assert_eq!(feed.contains(&page), locale == "fr", "{locale}/feed.xml");
    }

    build(&["--allow-errors"])
        .success()
        .stderr(predicate::str::contains("Unknown term: -nosuch"))
        .stderr(predicate::str::contains("was not written").not());
    assert!(site.join("de/smp-removal.html").is_file());
}

/// Each file's modification time, by path.
fn times(dir: &std::path::Path) -> std::collections::BTreeMap<String, std::time::SystemTime> {
    each_file(dir, |path| path.metadata().unwrap().modified().unwrap())
}

#[test]
fn a_rebuild_renders_only_what_changed_and_gives_the_bytes_of_a_clean_build() {
    let project = crate::util::repo_project();
    let root = project.path();
    let site = tempfile::tempdir().unwrap();
    let build = |out: &std::path::Path, extra: &[&str]| {
        let assert = folio()
            .args(["build", "--root"])
            .arg(root)
            .arg("--out")
            .arg(out)
            .args(extra)
            .assert()
            .success();
        String::from_utf8(assert.get_output().stdout.clone()).unwrap()
    };
    // A clean build into a fresh folder, for each state, is what every rebuild must equal.
    let clean = |label: &str| {
        let fresh = tempfile::tempdir().unwrap();
        let said = build(fresh.path(), &[]);
        assert!(!said.contains("unchanged"), "{label}: {said}");
        read_tree(fresh.path())
    };
    build(site.path(), &[]);
    let before = times(site.path());
    std::thread::sleep(std::time::Duration::from_millis(20));

    // Nothing changed: nothing rendered, no file touched.
    let said = build(site.path(), &[]);
    assert!(said.contains("0 pages rendered, 14 unchanged"), "{said}");
    assert_eq!(times(site.path()), before);
    assert_eq!(read_tree(site.path()), clean("unchanged"));

    // One German message: the German page (and its list and feed), nothing else.
    let de = root.join("locales/de/smp-removal.ftl");
    let text = std::fs::read_to_string(&de).unwrap();
    std::fs::write(
        &de,
        text.replacen("smp-removal-decision = ", "smp-removal-decision = Ja. ", 1),
    )
    .unwrap();
    let said = build(site.path(), &[]);
    assert!(said.contains("1 page rendered, 13 unchanged"), "{said}");
    let after = times(site.path());
    let touched: Vec<&String> = after
        .iter()
        .filter(|(path, time)| before.get(*path) != Some(time))
        .map(|(path, _)| path)
        .collect();
    for path in &touched {
        assert!(
            path.starts_with("de/smp-removal.")
                || *path == ".folio-build.json"
                || *path == ".folio-build/de.json",
            "{path} was rewritten"
        );
    }
    assert!(touched.iter().any(|p| *p == "de/smp-removal.html"));
    assert_eq!(read_tree(site.path()), clean("a German message"));

    // A message the French page took from English is translated: the page follows.
    let fr = root.join("locales/fr/smp-removal.ftl");
    let french = std::fs::read_to_string(&fr).unwrap();
    let start = french.find("\nsmp-removal-decision =").unwrap() + 1;
    let end = start + french[start..].find("\n\n").unwrap_or(french.len() - start);
    let entry = french[start..end].to_string();
    std::fs::write(&fr, french.replacen(&entry, "", 1)).unwrap();
    let said = build(site.path(), &[]);
    assert!(said.contains("1 page rendered"), "{said}");
    let page = std::fs::read_to_string(site.path().join("fr/smp-removal.html")).unwrap();
    assert!(
        page.contains("lang=\"en-US\""),
        "the English fallback is shown"
    );
    std::fs::write(&fr, &french).unwrap();
    let said = build(site.path(), &[]);
    assert!(said.contains("1 page rendered"), "{said}");
    assert_eq!(read_tree(site.path()), clean("a translation added back"));

    // A file of the site deleted is made again; `--full` renders everything.
    std::fs::remove_file(site.path().join("ja/smp-removal.md")).unwrap();
    let said = build(site.path(), &[]);
    assert!(said.contains("1 page rendered"), "{said}");
    assert!(site.path().join("ja/smp-removal.md").is_file());
    let said = build(site.path(), &["--full"]);
    assert!(!said.contains("unchanged"), "{said}");

    // A record that is not one is ignored: the site is made whole.
    std::fs::write(site.path().join(".folio-build.json"), "{ not json").unwrap();
    build(site.path(), &[]);
    assert_eq!(read_tree(site.path()), clean("a broken record"));

    // An article no longer published: its files go (and only files the build made).
    std::fs::write(site.path().join("mine.txt"), "the user's").unwrap();
    let toml = std::fs::read_to_string(root.join("content/smp-removal.toml")).unwrap();
    std::fs::write(
        root.join("content/other.toml"),
        toml.replace("slug = \"smp-removal\"", "slug = \"other\""),
    )
    .unwrap();
    build(site.path(), &[]);
    assert!(site.path().join("de/other.html").is_file());
    std::fs::remove_file(root.join("content/other.toml")).unwrap();
    let said = build(site.path(), &[]);
    assert!(said.contains("files of it removed"), "{said}");
    assert!(!site.path().join("de/other.html").exists());
    assert!(site.path().join("mine.txt").is_file());
    std::fs::remove_file(site.path().join("mine.txt")).unwrap();
    assert_eq!(read_tree(site.path()), clean("an article removed"));
}
