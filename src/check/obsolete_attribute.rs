//! `obsolete-attribute`: an attribute the translation has but the reference message does not.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds attributes of a translated message that the reference message does not have.

## What it does
Compares the attribute names of each message present in both the reference and the locale.

## Why it matters
Nothing reads the attribute, so its text never reaches a reader. Often it is a misspelling of
an attribute that is then missing (`.atl` for `.alt`).

## Example
```ftl
# en-US
hero =
    .alt = Microdots of pigment…
# de
hero =
    .atl = Pigmentpunkte…
```
Use instead: rename `.atl` to `.alt`.
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for attribute in &entry.l10n_message.attributes {
        let name = attribute.id.name;
        if entry
            .ref_message
            .attributes
            .iter()
            .any(|a| a.id.name == name)
        {
            continue;
        }
        let missing: Vec<&str> = entry
            .ref_message
            .attributes
            .iter()
            .map(|a| a.id.name)
            .filter(|n| {
                !entry
                    .l10n_message
                    .attributes
                    .iter()
                    .any(|a| a.id.name == *n)
            })
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
