//! Where a name stands, and the edits renaming it makes: its definitions, every reference to
//! it in a pattern (a term's call arguments and attribute selectors too), the content files
//! that name it and the comments that mention it.

use fluent_syntax::ast;

use super::{Name, Renaming};
use crate::article::Article;
use crate::edit::layout::without_bom;
use crate::edit::patch::Edit;
use crate::line_index::offset_in;

/// Where `resource`'s `entry` (a message or term) uses `$variable`, if it does.
pub(super) fn variable_use<'a>(
    resource: &ast::Resource<&'a str>,
    entry: &Name,
    variable: &str,
) -> Option<&'a str> {
    let mut used = None;
    for found in &resource.body {
        for pattern in entry_patterns(found, entry).unwrap_or_default() {
            walk_pattern(pattern, &mut |token| {
                if let Token::Variable(name) = token {
                    if name == variable {
                        used.get_or_insert(name);
                    }
                }
            });
        }
    }
    used
}

/// The tokens a rename replaces, as written: for a refusal when a file that cannot be parsed
/// holds one.
pub(super) fn old_tokens(renaming: &Renaming<'_>) -> Vec<String> {
    match renaming {
        Renaming::Names(renames) => renames.iter().map(|(old, _)| old.entry()).collect(),
        Renaming::Variable(_, old, _) => vec![format!("${old}")],
    }
}

/// Where `resource` defines `name`: the slice of its id (or attribute).
pub(super) fn definition<'a>(resource: &ast::Resource<&'a str>, name: &Name) -> Option<&'a str> {
    resource.body.iter().find_map(|entry| {
        let (id, attributes) = entry_of(entry, name.term)?;
        if id.name != name.id {
            return None;
        }
        match &name.attribute {
            None => Some(id.name),
            Some(attribute) => attributes
                .iter()
                .find(|a| a.id.name == attribute)
                .map(|a| a.id.name),
        }
    })
}

/// A message's (or, with `term`, a term's) id and attributes.
fn entry_of<'e, 'a>(
    entry: &'e ast::Entry<&'a str>,
    term: bool,
) -> Option<(&'e ast::Identifier<&'a str>, &'e [ast::Attribute<&'a str>])> {
    match entry {
        ast::Entry::Message(m) if !term => Some((&m.id, &m.attributes)),
        ast::Entry::Term(t) if term => Some((&t.id, &t.attributes)),
        _ => None,
    }
}

/// The patterns of `entry` when it is the message or term `name`.
fn entry_patterns<'e, 'a>(
    entry: &'e ast::Entry<&'a str>,
    name: &Name,
) -> Option<Vec<&'e ast::Pattern<&'a str>>> {
    let (value, attributes, id) = match entry {
        ast::Entry::Message(m) if !name.term => (m.value.as_ref(), &m.attributes, m.id.name),
        ast::Entry::Term(t) if name.term => (Some(&t.value), &t.attributes, t.id.name),
        _ => return None,
    };
    (id == name.id).then(|| {
        value
            .into_iter()
            .chain(attributes.iter().map(|a| &a.value))
            .collect()
    })
}

/// Edits to one file's text: each a token renamed.
struct Edits<'b> {
    body: &'b str,
    list: Vec<Edit>,
}

impl Edits<'_> {
    /// Renames the token `slice` (which borrows the text) to `with`.
    fn rename(&mut self, slice: &str, with: &str) {
        if let Some(start) = offset_in(self.body, slice) {
            self.list
                .push(Edit::replace(start..start + slice.len(), with.to_string()));
        }
    }

    /// Renames `old` to `new` where the comment `lines` (which borrow the text) mention it
    /// (see [`mention_positions`]).
    fn comments(&mut self, lines: &[&str], old: &str, new: &str) {
        for line in lines {
            for at in mention_positions(line, old) {
                if let Some(start) = offset_in(self.body, line) {
                    self.list.push(Edit::replace(
                        start + at..start + at + old.len(),
                        new.to_string(),
                    ));
                }
            }
        }
    }
}

