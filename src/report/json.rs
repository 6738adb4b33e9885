//! The JSON contract of `folio check`: stable, extended only by new fields.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::check::{CheckReport, LocaleStats};
use crate::diagnostic::{Diagnostic, Severity};
use crate::report::ReportOptions;

/// The whole JSON document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    /// Every finding, sorted by path and position.
    pub findings: Vec<JsonFinding>,
    /// Completeness of each checked locale.
    pub locales: Vec<LocaleStats>,
    /// The minimum coverage and the locales below it, when a minimum is set
    /// (`--min-coverage`, `[check] min-coverage`); each of those lists its entries that are
    /// not done in `not_done`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<JsonCoverage>,
}

/// The minimum coverage, and the locales below it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonCoverage {
    /// The minimum, in percent.
    pub required: f64,
    /// The locales below it.
    pub below: Vec<String>,
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
    /// Where the finding's span ends (line), or `null` with `line`.
    #[serde(default)]
    pub end_line: Option<usize>,
    /// Where the finding's span ends (column, exclusive), or `null` with `line`.
    #[serde(default)]
    pub end_column: Option<usize>,
    /// The message or term id (terms keep their `-`), or `null` for file-level findings.
    pub entry: Option<String>,
    /// The attribute, for findings about one attribute.
    pub attribute: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// A finding as the contract writes it, borrowing the diagnostic (see [`JsonFinding`]).
#[derive(Serialize)]
struct Finding<'a> {
    check: &'a str,
    severity: Severity,
    locale: Option<&'a str>,
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    entry: Option<&'a str>,
    attribute: Option<&'a str>,
    message: &'a str,
    help: &'a str,
}

impl<'a> From<&'a Diagnostic> for Finding<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        Finding {
            check: d.check.name(),
            severity: d.severity,
            locale: d.locale.as_deref(),
            path: &d.path,
            line: d.location.map(|l| l.line),
            column: d.location.map(|l| l.column),
            end_line: d.end.map(|l| l.line),
            end_column: d.end.map(|l| l.column),
            entry: d.entry.as_deref(),
            attribute: d.attribute.as_deref(),
            message: &d.message,
            help: &d.help,
        }
    }
}

pub(crate) fn write(
    report: &CheckReport,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    // `{"findings":[…],"locales":[…]}`, with the findings serialized in parallel chunks.
    let chunks: Vec<Vec<u8>> = report
        .diagnostics
        .par_chunks(2048)
        .map(|chunk| {
            let mut bytes = Vec::with_capacity(chunk.len() * 256);
            for (i, diagnostic) in chunk.iter().enumerate() {
                if i > 0 {
                    bytes.push(b',');
                }
                serde_json::to_writer(&mut bytes, &Finding::from(diagnostic))
                    .expect("serializing into memory cannot fail");
            }
            bytes
        })
        .collect();
    out.write_all(b"{\"findings\":[")?;
    for (i, chunk) in chunks.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(chunk)?;
    }
    out.write_all(b"],\"locales\":")?;
    serde_json::to_writer(&mut *out, &report.locales)?;
    if let Some(required) = options.min_coverage {
        let coverage = JsonCoverage {
            required,
            below: report
                .below(Some(required))
                .iter()
                .map(|l| l.locale.clone())
                .collect(),
        };
        out.write_all(b",\"coverage\":")?;
        serde_json::to_writer(&mut *out, &coverage)?;
    }
    writeln!(out, "}}")
}
