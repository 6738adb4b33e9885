//! `missing-value`: a message with a value in the reference but none in the locale.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};

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

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    if entry.ref_message.value.is_some() && entry.l10n_message.value.is_none() {
        let message = format!("`{}` has no value, but the reference's has one", entry.id);
        out.push(
            entry
                .at_id(CheckId::MissingValue, message)
                .help(format!("add the translated text after `{} =`", entry.id)),
        );
    }
}
