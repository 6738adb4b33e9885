//! Findings as data: what a check found, where, and how to fix it — and the vocabulary that
//! names them: every check's id and default severity.
//!
//! The checks themselves (their code, their scope and their documentation) live in
//! `check/`; this module only names them, so that configuration, printers and the engine agree
//! on one list.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::line_index::{LineIndex, Location, lines_around, snap_to_chars};

/// Declares [`CheckId`] with each check's id and default severity, in one list.
macro_rules! check_ids {
    ($($variant:ident => $name:literal, $severity:ident;)*) => {
        /// Every check, by its stable id. The id is part of Folio's interface (JSON, config).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum CheckId {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl CheckId {
            /// Every check, in the order `folio check --list` shows them.
            pub const ALL: &[CheckId] = &[$(CheckId::$variant),*];

            /// The check's id, as in JSON and configuration: `missing-message`.
            pub fn name(self) -> &'static str {
                match self {
                    $(CheckId::$variant => $name,)*
                }
            }

            /// How much its findings matter unless `folio.toml` says otherwise.
            pub fn severity(self) -> Severity {
                match self {
                    $(CheckId::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

// Errors break a page or lose a reader's text; warnings are incomplete, left over or
// suspicious work that still renders (falling back where it must); notes are worth a look.
check_ids! {
    SyntaxError => "syntax-error", Error;
    UnreadableFile => "unreadable-file", Error;
    InvalidUtf8 => "invalid-utf8", Error;
    DuplicateEntry => "duplicate-entry", Error;
    DuplicateAttribute => "duplicate-attribute", Warning;
    DuplicateVariant => "duplicate-variant", Warning;
    InvalidLocale => "invalid-locale", Error;
    MissingFile => "missing-file", Warning;
    ObsoleteFile => "obsolete-file", Warning;
    MissingMessage => "missing-message", Warning;
    ObsoleteMessage => "obsolete-message", Warning;
    MissingValue => "missing-value", Error;
    ObsoleteValue => "obsolete-value", Error;
    MissingAttribute => "missing-attribute", Error;
    ObsoleteAttribute => "obsolete-attribute", Error;
    EmptyValue => "empty-value", Warning;
    MissingVariable => "missing-variable", Warning;
    UnknownVariable => "unknown-variable", Error;
    UnknownMessageReference => "unknown-message-reference", Error;
    UnknownTermReference => "unknown-term-reference", Error;
    ReferenceCycle => "reference-cycle", Error;
    UnknownFunction => "unknown-function", Error;
    InvalidFunctionCall => "invalid-function-call", Error;
    MissingPluralCategory => "missing-plural-category", Warning;
    UnreachableVariant => "unreachable-variant", Warning;
    Untranslated => "untranslated", Warning;
    Outdated => "outdated", Warning;
    InvalidRecord => "invalid-record", Warning;
    MarkupMismatch => "markup-mismatch", Warning;
    ForbiddenMarkup => "forbidden-markup", Error;
    UnbalancedMarkup => "unbalanced-markup", Error;
    MissingLink => "missing-link", Warning;
    UnknownLink => "unknown-link", Error;
    Whitespace => "whitespace", Warning;
    ReplacementCharacter => "replacement-character", Error;
    DroppedTermReference => "dropped-term-reference", Info;
    DroppedMessageReference => "dropped-message-reference", Info;
    UnknownBlockMessage => "unknown-block-message", Error;
    ContentOutsideProject => "content-outside-project", Error;
    MissingAsset => "missing-asset", Error;
    SlugMismatch => "slug-mismatch", Warning;
    UndefinedLink => "undefined-link", Error;
    LocaleOutsideProject => "locale-outside-project", Error;
}

impl CheckId {
    /// The check with id `name`.
    pub fn from_name(name: &str) -> Option<CheckId> {
        CheckId::ALL.iter().copied().find(|c| c.name() == name)
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for CheckId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for CheckId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        CheckId::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown check `{name}`")))
    }
}

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Fails the run only with `--deny warnings`.
    Warning,
    /// Fails the run.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding of one check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The check that found it.
    pub check: CheckId,
    /// How much it matters.
    pub severity: Severity,
    /// The locale folder it is about; `None` for project-level findings (content files).
    pub locale: Option<String>,
    /// The file, relative to the project root, with `/` separators.
    pub path: String,
    /// The bytes of `path` it points at, when it points somewhere.
    pub span: Option<Range<usize>>,
    /// Where `span` starts.
    pub location: Option<Location>,
    /// Where `span` ends.
    pub end: Option<Location>,
    /// The source lines `span` touches, for printers that show them.
    pub excerpt: Option<Excerpt>,
    /// The message or term id (terms keep their `-`); `None` for file-level findings.
    pub entry: Option<String>,
    /// The attribute, for findings about one attribute.
    pub attribute: Option<String>,
    /// What is wrong, naming the item in backticks.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// A text that fixes the finding when it replaces `span` (the name a misspelt one most
    /// likely meant), for editors' quick fixes.
    pub replacement: Option<String>,
}

/// The longest excerpt kept, in bytes.
const MAX_EXCERPT: usize = 2048;

/// The whole source lines a finding points into (or a window of a very long line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The number of the first line.
    pub line: usize,
    /// The lines, without the last one's line ending.
    pub text: String,
    /// The finding's span within `text`.
    pub span: Range<usize>,
}

impl Diagnostic {
    /// A finding of `check` in `path`, with the check's default severity.
    pub(crate) fn new(check: CheckId, path: &str, message: String) -> Self {
        Diagnostic {
            check,
            severity: check.severity(),
            locale: None,
            path: path.to_string(),
            span: None,
            location: None,
            end: None,
            excerpt: None,
            entry: None,
            attribute: None,
            message,
            help: String::new(),
            replacement: None,
        }
    }

    pub(crate) fn locale(mut self, locale: &str) -> Self {
        self.locale = Some(locale.to_string());
        self
    }

    /// Points the finding at the bytes `span` of `source` (whose line index is `lines`),
    /// keeping the lines it touches so that printers need not hold the file.
    pub(crate) fn at(mut self, source: &str, lines: &LineIndex, span: Range<usize>) -> Self {
        let span = snap_to_chars(source, span);
        let mut around = lines_around(source, &span);
        // A line of megabytes (a minified file) is shown as a window around the span.
        if around.len() > MAX_EXCERPT {
            let start = snap_to_chars(
                source,
                span.start.saturating_sub(MAX_EXCERPT / 4)..span.start,
            )
            .start;
            let end = snap_to_chars(
                source,
                span.end..(span.end + MAX_EXCERPT / 4).min(source.len()),
            )
            .end;
            around = start.max(around.start)..end.min(around.end).max(span.end.min(around.end));
        }
        let location = lines.location(source, span.start);
        self.excerpt = Some(Excerpt {
            line: location.line,
            text: source[around.clone()].to_string(),
            span: span.start - around.start..(span.end.min(around.end)) - around.start,
        });
        self.end = Some(lines.location(source, span.end));
        self.location = Some(location);
        self.span = Some(span);
        self
    }

    pub(crate) fn entry(mut self, entry: impl Into<String>) -> Self {
        self.entry = Some(entry.into());
        self
    }

    pub(crate) fn attribute(mut self, attribute: impl Into<String>) -> Self {
        self.attribute = Some(attribute.into());
        self
    }

    pub(crate) fn replacement(self, replacement: &str) -> Self {
        self.replacement_opt(Some(replacement))
    }

    pub(crate) fn replacement_opt(mut self, replacement: Option<&str>) -> Self {
        self.replacement = replacement.map(str::to_string);
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    /// The order findings are reported in: by file, then position, then check.
    pub(crate) fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.path,
            self.location.map_or((0, 0), |l| (l.line, l.column)),
            self.check,
            &self.entry,
            &self.attribute,
        )
    }
}

/// How the paths findings name (relative to the project's root, with `/`) are shown to
/// users: under the folder the project was opened from, as they would type it.
///
/// Printers take this rather than the project: where a file is, is all they need to know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathDisplay {
    base: std::path::PathBuf,
}

impl PathDisplay {
    /// Paths under `base` (an empty path: as they are).
    pub fn under(base: &std::path::Path) -> Self {
        PathDisplay {
            base: base.to_path_buf(),
        }
    }

    /// Where the file at `path` (relative to the project's root) is, for a user.
    pub fn show(&self, path: &str) -> std::path::PathBuf {
        self.base.join(path)
    }
}
