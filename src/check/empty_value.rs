//! `empty-value`: a translation that shows nothing where the reference shows text.

use fluent_syntax::ast;

use crate::check::context::EntryPair;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::pattern::visible_text;
use crate::ftl::qualified;

pub(crate) const DOCS: &str = "\
Finds values and attributes that are empty in the translation but not in the reference.

## What it does
Looks at each value and attribute present in both: the translation's text, with its string
literals, is empty or only whitespace (such as `{ \"\" }`), while the reference's is not.

## Why it matters
Readers see nothing: a blank button, a heading without text, an image without alternative text.
An empty string is sometimes a placeholder left while translating, and is easy to miss because
the file parses and the entry counts as translated.

## Example
```ftl
article-intro = { \"\" }
```
Use instead: translate the reference's text; if the language really needs no text here, say so
with `# folio-ignore: empty-value` above the message.
";

/// Whether a reader sees nothing of `pattern`: only whitespace text and string literals.
fn is_blank(pattern: &ast::Pattern<&str>) -> bool {
    pattern
        .elements
        .iter()
        .all(|element| visible_text(element).is_some_and(|text| text.trim().is_empty()))
}

pub(crate) fn run(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    for (ref_pattern, l10n_pattern) in entry.shared_patterns() {
        if is_blank(l10n_pattern.pattern) && !is_blank(ref_pattern.pattern) {
            let attribute = l10n_pattern.attribute;
            let name = qualified(entry.id, attribute);
            let mut diagnostic = entry
                .diagnostic(
                    CheckId::EmptyValue,
                    attribute.unwrap_or(entry.l10n_message.id.name),
                    format!("`{name}` is empty, but the reference's is not"),
                )
                .help("translate the reference's text");
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}
