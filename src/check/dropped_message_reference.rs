//! `dropped-message-reference`: a message the reference places that the translation does not.

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Notes where the reference places another message (`{ title }`) that the translation does not.

## What it does
Compares, for the value and for each attribute, the messages (and message attributes) the
reference's pattern references with the translation's. (compare-locales reports the same as
`Missing message reference`.)

## Why it matters
A referenced message keeps two texts in step: the article's title quoted in its last paragraph
changes when the title does. A translation that types the text out drifts when the referenced
message is edited. Low severity, because grammar sometimes needs a different form.

## Example
```ftl
# en-US
last-resort = … next time you ask the question, { title } The answer is…
# de
last-resort = … die Frage „Lässt sich eine Haarpigmentierung entfernen?“ stellen…
```
Use instead: `die Frage „{ title }“ stellen`.
";

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (reference, l10n) in entry.shared_patterns() {
        let mut reported = Vec::new();
        for message in reference.messages() {
            if l10n.messages().any(|m| m == message) || reported.contains(&message) {
                continue;
            }
            reported.push(message);
            let message = qualified(message.0, message.1);
            let attribute = l10n.attribute;
            let name = qualified(entry.id, attribute);
            let mut diagnostic = entry
                .diagnostic(
                    CheckId::DroppedMessageReference,
                    entry.anchor(attribute, l10n.pattern),
                    format!("`{name}` does not use `{{ {message} }}`, which the reference's does"),
                )
                .help(format!(
                    "use `{{ {message} }}` so the two texts stay in step, unless the grammar needs another form"
                ));
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}
