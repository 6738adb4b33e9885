//! The human format: each finding with its source line and a caret, grouped by file, then a
//! summary and a per-locale coverage table.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::check::CheckReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::project::Project;

pub(crate) fn write(
    project: &Project,
    report: &CheckReport,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for diagnostic in &report.diagnostics {
        let display = project.display_path(&diagnostic.path);
        let display = display.to_string_lossy();
        let source = project.source(&diagnostic.path);
        writeln!(out, "{}", render(&renderer, diagnostic, &display, source))?;
        writeln!(out)?;
    }
    summary(report, out)?;
    coverage_table(report, out)
}

fn render(renderer: &Renderer, d: &Diagnostic, display: &str, source: Option<&str>) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = level.primary_title(d.message.as_str()).id(d.check.name());
    let group = match (source, &d.span, d.location) {
        (Some(source), Some(span), Some(location)) => {
            // Show only the lines the span touches: a snippet of the whole file would make
            // the renderer walk every line for every finding.
            let lines = crate::source::lines_around(source, span);
            let excerpt = &source[lines.clone()];
            let start = span.start - lines.start;
            let end = (span.end - lines.start).clamp(start, excerpt.len());
            let end = if end == start {
                crate::source::next_char_boundary(excerpt, start)
            } else {
                end
            };
            title.element(
                Snippet::source(excerpt)
                    .line_start(location.line)
                    .path(display)
                    .annotation(AnnotationKind::Primary.span(start..end)),
            )
        }
        _ => title.element(Origin::path(display)),
    };
    let mut report: Vec<Group> = vec![group];
    if !d.help.is_empty() {
        report.push(Group::with_title(
            Level::HELP.secondary_title(d.help.as_str()),
        ));
    }
    renderer.render(&report)
}

fn summary(report: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let infos = report.count(Severity::Info);
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    if errors + warnings + infos == 0 {
        writeln!(out, "No findings.")?;
    } else {
        let mut parts = vec![plural(errors, "error"), plural(warnings, "warning")];
        if infos > 0 {
            parts.push(plural(infos, "note"));
        }
        writeln!(out, "Found {}.", parts.join(", "))?;
    }
    writeln!(out)
}

fn coverage_table(report: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    if report.locales.is_empty() {
        return Ok(());
    }
    let width = report
        .locales
        .iter()
        .map(|l| l.locale.chars().count())
        .max()
        .unwrap_or(0)
        .max("locale".len());
    writeln!(
        out,
        "{:<width$}  {:>7}  {:>7}  {:>7}  {:>8}  {:>8}",
        "locale", "entries", "present", "missing", "obsolete", "coverage"
    )?;
    for l in &report.locales {
        writeln!(
            out,
            "{:<width$}  {:>7}  {:>7}  {:>7}  {:>8}  {:>7.2}%",
            l.locale, l.entries, l.present, l.missing, l.obsolete, l.coverage
        )?;
    }
    Ok(())
}
