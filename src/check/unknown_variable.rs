//! `unknown-variable`: a variable the translation uses that the reference does not.

use crate::check::context::EntryPair;
use crate::check::suggest::closest;
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
            let near = closest(variable, known.iter().copied());
            let help = match near {
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
            if let Some(near) = near {
                diagnostic = diagnostic.replacement(near);
            }
            out.push(diagnostic);
        }
    }
}
