//! `markup-mismatch`: HTML or XML tags that differ from the reference's.

use fluent_syntax::ast;

use crate::check::context::EntryPair;
use crate::check::pattern::{self, Node, has_select};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Finds translations whose HTML or XML tags differ from the reference's.

## What it does
Collects the tags of the value and of each attribute (`<a href=\"…\">`, `</a>`, `<br/>`) and
compares them with the reference's by name: each opening and closing tag as many times as the
reference has it (or, where either side has a select expression, the same set of tags).

## Why it matters
Markup is structure the page relies on: a missing `</a>` swallows the rest of the paragraph
into a link, a missing `<strong>` loses emphasis, an extra tag may break the layout or let
unexpected markup through.

## Example
```ftl
# en-US
privacy = Read our <a href=\"{ $url }\">privacy notice</a>.
# de
privacy = Lies unsere <a href=\"{ $url }\">Datenschutzerklärung.
```
Use instead: close the link, `…Datenschutzerklärung</a>.`
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (attribute, reference, l10n) in entry.shared_patterns() {
        let mut expected = tags(reference);
        let mut found = tags(l10n);
        if expected.is_empty() && found.is_empty() {
            continue;
        }
        if has_select(reference) || has_select(l10n) {
            expected.dedup_by(|a, b| same(a, b));
            found.dedup_by(|a, b| same(a, b));
        }
        let missing = difference(&expected, &found);
        let extra = difference(&found, &expected);
        if missing.is_empty() && extra.is_empty() {
            continue;
        }
        let mut problems = Vec::new();
        if !missing.is_empty() {
            problems.push(format!("lacks {}", missing.join(" ")));
        }
        if !extra.is_empty() {
            problems.push(format!(
                "has {} that the reference does not",
                extra.join(" ")
            ));
        }
        let name = qualified(entry.id, attribute);
        let mut diagnostic = entry
            .diagnostic(
                CheckId::MarkupMismatch,
                entry.anchor(attribute, l10n),
                format!("`{name}` {}", problems.join(" and ")),
            )
            .help("use the same tags as the reference, each opened and closed");
        if let Some(attribute) = attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

/// A tag: whether it closes (`</a>`), and its name as written.
type Tag<'a> = (bool, &'a str);

fn same(a: &Tag<'_>, b: &Tag<'_>) -> bool {
    a.0 == b.0 && a.1.eq_ignore_ascii_case(b.1)
}

/// The tags in the text of `pattern` (every variant included), sorted by name.
///
/// The text is read piece by piece (a placeable inside a tag, as in `<a href="{ $url }">`,
/// only interrupts it), without building the whole text.
fn tags<'a>(pattern: &'a ast::Pattern<&'a str>) -> Vec<Tag<'a>> {
    let mut found = Vec::new();
    let mut in_tag = false;
    pattern::walk(pattern, &mut |node| {
        if let Node::Text(text) | Node::StringLiteral(text) = node {
            if in_tag || text.contains('<') {
                scan(text, &mut in_tag, &mut found);
            }
        }
    });
    found.sort_by(|a, b| {
        let names = a.1.bytes().map(|c| c.to_ascii_lowercase());
        names
            .cmp(b.1.bytes().map(|c| c.to_ascii_lowercase()))
            .then(a.0.cmp(&b.0))
    });
    found
}

/// Finds the tags that start in `text`; `in_tag` carries an open `<…` across pieces.
fn scan<'a>(text: &'a str, in_tag: &mut bool, found: &mut Vec<Tag<'a>>) {
    let mut rest = text;
    loop {
        if *in_tag {
            match rest.find(['>', '<']) {
                Some(i) if rest.as_bytes()[i] == b'>' => rest = &rest[i + 1..],
                Some(i) => rest = &rest[i..],
                None => return,
            }
            *in_tag = false;
        }
        let Some(start) = rest.find('<') else { return };
        rest = &rest[start + 1..];
        let closing = rest.starts_with('/');
        let body = if closing { &rest[1..] } else { rest };
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(body.len());
        let (name, after) = body.split_at(name_len);
        // A name glued to a placeable (`<a{ $attrs }>`) is not the tag the reference has:
        // the placeable's text becomes part of the name.
        let starts_tag = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/');
        if starts_tag {
            found.push((closing, name));
            *in_tag = true;
            rest = after;
        }
    }
}

/// The tags of `a` not matched by a tag of `b` (as multisets), written out in backticks.
fn difference(a: &[Tag<'_>], b: &[Tag<'_>]) -> Vec<String> {
    let mut b = b.to_vec();
    let mut out = Vec::new();
    for item in a {
        if let Some(i) = b.iter().position(|x| same(x, item)) {
            b.remove(i);
        } else {
            let slash = if item.0 { "/" } else { "" };
            out.push(format!("`<{slash}{}>`", item.1.to_ascii_lowercase()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_of(source: &str) -> Vec<String> {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let ast::Entry::Message(message) = &resource.body[0] else {
            panic!()
        };
        tags(message.value.as_ref().unwrap())
            .into_iter()
            .map(|(closing, name)| format!("<{}{}>", if closing { "/" } else { "" }, name))
            .collect()
    }

    #[test]
    fn finds_tags_across_placeables_and_not_comparisons() {
        assert_eq!(
            tags_of("m = Read <a href=\"{ $url }\">this</a> and <br/> <Strong>now</strong>\n"),
            ["<a>", "</a>", "<br>", "<Strong>", "</strong>"]
        );
        assert!(tags_of("m = if a < b and c > d\n").is_empty());
        assert!(tags_of("m = 3 <5 items\n").is_empty());
        assert_eq!(tags_of("m = <a{ $attrs }>link</a>\n"), ["</a>"]);
    }
}
