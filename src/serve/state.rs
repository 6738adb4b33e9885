//! What the server serves: a [`Snapshot`] of the project (its publisher and its rendered
//! pages), swapped whole on reload.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::serve::cache::{Kind, PageCache};

use crate::locale::Tag;
use arc_swap::ArcSwapOption;
use xxhash_rust::xxh3::xxh3_64;

use crate::check::{CheckOptions, LocaleStats, check};
use crate::diagnostic::{CheckId, Severity};
use crate::locale::parse_tag;
use crate::project::ProjectLocation;
use crate::publish::{PublishOptions, publish};
use crate::render::{Format, Publisher, RenderError, RenderOptions, SitePage, sitemaps};

/// A rendered page, ready to send.
pub(crate) struct ServedPage {
    pub body: bytes::Bytes,
    pub etag: String,
    pub content_type: &'static str,
    pub language: String,
}

/// One loaded version of the project.
pub(crate) struct Snapshot {
    /// Makes the pages, as `folio build` and `folio render` make them.
    pub publisher: Publisher,
    /// A hash of every file the version was loaded from.
    pub version: String,
    /// How many versions were loaded before this one.
    pub generation: u64,
    /// The locales the site publishes, for negotiation.
    pub locales: Vec<Tag>,
    pub coverage: Vec<LocaleStats>,
    /// The files of `content/` other than articles, by path (`images/…`).
    pub assets: HashMap<String, bytes::Bytes>,
    /// The pages rendered so far, up to the server's page cache size.
    pages: Mutex<PageCache>,
    /// The pages served with a message that could not be formatted (`de/smp-removal.html`),
    /// and why: `/healthz` is degraded while there is one.
    pub broken: Mutex<std::collections::BTreeMap<String, Vec<String>>>,
    /// The sitemap's files (`sitemap.xml`, and `sitemap-N.xml` past its limits), made when
    /// first asked for.
    sitemaps: std::sync::OnceLock<Vec<(String, bytes::Bytes)>>,
}

/// How a version of the project is loaded (a parameter for the tests).
///
/// A load that succeeds may still report problems: locales whose files on disk do not load
/// are served as the previous snapshot had them.
type Loader = fn(
    &ProjectLocation,
    &PublishOptions,
    u64,
    usize,
    Option<&Snapshot>,
) -> Result<(Snapshot, Vec<String>), Vec<String>>;

/// The server's state: the current snapshot, and what the last reload said.
pub(crate) struct State {
    project: ProjectLocation,
    /// `--base-url` and the like, which win over `folio.toml`'s.
    publish: PublishOptions,
    pub snapshot: ArcSwapOption<Snapshot>,
    /// Why the last reload was refused (empty when it succeeded).
    pub problems: Mutex<Vec<String>>,
    /// How many bytes of pages a snapshot keeps.
    page_cache: usize,
}

impl State {
    pub fn new(project: ProjectLocation, publish: PublishOptions, page_cache: usize) -> Self {
        State {
            project,
            publish,
            page_cache,
            snapshot: ArcSwapOption::empty(),
            problems: Mutex::new(Vec::new()),
        }
    }

    pub fn project(&self) -> &ProjectLocation {
        &self.project
    }

    /// Loads the project again; swaps it in when it is sound, else keeps the last good one
    /// and records why.
    pub async fn reload(self: &Arc<Self>) {
        self.reload_with(load).await;
    }

    /// [`State::reload`], loading with `load`.
    async fn reload_with(self: &Arc<Self>, load: Loader) {
        let state = Arc::clone(self);
        let previous = self.snapshot.load_full();
        let generation = previous.as_ref().map_or(0, |s| s.generation + 1);
        let loaded = tokio::task::spawn_blocking(move || {
            load(
                &state.project,
                &state.publish,
                generation,
                state.page_cache,
                previous.as_deref(),
            )
        })
        .await;
        match loaded {
            Ok(Ok((snapshot, kept))) => {
                tracing::info!(version = %snapshot.version, generation = snapshot.generation, locales = snapshot.locales.len(), "project loaded");
                for problem in &kept {
                    tracing::error!(%problem, "a locale cannot be loaded; still serving its last good version");
                }
                self.snapshot.store(Some(Arc::new(snapshot)));
                *self.problems.lock().expect("not poisoned") = kept;
            }
            Ok(Err(problems)) => {
                for problem in &problems {
                    tracing::error!(%problem, "the project cannot be loaded; still serving the last good version");
                }
                *self.problems.lock().expect("not poisoned") = problems;
            }
            Err(err) => {
                // A bug, not a bad save: still degraded, so that monitoring sees it.
                let problem = format!(
                    "loading the project stopped on a bug in Folio ({}); still serving the last good version; please report it",
                    panic_message(err)
                );
                tracing::error!(%problem, "the project cannot be loaded");
                *self.problems.lock().expect("not poisoned") = vec![problem];
            }
        }
    }
}

/// What a task that did not finish said: its panic message, where there is one.
fn panic_message(err: tokio::task::JoinError) -> String {
    match err.try_into_panic() {
        Ok(payload) => payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string()),
        Err(err) => err.to_string(),
    }
}

