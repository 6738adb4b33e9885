//! `duplicate-attribute`: an attribute defined twice on one message or term.

use fluent_syntax::ast;

use crate::check::context::FileCtx;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::entry_id;

pub(crate) const DOCS: &str = "\
Finds an attribute defined more than once on the same message or term.

## What it does
Reports each definition of an attribute name after the first on the same entry.

## Why it matters
Only one of them reaches readers (fluent-bundle keeps the last), so a translator who edits the
other sees no effect.

## Example
```ftl
hero =
    .alt = Pigmentpunkte in der Kopfhaut
    .alt = Mikropunkte aus Pigment
```
Use instead: keep one `.alt`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for entry in ctx.file.entries() {
        let attributes = match entry {
            ast::Entry::Message(m) => &m.attributes,
            ast::Entry::Term(t) => &t.attributes,
            _ => continue,
        };
        let Some(id) = entry_id(entry, ctx.file.source()) else {
            continue;
        };
        for (i, attribute) in attributes.iter().enumerate() {
            let name = attribute.id.name;
            if attributes[..i].iter().any(|a| a.id.name == name) {
                out.push(
                    ctx.diagnostic(
                        CheckId::DuplicateAttribute,
                        name,
                        format!("`{id}` defines `.{name}` more than once"),
                    )
                    .entry(id)
                    .attribute(name)
                    .help("keep one definition of the attribute"),
                );
            }
        }
    }
}
