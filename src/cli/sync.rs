//! `folio sync`: bring locales in line with the reference.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;
use folio::edit::record::Confirm;
use folio::edit::sync::{Prune, UNTRANSLATED};
use folio::edit::{Plan, RecordSync, plan_sync_confirming};

use super::{BuiltIn, ExitStatus, locate, open, plural, print_refused, unified_diff};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The locales to bring up to date (default: every locale but the reference). With
    /// `--confirm`: one locale, then the entries to confirm.
    #[arg(value_name = "LOCALE")]
    locales: Vec<String>,

    /// Record translations that are still right after a change of the reference as current,
    /// without touching them: `--confirm LOCALE [ID...]` (`id`, `-term` or `id.attribute`;
    /// every outdated translation of the locale when no id is given; before a term, `--`:
    /// `--confirm de -- -brand`).
    #[arg(long)]
    confirm: bool,

    /// Entries the reference no longer has: left where they are unless this is given;
    /// `--prune` moves them into a marked section at the end of their file, `--prune=delete`
    /// deletes them.
    #[arg(
        long,
        value_enum,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "move",
        value_name = "HOW"
    )]
    prune: Option<PruneArg>,

    /// Leave this locale out (repeatable).
    #[arg(long, value_name = "TAG")]
    exclude: Vec<String>,

    /// Print what would change, as a unified diff; write nothing.
    #[arg(long)]
    dry_run: bool,

    /// The locale to bring the others in line with (default: the project's reference).
    #[arg(long, value_name = "TAG")]
    reference: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PruneArg {
    /// Move them into a section at the end of the file.
    Move,
    /// Delete them.
    Delete,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let project = open(&locate(root, BuiltIn::Refused)?, args.reference.as_deref())?;
    let prune = match args.prune {
        None => Prune::Keep,
        Some(PruneArg::Move) => Prune::Move,
        Some(PruneArg::Delete) => Prune::Delete,
    };
    let mut locales = args.locales.clone();
    let confirm = if args.confirm {
        if locales.is_empty() {
            anyhow::bail!(
                "`--confirm` needs a locale: `folio sync --confirm LOCALE [ID...]`\n  help: the ids are those `folio check` reports as outdated"
            );
        }
        let ids = locales.split_off(1);
        Some(if ids.is_empty() {
            Confirm::All
        } else {
            Confirm::Ids(ids)
        })
    } else {
        None
    };
    if locales.is_empty() && !args.exclude.is_empty() {
        let reference = project.reference().to_string();
        locales = project
            .catalog()
            .locales()
            .iter()
            .map(|l| l.name.clone())
            .filter(|name| *name != reference && !args.exclude.contains(name))
            .collect();
    }
    let plan = plan_sync_confirming(&project, &locales, prune, confirm.as_ref())?;

    let (mut changed, mut added, mut obsolete) = (0, 0, 0);
    for file in &plan.files {
        added += file.added.len();
        obsolete += file.obsolete.len();
        if file.changes() {
            changed += 1;
        }
        let path = file.path.display();
        if args.dry_run {
            if file.changes() {
                let old = match file.before {
                    Some(_) => format!("a/{path}"),
                    None => "/dev/null".to_string(),
                };
                let before = file.before.as_deref().unwrap_or("");
                out.write_all(
                    unified_diff(before, &file.after, &old, &format!("b/{path}")).as_bytes(),
                )?;
            }
            continue;
        }
        print_file(file, &path, prune, out)?;
    }
    for record in &plan.records {
        print_record(record, args.dry_run, out)?;
    }
    for path in &plan.obsolete_files {
        writeln!(
            out,
            "{}: not in the reference (left as it is)",
            path.display()
        )?;
    }
    print_refused(&plan.refused)?;
    if !args.dry_run {
        plan.write()?;
    }
    summary(&plan, args.dry_run, (changed, added, obsolete), out)?;
    Ok(if plan.refused.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// What syncing did to a locale's record, in one line (nothing when nothing changed).
fn print_record(record: &RecordSync, dry_run: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let c = record.counts;
    let mut parts = Vec::new();
    if c.recorded > 0 {
        parts.push(format!(
            "{} recorded",
            plural(c.recorded, "translation", "translations")
        ));
    }
    if c.confirmed > 0 {
        parts.push(format!("{} confirmed as current", c.confirmed));
    }
    if c.outdated > 0 {
        parts.push(format!(
            "{} outdated (`folio check` shows what changed)",
            c.outdated
        ));
    }
    if c.dropped > 0 {
        parts.push(format!("{} gone from the record", c.dropped));
    }
    if parts.is_empty() && record.changes() {
        // Translations edited against the current reference: their fingerprints follow.
        parts.push("edited translations recorded as they are now".to_string());
    }
    if !parts.is_empty() {
        let verb = if dry_run && record.changes() {
            "would change: "
        } else {
            ""
        };
        writeln!(out, "{}: {verb}{}", record.path.display(), parts.join(", "))?;
    }
    Ok(())
}

/// What syncing did to one file: created, entries added, copies brought up to date, and each
/// obsolete entry with what became of it.
fn print_file(
    file: &folio::edit::FileSync,
    path: &std::path::Display<'_>,
    prune: Prune,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match (&file.before, file.added.len()) {
        (None, n) => writeln!(
            out,
            "{path}: created, {} to translate",
            plural(n, "entry", "entries")
        )?,
        (Some(_), 0) => {}
        (Some(_), n) => writeln!(out, "{path}: {n} added, marked `# {UNTRANSLATED}`")?,
    }
    if !file.refreshed.is_empty() {
        writeln!(
            out,
            "{path}: {} of the reference, never translated, brought up to its new text ({})",
            plural(file.refreshed.len(), "copy", "copies"),
            file.refreshed.join(", ")
        )?;
    }
    for entry in &file.obsolete {
        let fate = match prune {
            Prune::Keep => {
                "kept; `--prune` moves it to the end of the file, `--prune=delete` deletes it"
            }
            Prune::Move => "in the obsolete section at the end of the file",
            Prune::Delete => "deleted",
        };
        writeln!(
            out,
            "{path}:{}: `{}` is not in the reference ({fate})",
            entry.line, entry.id
        )?;
    }
    Ok(())
}

/// The last line: how many files changed (or would), entries added, obsolete, refused.
fn summary(
    plan: &Plan,
    dry_run: bool,
    (changed, added, obsolete): (usize, usize, usize),
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let verb = if dry_run { "would change" } else { "changed" };
    let refused = match plan.refused.len() {
        0 => String::new(),
        1 => ", 1 file left as it is (errors above)".to_string(),
        n => format!(", {n} files left as they are (errors above)"),
    };
    writeln!(
        out,
        "{changed} of {} {verb}: {} added, {obsolete} obsolete{refused}",
        plural(plan.files.len(), "file", "files"),
        plural(added, "entry", "entries"),
    )
}
