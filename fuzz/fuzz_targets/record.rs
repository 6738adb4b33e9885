//! A locale's record (`folio-record.txt`, any bytes) beside a reference and a translation:
//! reading it never panics; what it reads writes back as the same record; `check` ends with
//! every report format written and every record finding's line in the record; `sync` either
//! refuses it or plans a record that reads back without a problem.
#![no_main]

#[path = "common.rs"]
mod common;

use folio::edit::plan_sync;
use folio::edit::sync::Prune;
use folio::{
    CheckId, CheckOptions, Project, Record, RecordData, ReportFormat, ReportOptions, check,
    write_report,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // reference NUL translation NUL record
    let (reference, rest) = common::two(data);
    let (locale, record) = common::two(rest);

    // Reading: what is read writes back as itself.
    let read = Record::parse_bytes(record);
    let data = RecordData::read(&read);
    let text = data.to_text();
    let again = Record::parse(&text);
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(RecordData::read(&again), data);
    // `check` reads the same lines, leaving the texts unchecked: a line read checking them is
    // read without (its key once).
    let mut scanned = 0;
    Record::scan(record, &mut |_| scanned += 1);
    assert!(scanned >= read.lines().len());

    let root = common::scratch();
    let _ = std::fs::remove_dir_all(root.join("locales"));
    for (rel, bytes) in [
        ("locales/en-US/a.ftl", reference),
        ("locales/de/a.ftl", locale),
        ("locales/de/folio-record.txt", record),
    ] {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        std::fs::write(&path, bytes).expect("a file in the scratch folder");
    }
    let project = Project::open(root).expect("the project opens");
    let options = CheckOptions {
        min_coverage: Some(100.0),
        ..CheckOptions::default()
    };
    let report = check(&project, &options).expect("the reference is there");
    let record_lines = record.split(|&b| b == b'\n').count();
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.check == CheckId::InvalidRecord)
    {
        if let Some(location) = d.location {
            assert!(location.line >= 1 && location.line <= record_lines);
        }
    }
    let report_options = ReportOptions {
        min_coverage: Some(100.0),
        ..ReportOptions::default()
    };
    for format in ReportFormat::ALL {
        let mut out = Vec::new();
        write_report(&report, format, &report_options, &mut out).expect("writing to memory");
    }

    // Syncing: refused, or a record that reads clean.
    let plan = plan_sync(&project, &[], Prune::Keep).expect("the plan is made");
    if !plan.refused.is_empty() {
        return; // a record with lines it cannot read, or a file with a syntax error
    }
    for record in &plan.records {
        let written = Record::parse(&record.after);
        assert!(written.problems.is_empty(), "{:?}", written.problems);
    }
});
