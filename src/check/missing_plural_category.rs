//! `missing-plural-category`: a plural select without a variant for a category the locale uses.

use crate::check::context::FileCtx;
use crate::check::plurals::category_keys;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::pattern;

pub(crate) const DOCS: &str = "\
Finds select expressions on a number that lack a CLDR plural category the locale uses.

## What it does
For each select that chooses by a number (its selector is `NUMBER()`, one of its keys is a
number or a plural category, or the reference selects on the same variable by plural), lists
the locale's CLDR cardinal categories (current CLDR, from ICU4X) that have no variant. A select
on a string, such as `$case` or `$gender`, is not a plural and is not checked.

## Why it matters
Numbers of the missing category fall to the default variant: Polish readers see `5 minuty`
instead of `5 minut`, Arabic readers the wrong noun form for 2 or 11.

## Example
```ftl
# pl uses one, few, many, other
reading-time = { $minutes ->
    [one] { $minutes } minuta
   *[other] { $minutes } minuty
}
```
Use instead: add `[few] { $minutes } minuty` and `[many] { $minutes } minut`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(plurals) = &ctx.locale.plurals else {
        return;
    };
    for select in ctx.plural_selects() {
        let keys = category_keys(select.variants);
        let missing: Vec<&str> = plurals
            .categories()
            .iter()
            .copied()
            .filter(|c| !keys.contains(c))
            .collect();
        let Some(first) = select.variants.first() else {
            continue;
        };
        if missing.is_empty() {
            continue;
        }
        let id = select.id;
        let list = missing.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>();
        let mut diagnostic = ctx
            .diagnostic(
                CheckId::MissingPluralCategory,
                pattern::key_name(&first.key),
                format!(
                    "`{id}` has no variant for the plural {} {} that `{}` uses",
                    if missing.len() == 1 {
                        "category"
                    } else {
                        "categories"
                    },
                    list.join(", "),
                    ctx.locale.name()
                ),
            )
            .entry(id)
            .help(format!(
                "add {}; numbers in {} now take the default variant",
                missing
                    .iter()
                    .map(|c| format!("`[{c}]`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if missing.len() == 1 {
                    "that category"
                } else {
                    "those categories"
                }
            ));
        if let Some(attribute) = select.attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}
