//! `folio lsp`: the language server, over stdin and stdout.

use std::path::Path;

use super::ExitStatus;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Speak LSP over stdin and stdout (the only transport, and the default; accepted because
    /// many editors' client settings pass it).
    #[arg(long)]
    stdio: bool,
}

/// Serves until the editor says `exit`. stdout carries the protocol and nothing else; any
/// other message goes to stderr or to the editor as an LSP notification.
pub fn run(args: &Args, root: Option<&Path>) -> anyhow::Result<ExitStatus> {
    let _ = args.stdio;
    folio::lsp::run_stdio(root)?;
    Ok(ExitStatus::Success)
}
