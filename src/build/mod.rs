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

mod incremental;

pub use incremental::{PAGE_RECORDS, RECORD};

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::fs::{Durability, write_atomically};
use crate::locale::parse_tag;
use crate::project::{OutsideLink, Project};
use crate::publish::Publication;
use crate::sources::Sources;
use incremental::{BuildRecord, Inputs, PageRecord, is_site_file};

use crate::render::{
    Entry, Fallback, Format, Publisher, RenderError, RenderOptions, SiteFile, newest_first,
    write_sitemaps,
};

/// What to build (how it is published is the [`Publication`]'s business).
#[derive(Debug, Default)]
pub struct BuildOptions {
    /// The folder to write the site into (created if needed).
    pub out: PathBuf,
    /// Write pages even when a message of theirs could not be formatted (the error is still
    /// reported); by default such a page is withheld.
    pub allow_errors: bool,
    /// Render every page, whatever the last build recorded.
    pub full: bool,
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
    /// How many pages were rendered.
    pub rendered: usize,
    /// How many pages were left as the last build made them, their inputs unchanged.
    pub unchanged: usize,
    /// Files of the last build removed, as their article or locale is no longer published.
    pub removed: Vec<String>,
    /// Files of `content/` left out because they lead outside the project.
    pub outside: Vec<OutsideLink>,
}

/// Progress of a build, for a progress bar: called once per page written.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// What rendering and writing one locale's pages gives: the files written, fallbacks, errors
/// and the pages withheld.
#[derive(Default)]
struct LocalePages {
    locale: String,
    files: Vec<String>,
    /// How many pages were rendered, and how many kept as the last build made them.
    rendered: usize,
    unchanged: usize,
    /// The inputs of the locale's list, feed and not-found page, and their errors.
    site: (u64, Vec<(String, RenderError)>),
    fallbacks: Vec<(String, Fallback)>,
    errors: Vec<(String, RenderError)>,
    withheld: Vec<String>,
}

impl LocalePages {
    /// Takes in what making the page `name` gave.
    fn take(&mut self, name: &str, record: &PageRecord) {
        self.files.extend(record.files.iter().cloned());
        if record.withheld {
            self.withheld.push(name.to_string());
        }
        self.fallbacks.extend(
            record
                .fallbacks
                .iter()
                .map(|f| (name.to_string(), f.clone())),
        );
        self.errors
            .extend(record.errors.iter().map(|e| (name.to_string(), e.clone())));
    }

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

    let mut previous = if options.full {
        BuildRecord::default()
    } else {
        BuildRecord::read(&options.out)
    };
    // Each page reads only what it shows: the site's memory holds an article at a time.
    let sources = Arc::new(Sources::load(
        project.catalog(),
        &std::mem::take(&mut previous.files),
    ));
    publisher.read_per_page(Arc::clone(&sources));
    let inputs = Inputs::new(publisher, Arc::clone(&sources), options.allow_errors);
    let context = Context {
        publisher,
        options,
        previous: &previous,
        fresh: options.full || previous.folio.is_empty(),
        inputs: &inputs,
        done: std::sync::atomic::AtomicUsize::new(0),
        total,
        progress,
    };
    let pages: Vec<LocalePages> = locales
        .par_iter()
        .map(|locale| context.locale(locale))
        .collect::<Result<_>>()?;
    let write = |rel: &str, bytes: &[u8]| context.write(rel, bytes);

    let mut report = BuildReport {
        locales: locales.clone(),
        left_out: publication.left_out.clone(),
        ..BuildReport::default()
    };
    let mut record = BuildRecord {
        folio: env!("CARGO_PKG_VERSION").to_string(),
        ..BuildRecord::default()
    };
    for made in pages {
        report.files.extend(made.files);
        report.fallbacks.extend(made.fallbacks);
        report.errors.extend(made.errors);
        report.withheld.extend(made.withheld);
        report.rendered += made.rendered;
        report.unchanged += made.unchanged;
        record.site.insert(made.locale, made.site);
    }
    report.withheld.sort();
    let (root, sitemap) = context.site_wide(&report.withheld)?;
    report.files.extend(root.files);
    report.errors.extend(root.errors);
    report.files.extend(sitemap.1.iter().cloned());
    record.sitemap = sitemap;
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

    // What the last build wrote that this one did not is a page of an article or locale no
    // longer published: it goes. The record is written last.
    let kept: std::collections::HashSet<&str> = report.files.iter().map(String::as_str).collect();
    for stale in previous
        .written
        .iter()
        .filter(|f| !kept.contains(f.as_str()))
    {
        if is_site_file(stale) {
            let path = options.out.join(stale);
            match std::fs::remove_file(&path) {
                Ok(()) => report.removed.push(stale.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(Error::Io { path, source }),
            }
        }
    }
    incremental::remove_other_pages(&options.out, locales)?;
    record.write(
        &options.out,
        &sources.record(project.catalog()),
        &report.files,
    )?;
    Ok(report)
}

/// What every locale's part of a build shares.
struct Context<'a> {
    publisher: &'a Publisher,
    options: &'a BuildOptions,
    previous: &'a BuildRecord,
    /// Whether there is no last build to keep pages of (`--full`, or no record of one).
    fresh: bool,
    inputs: &'a Inputs,
    done: std::sync::atomic::AtomicUsize,
    total: usize,
    progress: Progress<'a>,
}

