//! `missing-message`: a message or term of the reference that a locale's file lacks.

use std::collections::HashSet;

use fluent_syntax::ast;

use crate::check::context::{FilePair, definition};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::junk_id;

pub(crate) const DOCS: &str = "\
Finds messages and terms of the reference that the same file of a locale does not define.

## What it does
Compares the ids defined in each reference file with those in the locale's file of the same
path (terms keep their `-`). An entry lost to a syntax error is reported once, by
`syntax-error`, and the entries of an unreadable file once, by `unreadable-file`; they still
count as missing.

## Why it matters
Readers of that locale see the reference's text for the message: an English sentence in the
middle of a German page.

## Example
```ftl
# en-US/article.ftl
title = Can Scalp Micropigmentation Be Removed?
intro = One of the key elements…

# de/article.ftl
title = Lässt sich eine Haarpigmentierung entfernen?
```
Use instead: add `intro` to `de/article.ftl`, translated.
";

pub(crate) fn run(pair: &FilePair<'_>, out: &mut Vec<Diagnostic>) {
    // An unreadable file is reported once, by `unreadable-file`.
    if pair.l10n_file.unreadable.is_some() {
        return;
    }
    // An entry lost to a syntax error is reported once, by `syntax-error`.
    let lost_to_junk: HashSet<&str> = if pair.l10n_file.errors.is_empty() {
        HashSet::new()
    } else {
        pair.l10n_file
            .entries()
            .filter_map(|entry| match entry {
                ast::Entry::Junk { content } => junk_id(content),
                _ => None,
            })
            .collect()
    };
    for ref_entry in &pair.ref_index.ids {
        let id = ref_entry.id;
        if pair.l10n_index.has(id) || lost_to_junk.contains(id) {
            continue;
        }
        let kind = if id.starts_with('-') {
            "term"
        } else {
            "message"
        };
        out.push(
            Diagnostic::new(
                CheckId::MissingMessage,
                &pair.l10n_file.path,
                format!("the {kind} `{id}` is missing"),
            )
            .locale(pair.locale)
            .entry(id)
            .help(format!(
                "translate it from {}",
                definition(pair.ref_file, ref_entry.entry)
            )),
        );
    }
}
