//! `unknown-message-reference`: `{ message }` naming a message the locale does not have.

use crate::check::context::FileCtx;
use crate::check::suggest::closest;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::{has_attribute, qualified};

pub(crate) const DOCS: &str = "\
Finds references to messages, or to their attributes, that resolve nowhere in the locale.

## What it does
Looks up every `{ message }` and `{ message.attribute }` among all the messages of the
locale's files: the message must exist, have a value when no attribute is named, and have
the attribute when one is.

## Why it matters
A reference that resolves nowhere renders as `{message}` in the middle of the reader's text,
and formatting reports an error.

## Example
```ftl
smp-removal-last-resort = … die Frage „{ smp-removal-titel }“ …
```
Use instead: `{ smp-removal-title }`, the message's id.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (id, facts) in ctx.each_pattern() {
        for (target, attribute) in facts.messages() {
            check_one(ctx, id, target, attribute, out);
        }
    }
}

fn check_one(
    ctx: &FileCtx<'_>,
    id: &str,
    target: &str,
    attribute: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let problem = match (ctx.locale.messages.get(target), attribute) {
        (Some((_, message)), None) if message.value.is_none() => {
            format!("`{id}` uses `{{ {target} }}`, which has no value, only attributes")
        }
        (Some((_, message)), Some(attribute)) if !has_attribute(&message.attributes, attribute) => {
            format!(
                "`{id}` uses `{{ {target}.{attribute} }}`, but `{target}` has no `.{attribute}`"
            )
        }
        (Some(_), _) => return,
        (None, _) => format!(
            "`{id}` uses `{{ {} }}`, which is not a message of `{}`",
            qualified(target, attribute),
            ctx.locale.name()
        ),
    };
    let near = match ctx.locale.messages.get(target) {
        Some(_) => None,
        None => closest(target, ctx.locale.messages.keys().copied()),
    };
    let mut diagnostic = ctx
        .diagnostic(CheckId::UnknownMessageReference, target, problem)
        .entry(id);
    diagnostic = match near {
        Some(near) => diagnostic
            .help(format!(
                "did you mean `{{ {near} }}`? This locale defines it"
            ))
            .replacement(near),
        None => diagnostic.help("reference a message this locale defines (ids are case-sensitive)"),
    };
    out.push(diagnostic);
}
