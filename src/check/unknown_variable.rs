//! `unknown-variable`: a variable the translation uses that the reference does not.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Finds variables the translation uses that the reference's pattern does not.

## What it does
Compares, for the value and for each attribute separately, the variables used in the
translation with those of the reference. Terms are never checked: a term's parameters, such
as `$case`, are the locale's own business.

## Why it matters
The code that formats the message passes only the reference's variables. Any other is unknown
at run time: the reader sees `{$usr}` instead of a name, and the formatter reports an error.

## Example
```ftl
# en-US
welcome = Welcome back, { $user }!
# de
welcome = Willkommen zurück, { $usr }!
```
Use instead: `{ $user }`.
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (reference, l10n) in entry.shared_patterns() {
        let known = &reference.variables;
        for &variable in &l10n.variables {
            if known.contains(&variable) {
                continue;
            }
            let attribute = l10n.attribute;
            let name = qualified(entry.id, attribute);
            let help = match closest(variable, known) {
                Some(near) => format!("did you mean `${near}`? The reference uses it"),
                None if known.is_empty() => {
                    "the reference's pattern uses no variables: remove it".to_string()
                }
                None => format!(
                    "use one of the reference's variables: {}",
                    known
                        .iter()
                        .map(|v| format!("`${v}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let mut diagnostic = entry
                .diagnostic(
                    CheckId::UnknownVariable,
                    variable,
                    format!("`{name}` uses `${variable}`, which the reference's does not"),
                )
                .help(help);
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}

/// The reference variable spelled most like `variable`, if one is close.
fn closest<'a>(variable: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (*k, strsim::normalized_damerau_levenshtein(variable, k)))
        .filter(|(_, similarity)| *similarity >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}
