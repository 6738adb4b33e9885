//! `outdated`: translations made from an earlier version of the reference text, found with the
//! locale's record (`crate::record`).

use fluent_syntax::ast;
use similar::{ChangeTag, TextDiff};

use crate::check::context::{LocaleCtx, ParsedLocale, diagnostic_at};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::canonical::{canonical, fingerprint};
use crate::ftl::{id_slice, pattern::patterns};
use crate::record::{key_text, unescaped};

pub(crate) const DOCS: &str = "\
Finds translations made from an earlier version of the reference text.

## What it does
Each locale folder keeps a record (`folio-record.txt`, written by `folio new` and `folio sync`)
of the reference text each value and attribute was translated from, and a fingerprint of the
translation. A translation is outdated when the reference's text has changed since and the
translation has not. The help shows the change as a word-level diff: `[-removed-]` and
`{+added+}` words, so the translator sees what to change without opening git.

Editing the translation clears the finding (the next `folio sync` records it as current). A
translation that is still right after the change is confirmed with
`folio sync --confirm LOCALE ID...`, without touching its text. Entries still marked
`# folio: untranslated` are reported by `untranslated` instead; a locale without a record has
nothing outdated. A change of layout alone (`folio fmt`, re-indenting, moving an entry to
another file) changes nothing.

## Why it matters
An edited English sentence leaves every translation of it saying what the page no longer
says, and nothing else in a check notices: the translation is present, has the right
variables, and counts as done. Coverage counts outdated entries as not done.

## Example
```diff
# en-US, after an edit
-smp-removal-intro = Most ink fades with a laser.
+smp-removal-intro = Most ink fades with one or two laser sessions.
```
`locales/de/smp-removal.ftl` still says `Die meiste Tinte verblasst mit einem Laser.`:
`outdated`, with the help
`Most ink fades with [-a-]{+one or two+} [-laser.-]{+laser sessions.+}`.
";

/// A value or attribute of a locale whose reference changed since it was translated.
pub(crate) struct Outdated {
    /// The locale's file (its index in the locale).
    pub file: usize,
    /// The record's line about it (its index in the record's lines).
    pub line: usize,
}

/// The outdated values and attributes of `locale`: recorded, with a reference text that is
/// no longer the reference's, and a translation that is still the one recorded.
pub(crate) fn find(locale: &ParsedLocale<'_>, reference: &ParsedLocale<'_>) -> Vec<Outdated> {
    let Some(record) = &locale.record else {
        return Vec::new();
    };
    let current = reference.canonical();
    let mut found = Vec::new();
    for (i, line) in record.record.lines().iter().enumerate() {
        let Some(now) = current.get(line.id, line.attribute) else {
            continue; // the reference no longer has it: obsolete, not outdated
        };
        if now == line.escaped {
            continue;
        }
        let Some((file, entry)) = locale.entry(line.id) else {
            continue;
        };
        if locale.indexes[file].marked.contains(line.id) {
            continue; // reported as untranslated
        }
        let Some((_, pattern)) = part(entry, line.attribute) else {
            continue;
        };
        if !fingerprint(&canonical(pattern)).eq_ignore_ascii_case(line.fingerprint) {
            continue; // edited since it was recorded
        }
        found.push(Outdated { file, line: i });
    }
    found
}

/// The value (`attribute` `None`) or the attribute of `entry`, with the attribute's id as
/// written.
fn part<'a>(
    entry: &'a ast::Entry<&'a str>,
    attribute: Option<&str>,
) -> Option<(Option<&'a str>, &'a ast::Pattern<&'a str>)> {
    patterns(entry).into_iter().find(|(a, _)| *a == attribute)
}

