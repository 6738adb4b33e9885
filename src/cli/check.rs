//! `folio check`: compare every locale with the reference.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use folio::watch::{ProjectWatcher, QUIET};
use folio::{
    CheckId, CheckOptions, Diagnostic, Project, ProjectLocation, ReportFormat, ReportOptions,
    Retention, Severity,
};

use super::{BuiltIn, ExitStatus, explain, locate, plural};

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
    #[arg(long, value_enum, default_value_t = ReportFormatArg::Human)]
    format: ReportFormatArg,

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

    /// Check again on every save, showing only what changed: new findings in full, fixed ones
    /// in a line each (human format; stop with Ctrl-C).
    #[arg(long)]
    watch: bool,
}

/// `--format`: [`ReportFormat`] on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ReportFormatArg {
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
    /// A short Markdown summary: coverage table, findings by locale and check (for a
    /// pull-request comment or `$GITHUB_STEP_SUMMARY`).
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Fail on warnings as well as errors.
    Warnings,
}

/// Opens the project to check: its parses are dropped locale by locale, so that a tree of
/// thousands of files is never held at once.
fn open(location: &ProjectLocation, reference: Option<&str>) -> anyhow::Result<Project> {
    Ok(super::open(location, reference)?.with_retention(Retention::Transient))
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
    let location = locate(args.path.as_deref().or(root), BuiltIn::Refused)?;
    let project = open(&location, args.reference.as_deref())?;
    let options = CheckOptions {
        locales: args.locales.clone(),
        exclude: args.exclude.clone(),
        min_coverage: args.min_coverage,
    };
    if args.watch {
        return watch(args, &location, &project, &options, color, out);
    }
    let report = folio::check(&project, &options)?;
    let format = match args.format {
        ReportFormatArg::Human => ReportFormat::Human,
        ReportFormatArg::Json => ReportFormat::Json,
        ReportFormatArg::Github => ReportFormat::Github,
        ReportFormatArg::Sarif => ReportFormat::Sarif,
        ReportFormatArg::Junit => ReportFormat::Junit,
        ReportFormatArg::Markdown => ReportFormat::Markdown,
    };
    let min_coverage = args.min_coverage.or(project.check_config().min_coverage);
    let report_options = ReportOptions {
        paths: project.paths(),
        color,
        min_coverage,
    };
    folio::write_report(&report, format, &report_options, out)?;
    let threshold = if args.deny.contains(&Deny::Warnings) {
        Severity::Warning
    } else {
        Severity::Error
    };
    let failed = report.diagnostics.iter().any(|d| d.severity >= threshold)
        || !report.below(min_coverage).is_empty();
    // The process ends here: freeing a large report finding by finding would take longer
    // than the operating system takes to reclaim it.
    std::mem::forget(report);
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// `--watch`: a full report, then, after each save, what changed.
fn watch(
    args: &Args,
    location: &ProjectLocation,
    project: &Project,
    options: &CheckOptions,
    color: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitStatus> {
    if args.format != ReportFormatArg::Human {
        anyhow::bail!(
            "--watch shows findings for people, in the human format\n  help: leave out --format, or run without --watch"
        );
    }
    let Some(root) = project.root().map(Path::to_path_buf) else {
        anyhow::bail!(
            "there are no files to watch here (only the project built into folio)\n  help: run in a project folder, or name one"
        );
    };
    let (notify, saves) = std::sync::mpsc::channel::<Vec<PathBuf>>();
    let mut watcher = ProjectWatcher::new(&root, move |paths| {
        let _ = notify.send(paths);
    })?;
    let report_options = ReportOptions {
        paths: project.paths(),
        color,
        min_coverage: args.min_coverage.or(project.check_config().min_coverage),
    };
    let report = folio::check(project, options)?;
    folio::write_report(&report, ReportFormat::Human, &report_options, out)?;
    let mut previous = report.diagnostics;
    writeln!(
        out,
        "Watching {} for changes (Ctrl-C to stop).",
        root.display()
    )?;
    out.flush()?;
    let root = root.canonicalize().unwrap_or(root);
    for run in 1.. {
        let Ok(mut paths) = saves.recv() else {
            break;
        };
        // An editor's save is several events: wait until the files are quiet.
        while let Ok(more) = saves.recv_timeout(QUIET) {
            paths.extend(more);
        }
        watcher.refresh();
        paths.sort();
        paths.dedup();
        // An editor's temporary files are not worth naming.
        let names: Vec<String> = paths
            .iter()
            .filter(|p| {
                p.is_dir()
                    || p.extension()
                        .is_some_and(|x| x == "ftl" || x == "toml" || x == "html")
            })
            .map(|p| p.strip_prefix(&root).unwrap_or(p).display().to_string())
            .collect();
        let names = if names.is_empty() {
            "files".to_string()
        } else {
            names.join(", ")
        };
        writeln!(out, "\n── run {run}: {names} changed")?;
        let project = open(location, args.reference.as_deref());
        let report = project.and_then(|p| Ok(folio::check(&p, options)?));
        let report = match report {
            Ok(done) => done,
            Err(err) => {
                writeln!(out, "error: {err:#}")?;
                out.flush()?;
                continue;
            }
        };
        let (new, fixed) = difference(&previous, &report.diagnostics);
        if !new.is_empty() {
            writeln!(out, "{} new:\n", new.len())?;
            folio::write_findings(&new, &report_options, out)?;
        }
        if !fixed.is_empty() {
            writeln!(out, "{} fixed:", fixed.len())?;
            for d in &fixed {
                writeln!(out, "  {}: {} [{}]", d.path, d.message, d.check)?;
            }
        }
        if new.is_empty() && fixed.is_empty() {
            writeln!(out, "Nothing new, nothing fixed.")?;
        }
        writeln!(
            out,
            "Now {}, {}.",
            plural(report.count(Severity::Error), "error", "errors"),
            plural(report.count(Severity::Warning), "warning", "warnings")
        )?;
        out.flush()?;
        previous = report.diagnostics;
    }
    Ok(ExitStatus::Success)
}

/// The findings of `now` that `before` did not have, and those of `before` that are gone.
/// A finding is the same when its check, file, entry and message are (its line may move).
fn difference(before: &[Diagnostic], now: &[Diagnostic]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    fn key(d: &Diagnostic) -> (CheckId, &str, Option<&str>, Option<&str>, &str) {
        (
            d.check,
            d.path.as_str(),
            d.entry.as_deref(),
            d.attribute.as_deref(),
            d.message.as_str(),
        )
    }
    let mut counts: HashMap<_, isize> = HashMap::new();
    for d in before {
        *counts.entry(key(d)).or_default() += 1;
    }
    let mut new = Vec::new();
    for d in now {
        let count = counts.entry(key(d)).or_default();
        if *count > 0 {
            *count -= 1;
        } else {
            new.push(d.clone());
        }
    }
    let mut remaining = counts;
    let fixed = before
        .iter()
        .filter(|d| {
            let count = remaining.entry(key(d)).or_default();
            if *count > 0 {
                *count -= 1;
                true
            } else {
                false
            }
        })
        .cloned()
        .collect();
    (new, fixed)
}
