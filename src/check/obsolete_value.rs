//! `obsolete-value`: a message with a value in the locale but none in the reference.

use fluent_syntax::ast;

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds messages that have a value in the translation but only attributes in the reference.

## What it does
Compares each message present in both: the reference's has no value (only attributes such as
`.alt`), the locale's has one.

## Why it matters
Nothing displays the value, so its text is wasted work; usually the text belongs in one of the
attributes, which may then be missing.

## Example
```ftl
# en-US
hero =
    .alt = Microdots of pigment…
# de
hero = Mikropunkte aus Pigment…
    .alt = Mikropunkte aus Pigment…
```
Use instead: delete the value (`hero =` followed only by attributes).
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    let Some(value) = &entry.l10n_message.value else {
        return;
    };
    if entry.ref_message.value.is_some() {
        return;
    }
    let at = match value.elements.first() {
        Some(ast::PatternElement::TextElement { value }) => value,
        _ => entry.l10n_message.id.name,
    };
    out.push(
        entry.diagnostic(
            CheckId::ObsoleteValue,
            at,
            format!(
                "`{}` has a value, but the reference's has only attributes",
                entry.id
            ),
        )
        .help("delete the value, keeping the attributes; move its text into an attribute if it belongs there"),
    );
}
