//! The human format: each finding with its source line and a caret, grouped by file, then a
//! summary and a per-locale coverage table.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use rayon::prelude::*;

use crate::check::CheckReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::report::{ReportOptions, below_message};

pub(crate) fn write(
    report: &CheckReport,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_findings(&report.diagnostics, options, out)?;
    summary(report, out)?;
    coverage_table(report, out)?;
    if let Some(min) = options.min_coverage {
        let below = report.below(Some(min));
        if !below.is_empty() {
            writeln!(out)?;
        }
        for locale in below {
            writeln!(out, "error[coverage]: {}", below_message(locale, min))?;
        }
    }
    Ok(())
}

/// Each of `diagnostics` with its source line and caret, in order.
pub(crate) fn write_findings(
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Rendering a finding is the costly part; do it on every core, then write in order.
    let texts: Vec<String> = diagnostics
        .par_iter()
        .map(|diagnostic| {
            let display = options.paths.show(&diagnostic.path);
            let display = display.to_string_lossy();
            match (&diagnostic.excerpt, options.color) {
                // Most findings of a large tree (a missing message) point at no line: they are
                // written directly, byte for byte as annotate-snippets would write them.
                (None, false) => render_plain_origin(diagnostic, &display),
                _ => render(&renderer, diagnostic, &display),
            }
        })
        .collect();
    for text in texts {
        writeln!(out, "{text}\n")?;
    }
    Ok(())
}

fn render(renderer: &Renderer, d: &Diagnostic, display: &str) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = level.primary_title(d.message.as_str()).id(d.check.name());
    let group = match &d.excerpt {
        Some(excerpt) => {
            let span = if excerpt.span.is_empty() {
                excerpt.span.start
                    ..crate::line_index::next_char_boundary(&excerpt.text, excerpt.span.start)
            } else {
                excerpt.span.clone()
            };
            title.element(
                Snippet::source(excerpt.text.as_str())
                    .line_start(excerpt.line)
                    .path(display)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        None => title.element(Origin::path(display)),
    };
    let mut report: Vec<Group> = vec![group];
    if !d.help.is_empty() {
        report.push(Group::with_title(
            Level::HELP.secondary_title(d.help.as_str()),
        ));
    }
    renderer.render(&report)
}

/// What [`render`] writes, without colour, for a finding with no excerpt.
fn render_plain_origin(d: &Diagnostic, display: &str) -> String {
    let mut text = format!(
        "{}[{}]: {}\n --> {display}",
        d.severity,
        d.check.name(),
        d.message
    );
    if !d.help.is_empty() {
        text.push_str("\n  |\nhelp: ");
        text.push_str(&d.help);
    }
    text
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
    // Entries marked `# folio: untranslated`, and outdated ones, get a column when there are
    // any.
    let untranslated = report.locales.iter().any(|l| l.untranslated > 0);
    let outdated = report.locales.iter().any(|l| l.outdated > 0);
    write!(
        out,
        "{:<width$}  {:>7}  {:>7}  {:>7}  {:>8}",
        "locale", "entries", "present", "missing", "obsolete"
    )?;
    if untranslated {
        write!(out, "  {:>12}", "untranslated")?;
    }
    if outdated {
        write!(out, "  {:>8}", "outdated")?;
    }
    writeln!(out, "  {:>8}", "coverage")?;
    for l in &report.locales {
        write!(
            out,
            "{:<width$}  {:>7}  {:>7}  {:>7}  {:>8}",
            l.locale, l.entries, l.present, l.missing, l.obsolete
        )?;
        if untranslated {
            write!(out, "  {:>12}", l.untranslated)?;
        }
        if outdated {
            write!(out, "  {:>8}", l.outdated)?;
        }
        writeln!(out, "  {:>7.2}%", l.coverage)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::CheckId;

    #[test]
    fn the_direct_path_writes_what_annotate_snippets_writes() {
        let mut d = Diagnostic::new(
            CheckId::MissingMessage,
            "locales/de/a.ftl",
            "the message `größe` is missing".to_string(),
        )
        .help("translate it from locales/en-US/a.ftl:12");
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            d.severity = severity;
            let expected = render(&Renderer::plain(), &d, "locales/de/a.ftl");
            assert_eq!(render_plain_origin(&d, "locales/de/a.ftl"), expected);
        }
        d.help.clear();
        let expected = render(&Renderer::plain(), &d, "locales/de/a.ftl");
        assert_eq!(render_plain_origin(&d, "locales/de/a.ftl"), expected);
    }
}
