//! `folio render`: an article in one language, in one format.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use folio::{Format, Pseudo, PublishOptions, RenderOptions};

use super::{BuiltIn, ExitStatus, locate, parse_tag, variables};

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
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,

    /// A variable for every message, `NAME=VALUE` (repeatable): a number (`12`, `1234.5`),
    /// an ISO 8601 date (`2026-11-26`), or else a string.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    vars: Vec<String>,

    /// The site's public URL, for the HTML page's links (default: `folio.toml`'s `[site]
    /// base-url`; without one, links are relative), as `folio build` writes them.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,

    /// The page template, a minijinja file (default: `folio.toml`'s `[site] template`, else
    /// the built-in one).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
}

/// `--pseudo`: [`Pseudo`] on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PseudoArg {
    /// `en-XA`: every letter accented, vowels doubled.
    Accented,
    /// `ar-XB`: every letter upside down, right to left.
    Bidi,
}

/// `--format`: [`Format`] on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
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
    let vars = variables(&args.vars)?;
    let project = locate(root, BuiltIn::Allowed)?.open()?;
    let requested = match &args.locale {
        Some(locale) => parse_tag(locale)?,
        None => project
            .article(&args.article)?
            .reference
            .clone()
            .unwrap_or_else(|| project.reference().clone()),
    };
    let publish = PublishOptions {
        base_url: args.base_url.clone(),
        template: args.template.clone(),
        min_coverage: None,
        templates: None,
        no_html: !matches!(args.format, FormatArg::Html),
    };
    let publisher = folio::publish(project, &publish, None)?.publisher;
    let options = RenderOptions {
        vars,
        pseudo: args.pseudo.map(|p| match p {
            PseudoArg::Accented => Pseudo::Accented,
            PseudoArg::Bidi => Pseudo::Bidi,
        }),
    };
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
        FormatArg::Json => Format::Json,
    };
    let page = publisher.page(&args.article, &requested, format, &options)?;
    out.write_all(&page.body)?;
    out.flush()?;

    // What the reader would not see: where the text came from, and what failed.
    let mut notes = Vec::new();
    if page.locale != page.requested && options.pseudo.is_none() {
        notes.push(format!(
            "note: `{}` is rendered from `{}`",
            page.requested, page.locale
        ));
    }
    notes.extend(page.fallbacks.iter().map(|f| {
        format!(
            "note: `{}` is not translated in `{}`; using `{}`",
            f.message, page.locale, f.locale
        )
    }));
    notes.extend(
        page.errors
            .iter()
            .map(|e| format!("error: `{}` in `{}`: {}", e.message, e.locale, e.error)),
    );
    let mut stderr = std::io::stderr().lock();
    for note in notes {
        writeln!(stderr, "{note}")?;
    }
    Ok(if page.errors.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
