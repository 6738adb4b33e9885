use super::*;

fn element(name: &'static str, children: Vec<Node>) -> Node {
    Node::Element {
        name,
        attributes: Vec::new(),
        children,
    }
}

#[test]
fn text_level_elements_and_named_links_make_a_tree() {
    let parsed = parse(r#"Read <strong>our</strong> <a data-l10n-name="care">guide</a>."#);
    assert_eq!(parsed.problems, []);
    assert_eq!(
        parsed.nodes,
        [
            Node::text("Read "),
            element("strong", vec![Node::text("our")]),
            Node::text(" "),
            Node::Named {
                name: "care".into(),
                children: vec![Node::text("guide")]
            },
            Node::text("."),
        ]
    );
    assert_eq!(parsed.names(), ["care"]);
    assert_eq!(parsed.text(), "Read our guide.");
}

#[test]
fn nothing_unsafe_reaches_the_tree() {
    let parsed = parse(
        r#"<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:x">y</a><em onclick="x" style="a" title="t">z</em>"#,
    );
    assert_eq!(parsed.text(), "yz");
    assert_eq!(
        parsed.nodes[1],
        Node::Element {
            name: "em",
            attributes: vec![("title", "t".into())],
            children: vec![Node::text("z")]
        }
    );
    let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "`<script>`",
            "`<img>`",
            "`href` on `<a>`",
            "`<a>` without `data-l10n-name`",
            "`onclick` on `<em>`",
            "`style` on `<em>`",
        ]
    );
}

#[test]
fn misnested_and_unclosed_tags_are_closed_and_reported() {
    let parsed = parse("<b>a<i>b</b>c</i><u>d");
    assert_eq!(parsed.text(), "abcd");
    let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "`</b>` closes `<b>` while `<i>` is still open",
            "`</i>` closes nothing",
            "`<u>` is never closed",
        ]
    );
}

#[test]
fn isolates_hold_values_and_entities_are_decoded() {
    let parsed = parse("a \u{2068}&lt;b&gt; &amp; c\u{2069} <br/>d");
    assert_eq!(parsed.problems, []);
    assert_eq!(
        parsed.nodes[1],
        Node::Isolate {
            children: vec![Node::text("<b> & c")]
        }
    );
    assert_eq!(parsed.text(), "a \u{2068}<b> & c\u{2069} \nd");
    assert_eq!(escape("<b> & c"), "&lt;b> &amp; c");
    assert_eq!(parse(&escape("x <y> & z")).text(), "x <y> & z");
    // Found by the `markup` fuzz target: a carriage return after a NUL came back as `\n`.
    let value = "a <b;\0\re>c\r\r";
    assert_eq!(parse(&escape(value)).text(), value);
}

#[test]
fn isolates_are_found_among_other_three_byte_characters() {
    assert_eq!(find_isolate("a—b…\u{2069}"), Some(8));
    assert_eq!(find_isolate("\u{2068}"), Some(0));
    assert_eq!(find_isolate("a—b…\u{2067}"), None);
    assert_eq!(find_isolate(""), None);
}

#[test]
fn a_tree_written_back_reads_as_itself_without_problems() {
    for source in [
        "<kbd>Ctrl</kb and more",
        r#"<b>a<i>b</b>c <a data-l10n-name="x">y</a><br> <abbr title="a &quot;b&quot;">c</abbr> 1 &lt; 2 &amp; 3"#,
    ] {
        let parsed = parse(source);
        let written = to_source(&parsed.nodes);
        let again = parse(&written);
        assert_eq!(again.problems, [], "{written}");
        assert_eq!(again.nodes, parsed.nodes, "{written}");
    }
}

#[test]
fn a_tag_inside_a_value_never_closes_one_outside() {
    let parsed = parse("<b>x\u{2068}</b>y\u{2069}z</b>");
    assert_eq!(parsed.text(), "x\u{2068}y\u{2069}z");
    assert_eq!(parsed.problems, [Problem::StrayClose("b".into())]);
}

#[test]
fn a_named_element_inside_another_is_left_out() {
    // HTML has no link inside a link: a parser would close the outer one at the inner.
    let parsed = parse(
        r#"<a data-l10n-name="care">our <a data-l10n-name="other">guide</a><a data-l10n-name="fn-a"/></a>."#,
    );
    assert_eq!(
        parsed.nodes,
        [
            Node::Named {
                name: "care".into(),
                children: vec![Node::text("our guide")]
            },
            Node::text("."),
        ]
    );
    let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            r#"`<a data-l10n-name="other">` inside `<a data-l10n-name="care">`"#,
            r#"`<a data-l10n-name="fn-a">` inside `<a data-l10n-name="care">`"#,
        ]
    );
    assert!(parsed.problems.iter().all(Problem::is_forbidden));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let deep = format!("{}x", "<b>".repeat(100_000));
    let parsed = parse(&deep);
    assert_eq!(parsed.elements().len(), MAX_DEPTH);
    assert_eq!(parsed.text(), "x");
    assert!(parsed.problems.contains(&Problem::TooDeep("b".into())));
}
