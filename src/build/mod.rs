//! `folio build`: the whole site as static files, for any web server, CDN or object store.
//!
//! ```text
//! DIR/<locale>/<slug>.html .txt .md .json   every article in every published locale
//! DIR/<locale>/index.html                   the locale's articles, newest first
//! DIR/<locale>/feed.xml                     their Atom feed (the newest 50)
//! DIR/<locale>/404.html                     the page for an address that leads nowhere
//! DIR/index.html                            the languages, each by its own name
//! DIR/404.html                              the not-found page in the reference language
//! DIR/sitemap.xml                           every page, with its hreflang alternates (past
//!                                           50,000 URLs or 50 MB: an index of sitemap-N.xml)
//! DIR/images/…                              the files of content/ other than articles
//! ```
//!
//! Pages are rendered in parallel, one locale per thread, and each is written as soon as it
//! is rendered and then dropped: memory holds the pages being made, not the site. Every file
//! is written to a temporary file in its folder and renamed over the old one, so a reader
//! never sees half a page (and a file whose bytes did not change is left alone); the same
//! input always gives the same bytes. A page with a message that could not be formatted is
//! not written unless the build allows errors.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::fs::{Durability, write_atomically};
use crate::locale::parse_tag;
use crate::project::{OutsideLink, Project};
use crate::publish::Publication;
use crate::render::{
    Entry, Fallback, Format, RenderError, RenderOptions, SiteFile, newest_first, sitemaps,
};

/// What to build (how it is published is the [`Publication`]'s business).
#[derive(Debug, Default)]
pub struct BuildOptions {
    /// The folder to write the site into (created if needed).
    pub out: PathBuf,
    /// Write pages even when a message of theirs could not be formatted (the error is still
    /// reported); by default such a page is withheld.
    pub allow_errors: bool,
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
    /// Pages not written because of those errors (`de/smp-removal`), sorted.
    pub withheld: Vec<String>,
    /// Files of `content/` left out because they lead outside the project.
    pub outside: Vec<OutsideLink>,
}

/// Progress of a build, for a progress bar: called once per page written.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// What rendering and writing one locale's pages gives: the files written, fallbacks, errors
/// and the pages withheld.
#[derive(Default)]
struct LocalePages {
    files: Vec<String>,
    fallbacks: Vec<(String, Fallback)>,
    errors: Vec<(String, RenderError)>,
    withheld: Vec<String>,
}

impl LocalePages {
    /// Writes a site page at `rel`, its formatting errors reported as a page's are.
    fn site_file(
        &mut self,
        write: &dyn Fn(&str, &[u8]) -> Result<()>,
        rel: &str,
        file: SiteFile,
    ) -> Result<()> {
        write(rel, &file.body)?;
        self.files.push(rel.to_string());
        let page = rel.trim_end_matches(".html").to_string();
        self.errors
            .extend(file.errors.into_iter().map(|e| (page.clone(), e)));
        Ok(())
    }
}

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

    let write = |rel: &str, bytes: &[u8]| {
        write_atomically(&options.out.join(rel), bytes, Durability::Regenerable).map(drop)
    };
    let pages: Vec<LocalePages> = locales
        .par_iter()
        .map(|locale| -> Result<LocalePages> {
            let tag = parse_tag(locale)?;
            let mut made = LocalePages::default();
            let mut entries = Vec::new();
            for article in project.articles() {
                let rendered = publisher.render(&article.slug, &tag, &RenderOptions::default())?;
                let name = format!("{locale}/{}", article.slug_in(locale));
                if rendered.errors.is_empty() || options.allow_errors {
                    for format in [Format::Html, Format::Text, Format::Markdown, Format::Json] {
                        let rel = format!("{name}.{}", format.extension());
                        write(&rel, &publisher.write(&rendered, format)?)?;
                        made.files.push(rel);
                    }
                    entries.push(Entry::of(&rendered));
                } else {
                    made.withheld.push(name.clone());
                }
                made.fallbacks
                    .extend(rendered.fallbacks.into_iter().map(|f| (name.clone(), f)));
                made.errors
                    .extend(rendered.errors.into_iter().map(|e| (name.clone(), e)));
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress(n, total);
            }
            // The locale's list of articles, feed and not-found page, from what its pages said.
            newest_first(&mut entries);
            let home = publisher.links().index(locale, false);
            for (file, made_file) in [
                ("index.html", publisher.index_page(locale, &entries)?),
                ("feed.xml", publisher.feed(locale, &entries)?),
                ("404.html", publisher.not_found_page(locale, &home)?),
            ] {
                made.site_file(&write, &format!("{locale}/{file}"), made_file)?;
            }
            // Its pages are written: its bundle goes (the reference's stays, every locale
            // falls back to it).
            if tag != *project.reference() {
                publisher.release(locale);
            }
            Ok(made)
        })
        .collect::<Result<_>>()?;

    let mut report = BuildReport {
        locales: locales.clone(),
        left_out: publication.left_out.clone(),
        ..BuildReport::default()
    };
    for made in pages {
        report.files.extend(made.files);
        report.fallbacks.extend(made.fallbacks);
        report.errors.extend(made.errors);
        report.withheld.extend(made.withheld);
    }
    let reference = project.reference().to_string();
    let mut root = LocalePages::default();
    root.site_file(&write, "index.html", publisher.languages_page()?)?;
    let home = publisher.links().index(&reference, true);
    root.site_file(
        &write,
        "404.html",
        publisher.not_found_page(&reference, &home)?,
    )?;
    report.files.extend(root.files);
    report.errors.extend(root.errors);
    // The sitemap links only the pages written.
    let withheld: std::collections::HashSet<&str> =
        report.withheld.iter().map(String::as_str).collect();
    let written = |locale: &str, article: &crate::article::Article| {
        !withheld.contains(format!("{locale}/{}", article.slug_in(locale)).as_str())
    };
    for (rel, bytes) in sitemaps(project, locales, &written, publisher.links()) {
        write(&rel, bytes.as_bytes())?;
        report.files.push(rel);
    }
    let assets = project.assets()?;
    assets
        .files
        .par_iter()
        .try_for_each(|(rel, bytes)| write(rel, bytes))?;
    report
        .files
        .extend(assets.files.into_iter().map(|(rel, _)| rel));
    report.outside = assets.left_out;
    report.files.sort();
    report.withheld.sort();
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
