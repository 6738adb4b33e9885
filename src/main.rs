//! The `folio` command: parse arguments, call the library, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

mod cli;

// A checker allocates and frees a syntax tree per file, and findings by the thousand:
// mimalloc does that markedly faster than the system's allocator (`benches/check.py`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(&args) {
        Ok(status) => status.into(),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = cli::print_error(&err);
            cli::ExitStatus::Error.into()
        }
    }
}
