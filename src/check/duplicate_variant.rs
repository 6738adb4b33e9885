//! `duplicate-variant`: a variant key used twice in one select expression.

use fluent_syntax::ast;

use crate::check::context::FileCtx;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::pattern::key_name;

pub(crate) const DOCS: &str = "\
Finds a variant key that appears more than once in the same select expression.

## What it does
Compares the keys of each select expression (`[one]`, `[1]`, `[nominative]`, …); numbers are
compared by value, so `[1]` and `[1.0]` are the same key.

## Why it matters
Only the first variant with a key can ever be chosen; the text of the other is dead, and the
translator probably meant a different category (`[few]` written twice instead of `[many]`).

## Example
```ftl
reading-time = { $minutes ->
    [one] { $minutes } minuta
    [few] { $minutes } minuty
    [few] { $minutes } minut
   *[other] { $minutes } minuty
}
```
Use instead: the third variant is `[many]`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (id, facts) in ctx.each_pattern() {
        for &(_, variants) in &facts.selects {
            duplicates(ctx, id, facts.attribute, variants, out);
        }
    }
}

fn duplicates(
    ctx: &FileCtx<'_>,
    id: &str,
    attribute: Option<&str>,
    variants: &[ast::Variant<&str>],
    out: &mut Vec<Diagnostic>,
) {
    for (i, variant) in variants.iter().enumerate() {
        if variants[..i].iter().any(|v| same_key(&v.key, &variant.key)) {
            let key = key_name(&variant.key);
            let mut diagnostic = ctx
                    .diagnostic(
                        CheckId::DuplicateVariant,
                        key,
                        format!("`{id}` has the variant `[{key}]` twice in one select"),
                    )
                    .entry(id)
                    .help("only the first is ever chosen: remove one, or give it the key it was meant to have");
            if let Some(attribute) = attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}

fn same_key(a: &ast::VariantKey<&str>, b: &ast::VariantKey<&str>) -> bool {
    match (a, b) {
        (ast::VariantKey::Identifier { name: a }, ast::VariantKey::Identifier { name: b }) => {
            a == b
        }
        (
            ast::VariantKey::NumberLiteral { value: a },
            ast::VariantKey::NumberLiteral { value: b },
        ) => match (a.parse::<f64>(), b.parse::<f64>()) {
            (Ok(a), Ok(b)) => (a - b).abs() < f64::EPSILON,
            _ => a == b,
        },
        _ => false,
    }
}