pub(crate) fn run(ctx: &LocaleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(reference), Some(record)) = (ctx.reference, &ctx.locale.record) else {
        return;
    };
    let current = reference.canonical();
    let locale = ctx.locale.name();
    for outdated in ctx.locale.outdated(reference) {
        let line = &record.record.lines()[outdated.line];
        let Some((_, entry)) = ctx.locale.entry(line.id) else {
            continue;
        };
        let (Some((attribute, _)), Some(id_at)) = (part(entry, line.attribute), id_slice(entry))
        else {
            continue;
        };
        let name = key_text(line.id, line.attribute);
        let now = unescaped(current.get(line.id, line.attribute).unwrap_or_default());
        let file = &ctx.locale.files[outdated.file];
        let mut diagnostic = diagnostic_at(
            CheckId::Outdated,
            locale,
            file,
            attribute.unwrap_or(id_at),
            format!("`{name}` was translated from an earlier version of the reference text"),
        )
        .entry(line.id)
        .help(format!(
            "the reference ({}) changed since ([-removed-] {{+added+}}):\n    {}\n\
             update the translation, which clears this; if it is still right, record that with \
             `folio sync --confirm {locale} {name}`",
            reference.name(),
            word_diff(&line.reference(), &now).replace('\n', "\n    "),
        ));
        if let Some(attribute) = attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

/// How many unchanged words a diff keeps on each side of a change.
const CONTEXT: usize = 8;

/// `old` and `new` as one text, word by word: removed words in `[-…-]`, added ones in `{+…+}`
/// (as `wdiff` and `git diff --word-diff` write them); long unchanged stretches are cut to
/// the words around the changes, with `…`.
pub(crate) fn word_diff(old: &str, new: &str) -> String {
    let diff = TextDiff::from_words(old, new);
    // Consecutive changes of one kind, joined.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    let last = runs.len().saturating_sub(1);
    let mut out = String::new();
    for (i, (tag, text)) in runs.iter().enumerate() {
        match tag {
            ChangeTag::Equal => out.push_str(&shortened(text, i == 0, i == last)),
            ChangeTag::Delete => {
                out.push_str("[-");
                out.push_str(text);
                out.push_str("-]");
            }
            ChangeTag::Insert => {
                out.push_str("{+");
                out.push_str(text);
                out.push_str("+}");
            }
        }
    }
    out
}

/// An unchanged stretch of a diff, cut to [`CONTEXT`] words beside each change (`first`: no
/// change before it; `last`: none after it).
fn shortened(text: &str, first: bool, last: bool) -> String {
    let start = text.len() - text.trim_start_matches(' ').len();
    let end = text.trim_end_matches(' ').len().max(start);
    let words: Vec<&str> = text[start..end].split(' ').collect();
    let keep_before = if first { 0 } else { CONTEXT };
    let keep_after = if last { 0 } else { CONTEXT };
    if words.len() <= keep_before + keep_after + 1 {
        return text.to_string();
    }
    let mut out = text[..start].to_string();
    for word in &words[..keep_before] {
        out.push_str(word);
        out.push(' ');
    }
    out.push('…');
    for word in &words[words.len() - keep_after..] {
        out.push(' ');
        out.push_str(word);
    }
    out.push_str(&text[end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_diff_shows_what_was_removed_and_added() {
        assert_eq!(
            word_diff(
                "Most ink fades with a laser.",
                "Most ink fades with one or two laser sessions."
            ),
            "Most ink fades with [-a-]{+one or two+} [-laser.-]{+laser sessions.+}"
        );
        assert_eq!(word_diff("Same.", "Same."), "Same.");
        assert_eq!(word_diff("A", "A Edited."), "A{+ Edited.+}");
    }

    #[test]
    fn long_unchanged_stretches_are_cut_around_the_change() {
        let words: Vec<String> = (1..=40).map(|n| format!("w{n}")).collect();
        let old = words.join(" ");
        let new = old.replace("w20", "twenty");
        let diff = word_diff(&old, &new);
        assert_eq!(
            diff,
            "… w12 w13 w14 w15 w16 w17 w18 w19 [-w20-]{+twenty+} w21 w22 w23 w24 w25 w26 w27 w28 …"
        );
    }
}
