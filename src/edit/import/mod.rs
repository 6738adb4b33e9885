//! Importing a Markdown article (`folio import`): its content file, its reference locale's
//! messages and its images, planned here and written all at once, or not at all.
//!
//! - `markdown.rs`: the Markdown read into blocks, its inline syntax made markup;
//! - `build.rs`: those blocks made the content file's and the messages, images copied;
//! - `front.rs`: the front matter (YAML or TOML);
//! - `ids.rs`: each message's id, kept across re-imports;
//! - `output.rs`: the content file and the `.ftl` file written out.

mod build;
mod front;
mod ids;
mod markdown;
mod output;

use std::path::{Path, PathBuf};

use crate::locale::Tag;
use fluent_syntax::ast;

use crate::article::{Article, Block, chrome};
use crate::error::{Error, Result};
use crate::fs::{Replacement, create_all, replace_all};
use crate::project::Project;

pub use ids::Changes;
pub use markdown::Warning;

use build::{Images, build};
use ids::{Previous, assign, message_key};
use markdown::slugify;

/// What to import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The Markdown file.
    pub markdown: PathBuf,
    /// The article's slug; the Markdown file's name when `None`.
    pub slug: Option<String>,
    /// The locale the text is in; the project's reference when `None`.
    pub reference: Option<Tag>,
}

/// A file the import writes: its bytes before (`None`: it is new) and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportFile {
    /// Where it goes.
    pub path: PathBuf,
    /// The file as it is, when there is one.
    pub before: Option<Vec<u8>>,
    /// The file as it will be.
    pub after: Vec<u8>,
}

impl ImportFile {
    /// Whether writing it changes anything.
    pub fn changes(&self) -> bool {
        self.before.as_deref() != Some(self.after.as_slice())
    }
}

/// What importing a Markdown file does; nothing is written until [`ImportPlan::write`].
#[derive(Clone, Debug)]
pub struct ImportPlan {
    /// The article's slug.
    pub slug: String,
    /// The content file and the reference locale's `.ftl` file.
    pub files: Vec<ImportFile>,
    /// The images copied into `content/images/<slug>/`.
    pub images: Vec<ImportFile>,
    /// Files of `content/images/<slug>/` the article no longer shows (left where they are).
    pub unused_images: Vec<PathBuf>,
    /// The messages added, changed, removed and kept.
    pub changes: Changes,
    /// What was imported differently from how it was written.
    pub warnings: Vec<Warning>,
}

