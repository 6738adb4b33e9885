//! `folio check` on a two-locale tree (`en-US/a.ftl` and `de/a.ftl`, any bytes): no panic, in
//! every report format, and every finding's line is in its file.
#![no_main]

#[path = "common.rs"]
mod common;

use folio::{CheckOptions, Project, ReportFormat, ReportOptions, check, write_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (reference, locale) = common::two(data);
    let root = common::scratch();
    for (tag, bytes) in [("en-US", reference), ("de", locale)] {
        std::fs::create_dir_all(root.join(tag)).expect("a folder in the scratch folder");
        std::fs::write(root.join(tag).join("a.ftl"), bytes).expect("a file in the scratch folder");
    }
    let project =
        Project::open_tree(root, "en-US".parse().expect("a valid tag")).expect("the tree opens");
    let report = check(&project, &CheckOptions::default()).expect("the reference is there");
    for diagnostic in &report.diagnostics {
        let Some(location) = diagnostic.location else {
            continue;
        };
        let bytes = if diagnostic.path.starts_with("en-US") {
            reference
        } else {
            locale
        };
        let lines = bytes.split(|&b| b == b'\n').count();
        assert!(
            location.line >= 1 && location.line <= lines,
            "{} is at line {} of a {lines}-line file",
            diagnostic.check,
            location.line
        );
    }
    let options = ReportOptions::default();
    for format in ReportFormat::ALL {
        let mut out = Vec::new();
        write_report(&report, format, &options, &mut out).expect("writing to memory");
    }
});
