//! `unreadable-file`: a file that could not be read or is not UTF-8.

use crate::check::context::FileCtx;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds Fluent files that could not be read.

## What it does
Reports a file that the operating system refused to read: no permission, a symbolic link that
loops or points nowhere, a folder where a file was expected.

## Why it matters
An unreadable file contributes nothing: all of its messages count as missing, and every reader
sees the reference's text.

## Example
```text
locales/de/article.ftl -> ../../drafts/article.ftl   (a link to a file that was moved)
```
Use instead: make the file readable, or replace the link with the file itself.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    let file = ctx.file;
    if let Some(reason) = &file.unreadable {
        out.push(
            Diagnostic::new(
                CheckId::UnreadableFile,
                &file.path,
                format!("`{}` could not be read: {reason}", file.rel),
            )
            .locale(ctx.locale.name())
            .help("make the file readable (check its permissions, or the link it is)"),
        );
    }
}
