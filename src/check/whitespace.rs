//! `whitespace`: leading, trailing or doubled spaces the reference does not have.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Finds leading, trailing and doubled spaces in a translation that the reference does not have.

## What it does
Looks at the text of the value and of each attribute (each variant on its own): a space or tab
at its start or end (Fluent trims those unless they are written as `{ \" \" }`), a space before a
line break inside a multiline text, and two spaces in a row between words. Only ASCII spaces
and tabs count, so French no-break spaces before `;:!?` are never reported. A kind of
whitespace the reference has too is not reported.

## Why it matters
Invisible in the file, visible on the page: a stray gap before a full stop, text that does not
line up, a double space in the middle of a sentence.

## Example
```ftl
reading-time = { \" \" }3 Minuten  Lesezeit
```
Use instead: `reading-time = 3 Minuten Lesezeit`.
";

/// Kinds of stray whitespace, in the order they are reported (and `PatternFacts::whitespace`
/// finds them).
const KINDS: [&str; 4] = [
    "a leading space",
    "a trailing space",
    "a space before a line break",
    "doubled spaces",
];

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (ref_pattern, l10n_pattern) in entry.shared_patterns() {
        let found = l10n_pattern.whitespace();
        if found == [false; 4] {
            continue;
        }
        let expected = ref_pattern.whitespace();
        let stray: Vec<&str> = KINDS
            .iter()
            .enumerate()
            .filter(|(i, _)| found[*i] && !expected[*i])
            .map(|(_, kind)| *kind)
            .collect();
        if stray.is_empty() {
            continue;
        }
        let attribute = l10n_pattern.attribute;
        let name = qualified(entry.id, attribute);
        let mut diagnostic = entry
            .diagnostic(
                CheckId::Whitespace,
                entry.anchor(attribute, l10n_pattern.pattern),
                format!("`{name}` has {}", stray.join(" and ")),
            )
            .help("remove the extra whitespace");
        if let Some(attribute) = attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}
