use super::*;

fn parse(text: &str) -> Result<Article> {
    Article::parse(
        "content/a.toml",
        Path::new("content/a.toml"),
        text.to_string(),
    )
}

#[test]
fn reads_blocks_in_order_with_spans() {
    let text = "slug = \"a\"\ntitle = \"a-title\"\npublished = 2024-03-14\n\
                [[blocks]]\ntype = \"heading\"\nlevel = 1\nmessage = \"a-title\"\n\
                [[blocks]]\ntype = \"image\"\nsrc = \"x.jpg\"\nalt = \"hero.alt\"\n";
    let article = parse(text).unwrap();
    assert_eq!(article.published.unwrap().to_string(), "2024-03-14");
    assert_eq!(article.blocks.len(), 2);
    let Block::Image(image) = &article.blocks[1] else {
        panic!("not an image")
    };
    assert_eq!(image.alt.to_string(), "hero.alt");
    assert_eq!(&text[image.alt.span.clone()], "hero.alt");
}

#[test]
fn errors_name_the_line_and_what_to_do() {
    let err = parse("slug = \"a\"\ntitle = \"t\"\n[[blocks]]\ntype = \"tabel\"\n").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("content/a.toml:4:8"), "{text}");
    assert!(text.contains("unknown block type `tabel`"), "{text}");
    assert!(
        text.contains("help: use one of: heading, paragraph"),
        "{text}"
    );
}

fn error(blocks: &str) -> String {
    parse(&format!("slug = \"a\"\ntitle = \"t\"\n{blocks}"))
        .unwrap_err()
        .to_string()
}

#[test]
fn fields_that_mean_nothing_for_a_block_are_errors_naming_what_it_takes() {
    let err = error("[[blocks]]\ntype = \"paragraph\"\nmessage = \"p\"\nlevel = 3\n");
    assert!(
        err.contains("a.toml:6:1: a `paragraph` block has no field `level`"),
        "{err}"
    );
    assert!(err.contains("takes `message`; remove `level`"), "{err}");
    let err = error("[[blocks]]\ntype = \"paragraph\"\nmessage = \"p\"\nsrc = \"x.svg\"\n");
    assert!(err.contains("has no field `src`"), "{err}");
    let err = error("[[blocks]]\ntype = \"separator\"\nmessage = \"p\"\n");
    assert!(err.contains("takes no other field"), "{err}");
    let err = error("[[blocks]]\ntype = \"heading\"\nmessage = \"p\"\n");
    assert!(err.contains("a `heading` block needs `level`"), "{err}");
    let err = error("[[blocks]]\ntype = \"table\"\nheader = [\"a\", \"b\"]\nrows = [[\"c\"]]\n");
    assert!(
        err.contains("this row has 1 cells and the header 2"),
        "{err}"
    );
    let err = error("[links]\nx = \"javascript:alert(1)\"\n");
    assert!(
        err.contains("is not a URL Folio publishes as a link"),
        "{err}"
    );
    let err = error("[[blocks]]\ntype = \"list\"\nitems = [{ message = \"a\", colour = 1 }]\n");
    assert!(err.contains("unknown field `colour`"), "{err}");
    let err = error(
        "[links]\nn = \"https://e.org\"\n[[blocks]]\ntype = \"footnotes\"\nnotes = [{ name = \"n\", message = \"m\" }]\n",
    );
    assert!(err.contains("`n` names two links or footnotes"), "{err}");
}

#[test]
fn every_block_type_reads_with_the_spans_of_its_messages() {
    let text = "slug = \"a\"\ntitle = \"t\"\ntags = [\"tag-a\"]\nupdated = 2025-01-02\n\
                [links]\ncare = { href = \"https://e.org/care\", hreflang = \"de\" }\n\
                [[blocks]]\ntype = \"list\"\nordered = true\nitems = [\"one\", { message = \"two\", items = [\"two-a\"] }]\n\
                [[blocks]]\ntype = \"table\"\ncaption = \"cap\"\nheader = [\"h1\", \"h2\"]\nrows = [[\"c1\", \"c2\"]]\n\
                [[blocks]]\ntype = \"figure\"\nsrc = \"images/x.svg\"\nalt = \"fig.alt\"\ncaption = \"fig.caption\"\n\
                [[blocks]]\ntype = \"footnotes\"\nnotes = [{ name = \"fn-a\", message = \"note-a\" }]\n\
                [[blocks]]\ntype = \"code\"\ntext = \"x = 1\"\n[[blocks]]\ntype = \"separator\"\n";
    let article = parse(text).unwrap();
    let ids: Vec<String> = article.messages().iter().map(ToString::to_string).collect();
    assert_eq!(
        ids,
        [
            "t",
            "tag-a",
            "one",
            "two",
            "two-a",
            "cap",
            "h1",
            "h2",
            "c1",
            "c2",
            "fig.alt",
            "fig.caption",
            "note-a"
        ]
    );
    for message in article.messages() {
        assert_eq!(
            &text[message.span.clone()],
            message.to_string(),
            "{message}"
        );
    }
    assert!(article.defines_name("care") && article.defines_name("fn-a"));
    assert!(!article.defines_name("other"));
    assert_eq!(article.links["care"].hreflang.as_deref(), Some("de"));
    assert_eq!(article.updated.unwrap().to_string(), "2025-01-02");
}

#[test]
fn refuses_malformed_toml_and_ids() {
    assert!(parse("slug = ").unwrap_err().to_string().contains(":1:"));
    let err = parse("slug = \"a\"\ntitle = \"not an id\"\n").unwrap_err();
    assert!(err.to_string().contains("not a message id"));
    let err = parse("slug = \"A b\"\ntitle = \"t\"\n").unwrap_err();
    assert!(err.to_string().contains("URL-safe"));
    for reserved in ["index", "404"] {
        let err = parse(&format!("slug = \"{reserved}\"\ntitle = \"t\"\n")).unwrap_err();
        assert!(err.to_string().contains("the site's own"), "{err}");
    }
}
