//! SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), for code-scanning
//! dashboards such as GitHub's: one run, every check as a rule, every finding as a result.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::CheckReport;
use crate::diagnostic::CheckId;
use crate::diagnostic::Severity;
use crate::report::{ReportOptions, below_message};

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
struct Run<'a> {
    tool: Tool,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region<'a>>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    snippet: Snippet<'a>,
}

#[derive(Serialize)]
struct Snippet<'a> {
    text: &'a str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The rule of coverage failures, after the checks' rules.
const COVERAGE_RULE: &str = "coverage";

pub(crate) fn write(
    report: &CheckReport,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paths = &options.paths;
    let mut rules: Vec<Rule> = CheckId::ALL
        .iter()
        .map(|&check| Rule {
            id: check.name(),
            short_description: Text {
                text: check.summary().to_string(),
            },
            help: Help {
                text: check.docs().to_string(),
                markdown: check.docs().to_string(),
            },
            default_configuration: Configuration {
                level: level(check.severity()),
            },
        })
        .collect();
    let mut results: Vec<SarifResult<'_>> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if !d.help.is_empty() {
                message.push_str("\nhelp: ");
                message.push_str(&d.help);
            }
            let region = match (d.location, d.end, &d.excerpt) {
                (Some(start), Some(end), Some(excerpt)) => Some(Region {
                    start_line: start.line,
                    start_column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                    snippet: Snippet {
                        text: &excerpt.text,
                    },
                }),
                _ => None,
            };
            SarifResult {
                rule_id: d.check.name(),
                rule_index: CheckId::ALL.iter().position(|c| *c == d.check).unwrap_or(0),
                level: level(d.severity),
                message: Text { text: message },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&paths.show(&d.path).to_string_lossy()),
                        },
                        region,
                    },
                }],
            }
        })
        .collect();
    if let Some(min) = options.min_coverage {
        coverage_failures(report, min, options, &mut rules, &mut results);
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "folio",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://projectfluent.org",
                    rules,
                },
            },
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// A rule for coverage failures, and a result for each locale below `min`.
fn coverage_failures<'a>(
    report: &'a CheckReport,
    min: f64,
    options: &ReportOptions,
    rules: &mut Vec<Rule>,
    results: &mut Vec<SarifResult<'a>>,
) {
    let paths = &options.paths;
    let coverage_docs = "A locale's coverage (translated entries, not marked untranslated \
         and not outdated, out of the reference's) is below `--min-coverage` or `[check] \
         min-coverage`. The message names the entries that are not done.";
    rules.push(Rule {
        id: COVERAGE_RULE,
        short_description: Text {
            text: "A locale is less translated than required.".to_string(),
        },
        help: Help {
            text: coverage_docs.to_string(),
            markdown: coverage_docs.to_string(),
        },
        default_configuration: Configuration { level: "error" },
    });
    for locale in report.below(Some(min)) {
        // The file of the first entry that is not done, else the locale's folder.
        let path = locale.not_done.first().map_or_else(
            || format!("{}/", locale.locale),
            |n| paths.show(&n.path).to_string_lossy().into_owned(),
        );
        results.push(SarifResult {
            rule_id: COVERAGE_RULE,
            rule_index: CheckId::ALL.len(),
            level: "error",
            message: Text {
                text: below_message(locale, min),
            },
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: uri(&path) },
                    region: None,
                },
            }],
        });
    }
}

/// A relative URI reference for a path: `/` separators, spaces and `%` escaped.
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
}
