//! `invalid-utf8`: a file holding bytes that are not UTF-8.

use crate::check::context::{FileCtx, diagnostic_span};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::id_slice;
use crate::line_index::offset_in;

pub(crate) const DOCS: &str = "\
Finds Fluent files holding bytes that are not UTF-8 text.

## What it does
Reports the first byte that is not valid UTF-8. The file is still read, with each invalid byte
replaced by U+FFFD (as compare-locales reads it), so its other messages are still checked and
counted.

## Why it matters
Fluent files are UTF-8 by definition. Readers see `�` where the character should be: usually
the file was saved in a legacy encoding (Windows-1252, ISO-8859-2) and every accented letter is
broken.

## Example
A file saved as Windows-1252 by an old editor, where `ö` is the single byte 0xF6:
```text
title = K\\xf6nnen Sie …
```
Use instead: save the file as UTF-8 (in most editors: *Save with encoding → UTF-8*).
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    let file = ctx.file;
    let Some(offset) = file.invalid_utf8 else {
        return;
    };
    let end = (offset + '\u{fffd}'.len_utf8()).min(file.source().len());
    // The entry the byte is in: the last one that starts before it.
    let entry = ctx
        .index
        .ids
        .iter()
        .filter_map(|i| Some((i.id, offset_in(file.source(), id_slice(i.entry)?)?)))
        .take_while(|(_, start)| *start <= offset)
        .last()
        .map(|(id, _)| id);
    let mut diagnostic = diagnostic_span(
        CheckId::InvalidUtf8,
        ctx.locale.name(),
        file,
        offset..end,
        format!(
            "`{}` is not UTF-8 text: the byte here is not valid UTF-8",
            file.rel
        ),
    )
    .help("save the file as UTF-8; every character that is not ASCII may need fixing");
    if let Some(entry) = entry {
        diagnostic = diagnostic.entry(entry);
    }
    out.push(diagnostic);
}
