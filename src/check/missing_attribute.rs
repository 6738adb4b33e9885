//! `missing-attribute`: an attribute of a reference message that the translation lacks.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds attributes of a reference message that the translated message does not have.

## What it does
Compares the attribute names of each message present in both the reference and the locale.

## Why it matters
Attributes hold text readers rely on: an image's `.alt`, a link's `.title`, a field's
`.placeholder`. A missing one is an error at run time; the page shows no alternative text, which
screen-reader users depend on.

## Example
```ftl
# en-US
hero =
    .alt = Microdots of pigment being implanted into the scalp
# de
hero =
    .title = Haarpigmentierung
```
Use instead:
```ftl
hero =
    .alt = Pigmentpunkte werden in die Kopfhaut eingebracht
```
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for attribute in &entry.ref_message.attributes {
        let name = attribute.id.name;
        if entry
            .l10n_message
            .attributes
            .iter()
            .any(|a| a.id.name == name)
        {
            continue;
        }
        out.push(
            entry
                .diagnostic(
                    CheckId::MissingAttribute,
                    entry.l10n_message.id.name,
                    format!("`{}` has no `.{name}` attribute", entry.id),
                )
                .attribute(name)
                .help(format!(
                    "add `.{name} = …` under `{}`, translated from the reference",
                    entry.id
                )),
        );
    }
}
