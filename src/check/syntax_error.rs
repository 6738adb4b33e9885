//! `syntax-error`: text the Fluent parser could not read.

use crate::check::context::{FileCtx, diagnostic_span};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::junk_id;

pub(crate) const DOCS: &str = "\
Finds text that is not valid Fluent, with the parser's reason.

## What it does
Parses every file once and reports each piece of junk: the position the parser stopped at and
its reason (an unclosed placeable, a select expression without a `*[default]` variant, a
message without a value or attributes, …).

## Why it matters
Junk is dropped by every Fluent runtime: the message it holds does not exist for readers, who
see the reference's text instead (or nothing). It counts as missing in the coverage figures.

## Example
```ftl
reading-time = { $minutes ->
    [one] { $minutes } Minute
    [other] { $minutes } Minuten
}
```
Use instead (a select needs exactly one default variant, marked with `*`):
```ftl
reading-time = { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
}
```
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    let (file, locale) = (ctx.file, ctx.locale.name());
    let source = file.source();
    for error in &file.errors {
        let junk = error
            .slice
            .clone()
            .and_then(|slice| source.get(slice))
            .unwrap_or("");
        let reason = lowercase_first(&error.kind.to_string());
        let diagnostic = match junk_id(junk) {
            Some(id) => diagnostic_span(
                CheckId::SyntaxError,
                locale,
                file,
                error.pos.clone(),
                format!("`{id}` could not be parsed: {reason}"),
            )
            .entry(id)
            .help(format!(
                "fix the syntax here; until then `{id}` counts as missing and readers see the reference's text"
            )),
            None => diagnostic_span(
                CheckId::SyntaxError,
                locale,
                file,
                error.pos.clone(),
                format!("this text could not be parsed: {reason}"),
            )
            .help("fix the syntax, or turn the text into a comment by starting each line with `#`"),
        };
        out.push(diagnostic);
    }
    malformed_comments(ctx, out);
}

/// Comment lines the Fluent syntax rejects — `#` (or `##`, `###`) followed by something
/// other than a space, or four `#` and more — which fluent-bundle's parser skips silently but
/// the specification's parser (compare-locales, Pontoon, `folio fmt`) turns into junk.
fn malformed_comments(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    let (file, locale) = (ctx.file, ctx.locale.name());
    let source = file.source();
    if !source.starts_with('#') && !source.contains("\n#") {
        return;
    }
    let junk: Vec<std::ops::Range<usize>> =
        file.errors.iter().filter_map(|e| e.slice.clone()).collect();
    // The starts of the lines that start with `#`, found without reading every line.
    let first = source.starts_with('#').then_some(0);
    let others = memchr::memmem::find_iter(source.as_bytes(), "\n#").map(|i| i + 1);
    for at in first.into_iter().chain(others) {
        if junk.iter().any(|j| j.contains(&at)) {
            continue;
        }
        let line = &source[at..];
        let line = &line[..line.find('\n').map_or(line.len(), |i| i + 1)];
        let text = line.trim_end_matches(['\n', '\r']);
        let hashes = text.bytes().take_while(|&b| b == b'#').count();
        let rest = &text[hashes..];
        let (column, message, help) = if hashes > 3 {
            (
                3,
                format!("`{text}` is not a comment: a comment starts with at most three `#`"),
                "use `#`, `##` or `###`, then a space".to_string(),
            )
        } else if !rest.is_empty() && !rest.starts_with(' ') {
            (
                hashes,
                format!(
                    "`{text}` is not a comment: `{}` must be followed by a space",
                    &text[..hashes]
                ),
                format!("write `{} {rest}`", &text[..hashes]),
            )
        } else {
            continue;
        };
        let end = at + text.len();
        let span = (at + column).min(end)..end;
        out.push(
            diagnostic_span(CheckId::SyntaxError, locale, file, span, message).help(format!(
                "{help}; Fluent runtimes skip the line, but the specification's parser (compare-locales, Pontoon, `folio fmt`) rejects it"
            )),
        );
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
