//! Folio's vocabulary inside Fluent files, shared by the checks and the edits: the
//! `# folio: untranslated` and `## folio: obsolete` marks, `# folio-ignore:` comments, and
//! the ids of entries as written.
//!
//! fluent-bundle's parse skips comments, so comments are read from the source text above an
//! entry's id, as Fluent attaches them: the `#` lines right above it.
//!
//! [`pattern`] walks what is inside an entry's patterns; [`functions`] lists the functions
//! the renderer gives Fluent and their options.

pub(crate) mod canonical;
pub(crate) mod functions;
pub(crate) mod pattern;

use std::collections::HashSet;

use fluent_syntax::ast;

use crate::line_index::offset_in;

/// The comment line that marks an entry as not translated yet.
pub const UNTRANSLATED: &str = "folio: untranslated";

/// The first line of the group comment above entries moved out of the way by pruning.
pub const OBSOLETE: &str = "folio: obsolete";

/// The comment prefix that silences checks for one entry: `# folio-ignore: untranslated, …`.
pub(crate) const IGNORE: &str = "folio-ignore:";

/// Whether a comment's lines mark its entry as not translated yet.
pub fn is_untranslated<S: AsRef<str>>(comment: &[S]) -> bool {
    comment
        .iter()
        .any(|line| line.as_ref().trim_start().starts_with(UNTRANSLATED))
}

/// The lines (without their `#`, nearest first) of the comment attached to the entry whose
/// id starts at `start`: the single-`#` lines right above the id's line.
pub(crate) fn comment_above(source: &str, start: usize) -> impl Iterator<Item = &str> {
    // A term's id starts after its `-`; the line starts before it.
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    source[..line_start]
        .lines()
        .rev()
        .map_while(|line| line.strip_prefix('#').filter(|rest| !rest.starts_with('#')))
}

/// Whether the entry whose id starts at `start` carries the `# folio: untranslated` mark.
pub(crate) fn is_marked_untranslated(source: &str, start: usize) -> bool {
    comment_above(source, start).any(|line| line.trim_start().starts_with(UNTRANSLATED))
}

/// The names that `# folio-ignore:` lines list in the comment attached to the entry whose id
/// starts at `start` (check ids, or `all`).
pub(crate) fn ignored_names(source: &str, start: usize) -> impl Iterator<Item = &str> {
    comment_above(source, start)
        .filter_map(|line| line.trim().strip_prefix(IGNORE))
        .flat_map(|list| list.split(','))
        .map(str::trim)
        .filter(|name| !name.is_empty())
}

/// The id of a message or term (`-` included), or `None` for comments and junk.
///
/// `source` is the text the entry was parsed from: a term's `id.name` borrows it just after
/// the `-`, so the id with its dash is the slice one byte wider.
pub(crate) fn entry_id<'a>(entry: &ast::Entry<&'a str>, source: &'a str) -> Option<&'a str> {
    match entry {
        ast::Entry::Message(message) => Some(message.id.name),
        ast::Entry::Term(term) => {
            let start = offset_in(source, term.id.name)?;
            source.get(start.checked_sub(1)?..start + term.id.name.len())
        }
        _ => None,
    }
}

/// The identifier of a message or term as written (a term's without its `-`): the slice a
/// finding about the entry points at.
pub(crate) fn id_slice<'a>(entry: &ast::Entry<&'a str>) -> Option<&'a str> {
    match entry {
        ast::Entry::Message(m) => Some(m.id.name),
        ast::Entry::Term(t) => Some(t.id.name),
        _ => None,
    }
}

/// Whether `attributes` (a message's or a term's) has one named `name`.
pub(crate) fn has_attribute(attributes: &[ast::Attribute<&str>], name: &str) -> bool {
    attributes.iter().any(|a| a.id.name == name)
}

/// `message` or `message.attribute`.
pub(crate) fn qualified(id: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(attribute) => format!("{id}.{attribute}"),
        None => id.to_string(),
    }
}

/// Whether `name` is a Fluent identifier: an ASCII letter, then letters, digits, `-` and `_`.
pub(crate) fn is_identifier(name: &str) -> bool {
    is_identifier_bytes(name.as_bytes())
}

