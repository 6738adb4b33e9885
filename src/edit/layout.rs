//! How a file is written down: its entries with their bytes, and its text conventions (byte
//! order mark, line endings, final newline), so that an edit can keep everything it does not
//! mean to change.

use std::ops::Range;

use fluent_syntax::ast;

use crate::line_index::offset_in;

/// A file's text conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Style {
    /// The file starts with a byte order mark.
    pub bom: bool,
    /// Lines end with `\r\n` (most of them, in a file that mixes both).
    pub crlf: bool,
    /// The last line ends with a line ending.
    pub final_newline: bool,
}

impl Style {
    /// The conventions of `text` (which may start with a byte order mark).
    pub fn of(text: &str) -> Style {
        let crlf = text.matches("\r\n").count();
        let lf = text.matches('\n').count() - crlf;
        Style {
            bom: text.starts_with('\u{feff}'),
            crlf: crlf > lf,
            final_newline: text.is_empty() || text.ends_with('\n'),
        }
    }

    /// `text`, written with `\n` only and ending with one, in these conventions.
    pub fn apply(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 32 + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        let body = if self.final_newline {
            text
        } else {
            text.strip_suffix('\n').unwrap_or(text)
        };
        if self.crlf {
            out.push_str(&body.replace('\n', "\r\n"));
        } else {
            out.push_str(body);
        }
        out
    }

    /// The line ending these conventions use.
    pub fn newline(self) -> &'static str {
        if self.crlf { "\r\n" } else { "\n" }
    }
}

/// `text` without its byte order mark.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Message,
    Term,
    Comment,
    GroupComment,
    ResourceComment,
    Junk,
}

/// One entry of a file, located in its text.
#[derive(Clone, Debug)]
pub(crate) struct Located {
    pub kind: Kind,
    /// A message's or term's id (a term's with its `-`).
    pub id: Option<String>,
    /// The entry's bytes: from the first line of its comment (or of itself) to the end of its
    /// last line, line ending included; the blank lines after it are not in it.
    pub span: Range<usize>,
    /// Where the line of the entry's id starts (the span's start when it has no comment).
    pub id_line: usize,
    /// The lines of the comment attached to a message or term; a free comment's own lines.
    pub comment: Vec<String>,
}

impl Located {
    /// Whether the entry is a message or a term.
    pub fn is_entry(&self) -> bool {
        matches!(self.kind, Kind::Message | Kind::Term)
    }
}

/// The entries of `resource`, parsed from `source`, with their bytes in `source`.
///
/// fluent-syntax keeps no positions, but every slice of the AST borrows `source`: an entry
/// starts on the line of its first slice and runs until the next entry starts, less the blank
/// lines between them.
pub(crate) fn locate(source: &str, resource: &ast::Resource<&str>) -> Vec<Located> {
    let mut located: Vec<Located> = Vec::with_capacity(resource.body.len());
    for entry in &resource.body {
        let (kind, id, first, id_slice, comment) = match entry {
            ast::Entry::Message(m) => (
                Kind::Message,
                Some(m.id.name.to_string()),
                m.comment
                    .as_ref()
                    .and_then(|c| first_slice(source, &c.content)),
                Some(m.id.name),
                m.comment.as_ref().map(comment_lines).unwrap_or_default(),
            ),
            ast::Entry::Term(t) => (
                Kind::Term,
                Some(format!("-{}", t.id.name)),
                t.comment
                    .as_ref()
                    .and_then(|c| first_slice(source, &c.content)),
                Some(t.id.name),
                t.comment.as_ref().map(comment_lines).unwrap_or_default(),
            ),
            ast::Entry::Comment(c) => (
                Kind::Comment,
                None,
                first_slice(source, &c.content),
                None,
                comment_lines(c),
            ),
            ast::Entry::GroupComment(c) => (
                Kind::GroupComment,
                None,
                first_slice(source, &c.content),
                None,
                comment_lines(c),
            ),
            ast::Entry::ResourceComment(c) => (
                Kind::ResourceComment,
                None,
                first_slice(source, &c.content),
                None,
                comment_lines(c),
            ),
            ast::Entry::Junk { content } => (
                Kind::Junk,
                None,
                offset_in(source, content),
                None,
                Vec::new(),
            ),
        };
        let id_line = id_slice
            .and_then(|slice| offset_in(source, slice))
            .map(|offset| line_start(source, offset));
        // Where the entry starts: its comment's first line, else its id's line; a comment
        // whose lines are all empty (`#`) is the first line starting with `#` after the entry
        // before it (no line of a message or term starts with `#`; a comment's lines all do).
        let previous_end = located.last().map_or(0, |l| match l.kind {
            Kind::Message | Kind::Term => next_line(source, l.id_line),
            Kind::Comment => past_comment_lines(source, l.span.start, "#"),
            Kind::GroupComment => past_comment_lines(source, l.span.start, "##"),
            Kind::ResourceComment => past_comment_lines(source, l.span.start, "###"),
            Kind::Junk => l.span.end,
        });
        let start = first
            .map(|offset| line_start(source, offset))
            .or(id_line.filter(|_| kind == Kind::Message || kind == Kind::Term))
            .or_else(|| {
                let is_comment = !matches!(kind, Kind::Message | Kind::Term | Kind::Junk);
                is_comment
                    .then(|| first_line_starting_with_hash(source, previous_end))
                    .flatten()
            })
            .unwrap_or_else(|| skip_blank_lines(source, previous_end));
        located.push(Located {
            kind,
            id,
            span: start..source.len(),
            id_line: id_line.unwrap_or(start),
            comment,
        });
        // The entry before this one ends where this one starts, less blank lines.
        if let [.., before, this] = located.as_mut_slice() {
            before.span.end = trim_blank_lines(source, before.span.start, this.span.start);
        }
    }
    if let Some(last) = located.last_mut() {
        last.span.end = trim_blank_lines(source, last.span.start, source.len());
    }
    located
}