/// The edits renaming makes in one entry of a file whose text is `body`.
pub(super) fn entry_edits(
    body: &str,
    entry: &ast::Entry<&str>,
    renaming: &Renaming<'_>,
    edits: &mut Vec<Edit>,
) {
    let mut out = Edits {
        body,
        list: Vec::new(),
    };
    let (comment, patterns): (Option<&ast::Comment<&str>>, Vec<&ast::Pattern<&str>>) = match entry {
        ast::Entry::Message(m) => (
            m.comment.as_ref(),
            m.value
                .iter()
                .chain(m.attributes.iter().map(|a| &a.value))
                .collect(),
        ),
        ast::Entry::Term(t) => (
            t.comment.as_ref(),
            std::iter::once(&t.value)
                .chain(t.attributes.iter().map(|a| &a.value))
                .collect(),
        ),
        ast::Entry::Comment(c) | ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => {
            (Some(c), Vec::new())
        }
        ast::Entry::Junk { .. } => return,
    };
    let lines: &[&str] = comment.map_or(&[], |c| &c.content);
    match renaming {
        Renaming::Names(renames) => {
            for (old, new) in *renames {
                // The definition.
                if let Some((id, attributes)) = entry_of(entry, old.term) {
                    if id.name == old.id {
                        match &new.attribute {
                            None => out.rename(id.name, &new.id),
                            Some(new_attribute) => {
                                let wanted = old.attribute.as_deref();
                                for a in attributes.iter().filter(|a| Some(a.id.name) == wanted) {
                                    out.rename(a.id.name, new_attribute);
                                }
                            }
                        }
                    }
                }
                // Every reference, in the value, the attributes, selectors and arguments.
                for pattern in &patterns {
                    walk_pattern(pattern, &mut |token| {
                        let (term, id, attribute) = match token {
                            Token::Message(id, attribute) => (false, id, attribute),
                            Token::Term(id, attribute) => (true, id, attribute),
                            Token::Variable(_) | Token::Argument(..) => return,
                        };
                        if term != old.term || id != old.id {
                            return;
                        }
                        match (&old.attribute, &new.attribute, attribute) {
                            (None, _, _) => out.rename(id, &new.id),
                            (Some(wanted), Some(new_attribute), Some(attribute))
                                if attribute == wanted =>
                            {
                                out.rename(attribute, new_attribute);
                            }
                            _ => {}
                        }
                    });
                }
                out.comments(lines, &old.to_string(), &new.to_string());
            }
        }
        Renaming::Variable(target, old, new) => {
            if entry_patterns(entry, target).is_some() {
                for pattern in &patterns {
                    walk_pattern(pattern, &mut |token| {
                        if let Token::Variable(name) = token {
                            if name == *old {
                                out.rename(name, new);
                            }
                        }
                    });
                }
                out.comments(lines, &format!("${old}"), &format!("${new}"));
            }
            // A term's parameter is given by each call to it: `{ -term(old: …) }`.
            if target.term {
                for pattern in &patterns {
                    walk_pattern(pattern, &mut |token| {
                        if let Token::Argument(term, name) = token {
                            if term == target.id && name == *old {
                                out.rename(name, new);
                            }
                        }
                    });
                }
            }
        }
    }
    edits.extend(out.list);
}

/// The edits renaming makes in a content file: in the messages its blocks name, and in the
/// comments that mention them.
pub(super) fn content_edits(article: &Article, renames: &[(Name, Name)]) -> Vec<Edit> {
    // The article's spans count a byte order mark; the edits are made after it.
    let text = without_bom(article.source());
    let mark = article.source().len() - text.len();
    let mut edits = Vec::new();
    for (old, new) in renames.iter().filter(|(old, _)| !old.term) {
        for named in article.messages() {
            if named.id != old.id {
                continue;
            }
            let start = named.span.start - mark;
            match (&old.attribute, &new.attribute, &named.attribute) {
                (None, _, _) => {
                    edits.push(Edit::replace(start..start + old.id.len(), new.id.clone()));
                }
                (Some(wanted), Some(new_attribute), Some(attribute)) if attribute == wanted => {
                    let at = start + old.id.len() + 1;
                    edits.push(Edit::replace(
                        at..at + attribute.len(),
                        new_attribute.clone(),
                    ));
                }
                _ => {}
            }
        }
        let mut out = Edits {
            body: text,
            list: Vec::new(),
        };
        out.comments(&toml_comments(text), &old.to_string(), &new.to_string());
        edits.extend(out.list);
    }
    // One edit per place, however many ways the article names it.
    edits.sort_by_key(|e| e.range.start);
    edits.dedup_by_key(|e| e.range.start);
    edits
}

