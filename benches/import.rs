//! `folio import` throughput: a long Markdown article planned into a content file and its
//! reference messages, first import and re-import after one edit, beside the floor — the same
//! Markdown parsed by pulldown-cmark alone — measured in the same run.
//!
//! Usage: `cargo bench --bench import`.

#![allow(clippy::print_stdout, clippy::cast_precision_loss)] // a benchmark reports on the terminal

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use folio::edit::import::{ImportOptions, plan_import};

const ROUNDS: usize = 7;

fn best(mut work: impl FnMut()) -> Duration {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// An article of `sections` sections, each a heading, three paragraphs with emphasis, a link
/// and a footnote, a list and a table.
fn article(sections: usize) -> String {
    let mut md = String::from("---\ntitle: A long article\ndate: 2025-05-02\n---\n\n");
    for s in 0..sections {
        let _ = write!(md, "## Section {s}\n\n");
        for p in 0..3 {
            let _ = write!(
                md,
                "Paragraph {p} of section {s} has **bold** and *emphasis*, `code` and a \
                 [link](https://example.com/{s}/{p}) to a source.[^n{s}x{p}] It goes on for a \
                 while, as paragraphs do, so that the text is of a realistic length.\n\n"
            );
        }
        let _ = write!(
            md,
            "- first item {s}\n- second item {s}\n- third item {s}\n\n"
        );
        let _ = write!(
            md,
            "| Day | Avoid |\n|-----|-------|\n| {s} | water |\n| {s}+1 | sun |\n\n"
        );
    }
    for s in 0..sections {
        for p in 0..3 {
            let _ = writeln!(md, "[^n{s}x{p}]: Note {p} of section {s}.");
        }
    }
    md
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("locales/en-US")).unwrap();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("locales/en-US/site.ftl"),
        include_str!("../locales/en-US/site.ftl"),
    )
    .unwrap();
    let sections: usize = std::env::var("SECTIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let md = article(sections);
    let path = root.join("long.md");
    std::fs::write(&path, &md).unwrap();
    let options = ImportOptions {
        markdown: path.clone(),
        slug: None,
        reference: None,
    };

    let floor = best(|| {
        let options =
            pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_FOOTNOTES;
        let events = pulldown_cmark::Parser::new_ext(&md, options).count();
        std::hint::black_box(events);
    });
    let project = folio::Project::open(root).unwrap();
    let fresh = best(|| {
        std::hint::black_box(plan_import(&project, &options).unwrap());
    });
    let plan = plan_import(&project, &options).unwrap();
    let messages = plan.changes.added.len();
    plan.write().unwrap();
    std::fs::write(
        &path,
        md.replacen(
            "Paragraph 1 of section 50",
            "Paragraph one of section 50",
            1,
        ),
    )
    .unwrap();
    let project = folio::Project::open(root).unwrap();
    let again = best(|| {
        std::hint::black_box(plan_import(&project, &options).unwrap());
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} KB of Markdown, {sections} sections, {messages} messages; best of {ROUNDS}",
        md.len() / 1024
    );
    println!("{:<42}{:>10}{:>12}", "", "ms", "vs floor");
    println!(
        "{:<42}{:>10.2}{:>12}",
        "pulldown-cmark parse (floor)",
        ms(floor),
        "1.00x"
    );
    println!(
        "{:<42}{:>10.2}{:>11.1}x",
        "folio import, first time (plan)",
        ms(fresh),
        fresh.as_secs_f64() / floor.as_secs_f64()
    );
    println!(
        "{:<42}{:>10.2}{:>11.1}x",
        "folio import again, one paragraph edited",
        ms(again),
        again.as_secs_f64() / floor.as_secs_f64()
    );
}
