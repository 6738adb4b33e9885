//! JUnit XML, the test-report format CI systems display: a test suite per locale, a test case
//! per finding (errors and warnings fail it; notes pass with the note as output) and a
//! `coverage` test case per locale when a minimum coverage is required.

use std::collections::BTreeMap;
use std::io::{self, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::check::CheckReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::report::{ReportOptions, below_message};

pub(crate) fn write(
    report: &CheckReport,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Suites by locale; project-level findings (content files) form the suite `project`.
    let mut suites: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for locale in &report.locales {
        suites.entry(locale.locale.as_str()).or_default();
    }
    for d in &report.diagnostics {
        suites
            .entry(d.locale.as_deref().unwrap_or("project"))
            .or_default()
            .push(d);
    }
    let failing = |d: &&&Diagnostic| d.severity != Severity::Info;
    let total_failures: usize = suites.values().flatten().filter(failing).count()
        + report.below(options.min_coverage).len();
    let total_tests: usize = suites.values().map(Vec::len).sum::<usize>()
        + options.min_coverage.map_or(0, |_| report.locales.len());
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="folio check" tests="{total_tests}" failures="{total_failures}">"#
    )?;
    for (suite, found) in &suites {
        let coverage = options.min_coverage.and_then(|min| {
            report
                .locales
                .iter()
                .find(|l| l.locale == *suite)
                .map(|l| (min, l))
        });
        let failures = found.iter().filter(failing).count()
            + usize::from(coverage.is_some_and(|(min, l)| l.coverage < min));
        let tests = found.len() + usize::from(coverage.is_some());
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{tests}" failures="{failures}">"#,
            attr(suite)
        )?;
        if let Some((min, locale)) = coverage {
            writeln!(
                out,
                r#"    <testcase name="coverage" classname="{}">"#,
                attr(suite)
            )?;
            if locale.coverage < min {
                let message = below_message(locale, min);
                writeln!(
                    out,
                    r#"      <failure type="coverage" message="{}">{}</failure>"#,
                    attr(&message),
                    text(&message)
                )?;
            }
            writeln!(out, "    </testcase>")?;
        }
        for d in found {
            let name = match &d.entry {
                Some(entry) => format!("{} {entry}", d.check),
                None => d.check.to_string(),
            };
            let path = options.paths.show(&d.path);
            let path = path.to_string_lossy();
            let at = match d.location {
                Some(l) => format!("{path}:{}:{}", l.line, l.column),
                None => path.to_string(),
            };
            let body = format!("{at}: {}\nhelp: {}", d.message, d.help);
            writeln!(
                out,
                r#"    <testcase name="{}" classname="{}" file="{}"{}>"#,
                attr(&name),
                attr(&path),
                attr(&path),
                d.location
                    .map_or(String::new(), |l| format!(r#" line="{}""#, l.line))
            )?;
            if d.severity == Severity::Info {
                writeln!(out, "      <system-out>{}</system-out>", text(&body))?;
            } else {
                writeln!(
                    out,
                    r#"      <failure type="{}" message="{}">{}</failure>"#,
                    d.severity,
                    attr(&d.message),
                    text(&body)
                )?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}
