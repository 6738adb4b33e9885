//! `slug-mismatch`: a content file whose `slug` differs from its file name.

use std::path::Path;

use crate::check::context::ProjectCtx;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::line_index::LineIndex;

pub(crate) const DOCS: &str = "\
Finds content files whose `slug` is not their file name (`content/<slug>.toml`).

## What it does
Compares each article's `slug` with the name of its content file, without `.toml`.

## Why it matters
The slug makes the article's URLs (`de/<slug>.html`) and, by convention, the name of its
Fluent files (`locales/<tag>/<slug>.ftl`). A file named after another slug is found under the
wrong name by whoever looks for it, and a copied file that kept its slug publishes over
another article's pages.

## Example
```toml
# content/smp-aftercare.toml
slug = \"smp-removal\"
```
Use instead: `slug = \"smp-aftercare\"`, or rename the file to `content/smp-removal.toml`.
";

pub(crate) fn run(ctx: &ProjectCtx<'_>, out: &mut Vec<Diagnostic>) {
    for article in ctx.project.articles() {
        let stem = Path::new(&article.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem == article.slug {
            continue;
        }
        let source = article.source();
        let lines = LineIndex::new(source);
        let at = slug_span(source, &article.slug);
        out.push(
            Diagnostic::new(
                CheckId::SlugMismatch,
                &article.path,
                format!(
                    "the slug `{}` differs from the file name `{stem}.toml`",
                    article.slug
                ),
            )
            .at(source, &lines, at)
            .help(format!(
                "write `slug = \"{stem}\"`, or rename the file to `{}.toml`",
                article.slug
            )),
        );
    }
}

/// Where the content file writes the slug's value (the file's start when it cannot be found).
fn slug_span(source: &str, slug: &str) -> std::ops::Range<usize> {
    let quoted = [format!("\"{slug}\""), format!("'{slug}'")];
    source
        .lines()
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| line.trim_start().starts_with("slug"))
        .and_then(|(start, line)| {
            quoted
                .iter()
                .find_map(|q| line.find(q.as_str()))
                .map(|at| start + at + 1..start + at + 1 + slug.len())
        })
        .unwrap_or(0..0)
}
