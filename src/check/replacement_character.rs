//! `replacement-character`: U+FFFD (`�`) in translated text.

use crate::check::context::{FileCtx, diagnostic_span};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::pattern::{self, Node};
use crate::line_index::offset_in;

pub(crate) const DOCS: &str = "\
Finds the replacement character U+FFFD (`�`) in the text of messages and terms.

## What it does
Reports every `�` written in a value, an attribute or a string literal of a file that is
otherwise valid UTF-8 (bytes that are not UTF-8 at all are `invalid-utf8`).

## Why it matters
`�` is what a program writes when it could not decode a character: the file went through a
wrong encoding once, and the letter that was there is lost. Readers see the `�`.

## Example
```ftl
title = L�sst sich eine Haarpigmentierung entfernen?
```
Use instead: restore the lost letter, `Lässt`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.file.invalid_utf8.is_some() {
        return;
    }
    let source = ctx.file.source();
    if !source.contains('\u{fffd}') {
        return;
    }
    // Rare: only a file that has one is walked for where.
    for indexed in ctx.index.all() {
        for (_, pattern) in pattern::patterns(indexed.entry) {
            pattern::walk(pattern, &mut |node| {
                let (Node::Text(text) | Node::StringLiteral(text)) = node else {
                    return;
                };
                report(ctx, indexed.id, text, out);
            });
        }
    }
}

fn report(ctx: &FileCtx<'_>, id: &str, text: &str, out: &mut Vec<Diagnostic>) {
    let Some(base) = offset_in(ctx.file.source(), text) else {
        return;
    };
    for (at, c) in text.char_indices().filter(|(_, c)| *c == '\u{fffd}') {
        let start = base + at;
        out.push(
            diagnostic_span(
                CheckId::ReplacementCharacter,
                ctx.locale.name(),
                ctx.file,
                start..start + c.len_utf8(),
                format!("`{id}` contains `\u{fffd}`, a character lost to a wrong encoding"),
            )
            .entry(id)
            .help("write the character that was lost here"),
        );
    }
}
