//! `unreadable-file`: a file that could not be read or is not UTF-8.

use crate::catalog::{FtlFile, LocaleDir};
use crate::check::CheckId;
use crate::diagnostic::Diagnostic;

pub(crate) const DOCS: &str = "\
Finds Fluent files that could not be read, or whose bytes are not UTF-8 text.

## What it does
Reports a file that the operating system refused to read (permissions, a symbolic link loop, a
broken link) or that holds bytes which are not UTF-8, naming the first invalid byte.

## Why it matters
Fluent files are UTF-8 by definition. An unreadable file contributes nothing: all of its
messages count as missing, and every reader sees the reference's text.

## Example
A file saved as Windows-1252 by an old editor:
```text
title = K\\xf6nnen … (0xF6 is `ö` in Windows-1252, invalid in UTF-8)
```
Use instead: save the file as UTF-8 (most editors: *Save with encoding → UTF-8*).
";

pub(crate) fn run(locale: &LocaleDir, file: &FtlFile, out: &mut Vec<Diagnostic>) {
    if let Some(reason) = &file.unreadable {
        out.push(
            Diagnostic::new(
                CheckId::UnreadableFile,
                &file.path,
                format!("`{}` could not be read: {reason}", file.rel),
            )
            .locale(&locale.name)
            .help("save the file as UTF-8 text and make sure it can be read"),
        );
    }
}
