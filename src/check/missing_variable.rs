//! `missing-variable`: a variable the reference shows that the translation never uses.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Finds variables the reference's pattern uses that the translation's pattern never uses.

## What it does
Compares, for the value and for each attribute, the variables used anywhere in the pattern:
in text, in selectors, in every variant and in function arguments. It is variant-aware: a
variant such as `[one] one session` may leave the number out when another variant, or the
selector, uses it.

## Why it matters
The information the variable carries never reaches the reader: a count, a name, a date. Often
the variable was misspelled, which `unknown-variable` reports at the same time.

## Example
```ftl
# en-US
byline = Published on { DATETIME($date) }
# de
byline = Veröffentlicht
```
Use instead:
```ftl
byline = Veröffentlicht am { DATETIME($date) }
```
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (reference, l10n) in entry.shared_patterns() {
        for variable in &reference.variables {
            if l10n.variables.contains(variable) {
                continue;
            }
            let attribute = l10n.attribute;
            let name = qualified(entry.id, attribute);
            let mut diagnostic = entry
                .diagnostic(
                    CheckId::MissingVariable,
                    entry.anchor(attribute, l10n.pattern),
                    format!("`{name}` does not use `${variable}`, which the reference's does"),
                )
                .help(format!("show `{{ ${variable} }}` where the reference does"));
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}
