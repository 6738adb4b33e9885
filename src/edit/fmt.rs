//! `folio fmt`: one way to write a Fluent file, whoever wrote it.
//!
//! Each entry is written by fluent-syntax's serializer (the reference implementation's layout:
//! ` = ` after the id, multi-line values on their own lines indented by four spaces, attributes
//! and variants indented, `*[default]` one column to the left). Between entries, the file's own
//! grouping stays: one blank line where it had one or more, none where it had none. Comments are
//! kept word for word, and so are the byte order mark, the line endings and a missing final
//! newline.
//!
//! A file with a syntax error is not touched. Before anything is written, the result is parsed
//! again and must give the same syntax tree as the original: formatting never changes meaning.
//! An entry the serializer cannot write back exactly (a line indented deeper than a placeable
//! that starts a line) keeps its author's layout.

use std::path::Path;

use fluent_syntax::ast;
use fluent_syntax::parser::parse;
use fluent_syntax::serializer::serialize;

use crate::edit::layout::{Kind, Located, Style, locate, without_bom};
use crate::edit::{FileError, lf_text};
use crate::error::{Error, Result};
use crate::fs::{Durability, write_atomically};

/// What formatting a file did, or (checking) would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The file is formatted already.
    Unchanged,
    /// The file was (or would be) rewritten: its text before and after.
    Formatted {
        /// The file as it was.
        before: String,
        /// The file formatted.
        after: String,
    },
    /// The file was left as it is, and why.
    Refused(FileError),
}

/// Formats the file at `path`; writes it (through a temporary file renamed over it) when
/// `write` is set and it changed.
///
/// # Errors
/// When the file cannot be read or written.
pub fn format_file(path: &Path, write: bool) -> Result<Outcome> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = crate::fs::read_file(path).map_err(io)?;
    let before = match FileError::utf8(bytes) {
        Ok(text) => text,
        Err(err) => return Ok(Outcome::Refused(err)),
    };
    let after = match format(&before) {
        Ok(after) => after,
        Err(err) => return Ok(Outcome::Refused(err)),
    };
    if after == before {
        return Ok(Outcome::Unchanged);
    }
    if write {
        write_atomically(path, after.as_bytes(), Durability::Durable)?;
    }
    Ok(Outcome::Formatted { before, after })
}

/// `text` formatted; the same string when it already is.
///
/// # Example
/// ```
/// let text = "# The page's title.\ntitle=Hello\n\n\n\nbody =\n  two\n  lines\n";
/// let formatted = folio::edit::fmt::format(text)?;
/// assert_eq!(formatted, "# The page's title.\ntitle = Hello\n\nbody =\n    two\n    lines\n");
/// # Ok::<(), folio::edit::FileError>(())
/// ```
///
/// # Errors
/// When `text` has a syntax error, or (a formatter bug) when formatting would change its
/// syntax tree.
pub fn format(text: &str) -> std::result::Result<String, FileError> {
    let style = Style::of(text);
    let lf = lf_text(text)?;
    let lf = lf.as_ref();
    let resource = parse(lf).map_err(|(_, errors)| FileError::syntax(lf, &errors))?;
    let located = locate(lf, &resource);
    let original = |i: usize| format!("{}\n", lf[located[i].span.clone()].trim_end_matches('\n'));
    let mut pieces: Vec<String> = resource
        .body
        .iter()
        .enumerate()
        .map(|(i, entry)| match entry {
            // Free comments stay word for word: the serializer is lossy on some (a line that
            // ends in a bare CR, a last `# ` with no newline after it).
            ast::Entry::Comment(_)
            | ast::Entry::GroupComment(_)
            | ast::Entry::ResourceComment(_) => original(i),
            // Parsers disagree on such an entry's text (see `placeable_indented_deeper`).
            _ if placeable_indented_deeper(&lf[located[i].span.clone()]) => original(i),
            _ => {
                let serialized = serialize(&ast::Resource {
                    body: vec![entry.clone()],
                });
                format!("{}\n", serialized.trim_end_matches('\n'))
            }
        })
        .collect();
    if pieces.is_empty() {
        return Ok(text.to_string());
    }
    // What is written must parse to the same syntax tree, in the file's own conventions (a
    // missing final newline, CRLF): the serializer cannot write every pattern back (a line
    // indented deeper than a placeable at the start of a line loses its indent), and such an
    // entry keeps the author's layout.
    let written = |pieces: &[String]| style.apply(&join(lf, &located, pieces));
    let mut out = written(&pieces);
    let differing = differences(&out, &resource);
    if !differing.is_empty() {
        for i in differing {
            pieces[i] = original(i);
        }
        out = written(&pieces);
        if !differences(&out, &resource).is_empty() {
            // A carriage return on its own (`a = A\n\r`): fluent-syntax reads the line as
            // part of the value, and no layout writes that back. Say where it is.
            let stray = lf
                .match_indices('\r')
                .find(|(at, _)| !lf[at + 1..].starts_with('\n'));
            return Err(match stray {
                Some((at, _)) => FileError::carriage_return(lf, at),
                None => FileError::Changed,
            });
        }
    }
    Ok(out)
}

/// The entries' new texts, with one blank line where the file had one or more.
fn join(source: &str, located: &[Located], pieces: &[String]) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            let gap = &source[located[i - 1].span.end..located[i].span.start];
            if gap.contains('\n') || needs_blank_line(located[i - 1].kind, located[i].kind) {
                out.push('\n');
            }
        }
        out.push_str(piece);
    }
    out
}

