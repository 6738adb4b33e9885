//! The site around the articles, as readers and their tools meet it: each language's list of
//! articles (read with an HTML5 parser), its Atom feed (read by a feed reader's parser and
//! held to RFC 4287), the list of languages, the localized not-found page, replaceable
//! templates, and the same pages from `folio serve`.

use std::path::Path;

use folio::ProjectLocation as Source;
use predicates::prelude::*;
use scraper::{Html, Selector};

use crate::util::{Server, folio, repo_project};

const LOCALES: [&str; 14] = [
    "ar", "de", "en-US", "es", "fr", "he", "it", "ja", "ko", "pl", "pt-BR", "tr", "uk", "zh-CN",
];

fn select<'a>(document: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    document
        .select(&Selector::parse(selector).unwrap())
        .collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>()
}

/// What `locale`'s `site-title` says, from its Fluent file (the test's own reading of it).
fn site_title(root: &Path, locale: &str) -> String {
    let ftl = std::fs::read_to_string(root.join(format!("locales/{locale}/site.ftl"))).unwrap();
    ftl.lines()
        .find_map(|l| l.strip_prefix("site-title = "))
        .unwrap()
        .to_string()
}

/// Holds an Atom document to what RFC 4287 section 4.1 requires of a feed and its entries,
/// and returns its entries' alternate links.
fn assert_atom(xml: &str, what: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{what}: {e}"));
    let atom = "http://www.w3.org/2005/Atom";
    let feed = doc.root_element();
    assert!(
        feed.has_tag_name((atom, "feed")),
        "{what}: not an Atom feed"
    );
    let date = |node: roxmltree::Node<'_, '_>| {
        let text = node.text().unwrap_or_default();
        assert!(
            chrono_like_rfc3339(text),
            "{what}: `{text}` is not an RFC 3339 date-time"
        );
    };
    for name in ["id", "title", "updated"] {
        assert_eq!(child(feed, name).len(), 1, "{what}: feed needs one {name}");
    }
    date(child(feed, "updated")[0]);
    let entries = child(feed, "entry");
    let feed_has_author = !child(feed, "author").is_empty();
    let mut links = Vec::new();
    for entry in entries {
        for name in ["id", "title", "updated"] {
            assert_eq!(
                child(entry, name).len(),
                1,
                "{what}: entry needs one {name}"
            );
        }
        date(child(entry, "updated")[0]);
        let id = child(entry, "id")[0].text().unwrap();
        assert!(id.contains(':'), "{what}: the id `{id}` is not an IRI");
        assert!(feed_has_author || !child(entry, "author").is_empty());
        let alternate: Vec<_> = child(entry, "link")
            .into_iter()
            .filter(|l| l.attribute("rel").is_none_or(|r| r == "alternate"))
            .collect();
        assert_eq!(alternate.len(), 1, "{what}: one alternate link per entry");
        links.push(alternate[0].attribute("href").unwrap().to_string());
    }
    // And a feed reader's parser takes it.
    let parsed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(parsed.entries.len(), links.len(), "{what}");
    links
}

/// The Atom elements `name` under `node`.
fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", name)))
        .collect()
}

/// `YYYY-MM-DDTHH:MM:SSZ` (or with an offset), as RFC 3339 writes a date-time.
fn chrono_like_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && (text.ends_with('Z') || text[19..].starts_with(['+', '-']))
        && text[..4].bytes().all(|c| c.is_ascii_digit())
}

