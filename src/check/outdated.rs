//! `outdated`: translations made from an earlier version of the reference text, found with the
//! locale's record (`crate::record`).

use std::sync::Arc;

use fluent_syntax::ast;
use similar::{ChangeTag, TextDiff};

use crate::check::context::{LocaleCtx, ParsedLocale, diagnostic_at};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::canonical::{canonical, fingerprint};
use crate::ftl::{id_slice, pattern::patterns};
use crate::record::{RawLine, Record, RecordProblem, escape, is_fingerprint, unescaped};

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
    /// `id` or `id.attribute`.
    pub key: String,
    /// The entry's id (a term's with its `-`).
    pub id: String,
    pub attribute: Option<String>,
    /// The reference's text it was made from, escaped as in a record.
    pub was: String,
}

/// A line of a record about a value or attribute that is gone.
pub(crate) struct GoneLine {
    /// `id` or `id.attribute`.
    pub key: String,
    /// Its line, from 1, and where it is in the record.
    pub line: usize,
    pub span: std::ops::Range<usize>,
}

/// What one pass over a locale's record finds (see [`find`]).
#[derive(Default)]
pub(crate) struct Examined {
    /// The outdated values and attributes.
    pub outdated: Vec<Outdated>,
    /// The lines about values or attributes that the reference or the locale no longer has.
    pub gone: Vec<GoneLine>,
    /// The lines that are not records, and those whose reference text, which differs from the
    /// reference's, cannot be read.
    pub problems: Vec<RecordProblem>,
}

/// One pass over the record of `locale`: the values and attributes recorded with a reference
/// text that is no longer the reference's and a translation that is still the one recorded
/// (outdated), and the lines that are about nothing any more or cannot be read. The lines are
/// read one by one and only these are kept.
pub(crate) fn find(locale: &ParsedLocale<'_>, reference: &ParsedLocale<'_>) -> Examined {
    let mut examined = Examined::default();
    let Some(Ok(bytes)) = locale.record.as_ref().map(|r| &r.source.bytes) else {
        return examined;
    };
    let mut current = reference.canonical().walk();
    let mut outdated = Vec::new();
    let mut gone = Vec::new();
    let mut unreadable = Vec::new();
    let problem = |raw: &RawLine<'_>, message: String| RecordProblem {
        line: raw.line,
        span: raw.span.clone(),
        message,
    };
    let problems = Record::scan(bytes, &mut |raw| {
        // A key the reference has is valid as it stands; any other is checked.
        let Some((key, now, now_fingerprint)) = current.find(raw.key) else {
            match raw.read() {
                Ok(line) => gone.push(gone_line(line.key, &raw)),
                Err(message) => unreadable.push(problem(&raw, message)),
            }
            return;
        };
        // Sixteen bytes here; that they are hexadecimal digits is checked where it matters,
        // when the line is compared with the translation.
        if raw.fingerprint.len() != 16 {
            unreadable.push(problem(&raw, not_a_fingerprint(&raw)));
            return;
        }
        let (id, attribute) = match key.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (key, None),
        };
        if !locale.has_part(id, attribute) {
            gone.push(gone_line(key, &raw));
            return;
        }
        let unchanged = match raw.escaped {
            Some(was) => now.as_bytes() == was,
            // The translation's own text: its fingerprint is the line's.
            None => now_fingerprint
                .as_bytes()
                .eq_ignore_ascii_case(raw.fingerprint),
        };
        if unchanged {
            return;
        }
        // Texts and fingerprints are checked only now (a text equal to the reference's is one
        // Folio wrote).
        if let Some(message) = raw.escaped.and_then(Record::text_problem) {
            unreadable.push(problem(&raw, message));
            return;
        }
        if !is_fingerprint(raw.fingerprint) {
            unreadable.push(problem(&raw, not_a_fingerprint(&raw)));
            return;
        }
        let Some((file, entry)) = locale.entry(id) else {
            return;
        };
        if locale.indexes[file].marked.contains(id) {
            return; // reported as untranslated
        }
        let Some((_, pattern)) = part(entry, attribute) else {
            return;
        };
        let text = canonical(pattern);
        if !fingerprint(&text)
            .as_bytes()
            .eq_ignore_ascii_case(raw.fingerprint)
        {
            return; // edited since it was recorded
        }
        let was = match raw.escaped {
            Some(was) => String::from_utf8_lossy(was).into_owned(),
            None => escape(&text).into_owned(),
        };
        outdated.push(Outdated {
            file,
            key: key.to_string(),
            id: id.to_string(),
            attribute: attribute.map(str::to_string),
            was,
        });
    });
    examined.problems = problems;
    examined.problems.extend(unreadable);
    examined.problems.sort_by_key(|p| p.line);
    examined.outdated = outdated;
    examined.gone = gone;
    examined
}

