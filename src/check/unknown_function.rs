//! `unknown-function`: a function Folio's renderer does not provide.

use crate::check::context::FileCtx;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::functions::FUNCTIONS;

pub(crate) const DOCS: &str = "\
Finds calls to functions that Folio's renderer does not provide (it has `NUMBER` and `DATETIME`).

## What it does
Reports every `FUNCTION(…)` whose name is not one the renderer registers.

## Why it matters
An unknown function renders as `{FUNCTION()}` in the reader's text; usually the name is
misspelled or copied from another Fluent runtime (Firefox's `PLATFORM()`).

## Example
```ftl
byline = Veröffentlicht am { DATE($date) }
```
Use instead: `{ DATETIME($date, dateStyle: \"long\") }`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (id, facts) in ctx.each_pattern() {
        for &(name, _) in &facts.functions {
            if FUNCTIONS.contains(&name) {
                continue;
            }
            out.push(
                ctx.diagnostic(
                    CheckId::UnknownFunction,
                    name,
                    format!("`{id}` calls `{name}()`, which Folio's renderer does not provide"),
                )
                .entry(id)
                .help("use `NUMBER()` or `DATETIME()`"),
            );
        }
    }
}
