//! `dropped-term-reference`: a term the reference uses that the translation does not.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Notes where the reference uses a term (`{ -brand }`) that the translation does not.

## What it does
Compares, for the value and for each attribute, the terms the reference references with the
translation's. (compare-locales reports the same as `Missing term reference`.) Terms the
translation adds are not reported: using a term where the reference writes a word is fine.

## Why it matters
Terms keep names consistent: when the brand or product name changes, every message that uses
the term follows, and one that wrote the name out does not. Low severity, because writing the
name out is often legitimate: a language that inflects brand names may need a form the term
does not offer.

## Example
```ftl
# en-US
clinics = There are now many { -smp } clinics…
# de
clinics = Inzwischen gibt es viele SMP-Studios…
```
Use instead: `viele Studios für { -smp }`, or give the term the form the sentence needs.
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (reference, l10n) in entry.shared_patterns() {
        let mut reported: Vec<&str> = Vec::new();
        for term in reference.placed_terms() {
            if l10n.placed_terms().any(|t| t == term) || reported.contains(&term) {
                continue;
            }
            reported.push(term);
            let attribute = l10n.attribute;
            let name = qualified(entry.id, attribute);
            let mut diagnostic = entry
                .diagnostic(
                    CheckId::DroppedTermReference,
                    entry.anchor(attribute, l10n.pattern),
                    format!("`{name}` does not use `{{ -{term} }}`, which the reference's does"),
                )
                .help(format!(
                    "use `{{ -{term} }}` unless the name is written out on purpose (an inflected form the term lacks)"
                ));
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}