/// Plans importing the Markdown file `options.markdown` into `project`.
///
/// # Errors
/// [`Error::Invalid`] naming the Markdown file and line when it holds something Folio cannot
/// publish (a `javascript:` link, a missing image, a bad front matter); [`Error::Io`] when a
/// file cannot be read.
#[allow(clippy::too_many_lines)]
pub fn plan_import(project: &Project, options: &ImportOptions) -> Result<ImportPlan> {
    let md_path = &options.markdown;
    let bytes = std::fs::read(md_path).map_err(|source| Error::Io {
        path: md_path.clone(),
        source,
    })?;
    let source = String::from_utf8(bytes).map_err(|_| Error::Invalid {
        path: md_path.clone(),
        line: None,
        column: None,
        message: "the Markdown file is not UTF-8".into(),
        help: "save it as UTF-8, then import it again".into(),
    })?;
    let slug = if let Some(slug) = &options.slug {
        check_slug(slug)?
    } else {
        {
            let stem = md_path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let slug = slugify(&stem, 12, 80);
            if slug.is_empty() {
                return Err(Error::Usage {
                    message: format!("cannot make a slug of the file name `{stem}`"),
                    help: "name the article with --slug SLUG".into(),
                });
            }
            slug
        }
    };
    let (Some(locales), Some(content)) = (project.locales_dir(), project.content_dir()) else {
        return Err(Error::Usage {
            message: "the project built into folio cannot be changed".into(),
            help: "run in a project folder, or pass --root".into(),
        });
    };
    let reference = options
        .reference
        .clone()
        .unwrap_or_else(|| project.reference().clone());
    // Every article's messages are checked against the project's reference: an article
    // whose text is only in another locale would be all unknown messages to `folio check`.
    if reference != *project.reference() {
        return Err(Error::Usage {
            message: format!(
                "the project's reference locale is `{}`, not `{reference}`",
                project.reference()
            ),
            help: "import the article as written in the reference (translators take it from there), or set `reference` in folio.toml for a project written in that language".into(),
        });
    }
    let reference_dir = project.catalog().locale_by_tag(&reference);
    let folder = reference_dir.map_or_else(|| reference.to_string(), |l| l.name.clone());
    let has_chrome = reference_dir.is_some_and(|dir| {
        dir.files.iter().any(|file| {
            let parsed = file.parse();
            parsed
                .entries()
                .any(|entry| crate::ftl::entry_id(entry, parsed.source()) == Some(chrome::BYLINE))
        })
    });
    let content_path = content.join(format!("{slug}.toml"));
    let ftl_path = locales.join(&folder).join(format!("{slug}.ftl"));

    let mut document = markdown::read(&source, md_path)?;
    let mut warnings = std::mem::take(&mut document.warnings);
    let front = match &document.front {
        Some((front, line)) => front::read(front, *line, md_path, &mut warnings)?,
        None => front::Front::default(),
    };
    let base = md_path.parent().unwrap_or(Path::new("."));
    let mut images = Images {
        base,
        md_path,
        slug: &slug,
        content: &content,
        files: Vec::new(),
    };
    let built = build(&document, &front, &slug, has_chrome, &mut images, md_path)?;
    let mut units = built.units;

    let content_before = read_optional(&content_path)?;
    let ftl_before = read_optional(&ftl_path)?;
    let old_article = match &content_before {
        Some(bytes) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            Some(Article::parse(
                &format!("{slug}.toml"),
                &content_path,
                text,
            )?)
        }
        None => None,
    };
    let old_ftl = ftl_before
        .as_ref()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned());
    let previous = previous(old_article.as_ref(), old_ftl.as_deref());
    // The byline needs a date: the one the article had, else today's.
    let mut front = front;
    if front.published.is_none() {
        front.published = Some(
            old_article
                .as_ref()
                .and_then(|a| a.published)
                .unwrap_or_else(crate::edit::init::today),
        );
    }
    let keys: Vec<String> = units.iter().map(output::unit_key).collect();
    let changes = assign(&mut units, &keys, &previous);
    // Entries of the old file that the content file did not fill (terms, a message written
    // by hand) are kept.
    let kept_entries = old_ftl
        .as_deref()
        .map(|text| output::unmanaged_entries(text, &previous, &units))
        .unwrap_or_default();

    let title_plain = built.title_plain;
    let ftl_after = output::ftl(&units, &title_plain, md_path, &slug, &kept_entries);
    let content_after = output::content(&output::ContentInput {
        slug: &slug,
        reference: &reference,
        front: &front,
        blocks: &built.blocks,
        units: &units,
        links: &document.links,
        hero: built.hero.as_deref(),
        md_name: &md_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ftl_rel: &format!("{}/{folder}/{slug}.ftl", dir_name(locales)),
        old: old_article.as_ref(),
    });
    // What is written must read back: a failure here is a bug, caught before any write.
    let parsed = fluent_syntax::parser::parse(ftl_after.as_str());
    if let Err((_, errors)) = parsed {
        return Err(Error::Invalid {
            path: ftl_path,
            line: None,
            column: None,
            message: format!(
                "the imported messages would not parse ({}); nothing was written",
                errors[0].kind
            ),
            help: "this is a bug in folio; please report it with the Markdown file".into(),
        });
    }
    Article::parse(
        &format!("{slug}.toml"),
        &content_path,
        content_after.clone(),
    )
    .map_err(|err| Error::Invalid {
        path: content_path.clone(),
        line: None,
        column: None,
        message: format!(
            "the imported content file would not be valid ({err}); nothing was written"
        ),
        help: "this is a bug in folio; please report it with the Markdown file".into(),
    })?;
    let images = images.files;
    // The article's image folder is the import's: what it holds that no image of the
    // article is any more is said, never deleted (someone may have put it there).
    let folder = content.join("images").join(&slug);
    let mut unused_images: Vec<PathBuf> = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.is_file() && !images.iter().any(|i| i.path == *path))
        .collect();
    unused_images.sort();
    Ok(ImportPlan {
        slug,
        files: vec![
            ImportFile {
                path: content_path,
                before: content_before,
                after: content_after.into_bytes(),
            },
            ImportFile {
                path: ftl_path,
                before: ftl_before,
                after: ftl_after.into_bytes(),
            },
        ],
        images,
        unused_images,
        changes,
        warnings,
    })
}

