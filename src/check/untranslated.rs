//! `untranslated`: text identical to the reference where a translation was expected.

use crate::ftl::pattern::flat_text;
use fluent_syntax::ast;

use crate::check::context::{EntryPair, FilePair, diagnostic_at};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::UNTRANSLATED;
use crate::ftl::{id_slice, qualified};

pub(crate) const DOCS: &str = "\
Finds values and attributes identical to the reference's where that is not expected.

## What it does
Reports a value or attribute whose pattern is exactly the reference's, when it holds running
text: at least three words that start with a lowercase letter, once placeables, markup, URLs and
e-mail addresses are set aside. Names, brands, short labels (`Firefox Monitor`, `Podcast`) and
patterns made only of placeables are expected to stay the same and are not reported; terms are
never reported; nor is a locale of the reference's own language (`en-GB` against `en-US`).

## Why it matters
An English sentence in a German page is a sentence German readers may not understand, and
it counts as translated in every coverage figure.

Entries that `folio new` and `folio sync` copied from the reference carry a
`# folio: untranslated` line in their comment: each is reported until the line is deleted,
whatever its text (terms and names included), and counted out of the coverage. One that has
been translated but still carries the line is reported too, so that the mark does not outlive
the work.

## Example
```ftl
# de
download-cta = Download Firefox for free
```
Use instead: `Firefox kostenlos herunterladen`. When the text is meant to stay as it is, say so
with `# folio-ignore: untranslated` above the message (or above the reference's message, for
every locale).
";

pub(crate) fn identical(entry: &EntryPair<'_>, out: &mut Vec<Diagnostic>) {
    if entry.file.same_language {
        return;
    }
    for (reference, l10n) in entry.shared_patterns() {
        let attribute = l10n.attribute;
        if reference.pattern != l10n.pattern || !is_running_text(&flat_text(reference.pattern)) {
            continue;
        }
        let name = qualified(entry.id, attribute);
        let mut diagnostic = entry
            .diagnostic(
                CheckId::Untranslated,
                entry.anchor(attribute, l10n.pattern),
                format!("`{name}` is identical to the reference"),
            )
            .help("translate it; if it is meant to stay as it is, add `# folio-ignore: untranslated` above it");
        if let Some(attribute) = attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

/// Entries marked `# folio: untranslated`: not translated yet, or translated and still marked.
pub(crate) fn marked(pair: &FilePair<'_>, out: &mut Vec<Diagnostic>) {
    if pair.l10n_index.marked.is_empty() {
        return;
    }
    for reference in &pair.ref_index.ids {
        let Some(l10n) = pair.l10n_index.get(reference.id) else {
            continue;
        };
        if pair.l10n_index.marked.contains(reference.id) {
            out.extend(marked_entry(
                pair,
                reference.id,
                reference.entry,
                l10n.entry,
            ));
        }
    }
}

fn marked_entry(
    pair: &FilePair<'_>,
    id: &str,
    reference: &ast::Entry<&str>,
    l10n_entry: &ast::Entry<&str>,
) -> Option<Diagnostic> {
    let at = id_slice(l10n_entry)?;
    let same = match (reference, l10n_entry) {
        (ast::Entry::Message(r), ast::Entry::Message(l)) => {
            r.value == l.value && r.attributes == l.attributes
        }
        (ast::Entry::Term(r), ast::Entry::Term(l)) => {
            r.value == l.value && r.attributes == l.attributes
        }
        _ => false,
    };
    let (message, help) = if same {
        (
            format!("`{id}` is not translated yet: it is still the reference's text"),
            format!("translate it, then delete the `# {UNTRANSLATED}` line above it"),
        )
    } else {
        (
            format!("`{id}` is translated but still marked `# {UNTRANSLATED}`, or a copy of an older reference"),
            "if the translation is done, delete the mark; until then it counts as untranslated. A copy \
             made before the reference changed is brought up to date by `folio sync` (the record shows \
             it untouched)"
                .to_string(),
        )
    };
    Some(
        diagnostic_at(
            CheckId::Untranslated,
            pair.locale,
            pair.l10n_file,
            at,
            message,
        )
        .help(help)
        .entry(id),
    )
}

/// Whether `text` reads as a sentence rather than a name: three or more words that start with
/// a lowercase letter, outside markup, URLs and e-mail addresses.
fn is_running_text(text: &str) -> bool {
    let mut lowercase_words = 0;
    let mut in_tag = false;
    for token in text.split_whitespace() {
        if token.contains("://") || token.contains('@') || token.starts_with("www.") {
            continue;
        }
        let mut word = String::new();
        for c in token.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if in_tag => {}
                _ => word.push(c),
            }
        }
        let first = word.chars().find(|c| c.is_alphabetic() || c.is_numeric());
        if first.is_some_and(char::is_lowercase)
            && word.chars().filter(|c| c.is_alphabetic()).count() > 1
        {
            lowercase_words += 1;
        }
    }
    lowercase_words >= 3
}

#[cfg(test)]
mod tests {
    use super::is_running_text;

    #[test]
    fn sentences_are_running_text_names_are_not() {
        assert!(is_running_text("Select a download option below"));
        assert!(is_running_text(
            "Please turn on \u{fffc} to display this page."
        ));
        assert!(!is_running_text("Firefox Monitor"));
        assert!(!is_running_text("\u{fffc} vs Microsoft Edge"));
        assert!(!is_running_text("Shape of the Web"));
        assert!(!is_running_text(
            "<a href=\"https://example.com/a/b/c\">Mozilla</a>"
        ));
        assert!(!is_running_text("yourname@example.com"));
    }
}
