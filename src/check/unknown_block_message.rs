//! `unknown-block-message`: a content block naming a message the reference does not have.

use std::collections::HashMap;

use fluent_syntax::ast;

use crate::catalog::LocaleDir;
use crate::check::CheckId;
use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::source::LineIndex;

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

pub(crate) fn run(project: &Project, reference: &LocaleDir, out: &mut Vec<Diagnostic>) {
    let mut messages: HashMap<&str, &ast::Message<&str>> = HashMap::new();
    for file in &reference.files {
        for entry in file.entries() {
            if let ast::Entry::Message(message) = entry {
                messages.entry(message.id.name).or_insert(message);
            }
        }
    }
    for article in project.articles() {
        let lines = LineIndex::new(article.source());
        for needed in article.messages() {
            let problem = match (messages.get(needed.id.as_str()), &needed.attribute) {
                (None, _) => format!(
                    "`{}` is not a message of the reference locale `{}`",
                    needed.id, reference.name
                ),
                (Some(message), None) if message.value.is_none() => format!(
                    "`{}` has no value, only attributes; name one of them (`{}.…`)",
                    needed.id, needed.id
                ),
                (Some(message), Some(attribute))
                    if !message.attributes.iter().any(|a| a.id.name == attribute) =>
                {
                    format!("`{}` has no attribute `.{attribute}`", needed.id)
                }
                _ => continue,
            };
            let location = lines.location(article.source(), needed.span.start);
            let mut diagnostic =
                Diagnostic::new(CheckId::UnknownBlockMessage, &article.path, problem)
                    .at(needed.span.clone(), location)
                    .entry(needed.id.clone())
                    .help(format!(
                        "add `{needed}` to the reference locale `{}`, or name a message it has",
                        reference.name
                    ));
            if let Some(attribute) = &needed.attribute {
                diagnostic = diagnostic.attribute(attribute.clone());
            }
            out.push(diagnostic);
        }
    }
}
