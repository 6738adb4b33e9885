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

use crate::check::{CheckOptions, check};
use crate::error::{Error, Result};
use crate::fs::{Durability, write_atomically};
use crate::locale::Direction;
use crate::project::Project;
use crate::render::{
    Fallback, Format, HtmlTemplate, Links, RenderError, RenderOptions, render_with, url,
    write_rendered,
};

/// What to build.
#[derive(Debug, Default)]
pub struct BuildOptions {
    /// The folder to write the site into (created if needed).
    pub out: PathBuf,
    /// The site's public URL, for `hreflang` links and the sitemap (which needs full URLs).
    pub base_url: Option<String>,
    /// Leave out locales translated less than this percentage.
    pub min_coverage: Option<f64>,
    /// The page template; the built-in one when `None`.
    pub template: Option<HtmlTemplate>,
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
}

/// Progress of a build, for a progress bar: called once per page written.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// What rendering one locale gives: its files (path, bytes), fallbacks and errors.
type Page = (
    Vec<(String, Vec<u8>)>,
    Vec<(String, Fallback)>,
    Vec<(String, RenderError)>,
);

/// Writes the whole site for `project` into `options.out`.
///
/// # Example
/// ```
/// let out = tempfile::tempdir()?;
/// let options = folio::BuildOptions { out: out.path().to_path_buf(), ..Default::default() };
/// let report = folio::build(&folio::Project::embedded(), &options, &|_, _| {})?;
/// assert!(out.path().join("de/smp-removal.html").is_file());
/// assert!(report.errors.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn build(
    project: &Project,
    options: &BuildOptions,
    progress: Progress<'_>,
) -> Result<BuildReport> {
    let coverage = check(project, &CheckOptions::default())?.locales;
    let reference = project.reference_dir()?.name.clone();
    let mut locales = vec![reference];
    let mut left_out = Vec::new();
    for stats in coverage {
        match options.min_coverage {
            Some(min) if stats.coverage < min => left_out.push((stats.locale, stats.coverage)),
            _ => locales.push(stats.locale),
        }
    }
    // A folder that is not a tag cannot be served: it is reported by `folio check`.
    locales.retain(|name| {
        project
            .catalog()
            .locale(name)
            .is_some_and(|l| l.tag.is_some())
    });
    locales.sort();

    let links = Links::files(options.base_url.clone());
    let template = options
        .template
        .as_ref()
        .unwrap_or_else(|| HtmlTemplate::builtin());
    let total = locales.len() * project.articles().len();
    let done = std::sync::atomic::AtomicUsize::new(0);

    let pages: Vec<Page> = locales
        .par_iter()
        .map(|locale| -> Result<Page> {
            let tag = crate::locale::parse_tag(locale)?;
            let render_options = RenderOptions {
                published: Some(locales.clone()),
                ..RenderOptions::default()
            };
            let mut files = Vec::new();
            let mut fallbacks = Vec::new();
            let mut errors = Vec::new();
            for article in project.articles() {
                let rendered = render_with(project, &article.slug, &tag, &render_options)?;
                let page = format!("{locale}/{}", article.slug);
                fallbacks.extend(rendered.fallbacks.iter().map(|f| (page.clone(), f.clone())));
                errors.extend(rendered.errors.iter().map(|e| (page.clone(), e.clone())));
                for (format, extension) in [
                    (Format::Html, "html"),
                    (Format::Text, "txt"),
                    (Format::Markdown, "md"),
                    (Format::Json, "json"),
                ] {
                    let mut bytes = Vec::new();
                    match format {
                        Format::Html => template.write(&rendered, &links, &mut bytes),
                        _ => write_rendered(&rendered, format, &mut bytes),
                    }
                    .map_err(|source| Error::Io {
                        path: options.out.join(format!("{page}.{extension}")),
                        source,
                    })?;
                    files.push((format!("{page}.{extension}"), bytes));
                }
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress(n, total);
            }
            Ok((files, fallbacks, errors))
        })
        .collect::<Result<_>>()?;

    let mut report = BuildReport {
        locales: locales.clone(),
        left_out,
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
        index(project, &locales, &links, &options.title)?,
    ));
    files.push((
        "sitemap.xml".to_string(),
        sitemap(project, &locales, &links).into_bytes(),
    ));
    files.extend(assets(project)?);
    files.sort_by(|a, b| a.0.cmp(&b.0));

    files.par_iter().try_for_each(|(rel, bytes)| {
        write_atomically(&options.out.join(rel), bytes, Durability::Regenerable).map(drop)
    })?;
    report.files = files.into_iter().map(|(rel, _)| rel).collect();
    Ok(report)
}

/// The index page: every article, in the reference language, with links to each language.
fn index(project: &Project, locales: &[String], links: &Links, title: &str) -> Result<Vec<u8>> {
    let reference = project.reference().clone();
    let mut articles = Vec::new();
    for article in project.articles() {
        let mut languages = Vec::new();
        for locale in locales {
            let tag = crate::locale::parse_tag(locale)?;
            let rendered = render_with(project, &article.slug, &tag, &RenderOptions::default())?;
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
                ("href", url(&site_path(links, locale, &article.slug))),
            ]));
        }
        let rendered = render_with(
            project,
            &article.slug,
            &reference,
            &RenderOptions::default(),
        )?;
        articles.push(Value::from_iter([
            (
                "title",
                Value::from(crate::render::plain_text(&rendered.title)),
            ),
            ("locale", Value::from(rendered.locale.as_str())),
            ("dir", Value::from(rendered.dir.as_str())),
            (
                "href",
                url(&site_path(links, &rendered.locale, &article.slug)),
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

/// A page's URL from the site's root (the index, the sitemap).
fn site_path(links: &Links, locale: &str, slug: &str) -> String {
    match &links.base_url {
        Some(base) => format!("{base}/{locale}/{slug}{}", links.extension),
        None => format!("{locale}/{slug}{}", links.extension),
    }
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
            .map(|l| (l.as_str(), site_path(links, l, &article.slug)))
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

/// The files of `content/` other than articles (images), by path.
pub(crate) fn assets(project: &Project) -> Result<Vec<(String, Vec<u8>)>> {
    let Some(content) = project.content_folder() else {
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    for file in content.files("", "") {
        let is_article = std::path::Path::new(&file.rel)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        if is_article {
            continue;
        }
        let bytes = file.origin.read().map_err(|source| Error::Io {
            path: content.display(&file.rel),
            source,
        })?;
        found.push((file.rel, bytes));
    }
    Ok(found)
}
