//! What the server serves: the loaded project and its rendered pages, swapped whole on reload.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use arc_swap::ArcSwapOption;
use unic_langid::LanguageIdentifier;
use xxhash_rust::xxh3::xxh3_64;

use crate::check::{CheckId, CheckOptions, LocaleStats, check};
use crate::diagnostic::Severity;
use crate::project::Project;
use crate::render::{Format, HtmlTemplate, Links, RenderOptions, render_with, write_rendered};

/// Where the server's project comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A project folder, read from disk (and watched).
    Folder(PathBuf),
    /// The copy of Folio's own project built into the binary.
    Embedded,
}

/// A rendered page, ready to send.
pub(crate) struct Page {
    pub body: bytes::Bytes,
    pub etag: String,
    pub content_type: &'static str,
    pub language: String,
}

/// One loaded version of the project.
pub(crate) struct Site {
    pub project: Project,
    /// A hash of every file the version was loaded from.
    pub version: String,
    /// How many versions were loaded before this one.
    pub generation: u64,
    pub locales: Vec<LanguageIdentifier>,
    pub coverage: Vec<LocaleStats>,
    /// The files of `content/` other than articles, by path (`images/…`).
    pub assets: HashMap<String, bytes::Bytes>,
    /// How pages link to each other: `--base-url`, else `folio.toml`'s, else relative.
    links: Links,
    /// The site's page template (`[site] template`), else the built-in one.
    template: Option<HtmlTemplate>,
    pages: RwLock<HashMap<(String, String, Format), Arc<Page>>>,
}

/// The server's state: the current site, and what the last reload said.
pub(crate) struct State {
    source: Source,
    /// `--base-url`, which wins over `folio.toml`'s.
    base_url: Option<String>,
    pub site: ArcSwapOption<Site>,
    /// Why the last reload was refused (empty when it succeeded).
    pub problems: Mutex<Vec<String>>,
}

