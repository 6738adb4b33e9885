//! `duplicate-entry`: a message or term defined twice in one locale.

use std::collections::HashMap;

use fluent_syntax::ast;

use crate::catalog::LocaleDir;
use crate::check::{CheckId, definition, diagnostic_at, entry_id};
use crate::diagnostic::Diagnostic;

pub(crate) const DOCS: &str = "\
Finds a message or term defined more than once in the same locale.

## What it does
Looks at every file of a locale together (a locale's files share one bundle at run time) and
reports each definition of an id after the first.

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

pub(crate) fn run(locale: &LocaleDir, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, (usize, &ast::Entry<&str>)> = HashMap::new();
    for (index, file) in locale.files.iter().enumerate() {
        for entry in file.entries() {
            let Some(id) = entry_id(entry, file.source()) else {
                continue;
            };
            match first.get(id) {
                None => {
                    first.insert(id, (index, entry));
                }
                Some(&(first_file, first_entry)) => {
                    let at = match entry {
                        ast::Entry::Message(m) => m.id.name,
                        ast::Entry::Term(t) => t.id.name,
                        _ => continue,
                    };
                    let earlier = definition(&locale.files[first_file], first_entry);
                    out.push(
                        diagnostic_at(
                            CheckId::DuplicateEntry,
                            locale,
                            file,
                            at,
                            format!("`{id}` is already defined at {earlier}"),
                        )
                        .entry(id)
                        .help("keep one definition: only the first is ever used"),
                    );
                }
            }
        }
    }
}
