//! A Markdown summary for people reading CI: a pull-request comment or a GitHub job summary
//! (`$GITHUB_STEP_SUMMARY`). GitHub-flavoured: the locales below the minimum coverage first,
//! a coverage table, then the findings by locale and check, each check a `<details>` block
//! with its first findings.
//!
//! It stays short on any tree: a few findings are listed per check and a few hundred in all,
//! each message and path cut to a line; GitHub takes at most 1 MiB of job summary. Every
//! piece of text from the project (paths, messages, locale folder names) is escaped, so that a
//! `|` cannot break the table and a `<script>` shows as text.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::check::{CheckReport, LocaleStats};
use crate::diagnostic::{CheckId, Diagnostic, PathDisplay, Severity};
use crate::report::{ReportOptions, below_message};

/// Findings listed per locale and check; the rest are counted.
const PER_CHECK: usize = 10;
/// Findings listed in all.
const LISTED: usize = 200;
/// Once the findings written pass this many bytes, the remaining groups are only counted.
const FINDINGS_BYTES: usize = 256 * 1024;
/// The characters of a message or path kept in a listed finding.
const MAX_CHARS: usize = 300;

/// A column of the coverage table: its header, whether it holds a number (right-aligned),
/// and its cell for a locale. A new count in [`LocaleStats`] is one line here.
type Column = (&'static str, bool, fn(&LocaleStats) -> String);

const COLUMNS: [Column; 8] = [
    ("Locale", false, |l| escape(&l.locale)),
    ("Coverage", true, |l| format!("{:.2}%", l.coverage)),
    ("Entries", true, |l| l.entries.to_string()),
    ("Present", true, |l| l.present.to_string()),
    ("Missing", true, |l| l.missing.to_string()),
    ("Untranslated", true, |l| l.untranslated.to_string()),
    ("Outdated", true, |l| l.outdated.to_string()),
    ("Obsolete", true, |l| l.obsolete.to_string()),
];

pub(crate) fn write(
    report: &CheckReport,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "## Folio check\n")?;
    if let Some(min) = options.min_coverage {
        let below = report.below(Some(min));
        if !below.is_empty() {
            writeln!(out, "> [!CAUTION]")?;
            writeln!(
                out,
                "> {} below the required coverage of {min}%:",
                if below.len() == 1 {
                    "1 locale is"
                } else {
                    "These locales are"
                }
            )?;
            writeln!(out, ">")?;
            for l in below {
                writeln!(out, "> - {}", with_code(&cut(&below_message(l, min))))?;
            }
            writeln!(out)?;
        }
    }
    writeln!(out, "{}\n", summary(report))?;
    coverage_table(report, options.min_coverage, out)?;
    findings(&report.diagnostics, &options.paths, out)
}

/// `**Found 1 error, 2 warnings, 1 note.**`, or `**No findings.**`.
fn summary(report: &CheckReport) -> String {
    if report.diagnostics.is_empty() {
        return "**No findings.**".to_string();
    }
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut counts = vec![
        count(report.count(Severity::Error), "error"),
        count(report.count(Severity::Warning), "warning"),
    ];
    let notes = report.count(Severity::Info);
    if notes > 0 {
        counts.push(count(notes, "note"));
    }
    format!("**Found {}.**", counts.join(", "))
}

