//! `markup-mismatch`: HTML or XML tags that differ from the reference's.

use crate::check::context::EntryPair;
use crate::check::facts::Tag;
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
    for (ref_pattern, l10n_pattern) in entry.shared_patterns() {
        if ref_pattern.tags.is_empty() && l10n_pattern.tags.is_empty() {
            continue;
        }
        let (mut expected, mut found) = (ref_pattern.tags.clone(), l10n_pattern.tags.clone());
        // Each variant repeats the tags: compare the tags used, not how often.
        if !ref_pattern.selects.is_empty() || !l10n_pattern.selects.is_empty() {
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
        let attribute = l10n_pattern.attribute;
        let name = qualified(entry.id, attribute);
        let mut diagnostic = entry
            .diagnostic(
                CheckId::MarkupMismatch,
                entry.anchor(attribute, l10n_pattern.pattern),
                format!("`{name}` {}", problems.join(" and ")),
            )
            .help("use the same tags as the reference, each opened and closed");
        if let Some(attribute) = attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

fn same(a: &Tag<'_>, b: &Tag<'_>) -> bool {
    a.0 == b.0 && a.1.eq_ignore_ascii_case(b.1)
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
