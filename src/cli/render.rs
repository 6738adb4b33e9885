//! `folio render`: an article in one language, in one format.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;
use folio::{Pseudo, RenderOptions};

use super::{ExitStatus, open_project, parse_tag, parse_var};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article's slug (its file name in `content/`, without `.toml`).
    article: String,

    /// The reader's language, a BCP 47 tag; a locale the project lacks falls back
    /// (`de-AT` → `de` → the reference). With `--pseudo`, the locale to transform (default:
    /// the reference).
    #[arg(long, value_name = "TAG", required_unless_present = "pseudo")]
    locale: Option<String>,

    /// Render a pseudo-locale, to find layout problems before translations exist: `accented`
    /// (`en-XA`: accented letters, a third longer) or `bidi` (`ar-XB`: upside-down letters,
    /// right to left).
    #[arg(long, value_enum, value_name = "KIND")]
    pseudo: Option<PseudoArg>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// A variable for every message, `NAME=VALUE` (repeatable): a number (`12`, `1234.5`),
    /// an ISO 8601 date (`2026-11-26`), or else a string.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    vars: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PseudoArg {
    /// `en-XA`: every letter accented, vowels doubled.
    Accented,
    /// `ar-XB`: every letter upside down, right to left.
    Bidi,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Plain text.
    Text,
    /// CommonMark.
    Markdown,
    /// A complete HTML5 page.
    Html,
    /// The article's structure with rendered strings.
    Json,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let vars = args
        .vars
        .iter()
        .map(|v| parse_var(v))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let project = open_project(root, None)?;
    let requested = match &args.locale {
        Some(locale) => parse_tag(locale)?,
        None => project
            .article(&args.article)?
            .reference
            .clone()
            .unwrap_or_else(|| project.reference().clone()),
    };
    let options = RenderOptions {
        vars,
        pseudo: args.pseudo.map(|p| match p {
            PseudoArg::Accented => Pseudo::Accented,
            PseudoArg::Bidi => Pseudo::Bidi,
        }),
        ..RenderOptions::default()
    };
    let rendered = folio::render_with(&project, &args.article, &requested, &options)?;
    let format = match args.format {
        Format::Text => folio::Format::Text,
        Format::Markdown => folio::Format::Markdown,
        Format::Html => folio::Format::Html,
        Format::Json => folio::Format::Json,
    };
    folio::write_rendered(&rendered, format, out)?;
    out.flush()?;

    let mut stderr = std::io::stderr().lock();
    if rendered.locale != rendered.requested && options.pseudo.is_none() {
        writeln!(
            stderr,
            "note: `{}` is rendered from `{}`",
            rendered.requested, rendered.locale
        )?;
    }
    for fallback in &rendered.fallbacks {
        writeln!(
            stderr,
            "note: `{}` is not translated in `{}`; using `{}`",
            fallback.message, rendered.locale, fallback.locale
        )?;
    }
    for error in &rendered.errors {
        writeln!(
            stderr,
            "error: `{}` in `{}`: {}",
            error.message, error.locale, error.error
        )?;
    }
    Ok(if rendered.errors.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
