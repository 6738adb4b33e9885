//! Completion, from the text before the cursor (the file being typed rarely parses): message
//! and term ids inside a placeable (with the reference's text as detail), the variables of the
//! entry after `$`, the locale's plural categories as a variant's key, and a function's names
//! and options.

use std::collections::BTreeMap;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    TextEdit,
};

use crate::catalog::ParsedFile;
use crate::ftl::canonical::canonical;
use crate::ftl::functions::{DATETIME_OPTIONS, FUNCTIONS, NUMBER_OPTIONS};
use crate::ftl::pattern;
use crate::locale::{parse_tag, plural_categories};
use crate::lsp::Context;
use crate::lsp::cursor;
use crate::lsp::position::Lines;

/// What the cursor is completing.
#[derive(Debug, PartialEq, Eq)]
enum Want<'t> {
    Variable,
    Key,
    Option(&'t str),
    Reference,
}

pub(crate) fn complete(
    context: &Context<'_>,
    params: &CompletionParams,
) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let doc = context.document(&at.text_document.uri)?;
    let file = doc.file.as_ref()?;
    let lines = Lines::new(&doc.text, context.encoding);
    let offset = lines.offset(at.position);
    let text = &doc.text[..offset];
    let line = &text[text.rfind('\n').map_or(0, |i| i + 1)..];
    let word_len = line
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        .count();
    let word_start = offset - word_len;
    let (want, typed) = wanted(line, word_len)?;
    let replace = lines.range(&(word_start..offset));
    let item = |label: String, kind, detail: Option<String>| CompletionItem {
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            replace,
            label.clone(),
        ))),
        label,
        kind: Some(kind),
        detail,
        ..CompletionItem::default()
    };
    let workspace = context.workspace;
    let reference = workspace.reference();
    let mut items = Vec::new();
    match want {
        Want::Variable => {
            let entry = entry_above(text)?;
            let mut names = BTreeMap::new();
            for f in workspace.locale_files(&reference) {
                variables(&f, &entry, &mut names, "the reference passes it");
            }
            variables(&doc.parsed, &entry, &mut names, "used in this entry");
            items.extend(
                names
                    .into_iter()
                    .map(|(name, why)| item(name, CompletionItemKind::VARIABLE, Some(why.into()))),
            );
        }
        Want::Key => {
            let categories = parse_tag(&file.locale)
                .ok()
                .and_then(|t| plural_categories(&t))?;
            // Only in a select on a number (its keys so far are categories or numbers), and
            // only the categories it lacks: `[nominative]` is not a plural's.
            let present = keys_above(text);
            let plural = present
                .iter()
                .all(|k| categories.contains(&k.as_str()) || k.parse::<f64>().is_ok());
            if !plural {
                return None;
            }
            let detail = format!("a plural category of {}", file.locale);
            let categories = categories
                .iter()
                .filter(|c| !present.iter().any(|k| k == *c));
            items.extend(categories.map(|c| {
                item(
                    c.to_string(),
                    CompletionItemKind::ENUM_MEMBER,
                    Some(detail.clone()),
                )
            }));
        }
        Want::Option(function) => {
            let options: &[&str] = match function {
                "NUMBER" => &NUMBER_OPTIONS,
                "DATETIME" => &DATETIME_OPTIONS,
                _ => &[],
            };
            items.extend(options.iter().map(|o| {
                item(
                    o.to_string(),
                    CompletionItemKind::PROPERTY,
                    Some(format!("{function}() option")),
                )
            }));
        }
        Want::Reference => {
            items.extend(
                references(context, &file.locale, typed.starts_with('-'))
                    .into_iter()
                    .map(|(label, kind, detail)| item(label, kind, detail)),
            );
        }
    }
    Some(CompletionResponse::Array(items))
}

/// The message ids (or the term ids) of `locale` and of the reference, each with the
/// reference's text when it has one, and the functions.
fn references(
    context: &Context<'_>,
    locale: &str,
    terms: bool,
) -> Vec<(String, CompletionItemKind, Option<String>)> {
    let workspace = context.workspace;
    let mut ids: BTreeMap<String, Option<String>> = BTreeMap::new();
    // The reference's texts first: they are what a translator needs to see.
    for f in workspace
        .locale_files(&workspace.reference())
        .into_iter()
        .chain(workspace.locale_files(locale))
    {
        for (id, detail) in ids_of(&f) {
            ids.entry(id).or_insert(detail);
        }
    }
    let kind = if terms {
        CompletionItemKind::CONSTANT
    } else {
        CompletionItemKind::TEXT
    };
    let mut found: Vec<_> = ids
        .into_iter()
        .filter(|(id, _)| id.starts_with('-') == terms)
        .map(|(id, detail)| (id, kind, detail))
        .collect();
    if !terms {
        found.extend(FUNCTIONS.iter().map(|f| {
            (
                f.to_string(),
                CompletionItemKind::FUNCTION,
                Some("function".into()),
            )
        }));
    }
    found
}

