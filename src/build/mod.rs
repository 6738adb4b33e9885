//! `folio build`: the whole site as static files, for any web server, CDN or object store.
//!
//! ```text
//! DIR/<locale>/<slug>.html .txt .md .json   every article in every published locale
//! DIR/index.html                            the articles and their languages
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
    /// For the index: each article's (by position) title and the locale's own name for
    /// itself, as its page shows them.
    titles: Vec<(usize, Shown)>,
    fallbacks: Vec<(String, Fallback)>,
    errors: Vec<(String, RenderError)>,
    withheld: Vec<String>,
}

/// An article's title in a locale, and what the locale calls itself, for the index.
struct Shown {
    locale: String,
    title: String,
    name: String,
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
            for (position, article) in project.articles().iter().enumerate() {
                let rendered = publisher.render(&article.slug, &tag, &RenderOptions::default())?;
                made.titles.push((
                    position,
                    Shown {
                        locale: locale.clone(),
                        title: crate::render::plain_text(&rendered.title),
                        name: rendered
                            .languages
                            .iter()
                            .find(|l| &l.locale == locale)
                            .map_or_else(|| locale.clone(), |l| l.name.clone()),
                    },
                ));
                let name = format!("{locale}/{}", article.slug_in(locale));
                if rendered.errors.is_empty() || options.allow_errors {
                    for format in [Format::Html, Format::Text, Format::Markdown, Format::Json] {
                        let rel = format!("{name}.{}", format.extension());
                        write(&rel, &publisher.write(&rendered, format)?)?;
                        made.files.push(rel);
                    }
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
    let mut titles: Vec<Vec<Shown>> = project.articles().iter().map(|_| Vec::new()).collect();
    for made in pages {
        for (position, title) in made.titles {
            titles[position].push(title);
        }
        report.files.extend(made.files);
        report.fallbacks.extend(made.fallbacks);
        report.errors.extend(made.errors);
        report.withheld.extend(made.withheld);
    }
    // The index and the sitemap link only the pages written.
    let withheld: std::collections::HashSet<&str> =
        report.withheld.iter().map(String::as_str).collect();
    let written = |locale: &str, article: &crate::article::Article| {
        !withheld.contains(format!("{locale}/{}", article.slug_in(locale)).as_str())
    };
    write(
        "index.html",
        &index(publisher, &titles, &written, &options.title)?,
    )?;
    report.files.push("index.html".to_string());
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

/// Whether the page of an article in a locale was written.
type Written<'a> = &'a dyn Fn(&str, &crate::article::Article) -> bool;

/// The index page: every article, in the reference language, with links to each language
/// (`titles`: each article's titles, by its position, as its pages showed them).
fn index(
    publisher: &Publisher,
    titles: &[Vec<Shown>],
    written: Written<'_>,
    title: &str,
) -> Result<Vec<u8>> {
    let project = publisher.project();
    let links = publisher.links();
    let reference = project.reference().clone();
    let mut articles = Vec::new();
    for (article, titles) in project.articles().iter().zip(titles) {
        let mut languages = Vec::new();
        for shown in titles.iter().filter(|t| written(&t.locale, article)) {
            let locale = &shown.locale;
            let tag = parse_tag(locale)?;
            languages.push(Value::from_iter([
                ("locale", Value::from(locale.as_str())),
                ("name", Value::from(shown.name.as_str())),
                ("title", Value::from(shown.title.as_str())),
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

/// The most URLs, and bytes, one sitemap file may hold (sitemaps.org, as search engines read
/// it).
const SITEMAP_URLS: usize = 50_000;
const SITEMAP_BYTES: usize = 50 * 1000 * 1000;

const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_END: &str = "</urlset>\n";

/// The sitemap files, each (path, text): `sitemap.xml` with every page and an `xhtml:link`
/// alternate for each of its languages; or, when that is more than one file may hold, files
/// `sitemap-1.xml`, `sitemap-2.xml`, … of at most [`SITEMAP_URLS`] URLs and [`SITEMAP_BYTES`]
/// bytes (a single URL larger than that still gets a file of its own), and `sitemap.xml`
/// their index.
fn sitemaps(
    project: &Project,
    locales: &[String],
    written: Written<'_>,
    links: &Links,
) -> Vec<(String, String)> {
    split_sitemaps(
        project,
        locales,
        written,
        links,
        SITEMAP_URLS,
        SITEMAP_BYTES,
    )
}

/// [`sitemaps`], with files of at most `max_urls` URLs and `max_bytes` bytes.
fn split_sitemaps(
    project: &Project,
    locales: &[String],
    written: Written<'_>,
    links: &Links,
    max_urls: usize,
    max_bytes: usize,
) -> Vec<(String, String)> {
    use html_escape::encode_text as xml;
    use std::fmt::Write as _;
    let reference = project.reference().to_string();
    let mut files: Vec<String> = Vec::new();
    let mut current = String::from(URLSET_START);
    let mut urls = 0;
    let mut entry = String::new();
    for article in project.articles() {
        let alternates: BTreeMap<&str, String> = locales
            .iter()
            .filter(|l| written(l, article))
            .map(|l| (l.as_str(), links.from_root(l, article.slug_in(l))))
            .collect();
        for locale in locales
            .iter()
            .filter(|l| alternates.contains_key(l.as_str()))
        {
            entry.clear();
            entry.push_str("  <url>\n");
            let _ = writeln!(
                entry,
                "    <loc>{}</loc>",
                xml(&alternates[locale.as_str()])
            );
            if let Some(date) = article.published {
                let _ = writeln!(entry, "    <lastmod>{date}</lastmod>");
            }
            let x_default = alternates
                .get(reference.as_str())
                .map(|href| ("x-default", href));
            for (hreflang, href) in alternates.iter().map(|(l, h)| (*l, h)).chain(x_default) {
                let _ = writeln!(
                    entry,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                    xml(href)
                );
            }
            entry.push_str("  </url>\n");
            let full =
                urls == max_urls || current.len() + entry.len() + URLSET_END.len() > max_bytes;
            if full && urls > 0 {
                current.push_str(URLSET_END);
                files.push(std::mem::replace(&mut current, String::from(URLSET_START)));
                urls = 0;
            }
            current.push_str(&entry);
            urls += 1;
        }
    }
    current.push_str(URLSET_END);
    if files.is_empty() {
        return vec![("sitemap.xml".to_string(), current)];
    }
    files.push(current);
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut named = Vec::with_capacity(files.len() + 1);
    for (i, text) in files.into_iter().enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            xml(&links
                .base_url()
                .map_or_else(|| name.clone(), |b| format!("{b}/{name}")))
        );
        named.push((name, text));
    }
    index.push_str("</sitemapindex>\n");
    named.push(("sitemap.xml".to_string(), index));
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locs(doc: &roxmltree::Document<'_>, tag: &str) -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name(tag))
            .filter_map(|n| n.children().find(|c| c.has_tag_name("loc")))
            .map(|loc| loc.text().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn a_sitemap_past_its_limits_becomes_an_index_of_files_within_them() {
        let project = Project::embedded();
        let locales: Vec<String> = project
            .catalog()
            .locales()
            .iter()
            .map(|l| l.name.clone())
            .collect();
        let links = Links::new(Some("https://example.com"));
        let whole = sitemaps(&project, &locales, &|_, _| true, &links);
        assert_eq!(whole.len(), 1);
        let doc = roxmltree::Document::parse(&whole[0].1).unwrap();
        let all = locs(&doc, "url");
        assert_eq!(all.len(), locales.len());

        let entry = whole[0].1.len() / locales.len();
        for (max_urls, max_bytes) in [(5, SITEMAP_BYTES), (SITEMAP_URLS, 3 * entry)] {
            let files = split_sitemaps(
                &project,
                &locales,
                &|_, _| true,
                &links,
                max_urls,
                max_bytes,
            );
            let (index_name, index) = files.last().unwrap();
            assert_eq!(index_name, "sitemap.xml");
            let index = roxmltree::Document::parse(index).unwrap();
            assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
            let listed = locs(&index, "sitemap");
            assert_eq!(listed.len(), files.len() - 1);
            let mut seen = Vec::new();
            for ((name, text), href) in files.iter().zip(&listed) {
                assert_eq!(href, &format!("https://example.com/{name}"));
                assert!(text.len() <= max_bytes, "{name}: {} bytes", text.len());
                let doc = roxmltree::Document::parse(text).unwrap();
                let urls = locs(&doc, "url");
                assert!(!urls.is_empty() && urls.len() <= max_urls, "{name}");
                seen.extend(urls);
            }
            assert_eq!(seen, all, "every page once, in order");
        }
    }
}
