//! `missing-link`: a link the reference names that the translation lacks.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Finds links (`<a data-l10n-name=\"…\">`) the reference names that the translation lacks.

## What it does
Compares the names of the links in the value and in each attribute with the reference's,
every variant of a select included: a name the reference uses in any variant that the
translation uses in none is reported, once per name.

## Why it matters
A link's address comes from the content file and its words from the translation: without
the `<a data-l10n-name=\"…\">`, the reader sees the words but has nothing to follow (the
aftercare guide, the privacy notice). The page still renders, so it is a warning.

## Example
```ftl
# en-US
aftercare = Read our <a data-l10n-name=\"aftercare\">aftercare guide</a>.
# de
aftercare = Lies unseren Pflegeleitfaden.
```
Use instead: `Lies unseren <a data-l10n-name=\"aftercare\">Pflegeleitfaden</a>.`
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (ref_pattern, l10n_pattern) in entry.shared_patterns() {
        let expected = ref_pattern.markup().names();
        if expected.is_empty() {
            continue;
        }
        let found = l10n_pattern.markup().names();
        let attribute = l10n_pattern.attribute;
        let name = qualified(entry.id, attribute);
        for link in expected.iter().filter(|link| !found.contains(link)) {
            let mut diagnostic = entry
                .diagnostic(
                    CheckId::MissingLink,
                    entry.anchor(attribute, l10n_pattern.pattern),
                    format!(
                        "`{name}` lacks the link `<a data-l10n-name=\"{link}\">` that the \
                         reference's has"
                    ),
                )
                .help(format!(
                    "wrap the words that lead there in `<a data-l10n-name=\"{link}\">…</a>`"
                ));
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}