impl Snapshot {
    /// The page cache's pages, bytes and capacity, for `/healthz`.
    pub fn cache_stats(&self) -> serde_json::Value {
        let pages = self.pages.lock().expect("not poisoned");
        serde_json::json!({
            "pages": pages.len(),
            "bytes": pages.bytes(),
            "capacity": pages.capacity(),
        })
    }

    /// The page of `slug` in `locale` (as requested) and `format`, rendered on first request.
    pub fn page(
        &self,
        slug: &str,
        locale: &Tag,
        format: Format,
    ) -> Result<Arc<ServedPage>, crate::Error> {
        let key = (slug.to_string(), locale.to_string(), Kind::Article(format));
        if let Some(page) = self.pages.lock().expect("not poisoned").get(&key) {
            return Ok(page);
        }
        let page = self
            .publisher
            .page(slug, locale, format, &RenderOptions::default())?;
        let name = format!("{locale}/{slug}.{}", format.extension());
        self.note_errors(&name, &page.errors);
        Ok(self.keep(key, page.body, format.media_type(), page.locale))
    }

    /// A page of the site around the articles in `locale` (the list of articles, the feed,
    /// the not-found page; the list of languages is the reference's), made on first request.
    /// `home` is the not-found page's link to the list of articles.
    pub fn site_page(
        &self,
        kind: SitePage,
        locale: &Tag,
        home: &str,
    ) -> Result<Arc<ServedPage>, crate::Error> {
        let name = locale.to_string();
        let key = (String::new(), name.clone(), Kind::Site(kind));
        if let Some(page) = self.pages.lock().expect("not poisoned").get(&key) {
            return Ok(page);
        }
        let publisher = &self.publisher;
        let file = match kind {
            SitePage::Index => publisher.index_page(&name, &publisher.entries(locale)?)?,
            SitePage::Feed => publisher.feed(&name, &publisher.entries(locale)?)?,
            SitePage::Languages => publisher.languages_page()?,
            SitePage::NotFound => publisher.not_found_page(&name, home)?,
        };
        self.note_errors(&format!("{name}/{}", kind.template_name()), &file.errors);
        Ok(self.keep(key, file.body, kind.media_type(), name))
    }

    /// The sitemap file `name` (`sitemap.xml`, `sitemap-2.xml`), if the site has it.
    pub fn sitemap(&self, name: &str) -> Option<bytes::Bytes> {
        let files = self.sitemaps.get_or_init(|| {
            let locales: Vec<String> = self.locales.iter().map(ToString::to_string).collect();
            let project = self.publisher.project();
            sitemaps(project, &locales, &|_, _| true, self.publisher.links())
                .into_iter()
                .map(|(name, text)| (name, bytes::Bytes::from(text)))
                .collect()
        });
        files
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, bytes)| bytes.clone())
    }

    /// Logs a page's formatting errors and keeps them for `/healthz`.
    fn note_errors(&self, name: &str, errors: &[RenderError]) {
        for error in errors {
            tracing::warn!(page = name, locale = %error.locale, message = %error.message, error = %error.error, "formatting error");
        }
        if !errors.is_empty() {
            let why = errors
                .iter()
                .map(|e| format!("`{}` in `{}`: {}", e.message, e.locale, e.error))
                .collect();
            self.broken
                .lock()
                .expect("not poisoned")
                .insert(name.to_string(), why);
        }
    }

    /// Keeps a page in the cache, and gives it.
    fn keep(
        &self,
        key: crate::serve::cache::Key,
        body: Vec<u8>,
        content_type: &'static str,
        language: String,
    ) -> Arc<ServedPage> {
        let page = Arc::new(ServedPage {
            etag: format!("\"{:016x}\"", xxh3_64(&body)),
            body: bytes::Bytes::from(body),
            content_type,
            language,
        });
        self.pages
            .lock()
            .expect("not poisoned")
            .insert(key, Arc::clone(&page));
        page
    }
}

/// The checks whose findings mean a save broke the project: the last good version is kept.
const BREAKING: [CheckId; 5] = [
    CheckId::SyntaxError,
    CheckId::UnreadableFile,
    CheckId::InvalidUtf8,
    CheckId::UnknownBlockMessage,
    CheckId::ContentOutsideProject,
];

