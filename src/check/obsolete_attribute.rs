//! `obsolete-attribute`: an attribute the translation has but the reference message does not.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::has_attribute;

pub(crate) const DOCS: &str = "\
Finds attributes of a translated message that the reference message does not have.

## What it does
Compares the attribute names of each message present in both the reference and the locale.

## Why it matters
Nothing reads the attribute, so its text never reaches a reader. Often it is a misspelling of
an attribute that is then missing (`.placeholdr` for `.placeholder`, `.atl` for `.alt`).

## Example
```ftl
# en-US
search-field =
    .placeholder = Search the articles
# de
search-field =
    .placeholdr = Artikel durchsuchen
```
Use instead: rename `.placeholdr` to `.placeholder`.
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for attribute in &entry.l10n_message.attributes {
        let name = attribute.id.name;
        if has_attribute(&entry.ref_message.attributes, name) {
            continue;
        }
        let missing: Vec<&str> = entry
            .ref_message
            .attributes
            .iter()
            .map(|a| a.id.name)
            .filter(|n| !has_attribute(&entry.l10n_message.attributes, n))
            .collect();
        let help = if missing.is_empty() {
            format!("delete `.{name}`")
        } else {
            format!(
                "delete `.{name}`, or rename it to the missing `.{}`",
                missing.join("`, `.")
            )
        };
        out.push(
            entry
                .diagnostic(
                    CheckId::ObsoleteAttribute,
                    name,
                    format!(
                        "`{}` has a `.{name}` attribute the reference's lacks",
                        entry.id
                    ),
                )
                .attribute(name)
                .help(help),
        );
    }
}