fn coverage_table(
    report: &CheckReport,
    min_coverage: Option<f64>,
    out: &mut dyn Write,
) -> io::Result<()> {
    if report.locales.is_empty() {
        return Ok(());
    }
    writeln!(out, "### Coverage\n")?;
    let headers: Vec<&str> = COLUMNS.iter().map(|(header, _, _)| *header).collect();
    writeln!(out, "| {} |", headers.join(" | "))?;
    let aligns: Vec<&str> = COLUMNS
        .iter()
        .map(|(_, number, _)| if *number { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", aligns.join("|"))?;
    for locale in &report.locales {
        let mut cells: Vec<String> = COLUMNS.iter().map(|(_, _, cell)| cell(locale)).collect();
        if min_coverage.is_some_and(|min| locale.coverage < min) {
            cells[1] = format!("**{}** (below)", cells[1]);
        }
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)
}

/// A locale's findings by check, the most severe first.
type Groups<'a> = BTreeMap<(Reverse<Severity>, CheckId), Vec<&'a Diagnostic>>;

/// The findings by locale (project-level ones first), then by check, most severe first.
fn findings(
    diagnostics: &[Diagnostic],
    paths: &PathDisplay,
    out: &mut dyn Write,
) -> io::Result<()> {
    if diagnostics.is_empty() {
        return Ok(());
    }
    let mut by_locale: BTreeMap<Option<&str>, Groups<'_>> = BTreeMap::new();
    for d in diagnostics {
        by_locale
            .entry(d.locale.as_deref())
            .or_default()
            .entry((Reverse(d.severity), d.check))
            .or_default()
            .push(d);
    }
    let mut section = String::new();
    let mut listed = 0;
    let mut left_out = 0;
    section.push_str("### Findings\n\n");
    for (locale, groups) in &by_locale {
        let total: usize = groups.values().map(Vec::len).sum();
        if section.len() > FINDINGS_BYTES {
            left_out += total;
            continue;
        }
        let name = locale.map_or_else(|| "Project (content files)".to_string(), escape);
        let _ = writeln!(
            section,
            "#### {name}: {total} finding{}\n",
            if total == 1 { "" } else { "s" }
        );
        for ((Reverse(severity), check), found) in groups {
            let _ = writeln!(
                section,
                "<details><summary><code>{}</code> ({severity}): {}</summary>\n",
                check.name(),
                found.len()
            );
            let shown = PER_CHECK.min(LISTED - listed).min(found.len());
            for d in &found[..shown] {
                let at = d.location.map_or(String::new(), |l| format!(":{}", l.line));
                let path = paths.show(&d.path);
                let _ = writeln!(
                    section,
                    "- {} — {}",
                    code(&format!("{}{at}", cut(&path.to_string_lossy()))),
                    with_code(&cut(&d.message))
                );
            }
            listed += shown;
            if found.len() > shown {
                let _ = writeln!(section, "- … and {} more", found.len() - shown);
            }
            section.push_str("\n</details>\n\n");
        }
    }
    out.write_all(section.as_bytes())?;
    if left_out > 0 {
        writeln!(
            out,
            "_{left_out} more findings, in other locales, are not shown here: run `folio check` for every one._\n"
        )?;
    } else if listed < diagnostics.len() {
        writeln!(
            out,
            "_{listed} of {} findings are listed: run `folio check` for every one._\n",
            diagnostics.len()
        )?;
    }
    Ok(())
}

/// `text` as Markdown that shows exactly `text`, on one line, inside a table cell or a list
/// item: HTML's special characters as entities (no tag, no autolink), Markdown's backslashed
/// (no emphasis, code, link, math or strikethrough; `\|` keeps a table cell whole), and line
/// breaks as spaces.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '!' | '#' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => escaped.push(' '),
            c if c.is_control() => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

/// A message as Markdown: its parts in backticks (the items it names) as code, the rest
/// [`escape`]d. A code span shows its text as it is — never as HTML, emphasis or math — so only
/// line breaks need care; a message with an odd number of backticks is escaped whole.
fn with_code(message: &str) -> String {
    let parts: Vec<&str> = message.split('`').collect();
    if parts.len() % 2 == 0 {
        return escape(message);
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { code(part) } else { escape(part) })
        .collect()
}

/// `text` as a code span, on one line; [`escape`]d when it holds a backtick (or nothing).
/// Only ever used outside tables, where a `|` in a code span would end the cell.
fn code(text: &str) -> String {
    if text.is_empty() || text.contains('`') {
        return escape(text);
    }
    let flat: String = text
        .chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    // A code span loses one space at each end when it has one at both: pad to keep them.
    if flat.starts_with(' ') || flat.ends_with(' ') {
        format!("` {flat} `")
    } else {
        format!("`{flat}`")
    }
}

/// `text`, cut to [`MAX_CHARS`] characters with an ellipsis.
fn cut(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]).into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_break_a_table_or_inject_html() {
        assert_eq!(
            escape("a|b <script>alert(1)</script> & `x`\n*y*"),
            "a\\|b &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\`x\\` \\*y\\*"
        );
        assert_eq!(
            escape("$a$ [l](u) ~s~ \\"),
            "\\$a\\$ \\[l\\](u) \\~s\\~ \\\\"
        );
    }

    #[test]
    fn names_in_backticks_become_code_spans_and_nothing_else() {
        assert_eq!(
            with_code("`a|b<script>` is not a tag; <b>"),
            "`a|b<script>` is not a tag; &lt;b&gt;"
        );
        // An odd number of backticks: no code span at all.
        assert_eq!(with_code("`a` b`"), "\\`a\\` b\\`");
        assert_eq!(code("x\ny"), "`x y`");
        assert_eq!(code(" x"), "`  x `");
        assert_eq!(code(""), "");
    }

    #[test]
    fn a_huge_report_stays_far_below_github_s_limit() {
        // 200 locales with 500 findings each, every message and path long and full of
        // characters to escape.
        let long = "<&|>".repeat(200);
        let mut report = CheckReport::default();
        for n in 0..200 {
            let locale = format!("l{n:03}");
            for check in [CheckId::MissingMessage, CheckId::Whitespace] {
                for _ in 0..250 {
                    let path = format!("locales/{locale}/{long}.ftl");
                    report
                        .diagnostics
                        .push(Diagnostic::new(check, &path, long.clone()).locale(&locale));
                }
            }
            report.locales.push(LocaleStats {
                locale,
                entries: 500,
                ..LocaleStats::default()
            });
        }
        let mut out = Vec::new();
        write(&report, &ReportOptions::default(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.len() < 512 * 1024, "{} bytes", text.len());
        let listed = text.lines().filter(|l| l.starts_with("- `")).count();
        assert_eq!(listed, LISTED);
        assert!(text.contains("- … and 240 more\n"), "{text}");
        assert!(text.contains("more findings, in other locales, are not shown here"));
        assert_eq!(text.matches("\n| l").count(), 200, "a row per locale");
    }

    #[test]
    fn cuts_long_text_at_a_character() {
        let long = "é".repeat(MAX_CHARS + 5);
        let short = cut(&long);
        assert_eq!(short.chars().count(), MAX_CHARS + 1);
        assert!(short.ends_with('…'));
        assert_eq!(cut("short"), "short");
    }
}
