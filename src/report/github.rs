//! GitHub Actions workflow commands: each finding becomes an annotation on the file and line
//! in a pull request's diff (`::error file=…,line=…,col=…,title=…::message`).

use std::io::{self, Write};

use crate::check::CheckReport;
use crate::diagnostic::Severity;
use crate::report::{ReportOptions, below_message};

pub(crate) fn write(
    report: &CheckReport,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let file = options.paths.show(&d.path);
        write!(out, "::{level} file={}", property(&file.to_string_lossy()))?;
        if let (Some(start), Some(end)) = (d.location, d.end) {
            write!(
                out,
                ",line={},col={},endLine={},endColumn={}",
                start.line, start.column, end.line, end.column
            )?;
        }
        let title = format!("folio ({})", d.check);
        let mut message = d.message.clone();
        if !d.help.is_empty() {
            message.push_str("\nhelp: ");
            message.push_str(&d.help);
        }
        writeln!(out, ",title={}::{}", property(&title), data(&message))?;
    }
    if let Some(min) = options.min_coverage {
        for locale in report.below(Some(min)) {
            writeln!(
                out,
                "::error title=folio (coverage)::{}",
                data(&below_message(locale, min))
            )?;
        }
    }
    Ok(())
}

/// Escapes a command's message, as the Actions toolkit does.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value, which may not contain `:` or `,` either.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
