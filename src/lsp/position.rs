//! Where a byte of a text is for an editor: LSP positions are a line and a character offset,
//! the offset counted in UTF-16 code units unless client and server agree on UTF-8 bytes.
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says (and as editors count them).

use lsp_types::{Position, PositionEncodingKind, Range};

/// How a position's `character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8 bytes: offered by the client, preferred (no conversion).
    Utf8,
    /// UTF-16 code units: the protocol's default, what every client understands.
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16.
    pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub(crate) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// A text's lines, for turning byte offsets into positions and back.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str, encoding: Encoding) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let crlf = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
            if !crlf {
                starts.push(i + 1);
            }
        }
        Lines {
            text,
            starts,
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text, and to the start of the character
    /// it falls in).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character = match self.encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => self.text[start..offset].chars().map(char::len_utf16).sum(),
        };
        Position::new(to_u32(line), to_u32(character))
    }

    pub(crate) fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`: a line past the end is the end of the text, a
    /// character past the line's end is its end, and one inside a character (half of a
    /// surrogate pair) is that character's start.
    pub(crate) fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return self.text.len();
        };
        let end = self.line_end(line);
        let want = position.character as usize;
        let mut counted = 0;
        for (i, c) in self.text[start..end].char_indices() {
            let width = self.encoding.width(c);
            if counted + width > want {
                return start + i;
            }
            counted += width;
        }
        end
    }

    /// Where line `line` ends, before its line ending.
    fn line_end(&self, line: usize) -> usize {
        let next = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let body = &self.text[self.starts[line]..next];
        let body = body.strip_suffix('\n').unwrap_or(body);
        let body = body.strip_suffix('\r').unwrap_or(body);
        self.starts[line] + body.len()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_an_emoji_as_two_and_arabic_as_one_each() {
        let text = "a = 😂x\nب = يب\r\nlast";
        let lines = Lines::new(text, Encoding::Utf16);
        let x = text.find('x').unwrap();
        assert_eq!(lines.position(x), Position::new(0, 6));
        assert_eq!(lines.offset(Position::new(0, 6)), x);
        let ya = text.rfind('ي').unwrap();
        assert_eq!(lines.position(ya), Position::new(1, 4));
        assert_eq!(lines.offset(Position::new(1, 4)), ya);
        assert_eq!(lines.position(text.len()), Position::new(2, 4));
        // Half an emoji is the emoji; past the line's end is its end, before `\r\n`.
        assert_eq!(lines.offset(Position::new(0, 5)), text.find('😂').unwrap());
        assert_eq!(lines.offset(Position::new(1, 99)), text.find('\r').unwrap());
        assert_eq!(lines.offset(Position::new(9, 0)), text.len());
    }

    #[test]
    fn utf8_counts_bytes_and_a_lone_cr_ends_a_line() {
        let text = "é = x\ry";
        let lines = Lines::new(text, Encoding::Utf8);
        assert_eq!(lines.position(text.find('x').unwrap()), Position::new(0, 5));
        assert_eq!(lines.position(text.len() - 1), Position::new(1, 0));
        assert_eq!(lines.offset(Position::new(1, 0)), text.len() - 1);
    }
}
