//! `folio build`: the whole site as static files, for any web server, CDN or object store.
//!
//! ```text
//! DIR/<locale>/<slug>.html .txt .md .json   every article in every published locale
//! DIR/index.html                            the articles and their languages
//! DIR/sitemap.xml                           every page, with its hreflang alternates
//! DIR/images/…                              the files of content/ other than articles
//! ```
//!
//! Pages are rendered in parallel, one locale per thread; every file is written to a temporary
//! file in its folder and renamed over the old one, so a reader never sees half a page; the same
//! input always gives the same bytes.

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::{Environment, Value};
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::fs::{Durability, write_atomically};
use crate::locale::{Direction, parse_tag};
use crate::project::{OutsideLink, Project};
use crate::publish::Publication;
use crate::render::{Fallback, Format, Links, Publisher, RenderError, RenderOptions, url};

/// What to build (how it is published is the [`Publication`]'s business).
#[derive(Debug, Default)]
pub struct BuildOptions {
    /// The folder to write the site into (created if needed).
    pub out: PathBuf,
    /// The index page's title.
    pub title: String,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Files written, relative to the output folder, sorted.
    pub files: Vec<String>,
    /// The locales published.
    pub locales: Vec<String>,
    /// Locales left out, with their coverage.
    pub left_out: Vec<(String, f64)>,
    /// Messages taken from a fallback locale, per page (`de/smp-removal`).
    pub fallbacks: Vec<(String, Fallback)>,
    /// Messages that could not be formatted, per page.
    pub errors: Vec<(String, RenderError)>,
    /// Files of `content/` left out because they lead outside the project.
    pub outside: Vec<OutsideLink>,
}

/// Progress of a build, for a progress bar: called once per page written.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// What rendering one locale gives: its files (path, bytes), fallbacks and errors.
type LocalePages = (
    Vec<(String, Vec<u8>)>,
    Vec<(String, Fallback)>,
    Vec<(String, RenderError)>,
);

/// Writes the whole site of `publication` into `options.out`.
///
/// # Example
/// ```
/// let out = tempfile::tempdir()?;
/// let published = folio::publish(folio::Project::embedded(), &Default::default(), None)?;
/// let options = folio::BuildOptions { out: out.path().to_path_buf(), ..Default::default() };
/// let report = folio::build(&published, &options, &|_, _| {})?;
/// assert!(out.path().join("de/smp-removal.html").is_file());
/// assert!(report.errors.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn build(
    publication: &Publication,
    options: &BuildOptions,
    progress: Progress<'_>,
) -> Result<BuildReport> {
    let publisher = &publication.publisher;
    let project = publisher.project();
    let locales = &publication.locales;
    refuse_missing_images(project)?;
    let total = locales.len() * project.articles().len();
    let done = std::sync::atomic::AtomicUsize::new(0);

    let pages: Vec<LocalePages> = locales
        .par_iter()
        .map(|locale| -> Result<LocalePages> {
            let tag = parse_tag(locale)?;
            let mut files = Vec::new();
            let mut fallbacks = Vec::new();
            let mut errors = Vec::new();
            for article in project.articles() {
                let rendered = publisher.render(&article.slug, &tag, &RenderOptions::default())?;
                let name = format!("{locale}/{}", article.slug_in(locale));
                for format in [Format::Html, Format::Text, Format::Markdown, Format::Json] {
                    let body = publisher.write(&rendered, format)?;
                    files.push((format!("{name}.{}", format.extension()), body));
                }
                fallbacks.extend(rendered.fallbacks.into_iter().map(|f| (name.clone(), f)));
                errors.extend(rendered.errors.into_iter().map(|e| (name.clone(), e)));
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress(n, total);
            }
            Ok((files, fallbacks, errors))
        })
        .collect::<Result<_>>()?;

    let mut report = BuildReport {
        locales: locales.clone(),
        left_out: publication.left_out.clone(),
        ..BuildReport::default()
    };
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (page_files, fallbacks, errors) in pages {
        files.extend(page_files);
        report.fallbacks.extend(fallbacks);
        report.errors.extend(errors);
    }
    files.push((
        "index.html".to_string(),
        index(publisher, locales, &options.title)?,
    ));
    files.push((
        "sitemap.xml".to_string(),
        sitemap(project, locales, publisher.links()).into_bytes(),
    ));
    let assets = project.assets()?;
    files.extend(assets.files);
    report.outside = assets.left_out;
    files.sort_by(|a, b| a.0.cmp(&b.0));

    files.par_iter().try_for_each(|(rel, bytes)| {
        write_atomically(&options.out.join(rel), bytes, Durability::Regenerable).map(drop)
    })?;
    report.files = files.into_iter().map(|(rel, _)| rel).collect();
    Ok(report)
}

