//! `dropped-term-reference`: a term the reference uses that the translation does not.

use crate::check::context::EntryPair;
use crate::check::pattern::{self, Node};
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
    for (attribute, reference, l10n) in entry.shared_patterns() {
        let used = terms(l10n);
        let mut reported = Vec::new();
        for term in terms(reference) {
            if used.contains(&term) || reported.contains(&term) {
                continue;
            }
            let name = qualified(entry.id, attribute);
            let mut diagnostic = entry
                .diagnostic(
                    CheckId::DroppedTermReference,
                    entry.anchor(attribute, l10n),
                    format!("`{name}` does not use `{{ {term} }}`, which the reference's does"),
                )
                .help(format!(
                    "use `{{ {term} }}` unless the name is written out on purpose (an inflected form the term lacks)"
                ));
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
            reported.push(term);
        }
    }
}

/// The terms a pattern places (not those it only selects on).
fn terms(pattern: &fluent_syntax::ast::Pattern<&str>) -> Vec<String> {
    let mut found = Vec::new();
    pattern::walk(pattern, &mut |node| {
        if let Node::TermReference(name, None) = node {
            found.push(format!("-{name}"));
        }
    });
    found
}
