//! `folio man`: the manual pages of `folio` and of each of its subcommands, in roff.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::CommandFactory;
use clap_mangen::Man;

use super::{Cli, ExitStatus};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The subcommand whose page to print, e.g. `check` for `folio-check`; without one, the
    /// page of `folio` itself.
    command: Option<String>,

    /// Write the pages into DIR (made if missing) instead: `folio.1` and a `folio-COMMAND.1`
    /// for each subcommand, or only COMMAND's page when one is named. Prints each path.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let folio = folio();
    let named = args
        .command
        .as_deref()
        .map(|name| subcommand(&folio, name))
        .transpose()?;
    let Some(dir) = &args.out else {
        manual(named.unwrap_or(&folio)).render(out)?;
        return Ok(ExitStatus::Success);
    };
    let pages = match named {
        Some(page) => vec![page],
        None => std::iter::once(&folio).chain(pages(&folio)).collect(),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot make {}", dir.display()))?;
    for page in pages {
        let path = write_page(&manual(page), dir)?;
        writeln!(out, "{}", path.display())?;
    }
    Ok(ExitStatus::Success)
}

/// `folio`'s command as its pages show it: built, so that each subcommand knows its full name
/// (the page `folio-check`, run as `folio check`), and without `help`, which has no page.
fn folio() -> clap::Command {
    let mut folio = Cli::command().disable_help_subcommand(true);
    folio.build();
    folio
}

/// The subcommands that get a page of their own.
fn pages(folio: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    folio.get_subcommands().filter(|sub| !sub.is_hide_set())
}

/// The subcommand of `folio` called `name`, or a usage error listing them.
fn subcommand<'a>(folio: &'a clap::Command, name: &str) -> anyhow::Result<&'a clap::Command> {
    if let Some(page) = pages(folio).find(|sub| sub.get_name() == name) {
        return Ok(page);
    }
    let names: Vec<&str> = pages(folio).map(clap::Command::get_name).collect();
    anyhow::bail!(
        "there is no subcommand `{name}`\n  help: name one of {}, or none for the page of `folio` itself",
        names.join(", ")
    )
}

/// `command`'s page, its source named as `folio` and its version (a subcommand's own name and
/// version would say `check` with none).
fn manual(command: &clap::Command) -> Man {
    Man::new(command.clone()).source(format!("folio {}", env!("CARGO_PKG_VERSION")))
}

/// Writes `page` into `dir` under its file name (`folio-check.1`) through a temporary file
/// renamed over it, so that `man` never reads half a page; returns the page's path.
fn write_page(page: &Man, dir: &Path) -> anyhow::Result<PathBuf> {
    let path = dir.join(page.get_filename());
    let cannot = || format!("cannot write {}", path.display());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".folio-").suffix(".tmp");
    // tempfile's own 0600 would hide a page installed for every user (`sudo folio man --out
    // /usr/local/share/man/man1`); 0666 less the umask is what a plain `create` gives.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir).with_context(cannot)?;
    page.render(&mut file).with_context(cannot)?;
    file.persist(&path)
        .map_err(|e| e.error)
        .with_context(cannot)?;
    Ok(path)
}