/// Refuses to publish a page with a broken image: the first image (of the first article)
/// whose file is not in `content/`, named where its content file gives it.
fn refuse_missing_images(project: &Project) -> Result<()> {
    for article in project.articles() {
        let Some(image) = article
            .images()
            .find(|image| !project.has_asset(&image.src))
        else {
            continue;
        };
        let source = article.source();
        let at = crate::line_index::LineIndex::new(source).location(source, image.src_span.start);
        return Err(Error::Invalid {
            path: project.root().map_or_else(
                || article.path.clone().into(),
                |root| root.join(&article.path),
            ),
            line: Some(at.line),
            column: Some(at.column),
            message: format!(
                "the image `{}` is not in the content folder; the site would show it broken",
                image.src
            ),
            help: "add the file under content/, or correct `src` (`folio check` lists every one)"
                .to_string(),
        });
    }
    Ok(())
}

/// The index page: every article, in the reference language, with links to each language.
fn index(publisher: &Publisher, locales: &[String], title: &str) -> Result<Vec<u8>> {
    let project = publisher.project();
    let links = publisher.links();
    let reference = project.reference().clone();
    let mut articles = Vec::new();
    for article in project.articles() {
        let mut languages = Vec::new();
        for locale in locales {
            let tag = parse_tag(locale)?;
            let rendered = publisher.render(&article.slug, &tag, &RenderOptions::default())?;
            let name = rendered
                .languages
                .iter()
                .find(|l| &l.locale == locale)
                .map_or_else(|| locale.clone(), |l| l.name.clone());
            languages.push(Value::from_iter([
                ("locale", Value::from(locale.as_str())),
                ("name", Value::from(name)),
                (
                    "title",
                    Value::from(crate::render::plain_text(&rendered.title)),
                ),
                ("dir", Value::from(Direction::of(&tag).as_str())),
                (
                    "href",
                    url(&links.from_root(locale, article.slug_in(locale))),
                ),
            ]));
        }
        let rendered = publisher.render(&article.slug, &reference, &RenderOptions::default())?;
        articles.push(Value::from_iter([
            (
                "title",
                Value::from(crate::render::plain_text(&rendered.title)),
            ),
            ("locale", Value::from(rendered.locale.as_str())),
            ("dir", Value::from(rendered.dir.as_str())),
            (
                "href",
                url(&links.from_root(&rendered.locale, &rendered.page_slug)),
            ),
            ("languages", Value::from(languages)),
        ]));
    }
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    let html = env
        .render_str(
            include_str!("index.html"),
            minijinja::context! {
                lang => reference.to_string(),
                dir => Direction::of(&reference).as_str(),
                title => title,
                articles => articles,
            },
        )
        .map_err(|e| Error::Invalid {
            path: "index.html".into(),
            line: e.line(),
            column: None,
            message: e.to_string(),
            help: "the built-in index template failed".into(),
        })?;
    Ok((html + "\n").into_bytes())
}

/// `sitemap.xml` with an `xhtml:link` alternate for every language of every article.
fn sitemap(project: &Project, locales: &[String], links: &Links) -> String {
    use html_escape::encode_text as xml;
    use std::fmt::Write as _;
    let reference = project.reference().to_string();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for article in project.articles() {
        let alternates: BTreeMap<&str, String> = locales
            .iter()
            .map(|l| (l.as_str(), links.from_root(l, article.slug_in(l))))
            .collect();
        for locale in locales {
            out.push_str("  <url>\n");
            let _ = writeln!(out, "    <loc>{}</loc>", xml(&alternates[locale.as_str()]));
            if let Some(date) = article.published {
                let _ = writeln!(out, "    <lastmod>{date}</lastmod>");
            }
            let x_default = alternates
                .get(reference.as_str())
                .map(|href| ("x-default", href));
            for (hreflang, href) in alternates.iter().map(|(l, h)| (*l, h)).chain(x_default) {
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                    xml(href)
                );
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}
