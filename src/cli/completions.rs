//! `folio completions`: the completion script for a shell.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::{Generator, Shell};

use super::{Cli, ExitStatus};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete `folio` in.
    shell: Shell,
}

pub fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    // What `clap_complete::generate` does, but with `try_generate`: `generate` panics when a
    // write fails, and a closed pipe (`folio completions bash | head`) is no reason to.
    let mut cli = Cli::command();
    cli.set_bin_name(cli.get_name().to_owned());
    cli.build();
    args.shell.try_generate(&cli, out)?;
    Ok(ExitStatus::Success)
}