/// The indexes of the entries of `original` that `text` (a file as written: a byte order
/// mark, CRLF) does not parse back to (all of them when it does not even have as many).
fn differences(text: &str, original: &ast::Resource<&str>) -> Vec<usize> {
    let text = without_bom(text).replace("\r\n", "\n");
    let parsed = match parse(text.as_str()) {
        Ok(parsed) | Err((parsed, _)) => parsed,
    };
    if parsed.body.len() != original.body.len() {
        return (0..original.body.len()).collect();
    }
    (0..original.body.len())
        .filter(|&i| parsed.body[i] != original.body[i])
        .collect()
}

/// Whether a line of `entry` (its source) after the first starts with a placeable and is
/// indented deeper than the least indented of those lines. fluent-rs drops all of that
/// line's indent; the Fluent spec, and the reference parsers in JavaScript and Python, keep
/// what is beyond the common indent as text. Serializing fluent-rs's tree would silently
/// change the message for them (a `kab` file of mozilla.org's lost a space), so such an entry
/// keeps its author's layout. Comment lines are not the entry's pattern and do not count.
fn placeable_indented_deeper(entry: &str) -> bool {
    let lines = entry
        .lines()
        .skip_while(|line| line.starts_with('#'))
        .skip(1)
        .filter(|line| !line.trim().is_empty());
    let mut least = usize::MAX;
    let mut deepest_placeable = 0;
    for line in lines {
        let indent = line.len() - line.trim_start_matches(' ').len();
        least = least.min(indent);
        if line[indent..].starts_with('{') {
            deepest_placeable = deepest_placeable.max(indent);
        }
    }
    deepest_placeable > least
}

/// Whether two entries must be apart for the file to parse the same: a free comment right
/// above a message or term would become that entry's comment.
fn needs_blank_line(before: Kind, after: Kind) -> bool {
    before == Kind::Comment && matches!(after, Kind::Message | Kind::Term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_canonical_and_grouping_kept() {
        let text = "### Res\n## Group\na=A\nb =    B\n\n\n\n# About c\nc =\n  multi\n  line\n    .title   = T\n";
        assert_eq!(
            format(text).unwrap(),
            "### Res\n## Group\na = A\nb = B\n\n# About c\nc =\n    multi\n    line\n    .title = T\n"
        );
    }

    #[test]
    fn idempotent_and_keeps_conventions() {
        let text = "\u{feff}a = { $n ->\r\n  [one] one\r\n *[other] other\r\n}\r\nb = B";
        let once = format(text).unwrap();
        assert!(once.starts_with('\u{feff}'));
        assert!(once.contains("\r\n") && !once.replace("\r\n", "").contains('\n'));
        assert!(once.ends_with("b = B"));
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn refuses_junk() {
        let err = format("a = A\nb = { $x\n").unwrap_err();
        assert!(matches!(err, FileError::Syntax { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn comments_stay_word_for_word() {
        let text = "# free comment\n\n# attached\n#\n#   indented\nm = M\n";
        assert_eq!(format(text).unwrap(), text);
    }

    #[test]
    fn a_comment_the_serializer_would_change_stays_word_for_word_and_idempotent() {
        // A final comment line ending in a bare CR gained one more CR per run; a last `# `
        // with no newline lost its space, and the second run refused as a bug.
        for text in [
            "a = A\n# comment\r",
            "a = A\n# ",
            "\u{feff}a = A\n# ",
            "a = A\r\n# ",
            "# \n\na = A\n",
        ] {
            let once = format(text).unwrap();
            assert_eq!(once, text, "{text:?}");
        }
        // An empty comment line last (`#`, `##`, `###`, no newline after it) was taken for
        // the end of the entry before it, and formatting refused "as a bug".
        for text in [
            "a = A\n#",
            "a = A\n##",
            "a = A\n###",
            "a = A\n# x\n\n#",
            "a=A\n\n#\n\n#\nb = B\n",
            // Found by the fmt fuzz target: a comment, then an empty resource comment.
            "# c\nm = M\n\n# d\n###",
            "## g\n###",
        ] {
            let once = format(text).unwrap();
            assert_eq!(once, text.replace("a=A", "a = A"), "{text:?}");
        }
        // A carriage return alone on the last line is named, not refused "as a bug".
        assert!(matches!(
            format("a = A\n\r"),
            Err(FileError::CarriageReturn { line: 2, column: 1 })
        ));
        // And after a change elsewhere in the file, still.
        let once = format("a=A\n# comment\r").unwrap();
        assert_eq!(once, "a = A\n# comment\r");
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn a_placeable_indented_deeper_than_the_text_keeps_its_layout() {
        // From mozilla.org's `kab` translation: for the spec, the line's fifth space is text.
        let text = "m=\n    Taskant i { -b } i\n     { -c }, { -d })\nn=N\n";
        assert_eq!(
            format(text).unwrap(),
            "m=\n    Taskant i { -b } i\n     { -c }, { -d })\nn = N\n"
        );
        // As deep as the text: formatted as usual.
        let text = "m=\n    Taskant i\n    { -c }\n";
        assert_eq!(format(text).unwrap(), "m =\n    Taskant i\n    { -c }\n");
    }

    #[test]
    fn an_entry_the_serializer_cannot_write_keeps_its_layout() {
        let text = "key12 =\n{\".\"}\n    four\nnext=N\n";
        assert_eq!(
            format(text).unwrap(),
            "key12 =\n{\".\"}\n    four\nnext = N\n"
        );
    }
}
