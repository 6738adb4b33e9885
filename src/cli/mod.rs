//! The command line: one file per subcommand, each a thin composition of library calls.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use folio::Tag;
use folio::{Project, ProjectLocation};

mod build;
mod check;
mod completions;
mod eval;
mod explain;
mod fmt;
mod import;
mod init;
mod lsp;
mod man;
mod new;
mod rename;
mod render;
mod serve;
mod sync;

/// Keep web articles as Fluent files: check the translations, render every language.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, max_term_width = 100)]
pub struct Cli {
    /// The project to read (a folder with `folio.toml` or `locales/`, or a bare tree of locale
    /// folders). Default: the nearest project at or above the current folder; `render`, `eval`
    /// and `serve` use the article built into folio when there is none.
    #[arg(long, global = true, value_name = "PATH")]
    root: Option<PathBuf>,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start a project: `folio.toml`, an example article and the page chrome's messages.
    Init(init::Args),
    /// Import a Markdown article: its content file, its reference messages and its images.
    Import(import::Args),
    /// Compare every locale with the reference and report what is missing or broken.
    Check(check::Args),
    /// Render an article in one language.
    Render(render::Args),
    /// Write the whole site: every article in every language and format, an index, a sitemap.
    Build(build::Args),
    /// Format one message: Fluent source given here, or a message of the project.
    Eval(eval::Args),
    /// Serve the articles over HTTP, each reader in their language; reload on save.
    Serve(serve::Args),
    /// Start a locale: every reference file, each entry marked as untranslated.
    New(new::Args),
    /// Bring locales in line with the reference: add what is missing, report what is obsolete.
    Sync(sync::Args),
    /// Format Fluent files the same way for everyone, keeping every comment.
    Fmt(fmt::Args),
    /// Rename a message, term, attribute or variable in every locale and content file at once.
    Rename(rename::Args),
    /// Print the documentation of a check.
    Explain(explain::Args),
    /// The language server: checks, reference text and quick fixes in the editor (LSP on stdio).
    Lsp(lsp::Args),
    /// Print the completion script for a shell.
    Completions(completions::Args),
    /// Print the manual page of folio or of a subcommand, or write them all into a folder.
    Man(man::Args),
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Color {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl Color {
    fn enabled(self, stream: &impl IsTerminal) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing failed.
    Success,
    /// Findings (or render errors) failed the run.
    Failure,
    /// The run could not be done: bad arguments, an unreadable project, invalid configuration.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Failure => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// Runs the command `cli` describes.
pub fn run(cli: &Cli) -> anyhow::Result<ExitStatus> {
    // The language server's stdout is the protocol's, written by its own thread: it is not
    // locked here.
    if let Command::Lsp(args) = &cli.command {
        return lsp::run(args, cli.root.as_deref());
    }
    let stdout = io::stdout();
    let color = cli.color.enabled(&stdout);
    // Line buffering would make a write system call per line of a large report.
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let status = match &cli.command {
        Command::Init(args) => init::run(args, cli.root.as_deref(), &mut out),
        Command::Import(args) => import::run(args, cli.root.as_deref(), &mut out),
        Command::Check(args) => check::run(args, cli.root.as_deref(), color, &mut out),
        Command::Render(args) => render::run(args, cli.root.as_deref(), &mut out),
        Command::Build(args) => build::run(args, cli.root.as_deref(), &mut out),
        Command::Eval(args) => eval::run(args, cli.root.as_deref(), &mut out),
        Command::Serve(args) => serve::run(args, cli.root.as_deref(), &mut out),
        Command::New(args) => new::run(args, cli.root.as_deref(), &mut out),
        Command::Sync(args) => sync::run(args, cli.root.as_deref(), &mut out),
        Command::Fmt(args) => fmt::run(args, cli.root.as_deref(), &mut out),
        Command::Rename(args) => rename::run(args, cli.root.as_deref(), &mut out),
        Command::Explain(args) => explain::run(args, &mut out),
        Command::Lsp(_) => unreachable!("served above, without locking stdout"),
        Command::Completions(args) => completions::run(args, &mut out),
        Command::Man(args) => man::run(args, &mut out),
    }?;
    out.flush()?;
    Ok(status)
}

/// `before` and `after` as a unified diff, with three lines of context, for people and for
/// `patch`.
fn unified_diff(before: &str, after: &str, old_name: &str, new_name: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string()
}

/// `n` and the word for `n` of them: `1 file`, `2 files`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints, on stderr, the files an edit left as they are and why.
fn print_refused(refused: &[(PathBuf, folio::edit::FileError)]) -> io::Result<()> {
    let mut stderr = io::stderr().lock();
    for (path, reason) in refused {
        let at = reason
            .position()
            .map_or(String::new(), |(line, column)| format!(":{line}:{column}"));
        let help = match reason {
            folio::edit::FileError::Syntax { .. } | folio::edit::FileError::InvalidUtf8 { .. } => {
                "fix it (`folio check` shows it in context); the file is left as it is"
            }
            _ => "the file is left as it is",
        };
        writeln!(
            stderr,
            "error: {}{at}: {reason}\n  help: {help}",
            path.display()
        )?;
    }
    Ok(())
}

/// Whether a command may use the project built into folio when there is none here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BuiltIn {
    /// It only shows the built-in article (`render`, `eval`, `serve`): say so on stderr.
    Allowed,
    /// It checks, changes or publishes files: without a project there is nothing to do.
    Refused,
}

/// Where the command's project is, one way for every command: `root` (`--root`, or a PATH)
/// as given; else the nearest project at or above the current folder, as cargo and git find
/// theirs; else the built-in project, where `builtin` allows it.
fn locate(root: Option<&Path>, builtin: BuiltIn) -> anyhow::Result<ProjectLocation> {
    if let Some(root) = root {
        return Ok(ProjectLocation::Folder(root.to_path_buf()));
    }
    let here = std::env::current_dir().map_err(|err| {
        anyhow::anyhow!(
            "cannot tell which folder this is: {err}\n  help: change to an existing folder, or name the project with --root PATH"
        )
    })?;
    if let Some(found) = folio::discover(&here) {
        // Shown relative to here, so that paths in findings can be opened as they are.
        let up = here
            .strip_prefix(&found)
            .map_or(0, |below| below.components().count());
        let relative: PathBuf = std::iter::repeat_n("..", up).collect();
        let root = if up == 0 {
            PathBuf::from(".")
        } else {
            relative
        };
        return Ok(ProjectLocation::Folder(root));
    }
    match builtin {
        BuiltIn::Refused => Err(folio::Error::NoProject { start: here }.into()),
        BuiltIn::Allowed => {
            writeln!(
                io::stderr(),
                "note: no Folio project in `{}` or above; using the article built into folio (--root PATH names a project)",
                here.display()
            )?;
            Ok(ProjectLocation::BuiltIn)
        }
    }
}

/// Opens the project at `location`; `reference` replaces the configured reference locale (a
/// folder that is not a project is then a bare tree compared with it).
fn open(location: &ProjectLocation, reference: Option<&str>) -> anyhow::Result<Project> {
    let reference = reference.map(parse_tag).transpose()?;
    let project = match (location, &reference) {
        (ProjectLocation::Folder(path), Some(reference)) if !folio::is_project(path) => {
            Project::open_tree(path, reference.clone())?
        }
        _ => location.open()?,
    };
    Ok(match reference {
        Some(reference) => project.with_reference(reference),
        None => project,
    })
}

/// Parses every `--var NAME=VALUE`.
fn variables(
    vars: &[String],
) -> anyhow::Result<Vec<(String, fluent_bundle::FluentValue<'static>)>> {
    Ok(vars
        .iter()
        .map(|v| folio::variable(v))
        .collect::<folio::Result<_>>()?)
}

fn parse_tag(tag: &str) -> anyhow::Result<Tag> {
    Ok(folio::parse_tag(tag)?)
}

/// Whether `err` is a write to a closed pipe (`folio check | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints `err` and its causes on stderr.
pub fn print_error(err: &anyhow::Error) -> io::Result<()> {
    let mut stderr = io::stderr().lock();
    let mut said = err.to_string();
    writeln!(stderr, "error: {said}")?;
    for cause in err.chain().skip(1) {
        // Folio's errors already say their cause (`cannot read …: no such folder`).
        let cause = cause.to_string();
        if !said.contains(&cause) {
            writeln!(stderr, "  caused by: {cause}")?;
            said = cause;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
