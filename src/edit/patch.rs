//! A text patcher: replacements at byte ranges of a text, made in one pass, with new text
//! written in the file's own line endings.

use std::ops::Range;

use crate::edit::layout::Style;

/// A change to a text: `range` replaced by `with`.
pub(crate) struct Edit {
    pub range: Range<usize>,
    pub with: String,
}

impl Edit {
    pub(crate) fn insert(at: usize, text: String) -> Edit {
        Edit {
            range: at..at,
            with: text,
        }
    }

    pub(crate) fn replace(range: Range<usize>, text: String) -> Edit {
        Edit { range, with: text }
    }

    pub(crate) fn delete(range: Range<usize>) -> Edit {
        Edit {
            range,
            with: String::new(),
        }
    }
}

/// `text` with `edits` made, new text written in `style`'s line endings. Insertions at the
/// same place keep their order, and come before a deletion starting there.
pub(crate) fn apply(text: &str, mut edits: Vec<Edit>, style: Style) -> String {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|e| e.with.len()).sum::<usize>());
    let mut at = 0;
    for edit in edits {
        let start = edit.range.start.max(at);
        out.push_str(&text[at..start]);
        if style.crlf {
            out.push_str(&edit.with.replace('\n', "\r\n"));
        } else {
            out.push_str(&edit.with);
        }
        at = edit.range.end.max(start);
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertions_keep_their_order_and_come_before_a_deletion_at_the_same_place() {
        let style = Style::of("a\r\nb\r\n");
        let edits = vec![
            Edit::delete(3..6),
            Edit::insert(3, "x\n".into()),
            Edit::insert(3, "y\n".into()),
            Edit::insert(0, "start\n".into()),
        ];
        assert_eq!(
            apply("a\r\nb\r\n", edits, style),
            "start\r\na\r\nx\r\ny\r\n"
        );
    }
}
