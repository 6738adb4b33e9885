//! `whitespace`: leading, trailing or doubled spaces the reference does not have.

use fluent_syntax::ast;

use crate::check::context::EntryPair;
use crate::check::pattern::visible_text;
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

/// Kinds of stray whitespace, in the order they are reported.
const KINDS: [&str; 4] = [
    "a leading space",
    "a trailing space",
    "a space before a line break",
    "doubled spaces",
];

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (attribute, reference, l10n) in entry.shared_patterns() {
        let found = kinds(l10n);
        if found == [false; 4] {
            continue;
        }
        let expected = kinds(reference);
        let stray: Vec<&str> = KINDS
            .iter()
            .enumerate()
            .filter(|(i, _)| found[*i] && !expected[*i])
            .map(|(_, kind)| *kind)
            .collect();
        if stray.is_empty() {
            continue;
        }
        let name = qualified(entry.id, attribute);
        let mut diagnostic = entry
            .diagnostic(
                CheckId::Whitespace,
                entry.anchor(attribute, l10n),
                format!("`{name}` has {}", stray.join(" and ")),
            )
            .help("remove the extra whitespace");
        if let Some(attribute) = attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

/// Whether `text` has two spaces in a row between other text. Runs at the start of the
/// pattern or of a line, and at the end of the pattern or of a line, are the other kinds;
/// a run next to a placeable (`a  { $x }`) is between text and counts.
fn has_doubled_space(text: &str, is_first: bool, is_last: bool) -> bool {
    let mut from = 0;
    while let Some(at) = text[from..].find("  ").map(|i| from + i) {
        let before = &text[..at];
        let after = text[at..].trim_start_matches(' ');
        let at_start = (before.is_empty() && is_first) || before.ends_with('\n');
        let at_end = (after.is_empty() && is_last) || after.starts_with(['\n', '\r']);
        if !at_start && !at_end {
            return true;
        }
        from = text.len() - after.len();
        if from >= text.len() {
            break;
        }
    }
    false
}

/// Which of [`KINDS`] `pattern` has, in its own text or in any variant's.
fn kinds(pattern: &ast::Pattern<&str>) -> [bool; 4] {
    let blank = |c: char| c == ' ' || c == '\t';
    let mut found = [false; 4];
    found[0] = pattern
        .elements
        .first()
        .and_then(visible_text)
        .is_some_and(|text| text.starts_with(blank));
    found[1] = pattern
        .elements
        .last()
        .and_then(visible_text)
        .is_some_and(|text| text.ends_with(blank));
    let last = pattern.elements.len().saturating_sub(1);
    for (i, element) in pattern.elements.iter().enumerate() {
        if let ast::PatternElement::Placeable {
            expression: ast::Expression::Select { variants, .. },
        } = element
        {
            for variant in variants {
                for (all, one) in found.iter_mut().zip(kinds(&variant.value)) {
                    *all |= one;
                }
            }
        }
        let Some(text) = visible_text(element) else {
            continue;
        };
        // One pass finds whether any blank is followed by another blank or a line break;
        // only then is the text looked at more closely.
        let bytes = text.as_bytes();
        let suspicious = bytes.windows(2).any(|entry| {
            matches!(entry[0], b' ' | b'\t') && matches!(entry[1], b' ' | b'\t' | b'\n' | b'\r')
        });
        if suspicious {
            found[2] |= text.contains(" \n") || text.contains("\t\n") || text.contains(" \r\n");
            found[3] |= has_doubled_space(text, i == 0, i == last);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_of(source: &str) -> [bool; 4] {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!()
        };
        kinds(m.value.as_ref().unwrap())
    }

    #[test]
    fn finds_each_kind() {
        assert_eq!(kinds_of("m = plain text\n"), [false; 4]);
        assert_eq!(kinds_of("m = { \" \" }lead\n"), [true, false, false, false]);
        assert_eq!(
            kinds_of("m = trail{ \" \" }\n"),
            [false, true, false, false]
        );
        assert_eq!(
            kinds_of("m =\n    one \n    two\n"),
            [false, false, true, false]
        );
        assert_eq!(kinds_of("m = two  spaces\n"), [false, false, false, true]);
        assert_eq!(
            kinds_of("m = before  { $x } after\n"),
            [false, false, false, true]
        );
        assert_eq!(kinds_of("m = { $x }  after\n"), [false, false, false, true]);
        assert_eq!(
            kinds_of("m = { $n ->\n   *[other] a  b\n}\n"),
            [false, false, false, true]
        );
        // French typography uses no-break spaces, which are not reported.
        assert_eq!(kinds_of("m = Quoi\u{202f}?\n"), [false; 4]);
    }
}
