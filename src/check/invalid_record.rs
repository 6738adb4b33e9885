//! `invalid-record`: a locale's record (`crate::record`) that cannot be read, or that keeps
//! lines about entries that are gone.

use crate::check::context::LocaleCtx;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::line_index::LineIndex;

pub(crate) const DOCS: &str = "\
Finds a locale's record that cannot be read, or that is out of date itself.

## What it does
Each locale folder keeps a record (`folio-record.txt`) of the reference text each translation
was made from, for the `outdated` check. This check reports:
- a record that cannot be read (not UTF-8, a permission error);
- each line that is not a record line: a merge conflict left in it, a line edited by hand,
  an id recorded twice;
- lines about values or attributes that the reference or the locale no longer has, in one
  finding per record; `folio sync` removes them.

## Why it matters
A line the check cannot read is a translation whose changes nobody will be told about. The
record is written by `folio new` and `folio sync` and merges cleanly (one line per entry,
sorted); a conflict inside it means two branches changed the same entry of the same locale.

## Example
```text
<<<<<<< HEAD
smp-removal-title 5d41402abc4b2a76 Can Scalp Micropigmentation Be Removed?
```
Keep one of the two lines about the entry (or delete both and run `folio sync`).
";

/// How many gone entries a finding names before it says how many more there are.
const NAMED: usize = 5;

pub(crate) fn run(ctx: &LocaleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(reference), Some(record)) = (ctx.reference, &ctx.locale.record) else {
        return;
    };
    let locale = ctx.locale.name();
    let path = record.source.path.as_str();
    let bytes = match &record.source.bytes {
        Ok(bytes) => bytes,
        Err(reason) => {
            out.push(
                Diagnostic::new(CheckId::InvalidRecord, path, reason.clone())
                    .locale(locale)
                    .help(
                        "restore it from version control; or delete it and run `folio sync`, \
                         which records every translation as it is now as current",
                    ),
            );
            return;
        }
    };
    let examined = ctx.locale.examined(reference);
    let gone = &examined.gone;
    let problems = &examined.problems;
    if problems.is_empty() && gone.is_empty() {
        return;
    }
    // Only now is the whole record decoded, to show its lines.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.valid_up_to();
            let line = memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1;
            out.push(
                Diagnostic::new(
                    CheckId::InvalidRecord,
                    path,
                    format!("the record is not UTF-8 text from line {line} on"),
                )
                .locale(locale)
                .help(
                    "restore it from version control; or delete it and run `folio sync`, \
                     which records every translation as it is now as current",
                ),
            );
            return;
        }
    };
    if !problems.is_empty() {
        let lines = LineIndex::new(text);
        for problem in problems {
            let span = problem.span.start..problem.span.start + line_length(text, &problem.span);
            out.push(
                Diagnostic::new(CheckId::InvalidRecord, path, problem.message.clone())
                    .locale(locale)
                    .at(text, &lines, span)
                    .help(
                        "the record is written by `folio sync`: fix or delete the line; `folio \
                         sync` then records what is missing as current",
                    ),
            );
        }
    }

    if let Some(first) = gone.first() {
        let mut named: Vec<String> = gone
            .iter()
            .take(NAMED)
            .map(|line| format!("`{}` (line {})", line.key, line.line))
            .collect();
        if gone.len() > NAMED {
            named.push(format!("{} more", gone.len() - NAMED));
        }
        let lines = LineIndex::new(text);
        let span = first.span.start..first.span.start + line_length(text, &first.span);
        out.push(
            Diagnostic::new(
                CheckId::InvalidRecord,
                path,
                format!(
                    "the record keeps {} that the reference or `{locale}` no longer has: {}",
                    if gone.len() == 1 {
                        "a line about a value or attribute".to_string()
                    } else {
                        format!("{} lines about values or attributes", gone.len())
                    },
                    named.join(", ")
                ),
            )
            .locale(locale)
            .at(text, &lines, span)
            .help(format!("`folio sync {locale}` removes them")),
        );
    }
}

/// The length of the line at `span` without its line ending.
fn line_length(text: &str, span: &std::ops::Range<usize>) -> usize {
    let line = &text[span.clone()];
    line.trim_end_matches(['\n', '\r']).len()
}
