//! `missing-value`: a message with a value in the reference but none in the locale.

use crate::check::{CheckId, EntryPair};
use crate::diagnostic::Diagnostic;

pub(crate) const DOCS: &str = "\
Finds messages that have a value in the reference but only attributes in the translation.

## What it does
Compares each message present in both: the reference's has a value (`id = text`), the
locale's does not.

## Why it matters
Code that formats the message's value gets an error instead of text; the page shows the id or
nothing at all.

## Example
```ftl
# en-US
title = Can Scalp Micropigmentation Be Removed?
    .tooltip = …
# de
title =
    .tooltip = …
```
Use instead:
```ftl
title = Lässt sich eine Haarpigmentierung wieder entfernen?
    .tooltip = …
```
";

pub(crate) fn run(pair: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    if pair.reference.value.is_some() && pair.l10n.value.is_none() {
        out.push(
            pair.diagnostic(
                CheckId::MissingValue,
                pair.l10n.id.name,
                format!("`{}` has no value, but the reference's has one", pair.id),
            )
            .help(format!("add the translated text after `{} =`", pair.id)),
        );
    }
}
