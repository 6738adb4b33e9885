//! `folio rename`: rename a message, term, attribute or variable in every locale at once.

use std::io::Write;
use std::path::Path;

use folio::edit::rename::{
    Name, RenamePlan, plan_rename, plan_rename_outdating, plan_variable_rename,
};

use super::{BuiltIn, ExitStatus, locate, open, plural, unified_diff};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// OLD NEW pairs: `message`, `-term`, `message.attribute` or `-term.attribute`, each renamed
    /// to a name of the same kind; several pairs are one change. With `--variable`, the old and
    /// the new name of the variable (without `$`). Options go before the names (a term's name
    /// starts with `-`).
    #[arg(value_name = "OLD NEW", num_args = 2.., required = true, allow_hyphen_values = true)]
    names: Vec<String>,

    /// Rename a variable of this message or term (its value and every attribute) instead.
    #[arg(long, value_name = "MESSAGE")]
    variable: Option<String>,

    /// Print what would change, as a unified diff; write nothing.
    #[arg(long)]
    dry_run: bool,

    /// Also mark every translation of the renamed names outdated, for a change of meaning:
    /// `folio check` reports each until it is edited or confirmed (`folio sync --confirm`).
    #[arg(long)]
    outdate: bool,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    if args.outdate && args.variable.is_some() {
        anyhow::bail!(
            "--outdate marks the translations of a renamed message, term or attribute\n  help: a variable's new name changes no meaning: rename it without --outdate"
        );
    }
    if let Some(option) = args.names.iter().find(|n| n.starts_with("--")) {
        anyhow::bail!(
            "`{option}` comes after the names\n  help: put options first: `folio rename {option} OLD NEW`"
        );
    }
    if args.names.len() % 2 != 0 {
        anyhow::bail!(
            "`{}` has no new name\n  help: give OLD NEW pairs",
            args.names.last().map_or("", String::as_str)
        );
    }
    let project = open(&locate(root, BuiltIn::Refused)?, None)?;
    let plan = if let Some(entry) = &args.variable {
        let [old, new] = &args.names[..] else {
            anyhow::bail!("--variable renames one variable\n  help: give OLD NEW once");
        };
        let strip = |name: &str| name.trim_start_matches('$').to_string();
        plan_variable_rename(&project, &Name::parse(entry)?, &strip(old), &strip(new))?
    } else {
        let pairs = args
            .names
            .chunks(2)
            .map(|pair| Ok((Name::parse(&pair[0])?, Name::parse(&pair[1])?)))
            .collect::<folio::Result<Vec<_>>>()?;
        if args.outdate {
            plan_rename_outdating(&project, &pairs)?
        } else {
            plan_rename(&project, &pairs)?
        }
    };
    // Written before it is reported: the summary never claims a change that did not happen.
    if !args.dry_run {
        plan.write()?;
    }
    report(&plan, args.dry_run, out)?;
    Ok(ExitStatus::Success)
}

fn report(plan: &RenamePlan, dry_run: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let renamed: usize = plan.files.iter().map(|f| f.renamed).sum();
    for file in &plan.files {
        let path = file.path.display();
        if dry_run {
            let (old, new) = (format!("a/{path}"), format!("b/{path}"));
            out.write_all(unified_diff(&file.before, &file.after, &old, &new).as_bytes())?;
        } else {
            writeln!(out, "{path}: {}", plural(file.renamed, "name", "names"))?;
        }
    }
    let verb = if dry_run { "Would rename" } else { "Renamed" };
    writeln!(
        out,
        "{verb} {} in {}.",
        plural(renamed, "name", "names"),
        plural(plan.files.len(), "file", "files")
    )
}
