//! Real articles, as a reader gets them: the clinic fixture (`tests/fixtures/clinic/`), whose
//! article uses every block and inline element, checked, rendered in every locale and format
//! and read back with real parsers (html5ever through `scraper`, `pulldown-cmark`,
//! `serde_json`), built and served; and the markup sanitizer against generated tag soup, with
//! the page read by an HTML5 parser as a browser would read it.

use std::collections::BTreeSet;

use folio::{CheckId, Format, Project, Publisher, RenderOptions, Severity};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};
use scraper::{ElementRef, Html, Selector};

use crate::util::{Server, fixture, folio_in, read_tree, tree};

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
    // Verbatim text keeps its lines as written, left to right, in a right-to-left page too.
    assert!(text(one(html, r#"article pre[dir="ltr"] > code"#)).starts_with("HART SCALP CLINIC"));
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
        assert!(markdown.contains("*  \nDr. Lena Hart\n"), "{locale}");
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
        // Images as a page at <locale>/<slug>.md finds them, as the HTML page does; the hero
        // after the byline, as on the page.
        let images: BTreeSet<&str> = events
            .iter()
            .filter_map(|e| match e {
                Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.as_ref()),
                _ => None,
            })
            .collect();
        assert_eq!(
            images,
            BTreeSet::from([
                "../images/smp-aftercare/hero.svg",
                "../images/smp-aftercare/scalp.svg"
            ]),
            "{locale}"
        );
    }
}

