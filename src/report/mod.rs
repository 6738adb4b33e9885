//! Printers for check results: one file per format, each writing into a writer.

use std::io::{self, Write};

use crate::check::CheckReport;
use crate::project::Project;

mod human;
mod json;

pub use json::{JsonFinding, JsonReport};

/// How `folio check` writes its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// For people: source lines with carets, `help:` lines, and a coverage table.
    Human,
    /// For machines: the stable JSON contract ([`JsonReport`]).
    Json,
}

/// Writes `report` in `format`; `color` asks for ANSI colours (human format only).
pub fn write_report(
    project: &Project,
    report: &CheckReport,
    format: ReportFormat,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ReportFormat::Human => human::write(project, report, color, out),
        ReportFormat::Json => json::write(report, out),
    }
}
