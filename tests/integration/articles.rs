//! Real articles, as a reader gets them: the clinic fixture (`tests/fixtures/clinic/`), whose
//! article uses every block and inline element, checked, rendered in every locale and format
//! and read back with real parsers (html5ever through `scraper`, `pulldown-cmark`,
//! `serde_json`), built and served.

use std::collections::BTreeSet;

use folio::{CheckId, Format, Project, Publisher, RenderOptions, Severity};
use pulldown_cmark::{Event, Options, Parser, Tag};
use scraper::{ElementRef, Html, Selector};

use crate::util::{Server, fixture, folio_in, read_tree};

const SLUG: &str = "smp-aftercare";
const LOCALES: [&str; 3] = ["ar", "de", "en-US"];
/// The content file's `[links]`.
const BOOKING: &str = "https://clinic.example/book";
const AAD: &str = "https://www.aad.org/public/everyday-care/skin-care-basics";
/// The content file's footnotes, in order.
const FOOTNOTES: [&str; 2] = ["fn-healing", "fn-sun"];
/// The paragraph Arabic leaves to the English fallback.
const FALLBACK: &str = "smp-aftercare-itching";

/// The clinic project, published as `folio render`, `build` and `serve` publish it.
fn clinic() -> Publisher {
    let project = Project::open(fixture("clinic")).unwrap();
    folio::publish(project, &folio::PublishOptions::default(), None)
        .unwrap()
        .publisher
}

/// The article in `locale` and `format`; rendered without error, falling back only where
/// Arabic lacks its one paragraph.
fn page(publisher: &Publisher, locale: &str, format: Format) -> String {
    let tag = folio::parse_tag(locale).unwrap();
    let page = publisher
        .page(SLUG, &tag, format, &RenderOptions::default())
        .unwrap();
    assert!(page.errors.is_empty(), "{locale}: {:?}", page.errors);
    let fallbacks: Vec<(&str, &str)> = page
        .fallbacks
        .iter()
        .map(|f| (f.message.as_str(), f.locale.as_str()))
        .collect();
    let expected: &[(&str, &str)] = if locale == "ar" {
        &[(FALLBACK, "en-US")]
    } else {
        &[]
    };
    assert_eq!(fallbacks, expected, "{locale}");
    String::from_utf8(page.body).unwrap()
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

/// The one element `css` selects.
fn one<'a>(html: &'a Html, css: &str) -> ElementRef<'a> {
    let found = select(html, css);
    assert_eq!(found.len(), 1, "`{css}`");
    found[0]
}

fn inside(element: ElementRef<'_>, name: &str) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == name)
}

fn text(element: ElementRef<'_>) -> String {
    element.text().collect()
}

#[test]
fn clinic_check_reports_only_the_missing_arabic_paragraph() {
    let project = Project::open(fixture("clinic")).unwrap();
    let report = folio::check(&project, &folio::CheckOptions::default()).unwrap();
    let findings: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.check, d.severity, d.locale.as_deref(), d.entry.as_deref()))
        .collect();
    assert_eq!(
        findings,
        [(
            CheckId::MissingMessage,
            Severity::Warning,
            Some("ar"),
            Some(FALLBACK)
        )]
    );
    // A warning does not fail the run.
    folio_in(&fixture("clinic")).arg("check").assert().success();
}

#[test]
fn clinic_html_has_every_block_link_footnote_and_head_field() {
    let publisher = clinic();
    for locale in LOCALES {
        let source = page(&publisher, locale, Format::Html);
        let html = Html::parse_document(&source);
        assert!(html.errors.is_empty(), "{locale}: {:?}", html.errors);
        assert_eq!(one(&html, "html").value().attr("lang"), Some(locale));
        html_blocks(&html, locale);
        html_links(&html, locale);
        html_head(&html, locale);
        html_languages(&html, locale);
    }
}

