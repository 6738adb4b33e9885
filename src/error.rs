//! The one error type for "could not run": a project that cannot be read or understood.
//!
//! Findings about translations are not errors; they are [`Diagnostic`](crate::Diagnostic)s.

use std::path::PathBuf;

/// Why Folio could not do what it was asked.
///
/// Every variant names the file (and line, where there is one) and says what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Io {
        /// The path that could not be read.
        path: PathBuf,
        /// The operating system's reason (shown in the message, so not also a `source()`).
        source: std::io::Error,
    },
    /// A configuration or content file is malformed.
    #[error("{}{}: {message}\n  help: {help}", path.display(), location(*line, *column))]
    Invalid {
        /// The file at fault.
        path: PathBuf,
        /// 1-based line, where known.
        line: Option<usize>,
        /// 1-based column, where known.
        column: Option<usize>,
        /// What is wrong.
        message: String,
        /// How to fix it.
        help: String,
    },
    /// A language tag is not a valid BCP 47 tag.
    #[error(
        "`{tag}` is not a valid BCP 47 language tag\n  help: write a tag such as `de`, `pt-BR` or `zh-Hant-TW`"
    )]
    InvalidTag {
        /// The tag as given.
        tag: String,
    },
    /// The reference locale has no folder with Fluent files in the project.
    #[error("the reference locale `{tag}` has no folder of .ftl files in `{}`\n  help: {help}", locales.display())]
    MissingReference {
        /// The reference locale's tag.
        tag: String,
        /// The locales folder that was searched.
        locales: PathBuf,
        /// What the user can do (for example, which folders exist).
        help: String,
    },
    /// A command-line value is not one Folio can use.
    #[error("{message}\n  help: {help}")]
    Usage {
        /// What is wrong, naming the option.
        message: String,
        /// How to fix it.
        help: String,
    },
    /// Outside a project, a command that changes or checks a project's files refuses to use
    /// the copy built into Folio.
    #[error(
        "there is no Folio project in `{}` or any folder above it (a project has `folio.toml` or a `locales/` folder)\n  help: run folio in a project, or name one with --root PATH", start.display()
    )]
    NoProject {
        /// The folder the search started from.
        start: PathBuf,
    },
    /// Files a command would create exist already: it wrote nothing.
    #[error("{} already {}; nothing was written\n  help: {help}", quoted(paths), if paths.len() == 1 { "exists" } else { "exist" })]
    Exists {
        /// Every path that is in the way.
        paths: Vec<PathBuf>,
        /// What the user can do.
        help: String,
    },
    /// No article has the requested slug.
    #[error("there is no article `{slug}`\n  help: {}", if available.is_empty() { "this project has no articles in `content/`".to_string() } else { format!("choose one of: {}", available.join(", ")) })]
    UnknownArticle {
        /// The slug that was asked for.
        slug: String,
        /// The slugs that exist.
        available: Vec<String>,
    },
}

/// `a`, `b` and `c`, each in backticks.
fn quoted(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        (Some(line), None) => format!(":{line}"),
        _ => String::new(),
    }
}

/// `Result` with Folio's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
