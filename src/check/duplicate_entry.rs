//! `duplicate-entry`: a message or term defined twice in one locale.

use crate::check::context::{FileCtx, definition};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::id_slice;

pub(crate) const DOCS: &str = "\
Finds a message or term defined more than once in the same file.

## What it does
Reports each definition of an id after the first one in the same file. (The same id in two
files is not reported here: trees such as Mozilla's load files page by page and legitimately
repeat ids. Where a locale has an id in a file whose reference lacks it, `obsolete-message`
reports it.)

## Why it matters
Only the first definition is used; the others are silently ignored. A translator editing the
second copy sees no effect, and which one wins depends on the order files are loaded in.

## Example
```ftl
title = Titel
title = Überschrift
```
Use instead: keep one definition.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for duplicate in &ctx.index.duplicates {
        let id = duplicate.id;
        let (Some(at), Some(first)) = (id_slice(duplicate.entry), ctx.index.get(id)) else {
            continue;
        };
        out.push(
            ctx.diagnostic(
                CheckId::DuplicateEntry,
                at,
                format!(
                    "`{id}` is already defined at {}",
                    definition(ctx.file, first.entry)
                ),
            )
            .entry(id)
            .help("keep one definition: only the first is ever used"),
        );
    }
}
