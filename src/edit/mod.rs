//! Editing locale files without losing anyone's work: formatting them (`fmt`), starting a
//! locale (`new`) and bringing one up to date with the reference (`sync`), and starting a
//! project (`init`).
//!
//! - `fmt.rs`: one file's text formatted, and `folio fmt`'s file loop;
//! - `sync.rs`: one file's text brought in line with the reference's (no I/O);
//! - `plan.rs`: which files of which locales `new` and `sync` change, read through the
//!   catalog; `stage.rs`: writing a plan;
//! - `record.rs`: each locale's record of the reference text its translations were made
//!   from, brought up to date by `new`, `sync` and `sync --confirm`;
//! - `quickfix.rs`: one finding repaired in a file's text, for editors' quick fixes;
//! - `rename.rs`: a message, term, attribute or variable renamed in every locale at once;
//! - `import/`: a Markdown article made a content file, its reference messages and its
//!   images, kept stable across re-imports (`folio import`);
//! - `init.rs`: a new project's files (`folio.toml`, an example article, `site.ftl`), created
//!   all or none, never over a file;
//! - `layout.rs`: where each entry's bytes are, and a file's conventions (BOM, line endings);
//!   `patch.rs`: replacements made in one pass.
//!
//! Every edit works on the file's own text and keeps the bytes it does not mean to change;
//! every write goes through a temporary file renamed over the original (`crate::fs`).

pub mod fmt;
pub mod import;
mod init;
mod layout;
mod patch;
mod plan;
pub mod quickfix;
pub mod record;
pub mod rename;
mod stage;
pub mod sync;

pub use init::{EXAMPLE_SLUG, InitOptions, NewProject, create_project, plan_init};
pub use plan::{FileSync, Plan, RecordSync, plan_new, plan_sync, plan_sync_confirming};
pub use stage::create_locale;

use fluent_syntax::parser::ParserError;

use crate::line_index::LineIndex;

/// Why a file cannot be edited: it is left as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The file holds text the parser cannot read: the first error's line, column and reason.
    Syntax {
        /// The line, from 1.
        line: usize,
        /// The column, in characters from 1.
        column: usize,
        /// The parser's reason.
        reason: String,
    },
    /// The file is not UTF-8 from this line and column on.
    InvalidUtf8 {
        /// The line, from 1.
        line: usize,
        /// The column, in characters from 1.
        column: usize,
    },
    /// A carriage return stands just before a line's end (`\r\r\n`): written with `\n`
    /// line endings it would become part of one, and the text would change.
    CarriageReturn {
        /// The line, from 1.
        line: usize,
        /// The column, in characters from 1.
        column: usize,
    },
    /// The edited text would not mean the same: a bug in folio, caught before anything was
    /// written.
    Changed,
}

impl FileError {
    /// The first of the parser's `errors` in `source`.
    fn syntax(source: &str, errors: &[ParserError]) -> FileError {
        let Some(error) = errors.first() else {
            return FileError::Changed;
        };
        let offset = error.pos.start.min(source.len());
        let location = LineIndex::new(source).location(source, offset);
        FileError::Syntax {
            line: location.line,
            column: location.column,
            reason: error.kind.to_string(),
        }
    }

    /// A stray carriage return at `offset` of `text`.
    pub(crate) fn carriage_return(text: &str, offset: usize) -> FileError {
        let at = LineIndex::new(text).location(text, offset);
        FileError::CarriageReturn {
            line: at.line,
            column: at.column,
        }
    }

    /// `bytes` as text, or where they stop being UTF-8.
    fn utf8(bytes: Vec<u8>) -> Result<String, FileError> {
        String::from_utf8(bytes).map_err(|err| {
            let valid = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
            let at = LineIndex::new(&text).location(&text, text.len());
            FileError::InvalidUtf8 {
                line: at.line,
                column: at.column,
            }
        })
    }

    /// The line and column the error is at, when it has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            FileError::Syntax { line, column, .. }
            | FileError::InvalidUtf8 { line, column }
            | FileError::CarriageReturn { line, column } => Some((*line, *column)),
            FileError::Changed => None,
        }
    }
}

/// `text` without its byte order mark and with `\n` line endings, as the editors work on it;
/// refused when a carriage return stands just before a line's end, which the conversion
/// would merge into the line ending (`#\r\r\n` would read `#` on the next run).
pub(crate) fn lf_text(text: &str) -> Result<std::borrow::Cow<'_, str>, FileError> {
    let body = layout::without_bom(text);
    if !body.contains('\r') {
        return Ok(std::borrow::Cow::Borrowed(body));
    }
    if let Some(offset) = body.find("\r\r\n") {
        return Err(FileError::carriage_return(body, offset));
    }
    Ok(std::borrow::Cow::Owned(body.replace("\r\n", "\n")))
}

impl std::error::Error for FileError {}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Syntax { reason, .. } => write!(f, "syntax error: {reason}"),
            FileError::InvalidUtf8 { .. } => f.write_str("the file is not UTF-8 from here on"),
            FileError::CarriageReturn { .. } => f.write_str(
                "a stray carriage return (`\\r`, shown as `^M`) that is not part of a line \
                 ending, which Fluent's parsers read differently; remove it, then run again",
            ),
            FileError::Changed => f.write_str(
                "the edit would change what the file means (a bug in folio; please report it)",
            ),
        }
    }
}
