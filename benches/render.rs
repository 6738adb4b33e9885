//! Rendering throughput: the article in every locale, per output format, beside the floor —
//! fluent-bundle formatting the same messages with the same arguments and no output format —
//! and `folio build` of the whole site, measured in the same run.
//!
//! Usage: `cargo bench --bench render`. Prints articles per second (best of several rounds)
//! and each format's time as a multiple of the floor's.

#![allow(clippy::print_stdout, clippy::cast_precision_loss)] // a benchmark reports on the terminal

use std::time::{Duration, Instant};

use fluent_bundle::{FluentArgs, FluentValue};
use folio::{Block, Format, Project, PublishOptions, RenderOptions};

const ROUNDS: usize = 7;

/// The best time of `ROUNDS` runs of `work`, each doing `iterations` articles.
fn best(iterations: usize, mut work: impl FnMut()) -> Duration {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                work();
            }
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// One article in every locale of `publisher`'s project that has it: the floor and each
/// format, in articles per second; returns the HTML format's time as a multiple of the floor's.
fn article(publisher: &folio::Publisher, slug: &str, iterations: usize) -> f64 {
    let article = publisher.project().article(slug).unwrap();
    let locales: Vec<_> = publisher
        .project()
        .catalog()
        .locales()
        .iter()
        .filter_map(|l| Some((l.tag.clone()?, publisher.bundle_of(&l.name)?)))
        .collect();
    let pages = locales.len();

    // The floor: every message the page shows, formatted by fluent-bundle, nothing else.
    let mut messages = vec![article.title.clone()];
    messages.extend(article.description.iter().cloned());
    messages.extend(article.tags.iter().cloned());
    messages.extend(article.hero.iter().flat_map(|h| h.messages()).cloned());
    for block in &article.blocks {
        messages.extend(block.messages().into_iter().cloned());
    }
    let mut args = FluentArgs::new();
    args.set(
        "date",
        FluentValue::Custom(Box::new(folio::FluentDate::parse("2024-03-14").unwrap())),
    );
    args.set("minutes", 3);
    args.set("count", pages);
    let floor = best(iterations, || {
        for (_, bundle) in &locales {
            for message in &messages {
                let Some(found) = bundle.get_message(&message.id) else {
                    continue;
                };
                let pattern = match &message.attribute {
                    Some(a) => found.get_attribute(a).map(|a| a.value()),
                    None => found.value(),
                };
                if let Some(pattern) = pattern {
                    let mut errors = Vec::new();
                    std::hint::black_box(bundle.format_pattern(pattern, Some(&args), &mut errors));
                }
            }
        }
    });
    let per_second = |d: Duration| (iterations * pages) as f64 / d.as_secs_f64();
    println!(
        "{slug}: {pages} locales, {} messages a page, {iterations} rounds, best of {ROUNDS}",
        messages.len()
    );
    println!("{:<34}{:>14}{:>12}", "", "articles/s", "vs floor");
    println!(
        "{:<34}{:>14.0}{:>12}",
        "fluent-bundle format_pattern (floor)",
        per_second(floor),
        "1.00x"
    );

    let options = RenderOptions::default();
    let mut html = 0.0;
    for format in Format::ALL {
        let time = best(iterations, || {
            for (tag, _) in &locales {
                let page = publisher.page(slug, tag, format, &options).unwrap();
                std::hint::black_box(page);
            }
        });
        let ratio = time.as_secs_f64() / floor.as_secs_f64();
        if format == Format::Html {
            html = ratio;
        }
        println!(
            "{:<34}{:>14.0}{:>11.2}x",
            format!("folio render --format {}", format.name()),
            per_second(time),
            ratio
        );
    }
    html
}

fn main() {
    let project = Project::open(env!("CARGO_MANIFEST_DIR")).expect("the repository's project");
    let publication = folio::publish(project, &PublishOptions::default(), None).unwrap();
    let publisher = &publication.publisher;
    let seed = article(publisher, "smp-removal", 50);

    // The clinic post of the tests: every block type and inline element, in three locales.
    let clinic = Project::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/clinic"
    ))
    .expect("the clinic fixture");
    let clinic = folio::Publisher::new(clinic, folio::SiteOptions::default());
    println!();
    let markup = article(&clinic, "smp-aftercare", 100);
    println!(
        "\nHTML with inline markup and every block type, against the floor, is {:.2}x the seed \
         article's (which has neither)",
        markup / seed
    );

    let pages = publisher.project().catalog().locales().len();
    let out = tempfile::tempdir().unwrap();
    let build_options = folio::BuildOptions {
        out: out.path().to_path_buf(),
        ..Default::default()
    };
    let build = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            folio::build(&publication, &build_options, &|_, _| {}).unwrap();
            start.elapsed()
        })
        .min()
        .unwrap();
    let article = publisher.project().article("smp-removal").unwrap();
    let blocks = article
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .count();
    println!(
        "folio build: {} pages x 4 formats + index, sitemap, image: {:.1} ms ({blocks} paragraphs a page)",
        pages,
        build.as_secs_f64() * 1000.0
    );
}
