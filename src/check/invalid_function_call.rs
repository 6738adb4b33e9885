//! `invalid-function-call`: a call to `NUMBER()` or `DATETIME()` that cannot be formatted.

use fluent_syntax::ast;

use crate::check::context::FileCtx;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::functions::{
    DATETIME_OPTIONS, DATETIME_STYLES, NUMBER_OPTIONS, NUMBER_STYLES, is_currency_code,
};

pub(crate) const DOCS: &str = "\
Finds calls to `NUMBER()` and `DATETIME()` that cannot be formatted, as written.

## What it does
Reports a call with nothing to format (`NUMBER()`), a literal of the wrong kind (`NUMBER(\"5\")`,
`DATETIME(5)`), an option the function does not have (`NUMBER($n, minimumFractionDigit: 2)`),
a `style`, `dateStyle` or `timeStyle` it does not know, `style: \"currency\"` without a
`currency`, and a `currency` that is not an ISO 4217 code (`\"eur\"`, `\"€\"`).

## Why it matters
The renderer cannot format such a call: the reader would see `NUMBER()` or an amount without
its currency. `folio render` and `folio build` report it too, but only for the values they are
given; this finds it in every translation before anyone renders it.

## Example
```ftl
price = { NUMBER($amount, style: \"currency\") }
```
Use instead: `{ NUMBER($amount, style: \"currency\", currency: \"EUR\") }`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (id, facts) in ctx.each_pattern() {
        for &(name, arguments) in &facts.functions {
            let problem = match name {
                "NUMBER" => number(arguments),
                "DATETIME" => datetime(arguments),
                _ => None, // `unknown-function`'s.
            };
            let Some((problem, help)) = problem else {
                continue;
            };
            out.push(
                ctx.diagnostic(
                    CheckId::InvalidFunctionCall,
                    name,
                    format!("`{id}` calls `{name}()` {problem}"),
                )
                .entry(id)
                .help(help),
            );
        }
    }
}

type Problem = Option<(String, String)>;

fn number(arguments: &ast::CallArguments<&str>) -> Problem {
    match arguments.positional.first() {
        None => return Some(needs("with nothing to format", &["NUMBER($count)"])),
        Some(ast::InlineExpression::StringLiteral { value }) => {
            return Some(needs(
                &format!("on the text \"{value}\""),
                &["NUMBER($count)", "NUMBER(5)"],
            ));
        }
        Some(_) => {}
    }
    let option = |name: &str| {
        arguments
            .named
            .iter()
            .find(|n| n.name.name == name)
            .map(|n| &n.value)
    };
    if let Some(problem) = unknown_option(arguments, &NUMBER_OPTIONS) {
        return Some(problem);
    }
    if let Some(problem) = unknown_value(option("style"), "style", &NUMBER_STYLES) {
        return Some(problem);
    }
    let currency_style = matches!(option("style"), Some(ast::InlineExpression::StringLiteral { value }) if *value == "currency");
    match option("currency") {
        None if currency_style => Some((
            "with `style: \"currency\"` but no `currency`".into(),
            "name it: `currency: \"EUR\"`".into(),
        )),
        Some(ast::InlineExpression::StringLiteral { value }) if !is_currency_code(value) => Some((
            format!("with `currency: \"{value}\"`, which is not an ISO 4217 code"),
            "write three capital letters, such as \"EUR\", \"USD\" or \"JPY\"".into(),
        )),
        _ => None,
    }
}

fn datetime(arguments: &ast::CallArguments<&str>) -> Problem {
    match arguments.positional.first() {
        None => return Some(needs("with no date", &["DATETIME($date)"])),
        Some(ast::InlineExpression::NumberLiteral { value }) => {
            return Some(needs(
                &format!("on the number {value}"),
                &["DATETIME($date)", "DATETIME(\"2024-03-14\")"],
            ));
        }
        Some(_) => {}
    }
    if let Some(problem) = unknown_option(arguments, &DATETIME_OPTIONS) {
        return Some(problem);
    }
    DATETIME_OPTIONS.iter().find_map(|&name| {
        let value = arguments
            .named
            .iter()
            .find(|n| n.name.name == name)
            .map(|n| &n.value);
        unknown_value(value, name, &DATETIME_STYLES)
    })
}

fn needs(problem: &str, instead: &[&str]) -> (String, String) {
    (
        problem.to_string(),
        format!("give it what to format: {}", list(instead)),
    )
}

/// A named option the function does not have.
fn unknown_option(arguments: &ast::CallArguments<&str>, known: &[&str]) -> Problem {
    let unknown = arguments
        .named
        .iter()
        .find(|n| !known.contains(&n.name.name))?;
    Some((
        format!(
            "with `{}`, which is not one of its options",
            unknown.name.name
        ),
        format!("its options are {}", list(known)),
    ))
}

/// An option's string value that is not one of `values`.
fn unknown_value(
    value: Option<&ast::InlineExpression<&str>>,
    name: &str,
    values: &[&str],
) -> Problem {
    let Some(ast::InlineExpression::StringLiteral { value }) = value else {
        return None;
    };
    if values.contains(value) {
        return None;
    }
    Some((
        format!("with `{name}: \"{value}\"`, which it does not know"),
        format!("`{name}` is {}", list(values)),
    ))
}

/// `a`, `b` or `c`.
fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}