/// [`is_identifier`] on bytes (an identifier is ASCII).
pub(crate) fn is_identifier_bytes(name: &[u8]) -> bool {
    name.first().is_some_and(u8::is_ascii_alphabetic)
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The id of the message or term a piece of junk was meant to define, if it starts like one.
pub(crate) fn junk_id(junk: &str) -> Option<&str> {
    let line = junk
        .lines()
        .map(str::trim_start)
        .find(|line| !line.is_empty() && !line.starts_with('#'))?;
    let body = line.strip_prefix('-').unwrap_or(line);
    let first = body.chars().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(body.len());
    let rest = body[len..].trim_start();
    if !rest.starts_with('=') {
        return None;
    }
    let dash = line.len() - body.len();
    Some(&line[..dash + len])
}

/// The terms a locale defines for itself (ids the reference lacks) that it uses: reached,
/// directly or through other such terms, from an entry the reference has. Such a term is the
/// locale's own grammar (a declined brand name), not an obsolete entry: deleting it breaks the
/// messages that use it. `entries` are every entry of the locale; names are without `-`.
pub(crate) fn private_terms_in_use<'a>(
    entries: impl IntoIterator<Item = &'a ast::Entry<&'a str>>,
    in_reference: impl Fn(&str) -> bool,
) -> HashSet<&'a str> {
    let mut roots = Vec::new();
    let mut private = std::collections::HashMap::new();
    for entry in entries {
        let id = match entry {
            ast::Entry::Message(m) => m.id.name.to_string(),
            ast::Entry::Term(t) => format!("-{}", t.id.name),
            _ => continue,
        };
        if in_reference(&id) {
            roots.push(entry);
        } else if let ast::Entry::Term(t) = entry {
            private.entry(t.id.name).or_insert(entry);
        }
    }
    let mut used = HashSet::new();
    // Iterative: a chain of terms of any length needs no deeper stack.
    let mut pending = roots;
    while let Some(entry) = pending.pop() {
        for (_, value) in pattern::patterns(entry) {
            pattern::walk(value, &mut |node| {
                if let pattern::Node::TermReference(name, _) = node {
                    if let Some(&term) = private.get(name) {
                        if used.insert(name) {
                            pending.push(term);
                        }
                    }
                }
            });
        }
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_term_in_use_is_found_through_other_terms_but_not_an_unused_one() {
        let source = "like = Lubię { -marka(case: \"acc\") }\n-marka = { -rdzen }y\n-rdzen = Foli\n-unused = x\n-used-only-by-obsolete = y\nold = { -used-only-by-obsolete }\n";
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let used = private_terms_in_use(&resource.body, |id| id == "like");
        let mut used: Vec<_> = used.into_iter().collect();
        used.sort_unstable();
        assert_eq!(used, ["marka", "rdzen"]);
    }

    #[test]
    fn junk_ids() {
        assert_eq!(junk_id("title = { $x ->\n"), Some("title"));
        assert_eq!(junk_id("# comment\n-brand = {\n"), Some("-brand"));
        assert_eq!(junk_id("  }\n"), None);
        assert_eq!(junk_id("= x\n"), None);
        assert_eq!(junk_id("just words\n"), None);
    }

    #[test]
    fn comments_above_an_entry() {
        let source = "## Group\n# About\n# folio-ignore: untranslated, whitespace\n# folio: untranslated\n-brand = B\n";
        let start = source.find("brand").unwrap();
        assert!(is_marked_untranslated(source, start));
        assert_eq!(
            ignored_names(source, start).collect::<Vec<_>>(),
            ["untranslated", "whitespace"]
        );
        // A group comment is not attached to the entry.
        assert_eq!(comment_above(source, start).count(), 3);
    }

    #[test]
    fn ids_as_written() {
        let source = "-brand = B\nmsg = M\n";
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let ids: Vec<_> = resource
            .body
            .iter()
            .filter_map(|e| entry_id(e, source))
            .collect();
        assert_eq!(ids, ["-brand", "msg"]);
        assert!(is_identifier("smp-removal_2"));
        assert!(!is_identifier("2x") && !is_identifier("") && !is_identifier("a.b"));
        assert_eq!(qualified("hero", Some("alt")), "hero.alt");
    }
}
