//! `undefined-link`: a message an article uses names a link or footnote the article's content
//! file does not define.

use crate::check::context::ProjectCtx;
use crate::check::pattern_markup::PatternMarkup;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::line_index::LineIndex;

pub(crate) const DOCS: &str = "\
Finds named elements (`<a data-l10n-name=\"…\">`) in the reference's messages that the article
using them does not define.

## What it does
Reads the markup of every message an article uses, in the reference locale, and looks each
name up in the article's content file: a link of `[links]`, or a footnote of a `footnotes`
block. Translations are compared with the reference by `missing-link` and `unknown-link`.

## Why it matters
The URL of a link comes from the content file, never from the text: a name it does not define
has nowhere to point, so the page shows the link's text as plain text in every language (and a
footnote marker shows nothing).

## Example
```ftl
smp-aftercare-sources = See <a data-l10n-name=\"aad\">the AAD's guide</a>.
```
```toml
[links]
add = \"https://www.aad.org/\"   # a typo: the message names `aad`
```
Use instead: define every name the messages use, `aad = \"https://www.aad.org/\"`.
";

pub(crate) fn run(ctx: &ProjectCtx<'_>, out: &mut Vec<Diagnostic>) {
    for article in ctx.project.articles() {
        let lines = LineIndex::new(article.source());
        let mut reported: Vec<(String, String)> = Vec::new();
        for needed in article.messages() {
            let Some((_, message)) = ctx.reference.messages.get(needed.id.as_str()) else {
                continue; // `unknown-block-message` reports it
            };
            let pattern = match &needed.attribute {
                Some(name) => message
                    .attributes
                    .iter()
                    .find(|a| a.id.name == name)
                    .map(|a| &a.value),
                None => message.value.as_ref(),
            };
            let Some(pattern) = pattern else {
                continue;
            };
            let markup = PatternMarkup::of(pattern);
            for name in markup.names() {
                let key = (needed.to_string(), name.to_string());
                if article.defines_name(name) || reported.contains(&key) {
                    continue;
                }
                reported.push(key);
                out.push(
                    Diagnostic::new(
                        CheckId::UndefinedLink,
                        &article.path,
                        format!(
                            "`{needed}` names `{name}`, which {} defines neither in `[links]` nor as a footnote",
                            article.path
                        ),
                    )
                    .at(article.source(), &lines, needed.span.clone())
                    .entry(needed.id.clone())
                    .help(format!(
                        "add `{name} = \"https://…\"` under `[links]`, or correct the name in the message"
                    )),
                );
            }
        }
    }
}
