//! Printers for check results: one file per format, each writing into a writer.

use std::io::{self, Write};

use crate::check::{CheckReport, LocaleStats};
use crate::diagnostic::{Diagnostic, PathDisplay};

mod github;
mod human;
mod json;
mod junit;
mod markdown;
mod sarif;

pub use json::{JsonFinding, JsonReport};

/// How `folio check` writes its findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// For people: source lines with carets, `help:` lines, and a coverage table.
    Human,
    /// For machines: the stable JSON contract ([`JsonReport`]).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), shown on pull requests.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML, for CI test reports.
    Junit,
    /// A short GitHub-flavoured Markdown summary (coverage table, findings by locale and
    /// check), for a pull-request comment or a GitHub job summary.
    Markdown,
}

impl ReportFormat {
    /// Every format.
    pub const ALL: [ReportFormat; 6] = [
        ReportFormat::Human,
        ReportFormat::Json,
        ReportFormat::Github,
        ReportFormat::Sarif,
        ReportFormat::Junit,
        ReportFormat::Markdown,
    ];
}

/// How to print a report.
#[derive(Clone, Debug, Default)]
pub struct ReportOptions {
    /// How to show the files findings name (`Project::paths`); as they are by default.
    pub paths: PathDisplay,
    /// Colour the human format with ANSI escapes.
    pub color: bool,
    /// The coverage every locale must reach, in percent; those below it are reported.
    pub min_coverage: Option<f64>,
}

/// Writes `report` in `format`.
pub fn write_report(
    report: &CheckReport,
    format: ReportFormat,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ReportFormat::Human => human::write(report, options, out),
        ReportFormat::Json => json::write(report, options, out),
        ReportFormat::Github => github::write(report, options, out),
        ReportFormat::Sarif => sarif::write(report, options, out),
        ReportFormat::Junit => junit::write(report, options, out),
        ReportFormat::Markdown => markdown::write(report, options, out),
    }
}

/// Writes `diagnostics` in the human format, each with its source line, and nothing else (no
/// summary, no coverage table): for showing some findings, such as those that are new.
///
/// # Errors
/// When writing fails.
pub fn write_findings(
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    human::write_findings(diagnostics, options, out)
}

/// How many entries that are not done a coverage failure names in its sentence (JSON lists
/// them all).
const NAMED_NOT_DONE: usize = 10;

/// The sentence that says a locale is below the minimum coverage, and which entries keep it
/// there.
fn below_message(locale: &LocaleStats, min: f64) -> String {
    let mut counts = vec![format!("{} missing", locale.missing)];
    if locale.untranslated > 0 {
        counts.push(format!("{} untranslated", locale.untranslated));
    }
    if locale.outdated > 0 {
        counts.push(format!("{} outdated", locale.outdated));
    }
    let mut message = format!(
        "`{}` is {:.2}% translated, below the required {min}% (of {} entries: {})",
        locale.locale,
        locale.coverage,
        locale.entries,
        counts.join(", ")
    );
    if !locale.not_done.is_empty() {
        let named: Vec<String> = locale
            .not_done
            .iter()
            .take(NAMED_NOT_DONE)
            .map(|n| format!("`{}` ({}, {})", n.entry, n.reason.as_str(), n.path))
            .collect();
        message.push_str(": ");
        message.push_str(&named.join(", "));
        let more = locale.not_done.len().saturating_sub(NAMED_NOT_DONE);
        if more > 0 {
            message = format!("{message} and {more} more (the JSON report lists them all)");
        }
    }
    message
}