/// The comment lines of a TOML text: those whose first character that is not a space is `#`.
fn toml_comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| line.trim_start().starts_with('#'))
        .collect()
}

/// Where a comment `text` mentions the name `name`: where it stands on its own (see
/// [`word_positions`]) and is either plainly a name (`smp-removal-intro`, `-brand`,
/// `hero.alt`, `$user`, `title2`) or, when it could be a word of the comment's prose (`title`,
/// `intro`), is set off as code: `` `title` `` or `{ title }`. "The page title" keeps its words.
fn mention_positions(text: &str, name: &str) -> Vec<usize> {
    let plainly_a_name = name
        .chars()
        .any(|c| matches!(c, '-' | '_' | '.' | '$') || c.is_ascii_digit());
    word_positions(text, name)
        .into_iter()
        .filter(|&at| {
            let before = text[..at].trim_end_matches(' ');
            let after = text[at + name.len()..].trim_start_matches(' ');
            plainly_a_name
                || (text[..at].ends_with('`') && text[at + name.len()..].starts_with('`'))
                || (before.ends_with('{') && after.starts_with('}'))
        })
        .collect()
}

/// Where `word` stands in `text` on its own: not inside a longer name (`title` in
/// `title-2` or `subtitle`), nor a variable (`$title`) or an attribute (`.title`).
fn word_positions(text: &str, word: &str) -> Vec<usize> {
    let name_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(|c| name_char(c) || c == '$' || c == '.')
                && !after.is_some_and(name_char)
        })
        .collect()
}

/// Whether `text` mentions `word` on its own (see [`word_positions`]).
pub(super) fn contains_word(text: &str, word: &str) -> bool {
    !word_positions(text, word).is_empty()
}

/// What a pattern names, each borrowing the text it is written as.
enum Token<'a> {
    /// `{ message }` or `{ message.attribute }`: the id, and the attribute.
    Message(&'a str, Option<&'a str>),
    /// `{ -term }`, `{ -term(…) }` or `-term.attribute` in a selector (without the `-`).
    Term(&'a str, Option<&'a str>),
    /// `$name` (without the `$`).
    Variable(&'a str),
    /// A named argument of a call to a term: (the term, the argument's name).
    Argument(&'a str, &'a str),
}

/// Calls `visit` with every name in `pattern`, variants, selectors and arguments included.
fn walk_pattern<'a>(pattern: &ast::Pattern<&'a str>, visit: &mut impl FnMut(Token<'a>)) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, visit);
        }
    }
}

fn walk_expression<'a>(expression: &ast::Expression<&'a str>, visit: &mut impl FnMut(Token<'a>)) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, visit),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, visit);
            for variant in variants {
                walk_pattern(&variant.value, visit);
            }
        }
    }
}

fn walk_inline<'a>(inline: &ast::InlineExpression<&'a str>, visit: &mut impl FnMut(Token<'a>)) {
    match inline {
        ast::InlineExpression::MessageReference { id, attribute } => {
            visit(Token::Message(id.name, attribute.as_ref().map(|a| a.name)));
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            visit(Token::Term(id.name, attribute.as_ref().map(|a| a.name)));
            if let Some(arguments) = arguments {
                for named in &arguments.named {
                    visit(Token::Argument(id.name, named.name.name));
                }
                walk_arguments(arguments, visit);
            }
        }
        ast::InlineExpression::VariableReference { id } => visit(Token::Variable(id.name)),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            walk_arguments(arguments, visit);
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, visit),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn walk_arguments<'a>(arguments: &ast::CallArguments<&'a str>, visit: &mut impl FnMut(Token<'a>)) {
    for positional in &arguments.positional {
        walk_inline(positional, visit);
    }
    for named in &arguments.named {
        walk_inline(&named.value, visit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stand_on_their_own() {
        let text = "title, -title, title-2, subtitle, $title, hero.title, (title).";
        assert_eq!(word_positions(text, "title"), [0, 55]);
        assert_eq!(word_positions(text, "-title"), [7]);
    }

    #[test]
    fn a_comment_mentions_a_name_that_could_be_a_word_only_as_code() {
        let text = "The page title; see `title`, { title } and smp-intro (not smp-intro-2).";
        assert_eq!(mention_positions(text, "title"), [21, 31]);
        assert_eq!(mention_positions(text, "smp-intro"), [43]);
        assert_eq!(mention_positions("Shown in hero.alt.", "hero.alt"), [9]);
    }
}