fn not_a_fingerprint(raw: &RawLine<'_>) -> String {
    let shown = String::from_utf8_lossy(raw.fingerprint);
    format!("`{shown}` is not a fingerprint (16 hexadecimal digits)")
}

fn gone_line(key: &str, raw: &RawLine<'_>) -> GoneLine {
    GoneLine {
        key: key.to_string(),
        line: raw.line,
        span: raw.span.clone(),
    }
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
    let Some(reference) = ctx.reference else {
        return;
    };
    let examined = ctx.locale.examined(reference);
    if examined.outdated.is_empty() {
        // Nothing to show: the reference's texts need not be made (an editor re-checks a
        // locale on every keystroke).
        return;
    }
    let current = reference.canonical();
    let locale = ctx.locale.name();
    for outdated in &examined.outdated {
        let Some((_, entry)) = ctx.locale.entry(&outdated.id) else {
            continue;
        };
        let (Some((attribute, _)), Some(id_at)) =
            (part(entry, outdated.attribute.as_deref()), id_slice(entry))
        else {
            continue;
        };
        let name = &outdated.key;
        let now = current.get(name).unwrap_or_default();
        let diff = if outdated.was.is_empty() {
            Arc::from("")
        } else {
            diff_of(reference, name, outdated.was.as_bytes(), now)
        };
        let file = &ctx.locale.files[outdated.file];
        // A term's `-` would read as an option: `--` ends them.
        let dashes = if name.starts_with('-') { "-- " } else { "" };
        let confirm = format!(
            "update the translation, which clears this; if it is still right, record that with \
             `folio sync --confirm {locale} {dashes}{name}`"
        );
        let help = if outdated.was.is_empty() {
            // `folio rename --outdate` records no text: the meaning changed with the name.
            format!(
                "marked for review by `folio rename --outdate` (the reference's meaning \
                 changed); the reference ({}) says:\n    {}\n{confirm}",
                reference.name(),
                unescaped(now).replace('\n', "\n    ")
            )
        } else {
            format!(
                "the reference ({}) changed since ([-removed-] {{+added+}}):\n    {diff}\n{confirm}",
                reference.name(),
            )
        };
        let mut diagnostic = diagnostic_at(
            CheckId::Outdated,
            locale,
            file,
            attribute.unwrap_or(id_at),
            format!("`{name}` was translated from an earlier version of the reference text"),
        )
        .entry(outdated.id.as_str())
        .help(help);
        if let Some(attribute) = attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

/// The word diff from the recorded text `was` to the reference's `now` (both escaped as in a
/// record) of the value or attribute `key`, indented for a help text; made once per run for
/// all locales (see [`ParsedLocale::diffs`]).
fn diff_of(reference: &ParsedLocale<'_>, key: &str, was: &[u8], now: &str) -> Arc<str> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(key.as_bytes());
    hasher.update(b"\0");
    hasher.update(was);
    let hash = hasher.digest();
    let cached = reference
        .diffs
        .lock()
        .ok()
        .and_then(|d| d.get(&hash).cloned());
    if let Some(diff) = cached {
        return diff;
    }
    let diff: Arc<str> = word_diff(&unescaped(&String::from_utf8_lossy(was)), &unescaped(now))
        .replace('\n', "\n    ")
        .into();
    if let Ok(mut diffs) = reference.diffs.lock() {
        diffs.insert(hash, Arc::clone(&diff));
    }
    diff
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