impl ImportPlan {
    /// Writes every file that changes, as one change: new files are created only where
    /// nothing is, changed ones are replaced only if nobody changed them meanwhile, and a
    /// failure leaves every file as it was.
    ///
    /// # Errors
    /// When a file cannot be written, or changed since it was read; nothing is written then.
    pub fn write(&self) -> Result<()> {
        let all = || {
            self.files
                .iter()
                .chain(&self.images)
                .filter(|f| f.changes())
        };
        let new: Vec<(&Path, &[u8])> = all()
            .filter(|f| f.before.is_none())
            .map(|f| (f.path.as_path(), f.after.as_slice()))
            .collect();
        let replaced: Vec<Replacement<'_>> = all()
            .filter_map(|f| {
                Some(Replacement {
                    path: &f.path,
                    before: f.before.as_deref()?,
                    after: &f.after,
                })
            })
            .collect();
        create_all(&new)?;
        if let Err(err) = replace_all(&replaced) {
            for (path, _) in &new {
                let _ = std::fs::remove_file(path);
            }
            return Err(err);
        }
        Ok(())
    }
}

/// The last part of a folder's path, as the project names it (`locales`).
fn dir_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || "locales".to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn check_slug(slug: &str) -> Result<String> {
    let ok = slug
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(slug.to_string())
    } else {
        Err(Error::Usage {
            message: format!("`{slug}` cannot be a slug"),
            help: "use lowercase letters, digits, `-` and `_` (it names the files and the page)"
                .into(),
        })
    }
}

fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The messages the article had: what its content file filled, and the reference's text.
fn previous(article: Option<&Article>, ftl: Option<&str>) -> Previous {
    let mut previous = Previous::default();
    if let Some(text) = ftl {
        let resource = match fluent_syntax::parser::parse(text) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        for entry in &resource.body {
            if let ast::Entry::Message(message) = entry {
                previous
                    .texts
                    .insert(message.id.name.to_string(), message_key(message));
            }
        }
    }
    let Some(article) = article else {
        return previous;
    };
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut fill = |id: &str, kind: Option<&'static str>| {
        if seen.insert(id.to_string()) {
            previous.filled.push((id.to_string(), kind));
        }
    };
    fill(&article.title.id, None);
    for message in article.description.iter().chain(&article.tags) {
        fill(&message.id, None);
    }
    if let Some(hero) = &article.hero {
        fill(&hero.alt.id, None);
    }
    for block in &article.blocks {
        match block {
            Block::Heading { text, .. } if text.id == article.title.id => {}
            Block::Heading { text, .. } => fill(&text.id, Some("heading")),
            Block::Paragraph { text } => fill(&text.id, Some("p")),
            Block::Image(image) => fill(&image.alt.id, Some("figure")),
            Block::List { items, .. } => {
                for item in items {
                    fill(&item.text.id, Some("item"));
                    for sub in &item.items {
                        fill(&sub.id, Some("item"));
                    }
                }
            }
            Block::Quote {
                text, attribution, ..
            } => {
                fill(&text.id, Some("quote"));
                if let Some(by) = attribution {
                    fill(&by.id, Some("by"));
                }
            }
            Block::Table {
                caption,
                header,
                rows,
            } => {
                for cell in caption.iter().chain(header).chain(rows.iter().flatten()) {
                    fill(&cell.id, Some("cell"));
                }
            }
            Block::Note { title, text } => {
                for m in title.iter().chain(std::iter::once(text)) {
                    fill(&m.id, Some("p"));
                }
            }
            Block::Footnotes { notes } => {
                for note in notes {
                    fill(&note.text.id, None);
                }
            }
            _ => {}
        }
    }
    previous
}
