//! What the checks look for inside a pattern: variables, references, functions, selects and
//! text, each with the source slice it was written as (so findings can point at it).
//!
//! The one walk over Fluent's AST that the checks, sync and the other engines share.

use fluent_syntax::ast;

/// Something found in a pattern, borrowing the source it was parsed from.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Node<'a> {
    /// Literal text between placeables.
    Text(&'a str),
    /// A string literal in a placeable, `{ "…" }`.
    StringLiteral(&'a str),
    /// `$name` (the slice is the name, without `$`).
    Variable(&'a str),
    /// `{ message }` or `{ message.attribute }`.
    MessageReference(&'a str, Option<&'a str>),
    /// `{ -term }`, `{ -term(…) }` or `-term.attribute` in a selector (name without `-`).
    TermReference(&'a str, Option<&'a str>),
    /// `FUNCTION(…)`: its name and arguments (which are walked too).
    Function(&'a str, &'a ast::CallArguments<&'a str>),
    /// A select expression (its selector and variants are walked too).
    Select(
        &'a ast::InlineExpression<&'a str>,
        &'a [ast::Variant<&'a str>],
    ),
}

/// Calls `visit` for every node of `pattern`, in source order, descending into placeables,
/// selectors, variants and call arguments.
pub(crate) fn walk<'a>(pattern: &'a ast::Pattern<&'a str>, visit: &mut impl FnMut(Node<'a>)) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => visit(Node::Text(value)),
            ast::PatternElement::Placeable { expression } => walk_expression(expression, visit),
        }
    }
}

fn walk_expression<'a>(expression: &'a ast::Expression<&'a str>, visit: &mut impl FnMut(Node<'a>)) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, visit),
        ast::Expression::Select { selector, variants } => {
            visit(Node::Select(selector, variants));
            walk_inline(selector, visit);
            for variant in variants {
                walk(&variant.value, visit);
            }
        }
    }
}

fn walk_inline<'a>(inline: &'a ast::InlineExpression<&'a str>, visit: &mut impl FnMut(Node<'a>)) {
    match inline {
        ast::InlineExpression::StringLiteral { value } => visit(Node::StringLiteral(value)),
        ast::InlineExpression::NumberLiteral { .. } => {}
        ast::InlineExpression::VariableReference { id } => visit(Node::Variable(id.name)),
        ast::InlineExpression::MessageReference { id, attribute } => {
            visit(Node::MessageReference(
                id.name,
                attribute.as_ref().map(|a| a.name),
            ));
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            visit(Node::TermReference(
                id.name,
                attribute.as_ref().map(|a| a.name),
            ));
            if let Some(arguments) = arguments {
                walk_arguments(arguments, visit);
            }
        }
        ast::InlineExpression::FunctionReference { id, arguments } => {
            visit(Node::Function(id.name, arguments));
            walk_arguments(arguments, visit);
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, visit),
    }
}

fn walk_arguments<'a>(
    arguments: &'a ast::CallArguments<&'a str>,
    visit: &mut impl FnMut(Node<'a>),
) {
    for positional in &arguments.positional {
        walk_inline(positional, visit);
    }
    for named in &arguments.named {
        walk_inline(&named.value, visit);
    }
}

/// Every pattern of an entry: its value (`None` attribute) and each attribute's.
pub(crate) fn patterns<'a>(
    entry: &'a ast::Entry<&'a str>,
) -> Vec<(Option<&'a str>, &'a ast::Pattern<&'a str>)> {
    let (value, attributes) = match entry {
        ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return Vec::new(),
    };
    value
        .map(|v| (None, v))
        .into_iter()
        .chain(attributes.iter().map(|a| (Some(a.id.name), &a.value)))
        .collect()
}

/// The text a reader sees of a pattern element: its text, or a string literal's; `None` for
/// any other placeable.
pub(crate) fn visible_text<'a>(element: &ast::PatternElement<&'a str>) -> Option<&'a str> {
    match element {
        ast::PatternElement::TextElement { value }
        | ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
        } => Some(value),
        ast::PatternElement::Placeable { .. } => None,
    }
}

/// The text a reader sees of a pattern, with each placeable that is not a string literal
/// replaced by `\u{fffc}` (the object replacement character), every variant included.
pub(crate) fn flat_text(pattern: &ast::Pattern<&str>) -> String {
    let mut text = String::new();
    for element in &pattern.elements {
        if let Some(visible) = visible_text(element) {
            text.push_str(visible);
        } else if let ast::PatternElement::Placeable {
            expression: ast::Expression::Select { variants, .. },
        } = element
        {
            for variant in variants {
                text.push_str(&flat_text(&variant.value));
                text.push('\n');
            }
        } else {
            text.push('\u{fffc}');
        }
    }
    text
}

/// A variant key as written: `one`, `0`.
pub(crate) fn key_name<'a>(key: &ast::VariantKey<&'a str>) -> &'a str {
    match key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_pattern(source: &str) -> ast::Resource<&str> {
        fluent_syntax::parser::parse(source).unwrap()
    }

    #[test]
    fn flattens_text_and_variants() {
        let resource = first_pattern("m = a { $x } b { \"c\" } { $n ->\n   *[other] d\n}\n");
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!()
        };
        assert_eq!(flat_text(m.value.as_ref().unwrap()), "a \u{fffc} b c d\n");
    }
}
