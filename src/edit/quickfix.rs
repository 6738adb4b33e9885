//! Quick fixes: one finding's repair made in a file's text, for editors (`folio lsp`). Like
//! the rest of `edit`, each works on the text it is given, keeps every byte it does not mean
//! to change, and reads or writes no file.

use fluent_syntax::ast;
use fluent_syntax::parser::parse;

use crate::edit::layout::{locate, without_bom};
use crate::ftl::pattern::{self, Node};
use crate::line_index::offset_in;

/// Adds a variant for each of `categories` that the select expression at `at` lacks: each a
/// copy of the default variant's text under the category's key, placed just above the
/// default variant with its indentation, for the translator to adjust.
///
/// `at` is a byte offset (in `text` without its byte order mark, as findings count) inside
/// the key of one of the select's variants, as a `missing-plural-category` finding points.
/// `None` when there is no such select, it lacks none of `categories`, or the file does not
/// parse.
///
/// # Example
/// ```
/// use folio::edit::quickfix::add_plural_variants;
///
/// let text = "files = { $n ->\n    [one] { $n } plik\n   *[other] { $n } plików\n}\n";
/// let at = text.find("one").unwrap();
/// let fixed = add_plural_variants(text, at, &["one", "few", "many", "other"]).unwrap();
/// assert_eq!(
///     fixed,
///     "files = { $n ->\n    [one] { $n } plik\n    [few] { $n } plików\n    [many] { $n } plików\n   *[other] { $n } plików\n}\n"
/// );
/// ```
pub fn add_plural_variants(text: &str, at: usize, categories: &[&str]) -> Option<String> {
    let source = without_bom(text);
    let bom = text.len() - source.len();
    let resource = parse(source).ok()?;
    let variants = select_at(source, &resource, at)?;
    let keys: Vec<&str> = variants.iter().map(|v| pattern::key_name(&v.key)).collect();
    let missing: Vec<&str> = categories
        .iter()
        .copied()
        .filter(|c| !keys.contains(c))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let default = variants.iter().find(|v| v.default)?;
    let key_at = offset_in(source, pattern::key_name(&default.key))?;
    // Variants start on lines of their own: the default's line is `<indent>*[key] value`.
    let line_start = source[..key_at].rfind('\n').map_or(0, |i| i + 1);
    let star = source[line_start..key_at].find('*')? + line_start;
    let indent = &source[line_start..star];
    if !indent.chars().all(|c| c == ' ') {
        return None;
    }
    // The default's text: the rest of its line after `]`, and the lines indented deeper
    // than it that continue its value.
    let close = source[key_at..].find(']')? + key_at + 1;
    let mut end = source[close..]
        .find('\n')
        .map_or(source.len(), |i| close + i + 1);
    while end < source.len() {
        let line_end = source[end..]
            .find('\n')
            .map_or(source.len(), |i| end + i + 1);
        let line = &source[end..line_end];
        let trimmed = line.trim_start_matches(' ');
        let deeper = line.len() - trimmed.len() > indent.len();
        let blank = trimmed.trim().is_empty();
        if blank || !deeper || trimmed.starts_with(['[', '*', '}']) {
            break;
        }
        end = line_end;
    }
    let value = &source[close..end];
    let value = if value.ends_with('\n') {
        value.to_string()
    } else {
        format!("{value}\n")
    };
    let mut added = String::new();
    for category in &missing {
        added.push_str(indent);
        added.push_str(" [");
        added.push_str(category);
        added.push(']');
        added.push_str(&value);
    }
    let mut fixed = String::with_capacity(text.len() + added.len());
    fixed.push_str(&text[..bom + line_start]);
    fixed.push_str(&added);
    fixed.push_str(&text[bom + line_start..]);
    Some(fixed)
}

/// The variants of the select expression one of whose keys holds byte `at` of `source`.
fn select_at<'a>(
    source: &'a str,
    resource: &'a ast::Resource<&'a str>,
    at: usize,
) -> Option<&'a [ast::Variant<&'a str>]> {
    let mut found = None;
    for entry in &resource.body {
        for (_, value) in pattern::patterns(entry) {
            pattern::walk(value, &mut |node| {
                if let Node::Select(_, variants) = node {
                    let holds = variants.iter().any(|v| {
                        let key = pattern::key_name(&v.key);
                        offset_in(source, key).is_some_and(|k| (k..=k + key.len()).contains(&at))
                    });
                    if holds && found.is_none() {
                        found = Some(variants);
                    }
                }
            });
        }
    }
    found
}

/// Deletes the message or term `id` (a term's with its `-`), its comment with it, and one
/// blank line beside it so that no gap of two is left. `None` when the file does not parse
/// or has no such entry.
///
/// # Example
/// ```
/// use folio::edit::quickfix::remove_entry;
///
/// let text = "a = A\n\n# old\nb = B\n\nc = C\n";
/// assert_eq!(remove_entry(text, "b").unwrap(), "a = A\n\nc = C\n");
/// assert_eq!(remove_entry(text, "nosuch"), None);
/// ```
pub fn remove_entry(text: &str, id: &str) -> Option<String> {
    let source = without_bom(text);
    let bom = text.len() - source.len();
    let resource = parse(source).ok()?;
    let located = locate(source, &resource);
    let entry = located.iter().find(|e| e.id.as_deref() == Some(id))?;
    let mut span = entry.span.clone();
    let blank_after = source[span.end..]
        .find('\n')
        .filter(|&i| source[span.end..span.end + i].trim().is_empty())
        .map(|i| span.end + i + 1);
    match blank_after {
        Some(end) => span.end = end,
        // The last entry: the blank line before it goes instead.
        None if span.start > 0 => {
            let before = &source[..span.start];
            if let Some(rest) = before.strip_suffix('\n') {
                let line = rest.rfind('\n').map_or(0, |i| i + 1);
                if rest[line..].trim().is_empty() {
                    span.start = line;
                }
            }
        }
        None => {}
    }
    let mut fixed = String::with_capacity(text.len());
    fixed.push_str(&text[..bom + span.start]);
    fixed.push_str(&text[bom + span.end..]);
    Some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_multiline_default_variant_is_copied_whole_and_a_bom_is_kept() {
        let text =
            "\u{feff}n = { $n ->\n    [one] one\n   *[other]\n        many\n        lines\n}\n";
        let at = text.find("one").unwrap();
        let fixed = add_plural_variants(text, at, &["one", "few", "other"]).unwrap();
        assert_eq!(
            fixed,
            "\u{feff}n = { $n ->\n    [one] one\n    [few]\n        many\n        lines\n   *[other]\n        many\n        lines\n}\n"
        );
        assert!(add_plural_variants(&fixed, at, &["one", "few", "other"]).is_none());
    }

    #[test]
    fn a_nested_select_is_found_by_its_own_keys() {
        let text = "n = { $a ->\n    [x] { $n ->\n        [one] one\n       *[other] more\n    }\n   *[y] y\n}\n";
        let at = text.find("[one]").unwrap() + 1;
        let fixed = add_plural_variants(text, at, &["one", "few", "other"]).unwrap();
        assert!(
            fixed.contains("        [few] more\n       *[other] more"),
            "{fixed}"
        );
    }

    #[test]
    fn the_last_entry_takes_the_blank_line_before_it() {
        assert_eq!(remove_entry("a = A\n\nb = B\n", "b").unwrap(), "a = A\n");
        assert_eq!(remove_entry("-t = T\n", "-t").unwrap(), "");
    }
}
