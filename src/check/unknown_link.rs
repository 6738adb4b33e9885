//! `unknown-link`: a link the translation names that the reference does not.

use crate::check::context::EntryPair;
use crate::check::pattern_markup::link_name_in;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Finds links (`<a data-l10n-name=\"…\">`) the translation names that the reference does not.

## What it does
Compares the names of the links in the value and in each attribute with the reference's,
every variant of a select included: a name the translation uses that the reference's pattern
never does is reported.

## Why it matters
Only the reference's names are given an address, by the content file: a link under any other
name has nowhere to lead, and the reader gets its words without the link. Usually the name was
translated along with the words, or misspelled.

## Example
```ftl
# en-US
aftercare = Read our <a data-l10n-name=\"aftercare\">aftercare guide</a>.
# de
aftercare = Lies unseren <a data-l10n-name=\"pflege\">Pflegeleitfaden</a>.
```
Use instead: the reference's name, `<a data-l10n-name=\"aftercare\">Pflegeleitfaden</a>`.
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (ref_pattern, l10n_pattern) in entry.shared_patterns() {
        let found = l10n_pattern.markup().names();
        if found.is_empty() {
            continue;
        }
        let known = ref_pattern.markup().names();
        let attribute = l10n_pattern.attribute;
        let name = qualified(entry.id, attribute);
        let unused: Vec<String> = known
            .iter()
            .filter(|link| !found.contains(link))
            .map(|link| format!("`{link}`"))
            .collect();
        let help = if known.is_empty() {
            "the reference's pattern has no link: remove the `<a>` and keep its words".to_string()
        } else if unused.is_empty() {
            "remove the `<a>` and keep its words: the translation has each of the reference's \
             links already"
                .to_string()
        } else {
            format!(
                "use the name the reference gives the link: {}",
                unused.join(", ")
            )
        };
        for link in found.iter().filter(|link| !known.contains(link)) {
            let at = link_name_in(l10n_pattern.pattern, link)
                .unwrap_or_else(|| entry.anchor(attribute, l10n_pattern.pattern));
            let mut diagnostic = entry
                .diagnostic(
                    CheckId::UnknownLink,
                    at,
                    format!("`{name}` links `{link}`, a name the reference's does not have"),
                )
                .help(help.clone());
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}
