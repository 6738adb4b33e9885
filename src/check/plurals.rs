//! Which CLDR plural categories a locale uses (ICU4X's compiled CLDR data), and which select
//! expressions are plurals. Not a check: `missing-plural-category` and `unreachable-variant`
//! share it.

use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::check::facts::PatternFacts;
use crate::ftl::pattern::key_name;

/// Every CLDR plural category name, in CLDR's order.
pub(crate) const ALL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The cardinal plural categories of one locale.
#[derive(Clone, Debug)]
pub(crate) struct Plurals {
    categories: Vec<&'static str>,
}

impl Plurals {
    /// The categories of `tag`, or `None` when CLDR has no rules for its language.
    pub(crate) fn of(tag: &LanguageIdentifier) -> Option<Plurals> {
        let categories = crate::locale::plural_categories(tag)?;
        Some(Plurals { categories })
    }

    /// The categories, in CLDR's order.
    pub(crate) fn categories(&self) -> &[&'static str] {
        &self.categories
    }

    pub(crate) fn uses(&self, category: &str) -> bool {
        self.categories.contains(&category)
    }
}

/// The select expressions of a pattern (its `facts`) that choose by a number, each as its
/// variants.
///
/// A select is a plural when its selector is `NUMBER(…)`, when one of its keys is a number or
/// a plural category other than `other`, or when the reference's same pattern has a plural
/// select on the same variable (so `{ $n -> *[other] … }` translating a `[one]`/`[other]`
/// select counts). A select on a string, such as `$case` or `$gender` with keys like
/// `[nominative]`, is not a plural.
pub(crate) fn plural_selects<'a>(
    facts: &PatternFacts<'a>,
    reference: Option<&PatternFacts<'_>>,
) -> Vec<&'a [ast::Variant<&'a str>]> {
    let mut found = Vec::new();
    let mut undecided = Vec::new();
    for &(selector, variants) in &facts.selects {
        if looks_plural(selector, variants) {
            found.push(variants);
        } else {
            undecided.push((selector_variable(selector), variants));
        }
    }
    // Only a select that does not look like a plural by itself needs the reference.
    if undecided.iter().any(|(variable, _)| variable.is_some()) {
        let mut reference_plural_variables: Vec<&str> = Vec::new();
        for &(selector, variants) in reference.map_or(&[][..], |r| &r.selects) {
            if looks_plural(selector, variants) {
                reference_plural_variables.extend(selector_variable(selector));
            }
        }
        for (variable, variants) in undecided {
            if variable.is_some_and(|v| reference_plural_variables.contains(&v)) {
                found.push(variants);
            }
        }
    }
    found
}

fn looks_plural(selector: &ast::InlineExpression<&str>, variants: &[ast::Variant<&str>]) -> bool {
    let by_function = matches!(
        selector,
        ast::InlineExpression::FunctionReference { id, .. } if id.name == "NUMBER"
    );
    by_function
        || variants.iter().any(|v| match &v.key {
            ast::VariantKey::NumberLiteral { .. } => true,
            ast::VariantKey::Identifier { name } => *name != "other" && ALL.contains(name),
        })
}

/// `$x` for `{ $x -> … }` and `{ NUMBER($x) -> … }`.
fn selector_variable<'a>(selector: &ast::InlineExpression<&'a str>) -> Option<&'a str> {
    match selector {
        ast::InlineExpression::VariableReference { id } => Some(id.name),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            match arguments.positional.first() {
                Some(ast::InlineExpression::VariableReference { id }) => Some(id.name),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The keys of `variants` that are category names (numbers excluded).
pub(crate) fn category_keys<'a>(variants: &[ast::Variant<&'a str>]) -> Vec<&'a str> {
    variants
        .iter()
        .filter(|v| matches!(v.key, ast::VariantKey::Identifier { .. }))
        .map(|v| key_name(&v.key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unic_langid::langid;

    #[test]
    fn categories_follow_current_cldr() {
        let of = |tag: LanguageIdentifier| Plurals::of(&tag).unwrap().categories().to_vec();
        assert_eq!(of(langid!("en-US")), ["one", "other"]);
        assert_eq!(of(langid!("pl")), ["one", "few", "many", "other"]);
        assert_eq!(
            of(langid!("ar")),
            ["zero", "one", "two", "few", "many", "other"]
        );
        assert_eq!(of(langid!("fr")), ["one", "many", "other"]);
        assert_eq!(of(langid!("he")), ["one", "two", "other"]);
        assert_eq!(of(langid!("ja")), ["other"]);
    }
}
