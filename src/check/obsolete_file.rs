//! `obsolete-file`: a locale file the reference does not have.

use crate::check::context::LocaleCtx;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds files in a locale that the reference locale does not have.

## What it does
Reports each file of a locale whose path has no counterpart in the reference locale (once per
file; its messages are not reported one by one).

## Why it matters
Nothing reads the file: a renamed or deleted reference file leaves translations behind that
look alive but never reach a reader. Often the file was renamed, and its translations belong
in the new file.

## Example
```text
locales/en-US/article.ftl
locales/de/artikel.ftl      (the file was renamed in the reference)
```
Use instead: move `locales/de/artikel.ftl` to `locales/de/article.ftl`, or delete it.
";

pub(crate) fn run(ctx: &LocaleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(reference) = ctx.reference else {
        return;
    };
    for (file, _) in ctx.locale.each_file() {
        if reference.file(&file.rel).is_some() {
            continue;
        }
        out.push(
            Diagnostic::new(
                CheckId::ObsoleteFile,
                &file.path,
                format!(
                    "`{}` has no counterpart in the reference locale `{}`",
                    file.rel,
                    reference.name()
                ),
            )
            .locale(ctx.locale.name())
            .help("delete the file, or move its messages to the file the reference keeps them in"),
        );
    }
}
