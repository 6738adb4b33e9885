//! Source text and the one place where a byte offset becomes a line and a column.

use std::ops::Range;

/// A 1-based line and column; the column counts Unicode scalar values, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// The start offsets of every line of a text, for turning byte offsets into [`Location`]s.
///
/// A line ends at `\n`; a `\r` before it belongs to the line ending. A bare `\r` does not end
/// a line, as in the Fluent grammar (`line_end ::= "\r\n" | "\n" | EOF`): positions then agree
/// with what the parser saw.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(newline_ends(text));
        LineIndex { starts }
    }

    /// The location of byte `offset` in `text` (which must be the text this index was built from).
    pub fn location(&self, text: &str, offset: usize) -> Location {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        Location {
            line: line + 1,
            column,
        }
    }
}

/// The byte range of the whole lines that `span` touches, without the last line's ending: a
/// span shown in context without indexing the whole text.
pub(crate) fn lines_around(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| end + i);
    line_start..line_end
}

/// The offset after every `\n` of `text`.
fn newline_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)
}

/// `span` widened to whole characters of `text` and kept inside it: parser positions are
/// bytes and may fall inside a multi-byte character (`err-😂`).
pub(crate) fn snap_to_chars(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The end of the character that starts at `offset` (or `offset` at the end of `text`).
pub(crate) fn next_char_boundary(text: &str, offset: usize) -> usize {
    text[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8())
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The byte offset of `part` inside `whole`, when `part` borrows from `whole`.
///
/// fluent-syntax's AST has no spans, but every `&str` in a `Resource<&str>` borrows the
/// source, so the pointer difference is the offset.
pub(crate) fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let start = whole.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    (at >= start && at + part.len() <= start + whole.len()).then(|| at - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let text = "a = 1\nbé = 2\r\nc = 3\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.location(text, 0), Location { line: 1, column: 1 });
        assert_eq!(index.location(text, 6), Location { line: 2, column: 1 });
        // `=` on line 2 comes after a two-byte `é`: column counts characters.
        let eq = text[6..].find('=').unwrap() + 6;
        assert_eq!(index.location(text, eq), Location { line: 2, column: 4 });
        let c = text.find('c').unwrap();
        assert_eq!(index.location(text, c), Location { line: 3, column: 1 });
        // A bare `\r` is not a line ending in Fluent.
        let d = text.find('d').unwrap();
        assert_eq!(index.location(text, d), Location { line: 3, column: 7 });
        assert_eq!(&text[lines_around(text, &(7..8))], "bé = 2");
        assert_eq!(&text[lines_around(text, &(0..8))], "a = 1\nbé = 2");
        assert_eq!(&text[lines_around(text, &(0..1))], "a = 1");
    }

    #[test]
    fn spans_snap_to_whole_characters() {
        let text = "err-😂 = Value";
        assert_eq!(snap_to_chars(text, 5..6), 4..8);
        assert_eq!(snap_to_chars(text, 4..5), 4..8);
        assert_eq!(snap_to_chars(text, 100..200), text.len()..text.len());
        assert_eq!(next_char_boundary(text, 4), 8);
        assert_eq!(next_char_boundary(text, text.len()), text.len());
    }

    #[test]
    fn offset_inside_a_multibyte_char_rounds_down() {
        let text = "é";
        assert_eq!(LineIndex::new(text).location(text, 1).column, 1);
    }

    #[test]
    fn offsets_of_borrowed_slices() {
        let text = String::from("hello world");
        assert_eq!(offset_in(&text, &text[6..]), Some(6));
        assert_eq!(offset_in(&text, "elsewhere"), None);
    }
}
