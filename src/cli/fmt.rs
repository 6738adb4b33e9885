//! `folio fmt`: format Fluent files the same way for everyone.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;
use folio::edit::fmt::{Outcome, format_file};
use rayon::prelude::*;

use super::{BuiltIn, ExitStatus, locate, open, plural, print_refused, unified_diff};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to format (folders: every `.ftl` file inside). Default: the project's
    /// locales folder.
    paths: Vec<PathBuf>,

    /// Write nothing; list the files that are not formatted and exit with 1 if there are any.
    #[arg(long)]
    check: bool,

    /// Write nothing; print what formatting would change, as a unified diff (exit 1 if any).
    #[arg(long)]
    diff: bool,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let paths = if args.paths.is_empty() {
        let project = open(&locate(root, BuiltIn::Refused)?, None)?;
        match project.locales_dir() {
            Some(dir) => vec![dir.to_path_buf()],
            None => bail!(
                "there is no project here to format (only the one built into folio)\n  help: run folio fmt in a project folder, or name the files or folders to format"
            ),
        }
    } else {
        args.paths.clone()
    };
    let files = ftl_files(&paths)?;
    let write = !(args.check || args.diff);
    let outcomes: Vec<(PathBuf, anyhow::Result<Outcome>)> = files
        .into_par_iter()
        .map(|path| {
            let outcome = format_file(&path, write).map_err(anyhow::Error::from);
            (path, outcome)
        })
        .collect();

    let (mut changed, mut unchanged, mut refused) = (0, 0, 0);
    for (path, outcome) in &outcomes {
        match outcome {
            Ok(Outcome::Unchanged) => unchanged += 1,
            Ok(Outcome::Formatted { before, after }) => {
                changed += 1;
                if args.diff {
                    let name = path.display().to_string();
                    out.write_all(unified_diff(before, after, &name, &name).as_bytes())?;
                } else if args.check {
                    writeln!(out, "not formatted: {}", path.display())?;
                } else {
                    writeln!(out, "formatted: {}", path.display())?;
                }
            }
            Ok(Outcome::Refused(reason)) => {
                refused += 1;
                print_refused(&[(path.clone(), reason.clone())])?;
            }
            Err(err) => {
                refused += 1;
                writeln!(std::io::stderr(), "error: {err:#}")?;
            }
        }
    }
    let verb = if write { "formatted" } else { "to format" };
    write!(
        out,
        "{} {verb}, {unchanged} already formatted",
        plural(changed, "file", "files")
    )?;
    match refused {
        0 => {}
        1 => write!(out, ", 1 left as it is (errors above)")?,
        n => write!(out, ", {n} left as they are (errors above)")?,
    }
    writeln!(out)?;
    Ok(if refused > 0 || (!write && changed > 0) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The `.ftl` files of `paths`: files as named, folders walked (hidden folders left out),
/// sorted.
fn ftl_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            anyhow::anyhow!(
                "cannot read {}: {e}\n  help: name a Fluent file or a folder of them",
                path.display()
            )
        })?;
        if meta.is_file() {
            files.push(path.clone());
            continue;
        }
        if !meta.is_dir() {
            anyhow::bail!(
                "cannot read {}: it is not a regular file (a device, a pipe or a socket)\n  help: name a Fluent file or a folder of them",
                path.display()
            );
        }
        for entry in walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        {
            let entry = entry?;
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "ftl") {
                files.push(entry.into_path());
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}
