//! `folio new`: start a locale.

use std::io::Write;
use std::path::Path;

use folio::edit::sync::UNTRANSLATED;
use folio::edit::{create_locale, plan_new};

use super::{BuiltIn, ExitStatus, locate, open, plural, print_refused};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The new locale's BCP 47 tag, e.g. `fr-CA` or `pt-BR`.
    locale: String,

    /// The locale to copy (default: the project's reference).
    #[arg(long, value_name = "TAG")]
    reference: Option<String>,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let tag = folio::parse_tag(&args.locale)?;
    let name = tag.to_string();
    let project = open(&locate(root, BuiltIn::Refused)?, args.reference.as_deref())?;
    let Some(dir) = project.locales_dir() else {
        anyhow::bail!(
            "there is no project here (only the one built into folio)\n  help: run folio new in a project folder, or pass --root"
        );
    };
    let existing = project
        .catalog()
        .locale_by_tag(&tag)
        .map(|l| l.name.clone())
        .or_else(|| {
            std::fs::read_dir(dir)
                .ok()?
                .filter_map(Result::ok)
                .find_map(|entry| {
                    let found = entry.file_name().to_string_lossy().into_owned();
                    found.eq_ignore_ascii_case(&name).then_some(found)
                })
        });
    if let Some(existing) = existing {
        writeln!(
            std::io::stderr(),
            "error: the locale `{existing}` exists already ({})\n  help: bring it up to date with `folio sync {existing}`; nothing was changed",
            dir.join(&existing).display()
        )?;
        return Ok(ExitStatus::Failure);
    }
    if name != args.locale {
        writeln!(out, "note: using the tag's canonical form, `{name}`")?;
    }
    let plan = plan_new(&project, &name)?;
    if !plan.refused.is_empty() {
        print_refused(&plan.refused)?;
        writeln!(
            std::io::stderr(),
            "  help: fix the reference first; nothing was created"
        )?;
        return Ok(ExitStatus::Failure);
    }
    let folder = create_locale(&plan, dir, &name)?;
    let entries: usize = plan.files.iter().map(|f| f.added.len()).sum();
    writeln!(
        out,
        "Created {} with {}: {} to translate, each marked `# {UNTRANSLATED}`.",
        folder.display(),
        plural(plan.files.len(), "file", "files"),
        plural(entries, "entry", "entries"),
    )?;
    writeln!(
        out,
        "Translate an entry, then delete its mark; `folio check --locale {name}` lists what is left."
    )?;
    Ok(ExitStatus::Success)
}
