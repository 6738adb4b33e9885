//! The imported article written out: the reference locale's `.ftl` file (one message per
//! block, with comments for translators) and the content file.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::locale::Tag;
use fluent_syntax::ast;

use crate::article::Article;
use crate::edit::import::build::Planned;
use crate::edit::import::front::Front;
use crate::edit::import::ids::{Previous, Unit, message_key};

/// `markup` as a Fluent pattern on one line: `{` and `}` as string literals, and an empty
/// text as an empty one (a message needs a value).
pub(super) fn fluent_value(markup: &str) -> String {
    if markup.trim().is_empty() {
        return "{ \"\" }".to_string();
    }
    let mut out = String::with_capacity(markup.len());
    for c in markup.chars() {
        match c {
            '{' => out.push_str("{ \"{\" }"),
            '}' => out.push_str("{ \"}\" }"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// One unit as a Fluent message named `id`.
fn entry(unit: &Unit, id: &str) -> String {
    let mut out = String::new();
    match &unit.value {
        Some(value) => {
            let _ = writeln!(out, "{id} = {}", fluent_value(value));
        }
        None => {
            let _ = writeln!(out, "{id} =");
        }
    }
    for (name, value) in &unit.attributes {
        let _ = writeln!(out, "    .{name} = {}", fluent_value(value));
    }
    out
}

/// A unit's text as [`message_key`] reads it from a file.
pub(super) fn unit_key(unit: &Unit) -> String {
    let text = entry(unit, "x");
    match fluent_syntax::parser::parse(text.as_str()) {
        Ok(resource) => match resource.body.first() {
            Some(ast::Entry::Message(message)) => message_key(message),
            _ => text,
        },
        Err(_) => text,
    }
}

/// The entries of the old file that no content file block filled and the import does not
/// write: terms and messages added by hand, each as fluent-syntax writes it.
pub(super) fn unmanaged_entries(old: &str, previous: &Previous, units: &[Unit]) -> String {
    let resource = match fluent_syntax::parser::parse(old) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let filled: HashSet<&str> = previous.filled.iter().map(|(id, _)| id.as_str()).collect();
    let now: HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    let kept: Vec<ast::Entry<&str>> = resource
        .body
        .into_iter()
        .filter(|entry| match entry {
            ast::Entry::Message(m) => !filled.contains(m.id.name) && !now.contains(m.id.name),
            ast::Entry::Term(_) => true,
            _ => false,
        })
        .collect();
    if kept.is_empty() {
        return String::new();
    }
    fluent_syntax::serializer::serialize(&ast::Resource { body: kept })
}

/// The reference locale's file.
pub(super) fn ftl(units: &[Unit], title: &str, md_path: &Path, slug: &str, kept: &str) -> String {
    let md = md_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(out, "### Article: \"{}\"", one_line(title));
    out.push_str("###\n");
    let _ = writeln!(
        out,
        "### Imported from {} by `folio import`: the Markdown is this file's source.",
        one_line(&md)
    );
    let _ = writeln!(
        out,
        "### Every paragraph, heading, list item and table cell is its own message; the page's"
    );
    let _ = writeln!(out, "### structure is in content/{slug}.toml.");
    out.push_str("###\n");
    out.push_str(
        "### Markup: <a data-l10n-name=\"…\">…</a> is a link whose address comes from the\n\
         ### content file; an empty <a data-l10n-name=\"fn-…\"></a> is a footnote marker.\n",
    );
    if !kept.is_empty() {
        out.push_str("\n## Entries kept from the previous file\n\n");
        out.push_str(kept);
    }
    for unit in units {
        out.push('\n');
        if let Some(group) = &unit.group {
            let _ = writeln!(out, "## {}\n", one_line(group));
        }
        if let Some(image) = &unit.image {
            let _ = writeln!(out, "# The image {}.", one_line(image));
        }
        for (name, url) in &unit.links {
            let _ = writeln!(
                out,
                "# The link `{name}` goes to {} ([links] {name}).",
                one_line(url)
            );
        }
        out.push_str(&entry(unit, &unit.id));
    }
    out
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// What the content file is made of.
pub(super) struct ContentInput<'a> {
    pub slug: &'a str,
    pub reference: &'a Tag,
    pub front: &'a Front,
    pub blocks: &'a [Planned],
    pub units: &'a [Unit],
    pub links: &'a [(String, String)],
    pub hero: Option<&'a str>,
    pub md_name: &'a str,
    pub ftl_rel: &'a str,
    /// The content file as it was: its `[slugs]` are kept.
    pub old: Option<&'a Article>,
}

/// `text` as a TOML string.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The content file.
#[allow(clippy::too_many_lines)]
pub(super) fn content(input: &ContentInput<'_>) -> String {
    let id = |unit: usize| toml_string(&input.units[unit].id);
    let attribute =
        |unit: usize, name: &str| toml_string(&format!("{}.{name}", input.units[unit].id));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# The structure of an article imported from {} by `folio import`.",
        one_line(input.md_name)
    );
    let _ = writeln!(
        out,
        "# Its text lives in {}; edit the Markdown and import it again.\n",
        input.ftl_rel
    );
    let _ = writeln!(out, "slug = {}", toml_string(input.slug));
    let _ = writeln!(
        out,
        "reference = {}",
        toml_string(&input.reference.to_string())
    );
    let find = |suffix: &str| {
        input
            .units
            .iter()
            .find(|u| u.kind.is_none() && u.proposed.ends_with(suffix))
    };
    if let Some(title) = find("-title") {
        let _ = writeln!(out, "title = {}", toml_string(&title.id));
    }
    if let Some(description) = find("-description") {
        let _ = writeln!(out, "description = {}", toml_string(&description.id));
    }
    if let Some(date) = input.front.published {
        let _ = writeln!(out, "published = {date}");
    }
    if let Some(date) = input.front.updated {
        let _ = writeln!(out, "updated = {date}");
    }
    if let Some(author) = &input.front.author {
        let _ = writeln!(out, "author = {}", toml_string(author));
    }
    let tags: Vec<String> = input
        .units
        .iter()
        .filter(|u| u.kind.is_none() && u.proposed.contains("-tag-"))
        .map(|u| toml_string(&u.id))
        .collect();
    if !tags.is_empty() {
        let _ = writeln!(out, "tags = [{}]", tags.join(", "));
    }
    if let Some(src) = input.hero
        && let Some(hero) = input
            .units
            .iter()
            .position(|u| u.kind.is_none() && u.proposed.ends_with("-hero"))
    {
        let _ = writeln!(
            out,
            "\n[hero]\nsrc = {}\nalt = {}",
            toml_string(src),
            attribute(hero, "alt")
        );
    }
    if let Some(old) = input.old
        && !old.slugs.is_empty()
    {
        out.push_str("\n[slugs]\n");
        for (locale, slug) in &old.slugs {
            let _ = writeln!(out, "{} = {}", toml_key(locale), toml_string(slug));
        }
    }
    if !input.links.is_empty() {
        out.push_str("\n[links]\n");
        for (name, url) in input.links {
            let _ = writeln!(out, "{name} = {}", toml_string(url));
        }
    }
    for block in input.blocks {
        out.push_str("\n[[blocks]]\n");
        match block {
            Planned::Heading { level, unit } => {
                let _ = writeln!(
                    out,
                    "type = \"heading\"\nlevel = {level}\nmessage = {}",
                    id(*unit)
                );
            }
            Planned::Byline => out.push_str("type = \"byline\"\n"),
            Planned::Paragraph(unit) => {
                let _ = writeln!(out, "type = \"paragraph\"\nmessage = {}", id(*unit));
            }
            Planned::Figure { src, unit, caption } => {
                let _ = writeln!(
                    out,
                    "type = \"figure\"\nsrc = {}\nalt = {}",
                    toml_string(src),
                    attribute(*unit, "alt")
                );
                if *caption {
                    let _ = writeln!(out, "caption = {}", attribute(*unit, "caption"));
                }
            }
            Planned::List { ordered, items } => {
                let _ = writeln!(out, "type = \"list\"\nordered = {ordered}\nitems = [");
                for (item, subs) in items {
                    if subs.is_empty() {
                        let _ = writeln!(out, "    {},", id(*item));
                    } else {
                        let subs: Vec<String> = subs.iter().map(|s| id(*s)).collect();
                        let _ = writeln!(
                            out,
                            "    {{ message = {}, items = [{}] }},",
                            id(*item),
                            subs.join(", ")
                        );
                    }
                }
                out.push_str("]\n");
            }
            Planned::Quote { unit, by } => {
                let _ = writeln!(out, "type = \"quote\"\nmessage = {}", id(*unit));
                if let Some(by) = by {
                    let _ = writeln!(out, "attribution = {}", id(*by));
                }
            }
            Planned::Table { header, rows } => {
                out.push_str("type = \"table\"\n");
                let row =
                    |cells: &[usize]| cells.iter().map(|c| id(*c)).collect::<Vec<_>>().join(", ");
                let _ = writeln!(out, "header = [{}]\nrows = [", row(header));
                for cells in rows {
                    let _ = writeln!(out, "    [{}],", row(cells));
                }
                out.push_str("]\n");
            }
            Planned::Code { language, text } => {
                out.push_str("type = \"code\"\n");
                if let Some(language) = language {
                    let _ = writeln!(out, "language = {}", toml_string(language));
                }
                let _ = writeln!(out, "text = {}", code_string(text));
            }
            Planned::Separator => out.push_str("type = \"separator\"\n"),
            Planned::Footnotes(notes) => {
                out.push_str("type = \"footnotes\"\nnotes = [\n");
                for (name, unit) in notes {
                    let _ = writeln!(
                        out,
                        "    {{ name = {}, message = {} }},",
                        toml_string(name),
                        id(*unit)
                    );
                }
                out.push_str("]\n");
            }
            Planned::Languages => out.push_str("type = \"languages\"\n"),
        }
    }
    out
}

/// A key of `[slugs]`: bare when it can be.
fn toml_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        key.to_string()
    } else {
        toml_string(key)
    }
}

/// Verbatim text as a TOML string: a multi-line literal string where it can be one, so that
/// the content file shows the code as it is.
fn code_string(text: &str) -> String {
    let literal = !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\r');
    if literal {
        format!("'''\n{text}'''")
    } else {
        toml_string(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_become_string_literals() {
        assert_eq!(fluent_value("a {b} c"), "a { \"{\" }b{ \"}\" } c");
        assert_eq!(fluent_value(""), "{ \"\" }");
    }

    #[test]
    fn code_keeps_its_lines() {
        assert_eq!(code_string("a\nb\n"), "'''\na\nb\n'''");
        assert_eq!(code_string("it's'"), "\"it's'\"");
        let parsed: toml::Table =
            toml::from_str(&format!("x = {}", code_string("a\n'''b\n"))).unwrap();
        assert_eq!(parsed["x"].as_str(), Some("a\n'''b\n"));
    }
}
