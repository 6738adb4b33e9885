//! `missing-attribute`: an attribute of a reference message that the translation lacks.

use crate::check::{CheckId, EntryPair};
use crate::diagnostic::Diagnostic;

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

pub(crate) fn run(pair: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for attribute in &pair.reference.attributes {
        let name = attribute.id.name;
        if pair.l10n.attributes.iter().any(|a| a.id.name == name) {
            continue;
        }
        out.push(
            pair.diagnostic(
                CheckId::MissingAttribute,
                pair.l10n.id.name,
                format!("`{}` has no `.{name}` attribute", pair.id),
            )
            .attribute(name)
            .help(format!(
                "add `.{name} = …` under `{}`, translated from the reference",
                pair.id
            )),
        );
    }
}