impl Context<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        write_atomically(&self.options.out.join(rel), bytes, Durability::Regenerable).map(drop)
    }

    /// Whether every one of `files` is in the output folder.
    fn present(&self, files: &[String]) -> bool {
        files.iter().all(|f| self.options.out.join(f).is_file())
    }

    /// The pages of `locale`, and its list, feed and not-found page: each made again only
    /// when its inputs changed since the last build (or a file of it is gone).
    fn locale(&self, locale: &String) -> Result<LocalePages> {
        let publisher = self.publisher;
        let project = publisher.project();
        let tag = parse_tag(locale)?;
        let mut made = LocalePages {
            locale: locale.clone(),
            ..LocalePages::default()
        };
        let mut entries = Vec::new();
        let mut inputs = Vec::new();
        // The language's page records: the last build's, and this one's, written when its
        // pages are.
        let previous = if self.fresh {
            BTreeMap::new()
        } else {
            incremental::read_pages(&self.options.out, locale)
        };
        let mut records = Vec::with_capacity(project.articles().len());
        for (position, article) in project.articles().iter().enumerate() {
            let reference = article.reference.as_ref().unwrap_or(project.reference());
            let chain = publisher.chain(&tag, reference)?;
            let name = format!("{locale}/{}", article.slug_in(locale));
            let page = self.inputs.page(publisher, position, article, &chain);
            let record = match previous.get(&name) {
                Some(old) if old.inputs == page && self.present(&old.files) => {
                    made.unchanged += 1;
                    old.clone()
                }
                _ => {
                    made.rendered += 1;
                    self.page(article, &tag, &name, page)?
                }
            };
            inputs.push((page, !record.withheld));
            made.take(&name, &record);
            entries.extend(record.entry.clone());
            records.push((name, record));
            let n = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            (self.progress)(n, self.total);
        }
        drop(previous);
        incremental::write_pages(&self.options.out, locale, &records)?;
        drop(records);
        // The locale's list of articles, feed and not-found page, from what its pages said.
        let chain = publisher.chain(&tag, project.reference())?;
        let site = self.inputs.site(publisher, &chain, &inputs);
        let files: Vec<String> = ["index.html", "feed.xml", "404.html"]
            .iter()
            .map(|f| format!("{locale}/{f}"))
            .collect();
        match self.previous.site.get(locale) {
            Some((old, errors)) if *old == site && self.present(&files) => {
                made.files.extend(files);
                made.errors.extend(errors.iter().cloned());
                made.site = (site, errors.clone());
            }
            _ => {
                let before = made.errors.len();
                newest_first(&mut entries);
                let home = publisher.links().index(locale, false);
                for (rel, file) in files.iter().zip([
                    publisher.index_page(locale, &entries)?,
                    publisher.feed(locale, &entries)?,
                    publisher.not_found_page(locale, &home)?,
                ]) {
                    made.site_file(&|rel, bytes| self.write(rel, bytes), rel, file)?;
                }
                made.site = (site, made.errors[before..].to_vec());
            }
        }
        // Its pages are written: its bundle goes (the reference's stays, every locale
        // falls back to it).
        if tag != *project.reference() {
            publisher.release(locale);
        }
        Ok(made)
    }

    /// Renders and writes the page of `article` in `tag` (`name`: `de/smp-removal`), unless
    /// a message of it cannot be formatted and errors are not allowed.
    fn page(
        &self,
        article: &crate::article::Article,
        tag: &crate::locale::Tag,
        name: &str,
        inputs: u64,
    ) -> Result<PageRecord> {
        let publisher = self.publisher;
        let rendered = publisher.render(&article.slug, tag, &RenderOptions::default())?;
        let written = rendered.errors.is_empty() || self.options.allow_errors;
        let mut files = Vec::new();
        if written {
            for format in [Format::Html, Format::Text, Format::Markdown, Format::Json] {
                let rel = format!("{name}.{}", format.extension());
                self.write(&rel, &publisher.write(&rendered, format)?)?;
                files.push(rel);
            }
        }
        Ok(PageRecord {
            inputs,
            files,
            entry: written.then(|| Entry::of(&rendered)),
            withheld: !written,
            fallbacks: rendered.fallbacks,
            errors: rendered.errors,
        })
    }

    /// The list of languages, the reference's not-found page (made every time: they are
    /// small) and the sitemap (made again when the content or the pages written change).
    fn site_wide(&self, withheld: &[String]) -> Result<(LocalePages, (u64, Vec<String>))> {
        let publisher = self.publisher;
        let project = publisher.project();
        let write = |rel: &str, bytes: &[u8]| self.write(rel, bytes);
        let reference = project.reference().to_string();
        let mut root = LocalePages::default();
        root.site_file(&write, "index.html", publisher.languages_page()?)?;
        let home = publisher.links().index(&reference, true);
        root.site_file(
            &write,
            "404.html",
            publisher.not_found_page(&reference, &home)?,
        )?;
        let inputs = self.inputs.sitemap(withheld);
        let (old, old_files) = &self.previous.sitemap;
        if *old == inputs && !old_files.is_empty() && self.present(old_files) {
            return Ok((root, (inputs, old_files.clone())));
        }
        // The sitemap links only the pages written.
        let withheld: std::collections::HashSet<&str> =
            withheld.iter().map(String::as_str).collect();
        let written = |locale: &str, article: &crate::article::Article| {
            !withheld.contains(format!("{locale}/{}", article.slug_in(locale)).as_str())
        };
        let mut files = Vec::new();
        let locales = publisher.site().published.clone().unwrap_or_default();
        // Streamed to disk as it is made: a large site's sitemap is never held in memory.
        write_sitemaps(
            project,
            &locales,
            &written,
            publisher.links(),
            &mut |rel, text| {
                let path = self.options.out.join(rel);
                crate::fs::write_atomically_with(&path, text)?;
                files.push(rel.to_string());
                Ok(())
            },
        )?;
        Ok((root, (inputs, files)))
    }
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
