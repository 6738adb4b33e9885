//! `folio import`: a Markdown article made a content file, its reference messages and its
//! images; imported again, it keeps every message's id.

use std::io::Write;
use std::path::{Path, PathBuf};

use folio::edit::import::{ImportOptions, ImportPlan, plan_import};

use super::{BuiltIn, ExitStatus, locate, open, parse_tag, plural, unified_diff};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Markdown file: CommonMark with GFM tables, strikethrough and footnotes, and a
    /// front matter in YAML (`---`) or TOML (`+++`).
    #[arg(value_name = "FILE.md")]
    file: PathBuf,

    /// The article's slug (default: the file's name): `content/<slug>.toml` and
    /// `locales/<reference>/<slug>.ftl`.
    #[arg(long, value_name = "SLUG")]
    slug: Option<String>,

    /// The locale the Markdown is written in (default: the project's reference).
    #[arg(long, value_name = "TAG")]
    reference: Option<String>,

    /// Print what would change, as a unified diff; write nothing.
    #[arg(long)]
    dry_run: bool,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let reference = args.reference.as_deref().map(parse_tag).transpose()?;
    let project = open(&locate(root, BuiltIn::Refused)?, None)?;
    let options = ImportOptions {
        markdown: args.file.clone(),
        slug: args.slug.clone(),
        reference,
    };
    let plan = plan_import(&project, &options)?;
    {
        let mut stderr = std::io::stderr().lock();
        for warning in &plan.warnings {
            writeln!(
                stderr,
                "warning: {}:{}: {}",
                args.file.display(),
                warning.line,
                warning.message
            )?;
        }
    }
    // Written before it is reported: the summary never claims a change that did not happen.
    if !args.dry_run {
        plan.write()?;
    }
    report(&plan, args.dry_run, out)?;
    Ok(ExitStatus::Success)
}

fn report(plan: &ImportPlan, dry_run: bool, out: &mut dyn Write) -> std::io::Result<()> {
    for file in plan.files.iter().filter(|f| f.changes()) {
        let path = file.path.display();
        if dry_run {
            let before = file
                .before
                .as_deref()
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            let after = String::from_utf8_lossy(&file.after);
            let old = if file.before.is_some() {
                format!("a/{path}")
            } else {
                "/dev/null".to_string()
            };
            out.write_all(unified_diff(&before, &after, &old, &format!("b/{path}")).as_bytes())?;
        } else {
            let verb = if file.before.is_some() {
                "updated"
            } else {
                "created"
            };
            writeln!(out, "{path}: {verb}")?;
        }
    }
    for image in plan.images.iter().filter(|f| f.changes()) {
        let verb = if dry_run { "would copy" } else { "copied" };
        writeln!(
            out,
            "{}: {verb} ({} bytes)",
            image.path.display(),
            image.after.len()
        )?;
    }
    for image in &plan.unused_images {
        writeln!(
            out,
            "{}: no longer shown by the article (left as it is; delete it if nothing else uses it)",
            image.display()
        )?;
    }
    let changes = &plan.changes;
    let would = if dry_run { "Would import" } else { "Imported" };
    writeln!(
        out,
        "{would} `{}`: {} added, {} changed, {} removed, {} kept.",
        plan.slug,
        changes.added.len(),
        changes.changed.len(),
        changes.removed.len(),
        plural(changes.kept.len(), "message", "messages"),
    )?;
    let first_import =
        changes.changed.is_empty() && changes.removed.is_empty() && changes.kept.is_empty();
    if !first_import {
        for (what, ids) in [
            ("added", &changes.added),
            ("changed", &changes.changed),
            ("removed", &changes.removed),
        ] {
            if !ids.is_empty() {
                writeln!(out, "  {what}: {}", ids.join(", "))?;
            }
        }
        if !changes.changed.is_empty() {
            writeln!(
                out,
                "Translations of changed messages are now outdated: `folio check` lists them, `folio sync` brings the locales in line."
            )?;
        }
    }
    Ok(())
}