/// Loads and checks the project; its problems when it is not sound enough to serve.
///
/// When what breaks it lies only in locales other than the reference (a translator's syntax
/// error in `ar`), those locales are taken from `previous`, the snapshot being served, and the
/// rest is loaded: every other locale's saves are published, and the problems are returned
/// beside the snapshot for `/healthz`.
fn load(
    location: &ProjectLocation,
    options: &PublishOptions,
    generation: u64,
    page_cache: usize,
    previous: Option<&Snapshot>,
) -> Result<(Snapshot, Vec<String>), Vec<String>> {
    let failed = |e: crate::Error| vec![e.to_string()];
    // Kept parses: the check and the pages share them.
    let mut project = location.open().map_err(failed)?;
    let mut report = check(&project, &CheckOptions::default()).map_err(failed)?;
    let mut kept = Vec::new();
    let broken = breaking(&report);
    if !broken.is_empty() {
        let reference = project.reference_dir().map_err(failed)?.name.clone();
        let locales: std::collections::BTreeSet<&str> = broken
            .iter()
            .map(|(locale, _)| locale.as_deref().unwrap_or(reference.as_str()))
            .collect();
        let last_good = |name: &str| {
            previous.and_then(|p| p.publisher.project().catalog().locale(name).cloned())
        };
        let replaceable = !locales.contains(reference.as_str())
            && locales.iter().all(|name| last_good(name).is_some());
        if !replaceable {
            return Err(broken.into_iter().map(|(_, problem)| problem).collect());
        }
        for name in &locales {
            if let Some(dir) = last_good(name) {
                project.replace_locale(dir);
            }
        }
        report = check(&project, &CheckOptions::default()).map_err(failed)?;
        let still = breaking(&report);
        if !still.is_empty() {
            return Err(still.into_iter().map(|(_, problem)| problem).collect());
        }
        kept = broken
            .into_iter()
            .map(|(locale, problem)| {
                format!(
                    "{problem}; `{}` is served as it was before",
                    locale.unwrap_or_default()
                )
            })
            .collect();
    }
    let assets = project.assets().map_err(failed)?;
    // The check above refused links out of the project; one made since is refused too.
    if !assets.left_out.is_empty() {
        return Err(assets
            .left_out
            .iter()
            .map(|link| {
                format!(
                    "{}: leads outside the project, to {} [{}]",
                    link.path,
                    link.target.display(),
                    CheckId::ContentOutsideProject
                )
            })
            .collect());
    }
    let assets = assets
        .files
        .into_iter()
        .map(|(path, bytes)| (path, bytes::Bytes::from(bytes)))
        .collect::<HashMap<_, _>>();
    let publication = publish(project, options, Some(&report.locales)).map_err(failed)?;
    let publisher = publication.publisher;
    let version = version(&publisher, &assets);
    let snapshot = Snapshot {
        locales: publication
            .locales
            .iter()
            .filter_map(|name| parse_tag(name).ok())
            .collect(),
        publisher,
        version,
        generation,
        coverage: report.locales,
        assets,
        pages: Mutex::new(PageCache::new(page_cache)),
        broken: Mutex::default(),
        sitemaps: std::sync::OnceLock::new(),
    };
    Ok((snapshot, kept))
}

/// The findings of `report` that mean the project cannot be served as it is on disk, each
/// with its locale (`None` for the content files) and as `/healthz` shows it.
fn breaking(report: &crate::CheckReport) -> Vec<(Option<String>, String)> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && BREAKING.contains(&d.check))
        .map(|d| {
            let at = d
                .location
                .map_or(String::new(), |l| format!(":{}:{}", l.line, l.column));
            (
                d.locale.clone(),
                format!("{}{at}: {} [{}]", d.path, d.message, d.check),
            )
        })
        .collect()
}

/// A hash of everything a page is made from: the links, the template, every locale file,
/// every content file and every asset.
fn version(publisher: &Publisher, assets: &HashMap<String, bytes::Bytes>) -> String {
    let project = publisher.project();
    let site = publisher.site();
    let mut hash = xxh3_64(
        &[
            site.base_url.as_deref().unwrap_or_default().as_bytes(),
            site.template
                .as_ref()
                .map_or(&b""[..], |t| t.source().as_bytes()),
        ]
        .concat(),
    );
    let mut mix = |parts: &[&[u8]]| {
        let mut bytes = hash.to_le_bytes().to_vec();
        for part in parts {
            bytes.extend_from_slice(part);
        }
        hash = xxh3_64(&bytes);
    };
    for page in SitePage::ALL {
        mix(&[site.templates.source(page).as_bytes()]);
    }
    for locale in project.catalog().locales() {
        for file in &locale.files {
            mix(&[file.path.as_bytes(), file.parse().source().as_bytes()]);
        }
    }
    for article in project.articles() {
        mix(&[article.source().as_bytes()]);
    }
    let mut paths: Vec<&String> = assets.keys().collect();
    paths.sort();
    for path in paths {
        mix(&[path.as_bytes(), &assets[path]]);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reload_that_panics_leaves_the_server_degraded_and_says_why() {
        let state = Arc::new(State::new(
            ProjectLocation::BuiltIn,
            PublishOptions::default(),
            1 << 20,
        ));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(state.reload());
        assert!(state.snapshot.load().is_some());
        assert!(state.problems.lock().unwrap().is_empty());
        runtime.block_on(state.reload_with(|_, _, _, _, _| panic!("the parser met a new input")));
        let problems = state.problems.lock().unwrap().clone();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("a bug in Folio (the parser met a new input)"),
            "{problems:?}"
        );
        assert!(
            state.snapshot.load().is_some(),
            "the last good version stays"
        );
    }
}