#[test]
fn every_language_has_a_list_of_articles_a_feed_and_a_not_found_page() {
    let project = repo_project();
    let out = tempfile::tempdir().unwrap();
    folio()
        .args(["build", "--base-url", "https://example.com/smp", "--root"])
        .arg(project.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr("");
    for locale in LOCALES {
        let read = |file: &str| {
            std::fs::read_to_string(out.path().join(locale).join(file))
                .unwrap_or_else(|e| panic!("{locale}/{file}: {e}"))
        };
        let title = site_title(project.path(), locale);

        let index = Html::parse_document(&read("index.html"));
        let html = &select(&index, "html")[0];
        assert_eq!(html.attr("lang"), Some(locale));
        let rtl = ["ar", "he"].contains(&locale);
        assert_eq!(html.attr("dir"), Some(if rtl { "rtl" } else { "ltr" }));
        assert_eq!(text(&select(&index, "h1")[0]), title, "{locale}");
        assert_eq!(text(&select(&index, "title")[0]), title, "{locale}");
        let articles = select(&index, "main article");
        assert_eq!(articles.len(), 1, "{locale}");
        let link = select(&index, "main article h2 a")[0];
        assert_eq!(
            link.attr("href"),
            Some(format!("https://example.com/smp/{locale}/smp-removal.html").as_str())
        );
        // The title and date are the page's own.
        let page = Html::parse_document(&read("smp-removal.html"));
        assert_eq!(text(&link), text(&select(&page, "h1")[0]), "{locale}");
        let time = select(&index, "main article time")[0];
        assert_eq!(time.attr("datetime"), Some("2024-03-14"));
        assert_eq!(text(&time), text(&select(&page, ".byline")[0]), "{locale}");
        let hero = select(&index, "main article img")[0];
        assert_eq!(
            hero.attr("alt"),
            select(&page, "main figure img")[0].attr("alt")
        );
        // The languages, each by its own name, this one current.
        let languages = select(&index, "nav a");
        assert_eq!(languages.len(), LOCALES.len());
        assert_eq!(
            select(&index, "nav a[aria-current=page]")[0].attr("lang"),
            Some(locale)
        );
        // The feed, from the list and from the article's page.
        let feed_url = format!("https://example.com/smp/{locale}/feed.xml");
        for document in [&index, &page] {
            let alternate = select(document, "link[rel=alternate][type='application/atom+xml']");
            assert_eq!(
                alternate[0].attr("href"),
                Some(feed_url.as_str()),
                "{locale}"
            );
        }

        let feed = read("feed.xml");
        let links = assert_atom(&feed, &format!("{locale}/feed.xml"));
        assert_eq!(
            links,
            [format!("https://example.com/smp/{locale}/smp-removal.html")]
        );
        let parsed = feed_rs::parser::parse(feed.as_bytes()).unwrap();
        assert_eq!(parsed.title.unwrap().content, title);
        assert_eq!(parsed.language.as_deref(), Some(locale));
        assert_eq!(
            parsed.entries[0].title.as_ref().unwrap().content,
            text(&select(&page, "h1")[0]).trim_matches(['\u{2068}', '\u{2069}'])
        );

        let not_found = Html::parse_document(&read("404.html"));
        assert_eq!(select(&not_found, "html")[0].attr("lang"), Some(locale));
        assert_eq!(
            select(&not_found, "main a")[0].attr("href"),
            Some(format!("https://example.com/smp/{locale}/").as_str())
        );
        assert_ne!(text(&select(&not_found, "h1")[0]), title);
    }
    // The titles and the 404 pages are translated, not English everywhere.
    let german = std::fs::read_to_string(out.path().join("de/404.html")).unwrap();
    assert!(german.contains("Seite nicht gefunden"), "{german}");
    assert!(
        std::fs::read_to_string(out.path().join("ar/index.html"))
            .unwrap()
            .contains("<h1>مقالات</h1>")
    );

    // The root lists every language by its own name, linked to its list.
    let root = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let root = Html::parse_document(&root);
    let languages = select(&root, "main li a");
    assert_eq!(languages.len(), LOCALES.len());
    let names: Vec<String> = languages.iter().map(text).collect();
    for name in ["العربية", "Deutsch", "日本語", "Українська"] {
        assert!(names.iter().any(|n| n == name), "{names:?}");
    }
    let arabic = languages
        .iter()
        .find(|a| a.attr("lang") == Some("ar"))
        .unwrap();
    assert_eq!(arabic.attr("dir"), Some("rtl"));
    assert_eq!(arabic.attr("href"), Some("https://example.com/smp/ar/"));
    assert!(out.path().join("404.html").is_file());
}

#[test]
fn lists_and_feeds_put_the_newest_first_and_leave_untranslated_articles_out() {
    let project = repo_project();
    let content = project.path().join("content");
    // An older article, and a newer one only the reference has.
    for (slug, date) in [("older", "2023-05-01"), ("newer", "2025-01-09")] {
        let toml = std::fs::read_to_string(content.join("smp-removal.toml"))
            .unwrap()
            .replace("slug = \"smp-removal\"", &format!("slug = \"{slug}\""))
            .replace("published = 2024-03-14", &format!("published = {date}"))
            .replace("smp-removal-", &format!("{slug}-"));
        std::fs::write(content.join(format!("{slug}.toml")), toml).unwrap();
        let locales: &[&str] = if slug == "older" {
            &LOCALES
        } else {
            &["en-US"]
        };
        for locale in locales {
            let dir = project.path().join("locales").join(locale);
            let ftl = std::fs::read_to_string(dir.join("smp-removal.ftl"))
                .unwrap()
                .replace("smp-removal-", &format!("{slug}-"));
            std::fs::write(dir.join(format!("{slug}.ftl")), ftl).unwrap();
        }
    }
    let out = tempfile::tempdir().unwrap();
    folio()
        .args(["build", "--allow-errors", "--root"])
        .arg(project.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let order = |locale: &str| {
        let index = std::fs::read_to_string(out.path().join(locale).join("index.html")).unwrap();
        let index = Html::parse_document(&index);
        select(&index, "main article h2 a")
            .iter()
            .map(|a| a.attr("href").unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        order("en-US"),
        [
            "../en-US/newer.html",
            "../en-US/smp-removal.html",
            "../en-US/older.html"
        ]
    );
    assert_eq!(order("de"), ["../de/smp-removal.html", "../de/older.html"]);
    let feed = std::fs::read_to_string(out.path().join("de/feed.xml")).unwrap();
    let links = assert_atom(&feed, "de/feed.xml");
    assert_eq!(links, ["../de/smp-removal.html", "../de/older.html"]);
    assert!(feed.contains("<updated>2024-03-14T00:00:00Z</updated>"));
    // Without a base URL, ids are stable URNs, not relative links.
    assert!(feed.contains("<id>urn:uuid:"));
}

#[test]
fn a_project_replaces_the_site_templates_and_a_broken_one_is_named_with_its_line() {
    let project = repo_project();
    let templates = project.path().join("theme");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("index.html"),
        "<!DOCTYPE html><title>{{ site.title }}</title>\
         {% for a in articles %}<p class=mine>{{ a.title }}</p>{% endfor %}",
    )
    .unwrap();
    std::fs::write(
        templates.join("feed.xml"),
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{{ feed.title }} & co</title></feed>",
    )
    .unwrap();
    let config = project.path().join("folio.toml");
    let before = std::fs::read_to_string(&config).unwrap_or_default();
    std::fs::write(
        &config,
        format!("{before}\n[site]\ntemplates = \"theme\"\n"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let build = || {
        let mut command = folio();
        command
            .args(["build", "--root"])
            .arg(project.path())
            .arg("--out")
            .arg(out.path());
        command.assert()
    };
    build().success();
    let index = std::fs::read_to_string(out.path().join("fr/index.html")).unwrap();
    assert!(index.contains("<p class=mine>"), "{index}");
    // The feed template is XML: text is escaped as XML.
    let feed = std::fs::read_to_string(out.path().join("fr/feed.xml")).unwrap();
    assert!(feed.contains("<title>Articles & co</title>"), "{feed}");
    // The others are still the built-in ones.
    let not_found = std::fs::read_to_string(out.path().join("fr/404.html")).unwrap();
    assert!(not_found.contains("Page introuvable"));

    std::fs::write(templates.join("404.html"), "line one\n{% if %}\n").unwrap();
    build()
        .code(predicate::ne(0))
        .stderr(predicate::str::contains("404.html"))
        .stderr(predicate::str::contains("line 2").or(predicate::str::contains(":2")));
}

#[test]
fn serve_negotiates_the_root_and_serves_lists_feeds_sitemap_and_localized_404() {
    let server = Server::start(Source::BuiltIn);
    let get = |path: &str, accept: Option<&str>| {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("Accept-Language", a)).into_iter().collect();
        server.get(path, &headers)
    };
    let header = |response: &ureq::http::Response<ureq::Body>, name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    for (accept, expected) in [
        (Some("de-CH, fr;q=0.5"), "/de/"),
        (Some("iw"), "/he/"),
        (Some("zh-TW"), "/en-US/"),
        (None, "/en-US/"),
    ] {
        let response = get("/", accept);
        assert_eq!(response.status(), 302);
        assert_eq!(header(&response, "location"), expected, "{accept:?}");
        assert_eq!(header(&response, "vary"), "Accept-Language");
    }
    let moved = get("/ja", None);
    assert_eq!(moved.status(), 308);
    assert_eq!(header(&moved, "location"), "/ja/");

    for path in ["/ja/", "/ja/index.html"] {
        let response = get(path, None);
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, "content-language"), "ja");
        let index = Html::parse_document(&response.into_body().read_to_string().unwrap());
        assert_eq!(text(&select(&index, "h1")[0]), "記事");
        // Its links lead to pages the server has.
        let href = select(&index, "main article h2 a")[0].attr("href").unwrap();
        let page = url_join("/ja/", href);
        assert_eq!(get(&page, None).status(), 200, "{page}");
    }
    let feed = get("/ar/feed.xml", None);
    assert_eq!(feed.status(), 200);
    assert!(header(&feed, "content-type").starts_with("application/atom+xml"));
    assert!(!header(&feed, "etag").is_empty());
    assert_atom(&feed.into_body().read_to_string().unwrap(), "/ar/feed.xml");

    let sitemap = get("/sitemap.xml", None);
    assert_eq!(sitemap.status(), 200);
    let sitemap = sitemap.into_body().read_to_string().unwrap();
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("url")).count(),
        14
    );
    let languages = get("/index.html", None);
    assert_eq!(languages.status(), 200);
    assert!(
        languages
            .into_body()
            .read_to_string()
            .unwrap()
            .contains(">Українська</a>")
    );

    // Not found: in the language of the path, else the reader's.
    for (path, accept, lang, words) in [
        (
            "/de/no-such-article",
            Some("fr"),
            "de",
            "Seite nicht gefunden",
        ),
        (
            "/no-such-article",
            Some("fr-CA, de;q=0.5"),
            "fr",
            "Page introuvable",
        ),
        ("/a/b/c", Some("uk"), "uk", "Сторінку не знайдено"),
        ("/images/none.svg", None, "en-US", "Page not found"),
        ("/xx/feed.xml", Some("pl"), "pl", "Nie znaleziono strony"),
    ] {
        let response = get(path, accept);
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(header(&response, "content-language"), lang, "{path}");
        assert!(header(&response, "content-type").starts_with("text/html"));
        let body = response.into_body().read_to_string().unwrap();
        assert!(body.contains(words), "{path}: {body}");
        let page = Html::parse_document(&body);
        let home = select(&page, "main a")[0].attr("href").unwrap().to_string();
        assert_eq!(home, format!("/{lang}/"));
        assert_eq!(get(&home, None).status(), 200);
    }
    server.stop();
}

/// `href` resolved against the folder `base` (both server paths).
fn url_join(base: &str, href: &str) -> String {
    let mut parts: Vec<&str> = base.trim_end_matches('/').split('/').collect();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." => {}
            part => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}
