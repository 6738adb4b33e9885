//! `unknown-block-message`: a content block naming a message the reference does not have.

use crate::check::context::ProjectCtx;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::has_attribute;
use crate::line_index::LineIndex;

pub(crate) const DOCS: &str = "\
Finds blocks of `content/*.toml` that name a message (or attribute) the reference lacks.

## What it does
Resolves every message an article needs (its title, its hero image's text, each block's
message, and the page-chrome messages that `byline` and `languages` blocks use) against the
reference locale's files: the message must exist, have a value when no attribute is named,
and have the attribute when one is.

## Why it matters
The block cannot be rendered in any language: the article would show a gap or an error where
the heading, paragraph or alternative text should be.

## Example
```toml
[[blocks]]
type = \"paragraph\"
message = \"smp-removal-intro\"   # the reference calls it smp-removal-permanence
```
Use instead: name a message that `locales/en-US/*.ftl` defines.
";

pub(crate) fn run(ctx: &ProjectCtx<'_>, out: &mut Vec<Diagnostic>) {
    let (project, reference) = (ctx.project, ctx.reference);
    let reference_name = reference.name();
    for article in project.articles() {
        let lines = LineIndex::new(article.source());
        for needed in article.messages() {
            let message = reference.messages.get(needed.id.as_str()).map(|(_, m)| m);
            let problem = match (message, &needed.attribute) {
                (None, _) => format!(
                    "`{}` is not a message of the reference locale `{reference_name}`",
                    needed.id
                ),
                (Some(message), None) if message.value.is_none() => format!(
                    "`{}` has no value, only attributes; name one of them (`{}.…`)",
                    needed.id, needed.id
                ),
                (Some(message), Some(attribute))
                    if !has_attribute(&message.attributes, attribute) =>
                {
                    format!("`{}` has no attribute `.{attribute}`", needed.id)
                }
                _ => continue,
            };
            let mut diagnostic =
                Diagnostic::new(CheckId::UnknownBlockMessage, &article.path, problem)
                    .at(article.source(), &lines, needed.span.clone())
                    .entry(needed.id.clone())
                    .help(format!(
                        "add `{needed}` to the reference locale `{reference_name}`, or name a message it has"
                    ));
            if let Some(attribute) = &needed.attribute {
                diagnostic = diagnostic.attribute(attribute.clone());
            }
            out.push(diagnostic);
        }
    }
}