/// The offset of the first slice of `lines` that borrows `source`.
fn first_slice(source: &str, lines: &[&str]) -> Option<usize> {
    lines.iter().find_map(|line| offset_in(source, line))
}

fn comment_lines(comment: &ast::Comment<&str>) -> Vec<String> {
    comment.content.iter().map(|l| (*l).to_string()).collect()
}

/// The start of the line holding `offset`.
pub(crate) fn line_start(source: &str, offset: usize) -> usize {
    source[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The start of the line after the one starting at `start` (the end of `source` on the last).
fn next_line(source: &str, start: usize) -> usize {
    source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i + 1)
}

/// The start of the first line from `start` on that is not a line of a comment written with
/// `sigil` (`#`, `##` or `###`: the sigil alone, or followed by a space).
fn past_comment_lines(source: &str, mut start: usize, sigil: &str) -> usize {
    while let Some(rest) = source
        .get(start..)
        .and_then(|line| line.strip_prefix(sigil))
    {
        if !(rest.is_empty() || rest.starts_with([' ', '\n', '\r'])) {
            break;
        }
        start = next_line(source, start);
    }
    start
}

/// The start of the first line from `from` (a line's start) on that starts with `#`.
fn first_line_starting_with_hash(source: &str, mut from: usize) -> Option<usize> {
    while from < source.len() {
        if source[from..].starts_with('#') {
            return Some(from);
        }
        from = next_line(source, from);
    }
    None
}

/// The first offset from `from` that is not on a blank line.
fn skip_blank_lines(source: &str, mut from: usize) -> usize {
    while from < source.len() {
        let end = source[from..]
            .find('\n')
            .map_or(source.len(), |i| from + i + 1);
        if !is_blank_line(
            source[from..end]
                .strip_suffix('\n')
                .unwrap_or(&source[from..end]),
        ) {
            break;
        }
        from = end;
    }
    from
}

/// The end of the last line in `start..end` that is not blank, its line ending included.
fn trim_blank_lines(source: &str, start: usize, end: usize) -> usize {
    let mut end = end;
    while end > start {
        let text = &source[start..end];
        let body = text.strip_suffix('\n').unwrap_or(text);
        let line_start = body.rfind('\n').map_or(0, |i| i + 1);
        if !is_blank_line(&body[line_start..]) {
            return end;
        }
        end = start + line_start;
    }
    start
}

/// Whether `line` (without its `\n`) is blank as Fluent counts blank: spaces only, before the
/// CR of a CRLF. A tab or a bare CR is text (fluent-syntax reads `\r x` on the line after
/// `k =` as the value `\r x`).
fn is_blank_line(line: &str) -> bool {
    line.strip_suffix('\r')
        .unwrap_or(line)
        .bytes()
        .all(|b| b == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(source: &str) -> Vec<(Kind, Option<String>, String)> {
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(r) | Err((r, _)) => r,
        };
        locate(source, &resource)
            .into_iter()
            .map(|l| (l.kind, l.id, source[l.span].to_string()))
            .collect()
    }

    #[test]
    fn entries_with_their_comments_and_without_blank_lines() {
        let source = "### Resource\n\n## Group\n\n# About a\na = A\n    .title = T\n\n\n-t = { $x ->\n[one] one\n*[other] other\n}\n#\n#\n\nb = B";
        let found = spans(source);
        assert_eq!(
            found,
            vec![
                (Kind::ResourceComment, None, "### Resource\n".into()),
                (Kind::GroupComment, None, "## Group\n".into()),
                (
                    Kind::Message,
                    Some("a".into()),
                    "# About a\na = A\n    .title = T\n".into()
                ),
                (
                    Kind::Term,
                    Some("-t".into()),
                    "-t = { $x ->\n[one] one\n*[other] other\n}\n".into()
                ),
                (Kind::Comment, None, "#\n#\n".into()),
                (Kind::Message, Some("b".into()), "b = B".into()),
            ]
        );
    }

    #[test]
    fn junk_and_crlf() {
        let source = "a = A\r\nb = { $x\r\n\r\nc = C\r\n";
        let found = spans(source);
        assert_eq!(found[0].2, "a = A\r\n");
        assert_eq!(found[1].0, Kind::Junk);
        assert_eq!(found[1].2, "b = { $x\r\n");
        assert_eq!(found[2].2, "c = C\r\n");
    }

    #[test]
    fn styles() {
        let style = Style::of("\u{feff}a = 1\r\nb = 2");
        assert_eq!(
            style,
            Style {
                bom: true,
                crlf: true,
                final_newline: false
            }
        );
        assert_eq!(style.apply("a = 1\nb = 2\n"), "\u{feff}a = 1\r\nb = 2");
    }
}
