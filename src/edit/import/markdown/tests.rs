use super::inline::allowed_tag;
use super::*;

fn doc(md: &str) -> Document {
    read(md, Path::new("a.md")).unwrap()
}

fn markup(md: &str) -> String {
    match &doc(md).blocks[0] {
        MdBlock::Paragraph(text) => text.markup.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn inline_markdown_becomes_markup() {
    assert_eq!(
        markup("*a* **b** `c<d` ~~e~~ f  \ng <sup>2</sup> & <script>x</script>"),
        "<em>a</em> <strong>b</strong> <code>c&lt;d</code> <s>e</s> f<br/>g <sup>2</sup> &amp; &lt;script>x&lt;/script>"
    );
}

#[test]
fn links_are_named_once_per_url() {
    let d = doc(
        "[The AAD](https://www.aad.org/x) and [again](https://www.aad.org/x) and [](https://b.example)",
    );
    assert_eq!(
        d.links,
        [
            ("the-aad".to_string(), "https://www.aad.org/x".to_string()),
            ("b".to_string(), "https://b.example".to_string())
        ]
    );
}

#[test]
fn script_urls_are_refused_with_their_line() {
    let err = read("a\n\n[x](javascript:alert(1))", Path::new("a.md"))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("a.md:3:"), "{err}");
}

#[test]
fn a_quote_s_last_line_is_its_attribution() {
    let d = doc("> To be.\n> — Hamlet");
    let MdBlock::Quote { text, attribution } = &d.blocks[0] else {
        panic!()
    };
    assert_eq!(text.markup, "To be.");
    assert_eq!(attribution.as_ref().unwrap().markup, "Hamlet");
}

#[test]
fn slugs_are_short_identifiers() {
    assert_eq!(
        slugify("Aftercare: the first days", 3, 24),
        "aftercare-the-first"
    );
    assert_eq!(slugify("Don’t panic!", 3, 24), "dont-panic");
    assert_eq!(slugify("日本語", 3, 24), "");
}

#[test]
fn allowed_tags() {
    assert!(allowed_tag("<abbr title=\"x\">"));
    assert!(allowed_tag("</kbd>"));
    assert!(allowed_tag("<br/>"));
    assert!(!allowed_tag("<img src=x onerror=y>"));
    assert!(!allowed_tag("<span onclick=\"x\">"));
}

#[test]
fn deep_nesting_is_flattened() {
    let md: String = (0..10_000).map(|_| "> ").collect::<String>() + "deep";
    let d = doc(&md);
    assert_eq!(d.blocks.len(), 1);
    let md = "- ".repeat(10_000) + "x";
    let d = doc(&md);
    assert!(!d.warnings.is_empty());
}
