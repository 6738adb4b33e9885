//! `folio check`: compare every locale with the reference.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use folio::{CheckOptions, ReportFormat, Severity};

use super::{ExitStatus, open_project};

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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Source lines with carets and help, then a coverage table.
    Human,
    /// The stable JSON contract.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Fail on warnings as well as errors.
    Warnings,
}

pub fn run(
    args: &Args,
    root: Option<&Path>,
    color: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
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
    };
    folio::write_report(&project, &report, format, color, out)?;
    let threshold = if args.deny.contains(&Deny::Warnings) {
        Severity::Warning
    } else {
        Severity::Error
    };
    Ok(
        if report.diagnostics.iter().any(|d| d.severity >= threshold) {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        },
    )
}
