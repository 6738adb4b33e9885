//! `duplicate-entry`: a message or term defined twice in one locale.

use std::collections::HashMap;

use fluent_syntax::ast;

use crate::catalog::{FtlFile, LocaleDir};
use crate::check::{CheckId, definition, diagnostic_at, entry_id, id_slice};
use crate::diagnostic::Diagnostic;

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

pub(crate) fn run(locale: &LocaleDir, file: &FtlFile, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, &ast::Entry<&str>> = HashMap::new();
    for entry in file.entries() {
        let Some(id) = entry_id(entry, file.source()) else {
            continue;
        };
        let Some(&first_entry) = first.get(id) else {
            first.insert(id, entry);
            continue;
        };
        let Some(at) = id_slice(entry) else {
            continue;
        };
        out.push(
            diagnostic_at(
                CheckId::DuplicateEntry,
                locale,
                file,
                at,
                format!(
                    "`{id}` is already defined at {}",
                    definition(file, first_entry)
                ),
            )
            .entry(id)
            .help("keep one definition: only the first is ever used"),
        );
    }
}
