//! `markup-mismatch`: text-level elements that differ from the reference's.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Finds translations whose text-level elements (`<em>`, `<strong>`, …) differ from the reference's.

## What it does
Reads the markup of the value and of each attribute as Folio's renderer will, and compares the
text-level elements it keeps with the reference's by name: each as many times as the reference
uses it or, where either side has a select expression, the same elements. Links
(`<a data-l10n-name=\"…\">`) are compared by `missing-link` and `unknown-link`; markup Folio
drops, by `forbidden-markup`; tags that do not pair up, by `unbalanced-markup`.

## Why it matters
The reference's elements carry meaning the page relies on: a lost `<strong>` loses a warning's
emphasis, a lost `<code>` shows a command as prose, an extra `<em>` stresses what the author did
not. Languages may move an element within the sentence, but rarely need to drop or add one.

## Example
```ftl
# en-US
aftercare = Do <strong>not</strong> scratch, and read our <a data-l10n-name=\"aftercare\">aftercare guide</a>.
# de
aftercare = Nicht kratzen, und lies unseren <a data-l10n-name=\"aftercare\">Pflegeleitfaden</a>.
```
Use instead: keep the emphasis, `<strong>Nicht</strong> kratzen, …`.
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (ref_pattern, l10n_pattern) in entry.shared_patterns() {
        let (ref_markup, l10n_markup) = (ref_pattern.markup(), l10n_pattern.markup());
        if ref_markup.paths.is_empty() && l10n_markup.paths.is_empty() {
            continue;
        }
        let (mut expected, mut found) = (ref_markup.elements(), l10n_markup.elements());
        // Each variant repeats the elements: compare which are used, not how often.
        if !ref_pattern.selects.is_empty() || !l10n_pattern.selects.is_empty() {
            expected.dedup();
            found.dedup();
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
            .help("use the reference's text-level elements, as often as it does");
        if let Some(attribute) = attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

/// The elements of `a` not matched by one of `b` (both sorted, as multisets), in backticks.
fn difference(a: &[&str], b: &[&str]) -> Vec<String> {
    let mut b = b.iter().peekable();
    let mut out = Vec::new();
    for item in a {
        while b.next_if(|x| *x < item).is_some() {}
        if b.next_if(|x| *x == item).is_none() {
            out.push(format!("`<{item}>`"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_count_each_use() {
        assert_eq!(
            difference(&["b", "b", "em"], &["b", "i"]),
            ["`<b>`", "`<em>`"]
        );
        assert_eq!(difference(&["b", "i"], &["b", "b", "em"]), ["`<i>`"]);
        assert!(difference(&[], &["b"]).is_empty());
    }
}
