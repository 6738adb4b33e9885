//! `unreachable-variant`: a plural variant the locale never selects.

use fluent_syntax::ast;

use crate::check::context::FileCtx;
use crate::check::plurals::ALL;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds variants of a plural select that the locale's plural rules never choose.

## What it does
In each select that chooses by a number (see `missing-plural-category`), reports a variant
whose key is a plural category the locale does not use (`[one]` in Japanese, `[many]` in
German) or is not a category at all (`[plural]`). Number keys (`[0]`) match exactly and are
fine; the default variant is never reported.

## Why it matters
The variant's text is never shown. Usually it was copied from another language, or the
translator meant another category and the numbers that needed it get the default instead.

## Example
```ftl
# ja has only `other`
files = { $count ->
    [one] 1 個のファイル
   *[other] { $count } 個のファイル
}
```
Use instead: keep only `*[other]`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(plurals) = &ctx.locale.plurals else {
        return;
    };
    for select in ctx.plural_selects() {
        for variant in select.variants.iter().filter(|v| !v.default) {
            let ast::VariantKey::Identifier { name } = &variant.key else {
                continue;
            };
            if plurals.uses(name) {
                continue;
            }
            let why = if ALL.contains(name) {
                format!(
                    "`{}` never selects `{name}` (its categories: {})",
                    ctx.locale.name(),
                    plurals.categories().join(", ")
                )
            } else {
                format!("`{name}` is not a plural category")
            };
            let mut diagnostic = ctx
                .diagnostic(
                    CheckId::UnreachableVariant,
                    name,
                    format!(
                        "the variant `[{name}]` of `{}` is never shown: {why}",
                        select.id
                    ),
                )
                .entry(select.id)
                .help("remove it, or use the category it was meant for");
            if let Some(attribute) = select.attribute {
                diagnostic = diagnostic.attribute(attribute);
            }
            out.push(diagnostic);
        }
    }
}
