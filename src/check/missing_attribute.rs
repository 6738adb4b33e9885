//! `missing-attribute`: an attribute of a reference message that the translation lacks.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::has_attribute;

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
        if has_attribute(&entry.l10n_message.attributes, name) {
            continue;
        }
        let message = format!("`{}` has no `.{name}` attribute", entry.id);
        out.push(
            entry
                .at_id(CheckId::MissingAttribute, message)
                .attribute(name)
                .help(format!(
                    "add `.{name} = …` under `{}`, translated from the reference",
                    entry.id
                )),
        );
    }
}