impl State {
    pub fn new(source: Source, base_url: Option<String>) -> Self {
        State {
            source,
            base_url,
            site: ArcSwapOption::empty(),
            problems: Mutex::new(Vec::new()),
        }
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Loads the project again; swaps it in when it is sound, else keeps the last good one
    /// and records why.
    pub async fn reload(self: &std::sync::Arc<Self>) {
        let state = std::sync::Arc::clone(self);
        let generation = self.site.load().as_ref().map_or(0, |s| s.generation + 1);
        let loaded = tokio::task::spawn_blocking(move || {
            load(&state.source, state.base_url.as_deref(), generation)
        })
        .await;
        match loaded {
            Ok(Ok(site)) => {
                tracing::info!(version = %site.version, generation = site.generation, locales = site.locales.len(), "project loaded");
                self.site.store(Some(Arc::new(site)));
                self.problems.lock().expect("not poisoned").clear();
            }
            Ok(Err(problems)) => {
                for problem in &problems {
                    tracing::error!(%problem, "the project cannot be loaded; still serving the last good version");
                }
                *self.problems.lock().expect("not poisoned") = problems;
            }
            Err(err) => tracing::error!(error = %err, "loading the project panicked"),
        }
    }
}

impl Site {
    /// The page of `slug` in `locale` (as requested) and `format`, rendered on first request.
    pub fn page(
        &self,
        slug: &str,
        locale: &LanguageIdentifier,
        format: Format,
    ) -> Result<Arc<Page>, crate::Error> {
        let key = (slug.to_string(), locale.to_string(), format);
        if let Some(page) = self.pages.read().expect("not poisoned").get(&key) {
            return Ok(Arc::clone(page));
        }
        let rendered = render_with(&self.project, slug, locale, &RenderOptions::default())?;
        for error in &rendered.errors {
            tracing::warn!(slug, locale = %rendered.locale, message = %error.message, error = %error.error, "formatting error");
        }
        let mut body = Vec::with_capacity(16 * 1024);
        match format {
            Format::Html => self
                .template
                .as_ref()
                .unwrap_or_else(|| HtmlTemplate::builtin())
                .write(&rendered, &self.links, &mut body),
            _ => write_rendered(&rendered, format, &mut body),
        }
        .map_err(|source| crate::Error::Io {
            path: PathBuf::from(format!("{locale}/{slug}")),
            source,
        })?;
        let page = Arc::new(Page {
            etag: format!("\"{:016x}\"", xxh3_64(&body)),
            body: bytes::Bytes::from(body),
            content_type: match format {
                Format::Html => "text/html; charset=utf-8",
                Format::Text => "text/plain; charset=utf-8",
                Format::Markdown => "text/markdown; charset=utf-8",
                Format::Json => "application/json; charset=utf-8",
            },
            language: rendered.locale,
        });
        self.pages
            .write()
            .expect("not poisoned")
            .insert(key, Arc::clone(&page));
        Ok(page)
    }
}

/// The checks whose findings mean a save broke the project: the last good version is kept.
const BREAKING: [CheckId; 4] = [
    CheckId::SyntaxError,
    CheckId::UnreadableFile,
    CheckId::InvalidUtf8,
    CheckId::UnknownBlockMessage,
];

/// Loads and checks the project; its problems when it is not sound enough to serve.
fn load(source: &Source, base_url: Option<&str>, generation: u64) -> Result<Site, Vec<String>> {
    let project = match source {
        Source::Folder(path) => Project::open(path).map_err(|e| vec![e.to_string()])?,
        Source::Embedded => Project::embedded(),
    };
    let report = check(&project, &CheckOptions::default()).map_err(|e| vec![e.to_string()])?;
    let problems: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && BREAKING.contains(&d.check))
        .map(|d| {
            let at = d
                .location
                .map_or(String::new(), |l| format!(":{}:{}", l.line, l.column));
            format!("{}{at}: {} [{}]", d.path, d.message, d.check)
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let links = Links {
        base_url: base_url
            .or(project.site_config().base_url.as_deref())
            .map(|b| b.trim_end_matches('/').to_string()),
        extension: String::new(),
    };
    let template_source = match project.template_path() {
        Some(path) => Some(
            std::fs::read_to_string(&path)
                .map_err(|e| {
                    vec![format!(
                        "{}: cannot read the page template: {e}",
                        path.display()
                    )]
                })
                .map(|source| (path, source))?,
        ),
        None => None,
    };
    let template = match &template_source {
        Some((path, source)) => Some(
            HtmlTemplate::new(&path.to_string_lossy(), source.clone())
                .map_err(|e| vec![e.to_string()])?,
        ),
        None => None,
    };
    // The version: a hash of everything a page is made from.
    let mut hash = xxh3_64(
        &[
            links.base_url.as_deref().unwrap_or_default().as_bytes(),
            template_source
                .as_ref()
                .map_or(&b""[..], |(_, s)| s.as_bytes()),
        ]
        .concat(),
    );
    for locale in project.catalog().locales() {
        for file in &locale.files {
            hash = xxh3_64(
                &[
                    hash.to_le_bytes().as_slice(),
                    file.path.as_bytes(),
                    file.parsed().source().as_bytes(),
                ]
                .concat(),
            );
        }
    }
    for article in project.articles() {
        hash = xxh3_64(&[hash.to_le_bytes().as_slice(), article.source().as_bytes()].concat());
    }
    let assets = crate::site::assets(&project)
        .map_err(|e| vec![e.to_string()])?
        .into_iter()
        .map(|(path, bytes)| (path, bytes::Bytes::from(bytes)))
        .collect::<HashMap<_, _>>();
    let mut asset_paths: Vec<&String> = assets.keys().collect();
    asset_paths.sort();
    for path in asset_paths {
        hash = xxh3_64(
            &[
                hash.to_le_bytes().as_slice(),
                path.as_bytes(),
                &assets[path],
            ]
            .concat(),
        );
    }
    Ok(Site {
        assets,
        links,
        template,
        locales: project.catalog().tags(),
        project,
        version: format!("{hash:016x}"),
        generation,
        coverage: report.locales,
        pages: RwLock::new(HashMap::new()),
    })
}
