//! `unknown-term-reference`: `{ -term }` naming a term the locale does not have.

use crate::check::context::FileCtx;
use crate::check::facts::Reference;
use crate::check::suggest::closest;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::has_attribute;

pub(crate) const DOCS: &str = "\
Finds references to terms, or to their attributes, that resolve nowhere in the locale.

## What it does
Looks up every `{ -term }` and every `-term.attribute` selector among all the terms of the
locale's files.

## Why it matters
An unknown term renders as `{-term}` in the reader's text. An unknown term attribute in a
selector silently falls to the default variant, so the grammatical form chosen (a gender, a
case) is wrong without anyone noticing.

## Example
```ftl
-smp = Haarpigmentierung
smp-removal-clinics = … viele Studios für { -smp-name } …
```
Use instead: `{ -smp }`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (id, facts) in ctx.each_pattern() {
        for reference in &facts.references {
            if let Reference::Term(name, attribute) = *reference {
                check_one(ctx, id, name, attribute, out);
            }
        }
    }
}

fn check_one(
    ctx: &FileCtx<'_>,
    id: &str,
    name: &str,
    attribute: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let mut near = None;
    let problem = match (ctx.locale.terms.get(name), attribute) {
        (Some((_, term)), Some(attribute)) if !has_attribute(&term.attributes, attribute) => {
            format!(
                "`{id}` selects on `-{name}.{attribute}`, but `-{name}` has no `.{attribute}`: the default variant is always taken"
            )
        }
        (Some(_), _) => return,
        (None, _) => {
            if let Some((file, _)) = ctx.reference.and_then(|r| r.terms.get(name)) {
                format!(
                    "`{id}` uses `-{name}`, which `{}` does not define (the reference defines it in `{}`): readers see `{{-{name}}}`",
                    ctx.locale.name(),
                    ctx.reference.map_or("", |r| r.files[*file].rel.as_str())
                )
            } else {
                near = closest(name, ctx.locale.terms.keys().copied());
                format!(
                    "`{id}` uses `-{name}`, which is not a term of `{}`",
                    ctx.locale.name()
                )
            }
        }
    };
    let diagnostic = ctx
        .diagnostic(CheckId::UnknownTermReference, name, problem)
        .entry(id);
    out.push(match near {
        Some(near) => diagnostic
            .help(format!(
                "did you mean `{{ -{near} }}`? This locale defines it"
            ))
            .replacement(near),
        None => diagnostic
            .help("reference a term this locale defines (ids are case-sensitive), or define it"),
    });
}
