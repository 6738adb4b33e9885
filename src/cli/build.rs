//! `folio build`: the whole site as static files.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use folio::{BuildOptions, PublishOptions};
use indicatif::{ProgressBar, ProgressStyle};

use super::{BuiltIn, ExitStatus, locate};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write the site into (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// The site's public URL, for `hreflang` links and the sitemap (default: `folio.toml`'s
    /// `[site] base-url`; without one, links are relative).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,

    /// Leave out locales translated less than this percentage.
    #[arg(long, value_name = "PERCENT", value_parser = super::check::percent)]
    min_coverage: Option<f64>,

    /// The page template, a minijinja file (default: `folio.toml`'s `[site] template`, else the
    /// built-in one).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,

    /// A folder of templates replacing the built-in ones of each language's list of articles
    /// (`index.html`), feed (`feed.xml`), the list of languages (`languages.html`) and the
    /// not-found page (`404.html`) (default: `folio.toml`'s `[site] templates`).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,

    /// Render every page, even those whose sources did not change since the last build into
    /// this folder (by default only those are).
    #[arg(long)]
    full: bool,

    /// Write the pages with a message that could not be formatted too (by default they are
    /// withheld and the build fails); the errors are still listed.
    #[arg(long)]
    allow_errors: bool,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    // Each locale's parses live as long as its bundle: the build releases a locale when its
    // pages are written, so the site is never held whole.
    let project = locate(root, BuiltIn::Refused)?
        .open()?
        .with_retention(folio::Retention::Transient);
    let publish = PublishOptions {
        base_url: args.base_url.clone(),
        template: args.template.clone(),
        templates: args.templates.clone(),
        min_coverage: args.min_coverage,
        no_html: false,
    };
    let min_coverage = publish.min_coverage.or(project.check_config().min_coverage);
    let publication = folio::publish(project, &publish, None)?;
    let options = BuildOptions {
        out: args.out.clone(),
        allow_errors: args.allow_errors,
        full: args.full,
    };

    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} pages {msg}")
                .expect("the progress template is valid"),
        );
        Some(bar)
    } else {
        None
    };
    let progress = |done: usize, total: usize| {
        if let Some(bar) = &bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let report = folio::build(&publication, &options, &progress)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }

    let mut stderr = std::io::stderr().lock();
    for (locale, coverage) in &report.left_out {
        writeln!(
            stderr,
            "note: `{locale}` is left out: {coverage:.2}% translated, below the required {}%",
            min_coverage.unwrap_or_default()
        )?;
    }
    for (page, fallback) in &report.fallbacks {
        writeln!(
            stderr,
            "note: {page}: `{}` is not translated; using `{}`",
            fallback.message, fallback.locale
        )?;
    }
    for (page, error) in &report.errors {
        writeln!(
            stderr,
            "error: {page}: `{}` in `{}`: {}",
            error.message, error.locale, error.error
        )?;
    }
    for page in &report.withheld {
        writeln!(
            stderr,
            "error: {page} was not written: a message could not be formatted\n  help: fix the errors above, or pass --allow-errors to publish it as it renders"
        )?;
    }
    for link in &report.outside {
        writeln!(
            stderr,
            "error: {}: leads outside the project, to {}; it was not published\n  help: copy the file into the project instead of linking to it",
            link.path,
            link.target.display()
        )?;
    }
    if publication.publisher.links().base_url().is_none() {
        writeln!(
            stderr,
            "note: sitemap.xml and the feeds link relative URLs; pass --base-url (or set [site] base-url) for the full URLs search engines and feed readers need"
        )?;
    }
    summary(&report, &args.out, out)?;
    let errors_fail = !report.errors.is_empty() && !args.allow_errors;
    Ok(if !errors_fail && report.outside.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// What was written, and what the last build's record spared.
fn summary(report: &folio::BuildReport, dir: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    let locales = match report.locales.len() {
        1 => "1 locale".to_string(),
        n => format!("{n} locales"),
    };
    writeln!(
        out,
        "Wrote {} files for {locales} to {}.",
        report.files.len(),
        dir.display()
    )?;
    if report.unchanged > 0 || !report.removed.is_empty() {
        writeln!(
            out,
            "{} rendered, {} unchanged since the last build{}.",
            match report.rendered {
                1 => "1 page".to_string(),
                n => format!("{n} pages"),
            },
            report.unchanged,
            match report.removed.len() {
                0 => String::new(),
                1 => ", 1 file of it removed".to_string(),
                n => format!(", {n} files of it removed"),
            }
        )?;
    }
    Ok(())
}