#[test]
fn clinic_text_has_no_markup_and_spells_out_links_and_footnotes() {
    let publisher = clinic();
    for locale in LOCALES {
        let text = page(&publisher, locale, Format::Text);
        // The author, under the byline, as the page shows it.
        assert!(text.contains("\nDr. Lena Hart\n"), "{locale}");
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

// The sanitizer against tag soup: whatever a translation writes, the page's article holds
// only the elements and attributes Folio writes itself.

/// Element names for the soup: allowed, forbidden, unknown, and some that change how an HTML
/// parser reads what follows them.
const SOUP_ELEMENTS: [&str; 27] = [
    "script",
    "SCRIPT",
    "style",
    "img",
    "iframe",
    "a",
    "A",
    "svg",
    "math",
    "object",
    "em",
    "strong",
    "sup",
    "b",
    "i",
    "code",
    "br",
    "span",
    "abbr",
    "time",
    "data",
    "bdo",
    "foo",
    "textarea",
    "plaintext",
    "noscript",
    "template",
];
const SOUP_ATTRIBUTES: [&str; 14] = [
    "href",
    "onclick",
    "onerror",
    "style",
    "src",
    "title",
    "lang",
    "dir",
    "data-l10n-name",
    "datetime",
    "value",
    "id",
    "class",
    "HREF",
];
const SOUP_VALUES: [&str; 13] = [
    "javascript:alert(1)",
    "care",
    "evil",
    "fn-a",
    "rtl",
    "up",
    "de",
    "2025-05-02",
    "",
    "x\" onclick=\"alert(1)",
    "&quot;><script>alert(1)</script>",
    "x' onerror='alert(1)",
    "\u{2068}v\u{2069}",
];
/// Named elements as a translation writes them, which the attributes above seldom make.
const SOUP_NAMED: [&str; 5] = [
    r#"<a data-l10n-name="care">"#,
    r#"<a data-l10n-name="fn-a"/>"#,
    r#"<a data-l10n-name="fn-a">"#,
    r#"<a data-l10n-name="evil">"#,
    "</a>",
];
const SOUP_TEXT: [&str; 33] = [
    // Markdown a translator might write, to make a link or an image in the Markdown page.
    "[x](https://evil.example/)",
    "![i](https://evil.example/i.png)",
    "<https://evil.example/>",
    "[^fn-a]",
    "`",
    "*",
    "|",
    "text ",
    " ",
    "care",
    "\"",
    "'",
    "<",
    "&",
    "</",
    "<!--",
    "-->",
    ">",
    "=",
    "/",
    "&lt;",
    "&amp;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&quot;",
    "&#x2068;",
    "&nosuch;",
    "\u{2068}",
    "\u{2069}",
    "{",
    "}",
    "\\",
    "<!DOCTYPE html>",
    "<![CDATA[x]]>",
];

fn soup_token() -> impl Strategy<Value = String> {
    let name = || prop::sample::select(&SOUP_ELEMENTS[..]);
    let attribute = (
        prop::sample::select(&SOUP_ATTRIBUTES[..]),
        prop::sample::select(&SOUP_VALUES[..]),
        0..4u8,
    )
        .prop_map(|(name, value, quotes)| match quotes {
            0 => format!(" {name}=\"{value}\""),
            1 => format!(" {name}='{value}'"),
            2 => format!(" {name}={value}"),
            _ => format!(" {name}"),
        });
    prop_oneof![
        3 => prop::sample::select(&SOUP_TEXT[..]).prop_map(str::to_string),
        1 => prop::sample::select(&SOUP_NAMED[..]).prop_map(str::to_string),
        2 => (name(), prop::collection::vec(attribute, 0..3), any::<bool>()).prop_map(
            |(name, attributes, self_closing)| {
                let close = if self_closing { "/" } else { "" };
                format!("<{name}{}{close}>", attributes.concat())
            }
        ),
        1 => name().prop_map(|name| format!("</{name}>")),
    ]
}

/// `soup` as the value of a Fluent message: braces become string literals, so that the soup
/// stays text; a first word, so that no line starts with Fluent syntax.
fn ftl_value(soup: &str) -> String {
    let mut value = String::from("soup ");
    for c in soup.chars() {
        match c {
            '{' => value.push_str(r#"{"{"}"#),
            '}' => value.push_str(r#"{"}"}"#),
            _ => value.push(c),
        }
    }
    value
}

const CARE: &str = "https://example.com/care";

/// The elements the page's article may hold: the text-level elements of `markup`, and what
/// Folio writes itself (the template's blocks, links, footnote markers, values in `<bdi>`).
fn allowed_element(name: &str) -> bool {
    const WRITTEN: [&str; 32] = [
        "a",
        "bdi",
        "sup",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figure",
        "img",
        "figcaption",
        "ol",
        "ul",
        "li",
        "blockquote",
        "cite",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "aside",
        "pre",
        "code",
        "hr",
        "section",
        "strong",
        "footer",
    ];
    WRITTEN.contains(&name) || folio::markup::TEXT_LEVEL.iter().any(|(n, _)| *n == name)
}

/// Whether the article's `element` may have `attribute` with `value`.
fn allowed_attribute(element: &str, attribute: &str, value: &str) -> bool {
    match (element, attribute) {
        (_, a) if a.starts_with("on") || a == "style" => false,
        ("a", "href") => [CARE, "#fn-fn-a", "#fnref-fn-a"].contains(&value),
        ("a", "id") => value == "fnref-fn-a",
        ("a", "role") => ["doc-noteref", "doc-backlink"].contains(&value),
        ("sup", "class") => value == "footnote-ref",
        ("li", "id") => value == "fn-fn-a",
        ("li", "value") => value == "1",
        ("section", "class") => value == "footnotes",
        ("section", "role") => value == "doc-endnotes",
        ("figure", "class") => value == "hero",
        ("img", "src") => value == "../images/soup.svg",
        ("img", "alt") => true,
        (_, "dir") => ["ltr", "rtl", "auto"].contains(&value),
        (_, "lang") => {
            !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }
        _ => folio::markup::TEXT_LEVEL
            .iter()
            .find(|(n, _)| *n == element)
            .is_some_and(|(_, extra)| {
                folio::markup::GLOBAL_ATTRIBUTES.contains(&attribute) || extra.contains(&attribute)
            }),
    }
}

/// A project of one article whose title, hero text, paragraph and footnote are `soup`.
fn soup_project(soup: &str) -> tempfile::TempDir {
    let value = ftl_value(soup);
    let ftl = format!(
        "soup-title = {value}\nsoup-hero =\n    .alt = {value}\nsoup-text = {value}\nsoup-note = {value}\n"
    );
    tree(&[
        (
            "content/soup.toml",
            r#"slug = "soup"
title = "soup-title"

[hero]
src = "images/soup.svg"
alt = "soup-hero.alt"

[links]
care = "https://example.com/care"

[[blocks]]
type = "heading"
level = 1
message = "soup-title"

[[blocks]]
type = "paragraph"
message = "soup-text"

[[blocks]]
type = "footnotes"
notes = [{ name = "fn-a", message = "soup-note" }]
"#,
        ),
        (
            "content/images/soup.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        ("locales/en-US/soup.ftl", &ftl),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever markup a translation writes, the page parses without an error (so a
    /// browser's tree is the one Folio wrote), its article holds only the elements and
    /// attributes Folio writes itself and links only to the content file's URL and the
    /// footnote, and it has no script but its JSON-LD, which stays JSON.
    #[test]
    fn tag_soup_never_reaches_the_page(
        tokens in prop::collection::vec(soup_token(), 0..=60),
    ) {
        let dir = soup_project(&tokens.concat());
        let project = Project::open(dir.path()).unwrap();
        let publisher = Publisher::new(project, folio::SiteOptions::default());
        let tag = folio::parse_tag("en-US").unwrap();
        let page = publisher.page("soup", &tag, Format::Html, &RenderOptions::default());
        let source = String::from_utf8(page.unwrap().body).unwrap();
        let html = Html::parse_document(&source);

        prop_assert!(html.errors.is_empty(), "{:?} in {}", html.errors, source);
        let article = one(&html, "article");
        for element in article.descendants().skip(1).filter_map(ElementRef::wrap) {
            let element = element.value();
            let name = element.name();
            prop_assert!(allowed_element(name), "`<{}>` in {}", name, source);
            for (attribute, value) in element.attrs() {
                prop_assert!(
                    allowed_attribute(name, attribute, value),
                    "`{}=\"{}\"` on `<{}>` in {}", attribute, value, name, source
                );
            }
        }
        prop_assert_eq!(select(&html, "article img").len(), 1);
        prop_assert!(select(&html, "body script").is_empty(), "{}", source);
        let scripts = select(&html, "script");
        prop_assert_eq!(scripts.len(), 1, "{}", source);
        prop_assert_eq!(scripts[0].value().attr("type"), Some("application/ld+json"));
        let ld: Result<serde_json::Value, _> = serde_json::from_str(&text(scripts[0]));
        prop_assert!(ld.is_ok(), "{}", source);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever a translation writes, inside any element, the Markdown page (read back by
    /// pulldown-cmark) links only to the content file's URL and the footnote, shows only the
    /// hero image, and its inline HTML is only text-level elements'.
    #[test]
    fn tag_soup_never_makes_a_markdown_link(
        tokens in prop::collection::vec(soup_token(), 0..=60),
    ) {
        let dir = soup_project(&tokens.concat());
        let project = Project::open(dir.path()).unwrap();
        let publisher = Publisher::new(project, folio::SiteOptions::default());
        let tag = folio::parse_tag("en-US").unwrap();
        let page = publisher.page("soup", &tag, Format::Markdown, &RenderOptions::default());
        let source = String::from_utf8(page.unwrap().body).unwrap();
        let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
        for event in Parser::new_ext(&source, options) {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) => {
                    prop_assert_eq!(dest_url.as_ref(), CARE, "{}", source);
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    prop_assert_eq!(dest_url.as_ref(), "../images/soup.svg", "{}", source);
                }
                Event::FootnoteReference(name) => {
                    prop_assert_eq!(name.as_ref(), "fn-a", "{}", source);
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    let name: String = html
                        .trim_start_matches(['<', '/'])
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .collect();
                    prop_assert!(
                        folio::markup::TEXT_LEVEL.iter().any(|(n, _)| *n == name),
                        "`{}` in {}", html, source
                    );
                }
                _ => {}
            }
        }
    }
}

#[test]
fn pseudo_locales_keep_every_link_and_element() {
    let publisher = clinic();
    let tag = folio::parse_tag("en-US").unwrap();
    for pseudo in [folio::Pseudo::Accented, folio::Pseudo::Bidi] {
        let options = RenderOptions {
            pseudo: Some(pseudo),
            ..RenderOptions::default()
        };
        let page = publisher.page(SLUG, &tag, Format::Html, &options).unwrap();
        let html = String::from_utf8(page.body).unwrap();
        let document = Html::parse_document(&html);
        assert_eq!(select(&document, "article a[href^=\"https://\"]").len(), 2);
        assert_eq!(select(&document, "article sup.footnote-ref").len(), 2);
        assert!(!select(&document, "article strong").is_empty());
        assert!(!html.contains("data-l10n-name"), "{pseudo:?}");
    }
}

#[test]
fn markdown_keeps_lists_apart_and_table_cells_whole() {
    // Found by reading pages back: two lists in a row were one list; a `|` in a cell's code
    // split the row (the cells after it were lost), and a line break in a cell showed `<br>`.
    let dir = tree(&[
        (
            "content/a.toml",
            r#"slug = "a"
title = "a-title"

[[blocks]]
type = "list"
items = ["a-one", "a-two"]

[[blocks]]
type = "list"
items = ["a-three"]

[[blocks]]
type = "list"
ordered = true
items = ["a-four"]

[[blocks]]
type = "list"
ordered = true
items = ["a-five"]

[[blocks]]
type = "table"
header = ["a-code", "a-lines", "a-last"]
rows = [["a-code", "a-lines", "a-last"]]
"#,
        ),
        (
            "locales/en-US/a.ftl",
            "a-title = A\na-one = One\na-two = Two\na-three = Three\na-four = Four\na-five = Five\n\
             a-code = <code>a | b</code> and | c\na-lines = first<br>second\na-last = last\n",
        ),
    ]);
    let project = Project::open(dir.path()).unwrap();
    let publisher = Publisher::new(project, folio::SiteOptions::default());
    let tag = folio::parse_tag("en-US").unwrap();
    let page = publisher.page("a", &tag, Format::Markdown, &RenderOptions::default());
    let source = String::from_utf8(page.unwrap().body).unwrap();
    let events: Vec<Event<'_>> = Parser::new_ext(&source, Options::ENABLE_TABLES).collect();
    let lists = events
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::List(_))))
        .count();
    assert_eq!(lists, 4, "{source}");
    let cells = events
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
        .count();
    assert_eq!(cells, 6, "{source}");
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Code(code) if code.as_ref() == "a | b")),
        "{source}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Text(t) if t.as_ref() == "last")),
        "{source}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::InlineHtml(h) if h.as_ref() == "<br>")),
        "{source}"
    );
}
