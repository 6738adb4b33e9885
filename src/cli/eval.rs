//! `folio eval`: a translator's playground for one message.

use std::io::Write;
use std::path::Path;

use super::{BuiltIn, ExitStatus, locate, parse_tag, variables};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fluent source whose first message is formatted, e.g. `'n = { NUMBER($n) } files'`.
    #[arg(
        value_name = "SOURCE",
        required_unless_present = "message",
        conflicts_with = "message"
    )]
    source: Option<String>,

    /// Format this message (or `message.attribute`) of the project instead.
    #[arg(long, value_name = "ID")]
    message: Option<String>,

    /// The locale to format in, a BCP 47 tag.
    #[arg(long, value_name = "TAG")]
    locale: String,

    /// A variable, `NAME=VALUE` (repeatable): a number (`12`, `1234.5`), an ISO 8601 date
    /// (`2026-11-26`, `2026-11-26T14:30`), or else a string.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    vars: Vec<String>,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let tag = parse_tag(&args.locale)?;
    let vars = variables(&args.vars)?;
    let evaluated = match (&args.source, &args.message) {
        (Some(source), _) => folio::eval(source, &tag, &vars)?,
        (None, Some(message)) => {
            let project = locate(root, BuiltIn::Allowed)?.open()?;
            let publisher = folio::Publisher::new(project, folio::SiteOptions::default());
            publisher.eval_message(message, &tag, &vars)?
        }
        (None, None) => unreachable!("clap requires SOURCE or --message"),
    };
    writeln!(out, "{}", evaluated.text)?;
    out.flush()?;
    let mut stderr = std::io::stderr().lock();
    if let Some(locale) = &evaluated.fallback {
        writeln!(
            stderr,
            "note: the message is not translated in `{}`; using `{locale}`",
            args.locale
        )?;
    }
    for error in &evaluated.errors {
        writeln!(stderr, "error: {error}")?;
    }
    Ok(if evaluated.errors.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
