//! `folio fmt` over a whole tree: every file must format to the same syntax tree (comments
//! included), a second format must change nothing, and the time is set against the floor of
//! parsing the same files, in the same run.
//!
//! Usage: `cargo bench --bench fmt [-- TREE...]`; default: mozilla.org's translations in
//! `../shared/corpora/www-l10n` and the Fluent spec fixtures in `tests/fixtures/fluent-spec`.
//! Exit status 1 when a file does not round-trip.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a benchmark reports on the terminal
#![allow(clippy::cast_precision_loss)] // sizes and times shown to people

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use folio::edit::FileError;
use folio::edit::fmt::format;
use rayon::prelude::*;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut trees: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if trees.is_empty() {
        trees = vec![
            root.join("../shared/corpora/www-l10n"),
            root.join("tests/fixtures/fluent-spec"),
        ];
    }
    let mut failed = false;
    for tree in &trees {
        failed |= !bench(tree);
    }
    std::process::exit(i32::from(failed));
}

/// Formats every file of `tree`; whether every one round-tripped.
fn bench(tree: &Path) -> bool {
    let files: Vec<(PathBuf, String)> = walkdir::WalkDir::new(tree)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ftl"))
        .filter_map(|e| {
            Some((
                e.path().to_path_buf(),
                std::fs::read_to_string(e.path()).ok()?,
            ))
        })
        .collect();
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    if files.is_empty() {
        eprintln!("{}: no .ftl files", tree.display());
        return false;
    }

    // The check, once: same tree after formatting, and a second pass changes nothing.
    let outcomes: Vec<(&PathBuf, Outcome)> = files
        .par_iter()
        .map(|(path, text)| (path, outcome(text)))
        .collect();
    let count = |wanted: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| wanted(o)).count();
    let unchanged = count(|o| matches!(o, Outcome::Unchanged));
    let reformatted = count(|o| matches!(o, Outcome::Reformatted));
    let junk = count(|o| matches!(o, Outcome::Junk | Outcome::CarriageReturn));
    let broken: Vec<_> = outcomes
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Changed | Outcome::NotIdempotent))
        .collect();

    // The times: parse only (the floor), then format (parse, write, parse again to verify).
    let floor = best_of(5, || {
        files.par_iter().for_each(|(_, text)| {
            let _ = fluent_syntax::parser::parse(text.as_str());
        });
    });
    let fmt = best_of(5, || {
        files.par_iter().for_each(|(_, text)| {
            let _ = format(text);
        });
    });

    println!("{}", tree.display());
    println!(
        "  {} files, {:.1} MB: {unchanged} already formatted, {reformatted} reformatted, \
         {junk} left alone (syntax errors), {} do not round-trip",
        files.len(),
        bytes as f64 / 1e6,
        broken.len()
    );
    for (path, outcome) in &broken {
        println!("  FAILED {}: {outcome:?}", path.display());
    }
    println!(
        "  parse (floor) {:.3} s; folio fmt {:.3} s = {:.2}x the floor (best of 5, all cores)",
        floor.as_secs_f64(),
        fmt.as_secs_f64(),
        fmt.as_secs_f64() / floor.as_secs_f64()
    );
    broken.is_empty()
}

#[derive(Debug)]
enum Outcome {
    Unchanged,
    Reformatted,
    Junk,
    /// Refused: a stray CR before a line end.
    CarriageReturn,
    /// The formatted text parses to another tree.
    Changed,
    /// Formatting the formatted text changes it again.
    NotIdempotent,
}

fn outcome(text: &str) -> Outcome {
    match format(text) {
        Ok(once) if once == text => Outcome::Unchanged,
        Ok(once) => match format(&once) {
            Ok(twice) if twice == once => Outcome::Reformatted,
            _ => Outcome::NotIdempotent,
        },
        Err(FileError::Changed) => Outcome::Changed,
        Err(FileError::Syntax { .. } | FileError::InvalidUtf8 { .. }) => Outcome::Junk,
        Err(FileError::CarriageReturn { .. }) => Outcome::CarriageReturn,
    }
}

fn best_of(runs: usize, mut run: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}