/// What `line` (up to the cursor) is completing, and the word typed so far (its last
/// `word_len` bytes).
fn wanted(line: &str, word_len: usize) -> Option<(Want<'_>, &str)> {
    let typed = &line[line.len() - word_len..];
    let before = &line[..line.len() - word_len];
    if before.ends_with('$') {
        return Some((Want::Variable, typed));
    }
    let trimmed = before.trim_start();
    if (trimmed == "[" || trimmed == "*[") && before.len() > trimmed.len() {
        return Some((Want::Key, typed));
    }
    // Inside an unclosed placeable on this line?
    let open = before.rfind('{')?;
    if before[open..].contains('}') {
        return None;
    }
    let inside = &before[open + 1..];
    if let Some(paren) = inside.rfind('(') {
        if !inside[paren..].contains(')') {
            let name = inside[..paren].trim_end();
            let function = name
                .rsplit(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
                .next()
                .unwrap_or("");
            let after = inside[paren + 1..].trim_end();
            let at_option = after.is_empty() || after.ends_with(',');
            if !function.is_empty() && at_option {
                return Some((Want::Option(function), typed));
            }
            return None;
        }
    }
    inside.trim().is_empty().then_some((Want::Reference, typed))
}

/// The id of the entry the text ends in: the last line that starts with an id.
fn entry_above(text: &str) -> Option<String> {
    text.lines().rev().find_map(|line| {
        let first = line.chars().next()?;
        if !(first.is_ascii_alphabetic() || first == '-') {
            return None;
        }
        let id: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
            .collect();
        line[id.len()..].trim_start().starts_with('=').then_some(id)
    })
}

/// The keys of the variants written above the cursor in the select it is in (`[one]`,
/// `*[other]`), up to the line of its `->`.
fn keys_above(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    // The cursor's own line is the key being typed.
    for line in text.lines().rev().skip(1) {
        let trimmed = line.trim_start().trim_start_matches('*');
        if let Some(rest) = trimmed.strip_prefix('[') {
            if let Some((key, _)) = rest.split_once(']') {
                keys.push(key.trim().to_string());
                continue;
            }
        }
        if line.contains("->") || !line.starts_with(' ') {
            break;
        }
    }
    keys
}

fn variables(
    file: &ParsedFile,
    entry: &str,
    into: &mut BTreeMap<String, &'static str>,
    why: &'static str,
) {
    for found in cursor::uses(file) {
        if let cursor::Target::Variable { entry: e, name } = found.target {
            if e == entry {
                into.entry(name).or_insert(why);
            }
        }
    }
}

/// Each message and term of `file`, with its value as Fluent writes it on one line, at most
/// 80 characters (`{ $minutes -> [one] { $minutes } minute *[other] … }`): a select's
/// variants and a placeable's variable stay readable, as they do not as bare text.
fn ids_of(file: &ParsedFile) -> Vec<(String, Option<String>)> {
    file.entries()
        .filter_map(|entry| {
            let id = match entry {
                fluent_syntax::ast::Entry::Message(m) => m.id.name.to_string(),
                fluent_syntax::ast::Entry::Term(t) => format!("-{}", t.id.name),
                _ => return None,
            };
            let first = pattern::patterns(entry).first().map(|(_, value)| {
                let text = canonical(value);
                let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let mut shown: String = one_line.chars().take(80).collect();
                if shown.len() < one_line.len() {
                    shown.push('…');
                }
                shown
            });
            Some((id, first.filter(|t| !t.is_empty())))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_above_the_cursor_are_the_selects_own() {
        let text = "a = x\nb = { $n ->\n    [one] One\n       and more\n   *[other] Many\n    [";
        assert_eq!(keys_above(text), ["other", "one"]);
        let text = "-t = { $case ->\n   *[nominative] T\n    [";
        assert_eq!(keys_above(text), ["nominative"]);
        assert!(keys_above("b = { $n ->\n    [").is_empty());
    }

    #[test]
    fn the_text_before_the_cursor_says_what_is_wanted() {
        let w = |line: &'static str| {
            let len = line
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
                .count();
            wanted(line, len).map(|(want, typed)| (want, typed.to_string()))
        };
        assert_eq!(w("hi = { $na"), Some((Want::Variable, "na".into())));
        assert_eq!(w("hi = { -br"), Some((Want::Reference, "-br".into())));
        assert_eq!(w("hi = { "), Some((Want::Reference, String::new())));
        assert_eq!(w("    [f"), Some((Want::Key, "f".into())));
        assert_eq!(w("   *["), Some((Want::Key, String::new())));
        assert_eq!(
            w("n = { NUMBER($n, min"),
            Some((Want::Option("NUMBER"), "min".into()))
        );
        assert_eq!(w("hi = text"), None);
        assert_eq!(w("hi = { a } b"), None);
        assert_eq!(
            entry_above("a = x\n  more\n-t = y\n    .attr = { $"),
            Some("-t".into())
        );
    }
}
