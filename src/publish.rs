//! How a project is published, decided once for `folio render`, `folio build` and
//! `folio serve`: its links (`base-url`), its page template and its languages, from
//! `folio.toml`'s `[site]` table, the command line and the locales' coverage. All three then
//! make their pages with the same [`Publisher`], so their bytes agree.

use std::path::PathBuf;
use std::sync::Arc;

use crate::check::{CheckOptions, LocaleStats, check, compared_locales};
use crate::config::is_http_url;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::render::{HtmlTemplate, Publisher, SiteOptions, SiteTemplates};

/// What the command line says about publishing; each field wins over `folio.toml`'s.
#[derive(Clone, Debug, Default)]
pub struct PublishOptions {
    /// The site's public URL (`--base-url`), over `[site] base-url`.
    pub base_url: Option<String>,
    /// The page template (`--template`, a path from the current folder), over
    /// `[site] template`.
    pub template: Option<PathBuf>,
    /// The folder of the site's other templates (`--templates`, from the current folder),
    /// over `[site] templates`.
    pub templates: Option<PathBuf>,
    /// Leave out locales translated less than this percentage (`--min-coverage`), over
    /// `[check] min-coverage`.
    pub min_coverage: Option<f64>,
    /// Publish no HTML: the templates are not read (a broken page template does not stop
    /// `folio render --format text`).
    pub no_html: bool,
}

/// A project ready to publish.
#[derive(Debug)]
pub struct Publication {
    /// Makes every page.
    pub publisher: Publisher,
    /// The locales published, sorted: the reference and every locale `folio check` compares
    /// with it that has a valid tag and enough coverage.
    pub locales: Vec<String>,
    /// Locales left out for their coverage, with it.
    pub left_out: Vec<(String, f64)>,
    /// The coverage the decision was made with, when one was needed (or given).
    pub coverage: Option<Vec<LocaleStats>>,
}

/// Refuses a `--base-url` that is not an http(s) URL (`folio.toml`'s is checked as it is
/// read).
pub fn validate_base_url(url: &str) -> Result<()> {
    if is_http_url(url) {
        return Ok(());
    }
    Err(Error::Usage {
        message: format!("`--base-url {url}` is not an http(s) URL"),
        help: "write the site's public address, like `https://example.com`".into(),
    })
}

/// Publishes `project` as `options` and its `folio.toml` say. `coverage` is the locales'
/// coverage when the caller has checked the project already; otherwise the project is checked
/// only when a minimum coverage is set.
///
/// # Errors
/// When `--base-url` is not an http(s) URL, the template cannot be read or does not compile,
/// or the project has no reference locale.
///
/// # Example
/// ```
/// use folio::{Format, PublishOptions, RenderOptions};
///
/// let published = folio::publish(folio::Project::embedded(), &PublishOptions::default(), None)?;
/// assert_eq!(published.locales.len(), 14);
/// let tag = folio::parse_tag("ar")?;
/// let page = published.publisher.page("smp-removal", &tag, Format::Html, &RenderOptions::default())?;
/// assert!(String::from_utf8(page.body)?.contains("dir=\"rtl\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn publish(
    project: impl Into<Arc<Project>>,
    options: &PublishOptions,
    coverage: Option<&[LocaleStats]>,
) -> Result<Publication> {
    let project: Arc<Project> = project.into();
    let site = project.site_config();
    if let Some(url) = &options.base_url {
        validate_base_url(url)?;
    }
    let base_url = options.base_url.clone().or_else(|| site.base_url.clone());
    let template_path = options.template.clone().or_else(|| project.template_path());
    let template = template_path
        .as_deref()
        .filter(|_| !options.no_html)
        .map(HtmlTemplate::load)
        .transpose()?;
    let templates_path = options
        .templates
        .clone()
        .or_else(|| project.templates_path())
        .filter(|_| !options.no_html);
    if let Some(folder) = templates_path.as_deref().filter(|f| !f.is_dir()) {
        return Err(Error::Io {
            path: folder.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the templates folder does not exist",
            ),
        });
    }
    let templates = SiteTemplates::load(templates_path.as_deref())?;
    let min_coverage = options.min_coverage.or(project.check_config().min_coverage);

    let checked;
    let coverage = match (coverage, min_coverage) {
        (Some(coverage), _) => Some(coverage),
        (None, Some(_)) => {
            checked = check(&project, &CheckOptions::default())?.locales;
            Some(checked.as_slice())
        }
        (None, None) => None,
    };
    let mut locales = vec![project.reference_dir()?.name.clone()];
    let mut left_out = Vec::new();
    for locale in compared_locales(&project, &CheckOptions::default())? {
        // A folder that is not a tag cannot be served: `folio check` reports it.
        if locale.tag.is_none() {
            continue;
        }
        let stats = coverage.and_then(|c| c.iter().find(|s| s.locale == locale.name));
        match (min_coverage, stats) {
            (Some(min), Some(stats)) if stats.coverage < min => {
                left_out.push((locale.name.clone(), stats.coverage));
            }
            _ => locales.push(locale.name.clone()),
        }
    }
    locales.sort();
    let site = SiteOptions {
        base_url,
        template,
        published: Some(locales.clone()),
        title: site.title.clone(),
        templates,
    };
    Ok(Publication {
        publisher: Publisher::new(project, site),
        locales,
        left_out,
        coverage: coverage.map(<[LocaleStats]>::to_vec),
    })
}