/// Every block type, as HTML writes it.
fn html_blocks(html: &Html, locale: &str) {
    // Lists: five steps, the third with two sub-steps; four signs of normal healing.
    assert_eq!(select(html, "article > ol > li").len(), 5, "{locale}");
    assert_eq!(select(html, "article > ol > li > ul > li").len(), 2);
    assert_eq!(select(html, "article > ul > li").len(), 4);
    // The quote, attributed.
    one(html, "article figure.quote > blockquote > p");
    assert!(!select(html, "article figure.quote > figcaption cite").is_empty());
    // The hero, shown once as a figure with its caption, and the scalp diagram.
    one(html, "article figure.hero > figcaption");
    one(html, r#"body img[src$="hero.svg"]"#);
    let scalp = one(html, r#"article figure > img[src$="scalp.svg"]"#);
    let figure = ElementRef::wrap(scalp.parent().unwrap()).unwrap();
    assert_eq!(
        figure.child_elements().count(),
        2,
        "{locale}: img, figcaption"
    );
    assert_eq!(
        figure.child_elements().last().unwrap().value().name(),
        "figcaption"
    );
    // The table: caption, a header row of three, four rows of three.
    one(html, "article table > caption");
    assert_eq!(
        select(html, r#"article table > thead > tr > th[scope="col"]"#).len(),
        3
    );
    assert_eq!(select(html, "article table > tbody > tr").len(), 4);
    assert_eq!(select(html, "article table > tbody > tr > td").len(), 12);
    // The note, the checklist, the separator.
    one(html, "article aside.note");
    assert!(text(one(html, "article pre > code")).starts_with("HART SCALP CLINIC"));
    one(html, "article hr");
}

/// Footnote markers and their notes, linked both ways; links only to the content file's URLs.
fn html_links(html: &Html, locale: &str) {
    for (i, name) in FOOTNOTES.iter().enumerate() {
        let marker = one(html, &format!(r##"article sup > a[href="#fn-{name}"]"##));
        assert_eq!(marker.value().id(), Some(format!("fnref-{name}").as_str()));
        assert_eq!(text(marker), (i + 1).to_string());
        let note = one(
            html,
            &format!("article section.footnotes > ol > li#fn-{name}"),
        );
        let back = note
            .select(&Selector::parse("a").unwrap())
            .collect::<Vec<_>>();
        assert_eq!(back.len(), 1);
        assert_eq!(
            back[0].value().attr("href"),
            Some(format!("#fnref-{name}").as_str())
        );
    }
    // Every link of the article's text leads to the content file's URLs or a footnote;
    // the language list (the footer) links the pages.
    let mut external = BTreeSet::new();
    for link in select(html, "article a[href]") {
        if inside(link, "footer") {
            continue;
        }
        let href = link.value().attr("href").unwrap();
        if let Some(id) = href.strip_prefix('#') {
            one(html, &format!("#{id}"));
            assert!(
                FOOTNOTES
                    .iter()
                    .any(|n| id == format!("fn-{n}") || id == format!("fnref-{n}")),
                "{locale}: {href}"
            );
        } else {
            assert!([BOOKING, AAD].contains(&href), "{locale}: {href}");
            external.insert(href);
        }
    }
    assert_eq!(external, BTreeSet::from([AAD, BOOKING]), "{locale}");
    let booking = one(html, &format!(r#"article a[href="{BOOKING}"]"#));
    assert_eq!(booking.value().attr("hreflang"), Some("en"));
}

/// The byline's date, and what the head says about the article.
fn html_head(html: &Html, locale: &str) {
    one(html, r#"article p.byline time[datetime="2025-05-02"]"#);
    let content = |css: &str| one(html, css).value().attr("content").unwrap().to_string();
    assert_eq!(content(r#"meta[name="author"]"#), "Dr. Lena Hart");
    assert_eq!(
        content(r#"meta[property="article:modified_time"]"#),
        "2025-06-10"
    );
    assert_eq!(
        content(r#"meta[property="og:locale"]"#),
        locale.replace('-', "_")
    );
    let ld = one(html, r#"head > script[type="application/ld+json"]"#);
    let ld: serde_json::Value = serde_json::from_str(&text(ld)).unwrap();
    assert_eq!(ld["@type"], "Article");
    assert_eq!(ld["inLanguage"], locale);
    assert!(select(html, "body script").is_empty());
}

/// Of the blocks, only a fallback message says which language it is in (a translation may mark
/// a word's, and the footer names each language in itself).
fn html_languages(html: &Html, locale: &str) {
    let langs: Vec<_> = select(html, "article [lang]")
        .into_iter()
        .filter(|e| !inside(*e, "footer"))
        .filter(|e| {
            !folio::markup::TEXT_LEVEL
                .iter()
                .any(|(n, _)| *n == e.value().name())
        })
        .collect();
    if locale == "ar" {
        assert_eq!(
            langs.len(),
            1,
            "{:?}",
            langs.iter().map(ElementRef::html).collect::<Vec<_>>()
        );
        let p = langs[0].value();
        assert_eq!(p.name(), "p");
        assert_eq!(
            (p.attr("lang"), p.attr("dir")),
            (Some("en-US"), Some("ltr"))
        );
        assert!(text(langs[0]).starts_with("Itching"));
    } else {
        assert!(langs.is_empty(), "{locale}: {:?}", langs[0].html());
    }
}

#[test]
fn clinic_markdown_reads_back_as_commonmark_with_tables_and_footnotes() {
    let publisher = clinic();
    for locale in LOCALES {
        let markdown = page(&publisher, locale, Format::Markdown);
        assert!(!markdown.contains("<strong>"), "{locale}");
        assert!(!markdown.contains("data-l10n-name"), "{locale}");
        let options =
            Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
        let events: Vec<Event<'_>> = Parser::new_ext(&markdown, options).collect();
        let has = |wanted: &dyn Fn(&Event<'_>) -> bool| events.iter().any(wanted);
        assert!(
            has(&|e| matches!(e, Event::Start(Tag::Table(_)))),
            "{locale}"
        );
        assert!(has(&|e| matches!(e, Event::Start(Tag::List(Some(1))))));
        assert!(has(&|e| matches!(e, Event::Start(Tag::List(None)))));
        assert!(has(&|e| matches!(e, Event::Start(Tag::BlockQuote(_)))));
        assert!(has(&|e| matches!(e, Event::Rule)));
        assert!(has(&|e| matches!(e, Event::Start(Tag::Strong))));
        assert!(has(&|e| matches!(e, Event::Start(Tag::Emphasis))));
        let code = events
            .iter()
            .skip_while(|e| !matches!(e, Event::Start(Tag::CodeBlock(_))))
            .nth(1);
        assert!(
            matches!(code, Some(Event::Text(t)) if t.starts_with("HART SCALP CLINIC")),
            "{locale}: {code:?}"
        );
        let rows = events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::TableRow)))
            .count();
        assert_eq!(rows, 4, "{locale}");

        let references: Vec<&str> = events
            .iter()
            .filter_map(|e| match e {
                Event::FootnoteReference(name) => Some(name.as_ref()),
                _ => None,
            })
            .collect();
        let definitions: Vec<&str> = events
            .iter()
            .filter_map(|e| match e {
                Event::Start(Tag::FootnoteDefinition(name)) => Some(name.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(references, FOOTNOTES, "{locale}");
        assert_eq!(definitions, FOOTNOTES, "{locale}");
        let links: BTreeSet<&str> = events
            .iter()
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(links, BTreeSet::from([AAD, BOOKING]), "{locale}");
    }
}

#[test]
fn clinic_text_has_no_markup_and_spells_out_links_and_footnotes() {
    let publisher = clinic();
    for locale in LOCALES {
        let text = page(&publisher, locale, Format::Text);
        for markup in [
            "<strong>",
            "<abbr",
            "<sup>",
            "<time",
            "<a ",
            "data-l10n-name",
        ] {
            assert!(!text.contains(markup), "{locale}: {markup}");
        }
        // The only angle brackets are around the links' URLs, after their text.
        let urls: Vec<&str> = text
            .match_indices('<')
            .map(|(at, _)| {
                assert!(
                    text[..at].ends_with(' '),
                    "{locale}: a URL follows its text"
                );
                let end = text[at..].find('>').unwrap();
                &text[at + 1..at + end]
            })
            .collect();
        assert_eq!(urls, [BOOKING, AAD], "{locale}");
        let why = text.lines().find(|l| l.contains(AAD)).unwrap();
        let one = why.find("[1]").unwrap();
        assert!(why[one..].contains("[2]"), "{locale}: {why}");
        assert!(text.lines().any(|l| l.starts_with("[1] ")), "{locale}");
        assert!(text.lines().any(|l| l.starts_with("[2] ")), "{locale}");

        let itching = text.lines().find(|l| l.contains("Itching is"));
        match locale {
            // English in an Arabic page: isolated, so that it keeps its own direction.
            "ar" => {
                let itching = itching.unwrap();
                assert!(itching.starts_with("\u{2068}Itching"), "{itching:?}");
                assert!(itching.ends_with(".\u{2069}"), "{itching:?}");
            }
            "en-US" => assert!(itching.is_some_and(|l| l.starts_with("Itching"))),
            _ => assert_eq!(itching, None),
        }
    }
}

/// The message references of the content file's blocks (`message.attribute` kept), but
/// those of images' alternative text, which are attributes rather than messages of their own.
fn block_messages(value: &toml::Value, out: &mut BTreeSet<String>) {
    match value {
        toml::Value::String(s)
            if s.starts_with("smp-aftercare-") && s.split_once('.').map(|p| p.1) != Some("alt") =>
        {
            out.insert(s.clone());
        }
        toml::Value::Array(values) => values.iter().for_each(|v| block_messages(v, out)),
        toml::Value::Table(table) => table.values().for_each(|v| block_messages(v, out)),
        _ => {}
    }
}

/// Every rendered message in `value`: each object with an inline tree.
fn rendered_messages<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
    match value {
        serde_json::Value::Object(object) => {
            if object.contains_key("inline") {
                out.push(value);
            }
            object.values().for_each(|v| rendered_messages(v, out));
        }
        serde_json::Value::Array(values) => values.iter().for_each(|v| rendered_messages(v, out)),
        _ => {}
    }
}

#[test]
fn clinic_json_carries_every_block_type_and_every_message_three_ways() {
    let content = std::fs::read_to_string(fixture("clinic/content/smp-aftercare.toml")).unwrap();
    let content: toml::Value = toml::from_str(&content).unwrap();
    let mut expected = BTreeSet::new();
    block_messages(&content["blocks"], &mut expected);
    assert!(expected.len() > 40, "{expected:?}");

    let publisher = clinic();
    for locale in LOCALES {
        let json: serde_json::Value =
            serde_json::from_str(&page(&publisher, locale, Format::Json)).unwrap();
        let blocks = json["blocks"].as_array().unwrap();
        let types: BTreeSet<&str> = blocks.iter().map(|b| b["type"].as_str().unwrap()).collect();
        for kind in [
            "list",
            "quote",
            "table",
            "note",
            "footnotes",
            "code",
            "separator",
        ] {
            assert!(types.contains(kind), "{locale}: {kind}");
        }
        let mut messages = Vec::new();
        rendered_messages(&json["blocks"], &mut messages);
        let mut seen = BTreeSet::new();
        for message in &messages {
            assert!(message["text"].is_string(), "{locale}: {message}");
            assert!(message["html"].is_string(), "{locale}: {message}");
            assert!(message["inline"].is_array(), "{locale}: {message}");
            seen.insert(message["message"].as_str().unwrap().to_string());
        }
        let missing: Vec<_> = expected.difference(&seen).collect();
        assert!(missing.is_empty(), "{locale}: {missing:?}");

        let fallbacks: Vec<_> = messages
            .iter()
            .filter(|m| m.get("locale").is_some())
            .map(|m| {
                (
                    m["message"].as_str(),
                    m["locale"].as_str(),
                    m["dir"].as_str(),
                )
            })
            .collect();
        if locale == "ar" {
            assert_eq!(fallbacks, [(Some(FALLBACK), Some("en-US"), Some("ltr"))]);
        } else {
            assert!(fallbacks.is_empty(), "{locale}: {fallbacks:?}");
        }
    }
}

#[test]
fn clinic_builds_into_a_site_and_is_served() {
    let out = tempfile::tempdir().unwrap();
    folio_in(&fixture("clinic"))
        .args(["build", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let files = read_tree(out.path());
    let publisher = clinic();
    for locale in LOCALES {
        for format in Format::ALL {
            let name = format!("{locale}/{SLUG}.{}", format.extension());
            let written = files.get(&name).unwrap_or_else(|| panic!("{name}"));
            // One path to a page: the file is what rendering gives.
            assert_eq!(
                String::from_utf8_lossy(written),
                page(&publisher, locale, format),
                "{name}"
            );
        }
    }
    for image in ["hero.svg", "scalp.svg"] {
        let name = format!("images/{SLUG}/{image}");
        let original = std::fs::read(fixture("clinic/content").join(&name)).unwrap();
        assert_eq!(files.get(&name), Some(&original), "{name}");
    }

    let server = Server::start(folio::ProjectLocation::Folder(fixture("clinic")));
    let response = server.get(&format!("/ar/{SLUG}.html"), &[]);
    assert_eq!(response.status(), 200);
    let body = response.into_body().read_to_string().unwrap();
    assert!(body.contains(r#"<p lang="en-US" dir="ltr">Itching"#));
    server.stop();
}
