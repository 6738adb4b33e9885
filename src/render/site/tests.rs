use super::*;

#[test]
fn newest_first_puts_undated_articles_last_and_ties_in_slug_order() {
    let entry = |slug: &str, published: Option<(i32, u8, u8)>| Entry {
        slug: slug.to_string(),
        page_slug: slug.to_string(),
        locale: "de".to_string(),
        title: slug.to_string(),
        title_from: None,
        description: String::new(),
        byline: None,
        published: published.map(|(year, month, day)| Date { year, month, day }),
        updated: None,
        author: None,
        hero: None,
        translated: true,
    };
    let mut entries = vec![
        entry("undated", None),
        entry("b-old", Some((2023, 12, 31))),
        entry("new", Some((2024, 1, 2))),
        entry("a-old", Some((2023, 12, 31))),
    ];
    newest_first(&mut entries);
    let order: Vec<&str> = entries.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(order, ["new", "a-old", "b-old", "undated"]);
}

#[test]
fn folio_s_own_words_are_the_repository_s_english_ones() {
    let project = crate::project::Project::embedded();
    let publisher = Publisher::new(project, crate::render::SiteOptions::default());
    let english = publisher.bundle_of("en-US").unwrap();
    for word in [TITLE, FEED, ALL_ARTICLES, NOT_FOUND_TITLE, NOT_FOUND_TEXT] {
        let pattern = english.get_message(word.id).unwrap().value().unwrap();
        let mut errors = Vec::new();
        let text = english.format_pattern(pattern, None, &mut errors);
        assert_eq!(text, word.default, "{}", word.id);
    }
}

#[test]
fn the_feed_escapes_text_as_xml_and_pages_as_html() {
    let mut templates = SiteTemplates::default();
    let value = minijinja::context! { x => "a/b & <c> \"d\"" };
    for page in [SitePage::Feed, SitePage::Index] {
        templates
            .env
            .add_template(page.template_name(), "{{ x }}")
            .unwrap();
    }
    let feed = templates.render(SitePage::Feed, value.clone()).unwrap();
    assert_eq!(
        String::from_utf8(feed).unwrap(),
        "a/b &amp; &lt;c&gt; &quot;d&quot;\n"
    );
    let index = templates.render(SitePage::Index, value).unwrap();
    assert!(
        String::from_utf8(index)
            .unwrap()
            .starts_with("a&#x2f;b &amp; &lt;c&gt;")
    );
}
