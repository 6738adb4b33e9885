//! The JSON contract of `folio check`: stable, extended only by new fields.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::check::{CheckReport, LocaleStats};
use crate::diagnostic::Severity;

/// The whole JSON document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    /// Every finding, sorted by path and position.
    pub findings: Vec<JsonFinding>,
    /// Completeness of each checked locale.
    pub locales: Vec<LocaleStats>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonFinding {
    /// The check's id, e.g. `missing-attribute`.
    pub check: String,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The locale folder, or `null` for project-level findings.
    pub locale: Option<String>,
    /// The file, relative to the checked root, with `/` separators.
    pub path: String,
    /// 1-based line, or `null` when the finding is about a whole file or an absent entry.
    pub line: Option<usize>,
    /// 1-based column in characters, or `null` with `line`.
    pub column: Option<usize>,
    /// The message or term id (terms keep their `-`), or `null` for file-level findings.
    pub entry: Option<String>,
    /// The attribute, for findings about one attribute.
    pub attribute: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl From<&CheckReport> for JsonReport {
    fn from(report: &CheckReport) -> Self {
        JsonReport {
            findings: report
                .diagnostics
                .iter()
                .map(|d| JsonFinding {
                    check: d.check.name().to_string(),
                    severity: d.severity,
                    locale: d.locale.clone(),
                    path: d.path.clone(),
                    line: d.location.map(|l| l.line),
                    column: d.location.map(|l| l.column),
                    entry: d.entry.clone(),
                    attribute: d.attribute.clone(),
                    message: d.message.clone(),
                    help: d.help.clone(),
                })
                .collect(),
            locales: report.locales.clone(),
        }
    }
}

pub(crate) fn write(report: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &JsonReport::from(report))?;
    writeln!(out)
}
