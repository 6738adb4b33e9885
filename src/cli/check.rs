//! `folio check`: compare every locale with the reference.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use folio::{CheckOptions, ReportFormat, ReportOptions, Severity};

use super::{ExitStatus, explain, open_project};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project or tree to check: a Folio project, or any folder of locale folders
    /// (`<locale>/**/*.ftl`, Mozilla's layout). Same as `--root`.
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,

    /// The locale every other is compared with (default: `folio.toml`'s, else `en-US`).
    #[arg(long, value_name = "TAG")]
    reference: Option<String>,

    /// Check only this locale (repeatable).
    #[arg(long = "locale", value_name = "TAG")]
    locales: Vec<String>,

    /// Leave this locale out (repeatable).
    #[arg(long, value_name = "TAG")]
    exclude: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Also fail the run on findings of this severity.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    deny: Vec<Deny>,

    /// Fail the run when a locale's coverage is below this percentage (default:
    /// `folio.toml`'s `[check] min-coverage`).
    #[arg(long, value_name = "PERCENT", value_parser = percent)]
    min_coverage: Option<f64>,

    /// List the checks, with their default severity, and exit.
    #[arg(long)]
    list: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Source lines with carets and help, then a coverage table.
    Human,
    /// The stable JSON contract.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML, for CI test reports.
    Junit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Fail on warnings as well as errors.
    Warnings,
}

pub fn percent(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("`{text}` is not between 0 and 100"))
    }
}

pub fn run(
    args: &Args,
    root: Option<&Path>,
    color: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    if args.list {
        return explain::list(out);
    }
    let path = args.path.as_deref().or(root);
    let project = open_project(path, args.reference.as_deref())?;
    let options = CheckOptions {
        locales: args.locales.clone(),
        exclude: args.exclude.clone(),
    };
    let report = folio::check(&project, &options)?;
    let format = match args.format {
        Format::Human => ReportFormat::Human,
        Format::Json => ReportFormat::Json,
        Format::Github => ReportFormat::Github,
        Format::Sarif => ReportFormat::Sarif,
        Format::Junit => ReportFormat::Junit,
    };
    let min_coverage = args.min_coverage.or(project.check_config().min_coverage);
    let report_options = ReportOptions {
        color,
        min_coverage,
    };
    folio::write_report(&project, &report, format, &report_options, out)?;
    let threshold = if args.deny.contains(&Deny::Warnings) {
        Severity::Warning
    } else {
        Severity::Error
    };
    let failed = report.diagnostics.iter().any(|d| d.severity >= threshold)
        || !report.below(min_coverage).is_empty();
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
