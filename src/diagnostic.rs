//! Findings as data: what a check found, where, and how to fix it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::check::CheckId;
use crate::source::Location;

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
    /// The message or term id (terms keep their `-`); `None` for file-level findings.
    pub entry: Option<String>,
    /// The attribute, for findings about one attribute.
    pub attribute: Option<String>,
    /// What is wrong, naming the item in backticks.
    pub message: String,
    /// How to fix it.
    pub help: String,
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
            entry: None,
            attribute: None,
            message,
            help: String::new(),
        }
    }

    pub(crate) fn locale(mut self, locale: &str) -> Self {
        self.locale = Some(locale.to_string());
        self
    }

    /// Points the finding at `span`, whose start is at `location`.
    pub(crate) fn at(mut self, span: Range<usize>, location: Location) -> Self {
        self.span = Some(span);
        self.location = Some(location);
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
