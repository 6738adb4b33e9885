//! `folio check`'s formats: a golden file each, and the machine formats parsed back.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::util::{fixture, folio, tree};

fn output(args: &[&str], path: &std::path::Path) -> String {
    let out = folio().arg("check").args(args).arg(path).output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn github_annotations_name_file_line_and_check() {
    let text = output(&["--format", "github"], &fixture("checks/unknown-variable"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    let error = lines.iter().find(|l| l.starts_with("::error ")).unwrap();
    assert!(
        error.contains("/checks/unknown-variable/de/a.ftl,line=1,col=33,endLine=1,endColumn=36"),
        "{error}"
    );
    assert!(
        error.contains(",title=folio (unknown-variable)::`welcome` uses `$usr`"),
        "{error}"
    );
    assert!(error.contains("%0Ahelp: did you mean `$user`?"), "{error}");
    assert!(lines.iter().any(|l| l.starts_with("::warning ")));
}

#[test]
fn sarif_is_a_2_1_0_log_with_rules_and_located_results() {
    let text = output(&["--format", "sarif"], &fixture("broken"));
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), folio::CheckId::ALL.len());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 17);
    for result in results {
        let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.contains("tests/fixtures/broken/"), "{uri}");
    }
    let attribute = results
        .iter()
        .find(|r| r["ruleId"] == "missing-attribute")
        .unwrap();
    let region = &attribute["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(8), Some(1))
    );
    assert_eq!(region["snippet"]["text"], "article-hero =");
}

#[test]
fn junit_has_a_suite_per_locale_and_a_failure_per_finding() {
    let text = output(
        &["--format", "junit", "--min-coverage", "90"],
        &fixture("broken"),
    );
    let document = roxmltree::Document::parse(&text).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(roxmltree::Node::is_element)
        .collect();
    let names: Vec<_> = suites
        .iter()
        .map(|s| s.attribute("name").unwrap())
        .collect();
    assert_eq!(names, ["de", "project", "pt_BR"]);
    let de = suites[0];
    // 12 findings in `de` plus its coverage case, which fails at 66.67% < 90%.
    assert_eq!(de.attribute("tests"), Some("13"));
    assert_eq!(de.attribute("failures"), Some("13"));
    let coverage = de
        .children()
        .find(|c| c.attribute("name") == Some("coverage"))
        .unwrap();
    let failure = coverage.first_element_child().unwrap();
    assert!(
        failure
            .attribute("message")
            .unwrap()
            .contains("66.67% translated, below the required 90%")
    );
}

#[test]
fn min_coverage_fails_the_run_and_says_which_locale() {
    let path = fixture("checks/missing-message");
    folio()
        .args(["check", "--min-coverage", "50"])
        .arg(&path)
        .assert()
        .success();
    let out = folio()
        .args(["check", "--min-coverage", "60"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(
        "error[coverage]: `de` is 50.00% translated, below the required 60% (of 2 entries: 1 missing): `intro` (missing, "
    ));
    folio()
        .args(["check", "--min-coverage", "120"])
        .arg(&path)
        .assert()
        .code(2);
}

#[test]
fn list_shows_every_check_with_its_severity() {
    let out = folio().args(["check", "--list"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), folio::CheckId::ALL.len());
    assert!(text.contains("unknown-variable           error    Finds variables"));
}

#[test]
fn markdown_has_a_row_per_locale_and_shows_hostile_text_as_text() {
    // A locale folder named with `|` and `<script>` (not a BCP 47 tag, so a finding names it),
    // and a translation with markup in it.
    let dir = tree(&[
        ("locales/en-US/a.ftl", "a = A\nb = B\n"),
        ("locales/de/a.ftl", "a = A\n"),
        (
            "locales/x|y<script>/a.ftl",
            "a = A\nb = <script>B</script> | x\n",
        ),
    ]);
    let out = folio()
        .args(["check", "--format", "markdown", "--min-coverage", "90"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "## Folio check\n\n> [!CAUTION]\n> 1 locale is below the required coverage of 90%"
        ),
        "{text}"
    );

    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut in_body, mut in_head) = (false, false);
    let mut html = Vec::new();
    let mut shown = String::new();
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => {
                in_body = true;
                rows.push(Vec::new());
            }
            Event::End(TagEnd::TableRow) => in_body = false,
            Event::Start(Tag::TableCell) if in_body && !in_head => {
                rows.last_mut().unwrap().push(String::new());
            }
            Event::Text(t) | Event::Code(t) => {
                if in_body && !in_head {
                    rows.last_mut().unwrap().last_mut().unwrap().push_str(&t);
                }
                shown.push_str(&t);
            }
            Event::Html(h) | Event::InlineHtml(h) => html.push(h.to_string()),
            _ => {}
        }
    }
    // One row per locale, each whole: eight cells, the hostile name in the first.
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["de", "x|y<script>"], "{text}");
    assert!(rows.iter().all(|r| r.len() == 8), "{rows:?}");
    assert_eq!(rows[1][1], "100.00%");
    // The only HTML is the summary's own `<details>` blocks; the text shows the markup.
    for block in &html {
        let block = block.trim_end();
        assert!(
            block.starts_with("<details><summary><code>") || block == "</details>",
            "raw HTML in the summary: {block:?}"
        );
        assert!(!block.contains("script"), "{block}");
    }
    assert!(shown.contains("x|y<script>"), "{shown}");
    assert!(shown.contains("<script>"), "{shown}");
    assert!(
        shown.contains("the folder x|y<script> is not a BCP 47"),
        "{shown}"
    );
    assert!(shown.contains("b uses <script>, which Folio never publishes"));
    assert!(
        html.iter()
            .any(|h| h.contains("<code>invalid-locale</code>"))
    );
}

/// Every format's output for `tests/fixtures/report` (an error, warnings and a note, and a
/// locale below the minimum coverage): a change to a printer shows as a diff here.
#[test]
fn every_format_matches_its_golden_file() {
    // Relative to the package's root, where cargo runs the tests: stable paths in the output.
    let project = folio::Project::open("tests/fixtures/report").unwrap();
    let check_options = folio::CheckOptions {
        min_coverage: Some(90.0),
        ..folio::CheckOptions::default()
    };
    let report = folio::check(&project, &check_options).unwrap();
    let severities: Vec<folio::Severity> = report.diagnostics.iter().map(|d| d.severity).collect();
    for severity in [
        folio::Severity::Error,
        folio::Severity::Warning,
        folio::Severity::Info,
    ] {
        assert!(
            severities.contains(&severity),
            "no {severity} in {severities:?}"
        );
    }
    let options = folio::ReportOptions {
        paths: project.paths(),
        color: false,
        min_coverage: Some(90.0),
    };
    for (format, name) in [
        (folio::ReportFormat::Human, "human"),
        (folio::ReportFormat::Json, "json"),
        (folio::ReportFormat::Github, "github"),
        (folio::ReportFormat::Sarif, "sarif"),
        (folio::ReportFormat::Junit, "junit"),
        (folio::ReportFormat::Markdown, "markdown"),
    ] {
        let mut out = Vec::new();
        folio::write_report(&report, format, &options, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        insta::assert_snapshot!(format!("report-{name}"), text);
    }
    assert_eq!(
        folio::ReportFormat::ALL.len(),
        6,
        "a new format needs its golden file"
    );
}
