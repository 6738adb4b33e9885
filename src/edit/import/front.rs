//! The front matter of a Markdown article: YAML between `---` lines or TOML between `+++`
//! lines, read into the fields a content file has.

use std::path::Path;

use serde_json::Value;

use crate::article::Date;
use crate::edit::import::markdown::{FrontMatter, Warning};
use crate::error::{Error, Result};

/// The fields Folio reads; everything else is left out with a warning.
#[derive(Clone, Debug, Default)]
pub(super) struct Front {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub updated: Option<Date>,
    pub author: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub hero: Option<String>,
    pub hero_alt: Option<String>,
}

const KEYS: [&str; 9] = [
    "title",
    "date",
    "published",
    "updated",
    "author",
    "description",
    "tags",
    "hero",
    "hero_alt",
];

/// Reads `front` (at `line` of the Markdown file `path`).
#[allow(clippy::too_many_lines)]
pub(super) fn read(
    front: &FrontMatter,
    line: usize,
    path: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<Front> {
    let invalid_at = |line: usize, message: String, help: &str| Error::Invalid {
        path: path.to_path_buf(),
        line: Some(line),
        column: None,
        message,
        help: help.to_string(),
    };
    let invalid = |message: String, help: &str| invalid_at(line, message, help);
    // The line of the front matter's `key` (`key:` or `key =`, the fence's line before the
    // first), else the fence's.
    let text = match front {
        FrontMatter::Yaml(text) | FrontMatter::Toml(text) => text,
    };
    let line_of = |key: &str| {
        text.lines()
            .position(|l| {
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
            })
            .map_or(line, |i| line + 1 + i)
    };
    let value: Value = match front {
        FrontMatter::Yaml(text) if text.trim().is_empty() => return Ok(Front::default()),
        FrontMatter::Yaml(text) => serde_yaml_ng::from_str(text).map_err(|err| {
            invalid(
                format!("the front matter is not valid YAML: {err}"),
                "write `key: value` lines between the `---` lines",
            )
        })?,
        FrontMatter::Toml(text) => {
            let table: toml::Table = toml::from_str(text).map_err(|err| {
                invalid(
                    format!("the front matter is not valid TOML: {}", err.message()),
                    "write `key = \"value\"` lines between the `+++` lines",
                )
            })?;
            toml_to_json(toml::Value::Table(table))
        }
    };
    let Value::Object(map) = value else {
        return Err(invalid(
            "the front matter is not a table of keys and values".into(),
            "write `title`, `date`, `author`, `description`, `tags`, `hero` and `hero_alt` keys",
        ));
    };
    let string = |key: &str| -> Result<Option<String>> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(Value::Bool(b)) => Ok(Some(b.to_string())),
            Some(_) => Err(invalid_at(
                line_of(key),
                format!("the front matter's `{key}` is not text"),
                "give it one line of text",
            )),
        }
    };
    let date = |key: &str| -> Result<Option<Date>> {
        let Some(text) = string(key)? else {
            return Ok(None);
        };
        parse_date(&text).map(Some).ok_or_else(|| {
            invalid_at(
                line_of(key),
                format!("the front matter's `{key}` is not a date: `{text}`"),
                "write the date as YYYY-MM-DD",
            )
        })
    };
    let tags = match map.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => s
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.trim().to_string()),
                Value::Number(n) => Ok(n.to_string()),
                _ => Err(invalid(
                    "a tag in the front matter is not text".into(),
                    "write `tags: [one, two]`",
                )),
            })
            .collect::<Result<_>>()?,
        Some(_) => {
            return Err(invalid(
                "the front matter's `tags` is not a list".into(),
                "write `tags: [one, two]`",
            ));
        }
    };
    for key in map.keys() {
        if !KEYS.contains(&key.as_str()) {
            warnings.push(Warning {
                line,
                message: format!(
                    "the front matter's `{key}` is left out: Folio reads {}",
                    KEYS.join(", ")
                ),
            });
        }
    }
    Ok(Front {
        title: string("title")?.filter(|t| !t.is_empty()),
        published: match date("published")? {
            Some(date) => Some(date),
            None => date("date")?,
        },
        updated: date("updated")?,
        author: string("author")?.filter(|t| !t.is_empty()),
        description: string("description")?.filter(|t| !t.is_empty()),
        tags,
        hero: string("hero")?.filter(|t| !t.is_empty()),
        hero_alt: string("hero_alt")?,
    })
}

/// `2024-03-14`, or the date of `2024-03-14T10:00:00Z`.
fn parse_date(text: &str) -> Option<Date> {
    let day = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let mut parts = day.split('-');
    let year = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Date { year, month, day })
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml_give_the_same_fields() {
        let mut warnings = Vec::new();
        let yaml = FrontMatter::Yaml(
            "title: Hello\ndate: 2024-03-14\ntags: [a, b]\nhero: x.png\nhero_alt: X\nlayout: post\n"
                .into(),
        );
        let toml = FrontMatter::Toml(
            "title = \"Hello\"\ndate = 2024-03-14\ntags = [\"a\", \"b\"]\nhero = \"x.png\"\nhero_alt = \"X\"\n"
                .into(),
        );
        let a = read(&yaml, 1, Path::new("a.md"), &mut warnings).unwrap();
        let b = read(&toml, 1, Path::new("a.md"), &mut Vec::new()).unwrap();
        for front in [&a, &b] {
            assert_eq!(front.title.as_deref(), Some("Hello"));
            assert_eq!(front.published.unwrap().to_string(), "2024-03-14");
            assert_eq!(front.tags, ["a", "b"]);
            assert_eq!(front.hero_alt.as_deref(), Some("X"));
        }
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn a_bad_date_is_an_error() {
        assert!(parse_date("2024-02-29").is_some());
        for impossible in [
            "2024-02-30",
            "2023-02-29",
            "2024-04-31",
            "2024-13-01",
            "2024-00-10",
        ] {
            assert!(parse_date(impossible).is_none(), "{impossible}");
        }
        let yaml = FrontMatter::Yaml("date: soon\n".into());
        let err = read(&yaml, 1, Path::new("a.md"), &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("not a date"), "{err}");
    }
}
