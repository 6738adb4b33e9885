//! The floor for `folio check`: read and parse every `.ftl` file of a tree with fluent-syntax,
//! in parallel, and nothing else. `benches/check.py` times it beside `folio check` and
//! compare-locales on the same tree.
//!
//! Usage: `cargo bench --bench parse_floor -- TREE [--keep]`; `--keep` holds every AST until the
//! end (as a checker that keeps the whole tree would), otherwise each is dropped after parsing.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark reports on the terminal

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

// The allocator `folio` runs with (src/main.rs), so that the floor is the same work.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let Some(tree) = args.next().map(PathBuf::from) else {
        eprintln!("usage: parse_floor TREE [--keep]");
        std::process::exit(2);
    };
    let keep = args.any(|a| a == "--keep");
    let start = Instant::now();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&tree)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ftl"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let parse = |path: &PathBuf| {
        let source = std::fs::read_to_string(path).unwrap_or_default();
        fluent_bundle::FluentResource::try_new(source).unwrap_or_else(|(resource, _)| resource)
    };
    let (entries, bytes): (usize, usize) = if keep {
        let kept: Vec<_> = files.par_iter().map(parse).collect();
        (
            kept.iter().map(|r| r.entries().count()).sum(),
            kept.iter().map(|r| r.source().len()).sum(),
        )
    } else {
        files
            .par_iter()
            .map(|p| {
                let r = parse(p);
                (r.entries().count(), r.source().len())
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    };
    let elapsed = start.elapsed();
    println!(
        "parsed {} files, {entries} entries, {bytes} bytes in {:.3} s",
        files.len(),
        elapsed.as_secs_f64()
    );
}
