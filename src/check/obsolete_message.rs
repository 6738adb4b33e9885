//! `obsolete-message`: a message or term a locale defines but the reference does not.

use crate::check::context::{FilePair, diagnostic_at};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::id_slice;

pub(crate) const DOCS: &str = "\
Finds messages and terms in a locale's file that the same reference file does not define.

## What it does
Reports each id the locale defines that the reference file of the same path lacks. When a
missing reference id is spelled almost the same, it is suggested: the usual cause is a rename
in the reference or a typo in the translation.

## Why it matters
Nothing asks for the message, so the translation never reaches a reader; meanwhile the entry
the reference does have is missing, and readers see the reference's text for it.

## Example
```ftl
# en-US/article.ftl
reading-time = …

# de/article.ftl
readingtime = …
```
Use instead: rename `readingtime` to `reading-time`.
";

pub(crate) fn run(pair: &FilePair<'_>, out: &mut Vec<Diagnostic>) {
    for l10n in &pair.l10n_index.ids {
        let id = l10n.id;
        if !pair.is_obsolete(id) {
            continue;
        }
        let Some(at) = id_slice(l10n.entry) else {
            continue;
        };
        let kind = if id.starts_with('-') {
            "term"
        } else {
            "message"
        };
        let suggestion = pair
            .ref_index
            .ids
            .iter()
            .map(|r| r.id)
            .filter(|ref_id| !pair.l10n_index.has(ref_id))
            .filter(|ref_id| {
                strsim::damerau_levenshtein(id, ref_id) <= id.len().min(ref_id.len()) / 4 + 1
            })
            .min_by_key(|ref_id| strsim::damerau_levenshtein(id, ref_id));
        let help = match suggestion {
            Some(ref_id) => format!(
                "the reference has `{ref_id}`, which this locale lacks: rename it if that is what it translates"
            ),
            None => format!("delete it, or add `{id}` to the reference if it is still needed"),
        };
        out.push(
            diagnostic_at(
                CheckId::ObsoleteMessage,
                pair.locale,
                pair.l10n_file,
                at,
                format!(
                    "the {kind} `{id}` is not in the reference `{}`",
                    pair.ref_file.path
                ),
            )
            .entry(id)
            .help(help)
            .replacement_opt(suggestion.map(|s| s.trim_start_matches('-'))),
        );
    }
}
