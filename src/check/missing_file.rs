//! `missing-file`: a reference file the locale does not have.

use crate::catalog::ParsedFile;
use crate::check::context::LocaleCtx;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds files of the reference locale that a locale does not have.

## What it does
Compares the locale's file list with the reference's, by path inside the locale folder, and
reports each reference file the locale lacks, once (not once per message).

## Why it matters
Every message and term of the file is missing: readers see the reference's text for all of
them. Each counts as missing in the coverage figures.

## Example
```text
locales/en-US/site.ftl
locales/de/            (no site.ftl)
```
Use instead: copy `locales/en-US/site.ftl` to `locales/de/site.ftl` and translate it.
";

pub(crate) fn run(ctx: &LocaleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(reference) = ctx.reference else {
        return;
    };
    for (ref_file, ref_index) in reference.each_file() {
        if ctx.locale.file(&ref_file.rel).is_none() {
            out.push(finding(ctx.locale.name(), ref_file, ref_index.len()));
        }
    }
}

fn finding(locale: &str, reference: &ParsedFile, entries: usize) -> Diagnostic {
    let folder = reference
        .path
        .strip_suffix(&reference.rel)
        .unwrap_or(&reference.path)
        .trim_end_matches('/');
    let parent = folder.rsplit_once('/').map_or("", |(parent, _)| parent);
    let path = if parent.is_empty() {
        format!("{locale}/{}", reference.rel)
    } else {
        format!("{parent}/{locale}/{}", reference.rel)
    };
    let entries = if entries == 1 {
        "its 1 entry falls".to_string()
    } else {
        format!("its {entries} entries fall")
    };
    Diagnostic::new(
        CheckId::MissingFile,
        &path,
        format!(
            "`{}` is missing: {entries} back to the reference",
            reference.rel
        ),
    )
    .locale(locale)
    .help(format!("copy `{}` here and translate it", reference.path))
}
