//! One message, formatted: the translator's playground behind `folio eval` (a project's
//! messages go through [`Publisher::eval_message`](crate::Publisher::eval_message)), and
//! variables as a command line gives them.

use std::sync::Arc;

use crate::locale::Tag;
use fluent_bundle::{FluentResource, FluentValue};

use crate::article::MessageRef;
use crate::error::{Error, Result};
use crate::ftl::is_identifier;
use crate::line_index::LineIndex;
use crate::locale::Direction;
use crate::render::resolve::Resolver;
use crate::render::{FluentDate, bidi, bundle};

/// One message formatted: by [`eval`] or [`Publisher::eval_message`](crate::Publisher::eval_message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluated {
    /// The text, markup left out as the text format leaves it, with isolates only where a
    /// value's direction differs from the locale's.
    pub text: String,
    /// The locale the message came from, when it was not the one asked for.
    pub fallback: Option<String>,
    /// What went wrong: a syntax error in the source, a missing variable, an unknown message…
    pub errors: Vec<String>,
}

/// Formats the first message of the Fluent `source` in `locale`, with `vars`.
///
/// # Example
/// ```
/// use fluent_bundle::FluentValue;
///
/// let vars = [("n".to_string(), FluentValue::from(1234.5))];
/// let out = folio::eval("n = { NUMBER($n) } Punkte", &folio::parse_tag("de")?, &vars)?;
/// assert_eq!(out.text, "1.234,5 Punkte");
/// # Ok::<(), folio::Error>(())
/// ```
pub fn eval(
    source: &str,
    locale: &Tag,
    vars: &[(String, FluentValue<'static>)],
) -> Result<Evaluated> {
    let mut errors = Vec::new();
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(resource) => resource,
        Err((resource, parse_errors)) => {
            let lines = LineIndex::new(source);
            for error in parse_errors {
                let at = lines.location(source, error.pos.start);
                errors.push(format!("{}:{}: {}", at.line, at.column, error.kind));
            }
            resource
        }
    };
    let first = resource.entries().find_map(|entry| match entry {
        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
        _ => None,
    });
    let Some(id) = first else {
        errors.push("the source has no message to format".to_string());
        return Ok(Evaluated {
            text: String::new(),
            fallback: None,
            errors,
        });
    };
    let mut bundle = bundle::new(locale);
    let _ = bundle.add_resource(Arc::new(resource));
    // A message with only attributes is shown by its first attribute.
    let attribute = bundle
        .get_message(&id)
        .filter(|m| m.value().is_none())
        .and_then(|m| m.attributes().next().map(|a| a.id().to_string()));
    let message = MessageRef {
        id,
        attribute,
        span: 0..0,
    };
    let mut resolver = Resolver::new(vec![("", &bundle)], vars);
    let text = resolver.format(&message, None);
    errors.extend(resolver.errors.into_iter().map(|e| e.error));
    Ok(Evaluated {
        text: bidi::for_text(&crate::markup::parse(&text).text(), Direction::of(locale)),
        fallback: None,
        errors,
    })
}

/// A variable as written on a command line, `NAME=VALUE`: a number (`12`, `1234.5`), an ISO
/// 8601 date (`2026-11-26`, `2026-11-26T14:30`), or else a string.
///
/// # Example
/// ```
/// use fluent_bundle::FluentValue;
///
/// let (name, value) = folio::variable("minutes=5")?;
/// assert_eq!((name.as_str(), value), ("minutes", FluentValue::from(5)));
/// assert!(folio::variable("$x=1").is_err());
/// # Ok::<(), folio::Error>(())
/// ```
pub fn variable(text: &str) -> Result<(String, FluentValue<'static>)> {
    let Some((name, value)) = text.split_once('=') else {
        return Err(Error::Usage {
            message: format!("`--var {text}` needs the form NAME=VALUE"),
            help: "write e.g. `--var minutes=5`".into(),
        });
    };
    if !is_identifier(name) {
        return Err(Error::Usage {
            message: format!("`{name}` is not a Fluent variable name"),
            help: "a name starts with a letter, then letters, digits, `-` and `_` (no `$`)".into(),
        });
    }
    let value = if let Ok(number) = value.parse::<f64>()
        && number.is_finite()
        && !value.starts_with('+')
    {
        FluentValue::try_number(value).into_owned()
    } else if let Some(date) = FluentDate::parse(value) {
        FluentValue::Custom(Box::new(date))
    } else {
        FluentValue::String(value.to_string().into())
    };
    Ok((name.to_string(), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_typed() {
        let value = |text: &str| variable(text).unwrap().1;
        assert!(matches!(value("n=12"), FluentValue::Number(_)));
        assert!(matches!(value("n=1234.5"), FluentValue::Number(_)));
        assert!(matches!(value("d=2026-11-26"), FluentValue::Custom(_)));
        assert!(matches!(value("s=Anna"), FluentValue::String(_)));
        assert!(matches!(value("s=inf"), FluentValue::String(_)));
        assert!(matches!(value("s=+1"), FluentValue::String(_)));
        assert!(variable("novalue").is_err());
        assert!(variable("$x=1").is_err());
    }
}
