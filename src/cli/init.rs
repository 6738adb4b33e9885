//! `folio init`: start a project.

use std::io::Write;
use std::path::{Path, PathBuf};

use folio::DEFAULT_REFERENCE;
use folio::edit::{EXAMPLE_SLUG, InitOptions, create_project, plan_init};

use super::ExitStatus;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project's folder, created when missing (default: `--root`, else the current
    /// folder). Other files may be in it; a file `init` would write may not.
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,

    /// The reference locale, named in `folio.toml`; its folder gets the page chrome and the
    /// example article's text (in English: translate them for another locale).
    #[arg(long, value_name = "TAG", default_value = DEFAULT_REFERENCE)]
    reference: String,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let reference = folio::parse_tag(&args.reference)?;
    let tag = reference.to_string();
    let dir = args
        .dir
        .as_deref()
        .or(root)
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let project = plan_init(&InitOptions::new(reference));
    create_project(&project, &dir)?;
    if tag != args.reference {
        writeln!(out, "note: using the tag's canonical form, `{tag}`")?;
    }
    let here = dir.components().all(|c| c == std::path::Component::CurDir);
    let shown = |path: &Path| {
        if here {
            path.display().to_string()
        } else {
            dir.join(path).display().to_string()
        }
    };
    let place = if here {
        "this folder".to_string()
    } else {
        format!("`{}`", dir.display())
    };
    writeln!(out, "Created a Folio project in {place}:")?;
    for (path, _) in &project.files {
        writeln!(out, "  {}", shown(path))?;
    }
    if !project.in_english.is_empty() {
        let names: Vec<String> = project.in_english.iter().map(|p| shown(p)).collect();
        writeln!(
            out,
            "note: {} are in English: translate them into `{tag}` (`site-language-name` is the language's own name)",
            names.join(" and ")
        )?;
    }
    // A locale to start that is not the reference.
    let another = if reference_language_is(&tag, "de") {
        "fr"
    } else {
        "de"
    };
    writeln!(out, "\nNext:")?;
    if !here {
        writeln!(out, "  cd {}", dir.display())?;
    }
    writeln!(out, "  folio check")?;
    writeln!(out, "  folio render {EXAMPLE_SLUG} --locale {tag}")?;
    writeln!(out, "  folio new {another}")?;
    writeln!(out, "  folio build --out site")?;
    Ok(ExitStatus::Success)
}

/// Whether `tag`'s language subtag is `language`.
fn reference_language_is(tag: &str, language: &str) -> bool {
    tag.split('-')
        .next()
        .is_some_and(|l| l.eq_ignore_ascii_case(language))
}
