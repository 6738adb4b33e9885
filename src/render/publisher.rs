//! The one path from a project to a page, for `folio render`, `folio build` and `folio serve`
//! alike, and the owner of what rendering caches.
//!
//! A [`Publisher`] holds a project and how its site is published (links, page template,
//! languages). It builds each locale's bundle when a page first needs it and keeps it, and
//! works out each article's facts (reading time, languages) once; the caches live as long as
//! the publisher, which the caller holds: a command for its run, the server until a reload.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::locale::Tag;
use fluent_bundle::FluentValue;

use crate::article::{Article, MessageRef, chrome};
use crate::catalog::LocaleDir;
use crate::error::{Error, Result};
use crate::locale::{Direction, fallback_chain};
use crate::project::Project;
use crate::render::article::{self, Reader};
use crate::render::bidi;
use crate::render::eval::Evaluated;
use crate::render::facts::{self, ArticleFacts, LocaleName};
use crate::render::pseudo::{self, Pseudo};
use crate::render::resolve::Resolver;
use crate::render::{
    Bundle, Fallback, Format, HtmlTemplate, Links, RenderError, Rendered, SiteTemplates,
};
use crate::sources::Sources;

mod bundles;

/// How a site is published: the same for every page of a [`Publisher`].
#[derive(Debug, Default)]
pub struct SiteOptions {
    /// The site's public URL, for `hreflang` links, the canonical link and the sitemap;
    /// without one, links are relative and the pages work from any folder.
    pub base_url: Option<String>,
    /// The page template; the built-in one when `None`.
    pub template: Option<HtmlTemplate>,
    /// The locale folders the site publishes, when not all of them: only these are listed as
    /// an article's languages (in the switcher, `hreflang` links and "available in N").
    pub published: Option<Vec<String>>,
    /// The site's title for a project whose locales do not define `site-title`
    /// (`[site] title`).
    pub title: Option<String>,
    /// The templates of the languages' lists and feeds, the list of languages and the
    /// not-found page.
    pub templates: SiteTemplates,
}

/// What a page may be asked for beyond the article, the locale and the format.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// Extra variables for every message (they win over Folio's own, such as `$minutes`).
    pub vars: Vec<(String, FluentValue<'static>)>,
    /// Render a pseudo-locale: the requested locale's text (normally the reference's),
    /// transformed, labelled with the pseudo-locale's tag and direction.
    pub pseudo: Option<Pseudo>,
}

/// A page: its bytes, and what rendering it noticed.
#[derive(Clone, Debug)]
pub struct Page {
    /// The page, as written to a file or sent.
    pub body: Vec<u8>,
    /// Its format.
    pub format: Format,
    /// The locale that was asked for.
    pub requested: String,
    /// The locale it is in (`Content-Language`): the first of the fallback chain.
    pub locale: String,
    /// Messages that came from a locale after the first in the chain.
    pub fallbacks: Vec<Fallback>,
    /// Messages that could not be formatted cleanly.
    pub errors: Vec<RenderError>,
}

/// A project, published: every page of it, in every locale and format.
pub struct Publisher {
    project: Arc<Project>,
    site: SiteOptions,
    links: Links,
    /// Each locale's bundle (by its position in the catalog), built when first needed and kept
    /// until [`Publisher::release`]; the lock is held while one is built, so it is built once.
    bundles: Vec<Mutex<Option<Arc<Bundle>>>>,
    /// What each locale calls itself (by its position in the catalog), found when first needed.
    names: OnceLock<Vec<Option<LocaleName>>>,
    /// Each article's facts (by its position in the project), worked out when first needed,
    /// its languages those the site publishes.
    facts: Vec<OnceLock<ArticleFacts>>,
    /// The tags of the catalog's locales, for fallback chains.
    tags: Vec<Tag>,
    /// Where each locale (by its position in the catalog) defines each message, found when the
    /// locale is first an article's reference.
    definitions: Vec<OnceLock<HashMap<String, usize>>>,
    /// Bundles of a locale formatting numbers and dates as a reader's region does, by the
    /// locale's position and the region's tag (`ar` as `ar-EG`).
    regional: Mutex<HashMap<(usize, String), Arc<Bundle>>>,
    /// The catalog's files' facts, once [`Publisher::read_per_page`] gave them: each page's
    /// bundles then hold only the files it reads.
    sources: OnceLock<Arc<Sources>>,
}

/// The messages a page of `article` formats: its own and the page chrome's.
pub(crate) fn page_messages(article: &Article) -> Vec<&str> {
    let mut ids: Vec<&str> = article.messages().iter().map(|m| m.id.as_str()).collect();
    ids.extend([
        chrome::BYLINE,
        chrome::READING_TIME,
        chrome::AVAILABLE_LANGUAGES,
        chrome::LANGUAGE_NAME,
    ]);
    ids
}

/// At most this many regional bundles are kept: a server's readers cannot grow the cache
/// without bound by asking for made-up regions.
const REGIONAL_BUNDLES: usize = 64;

impl std::fmt::Debug for Publisher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Publisher")
            .field("project", &self.project.location())
            .field("site", &self.site)
            .finish_non_exhaustive()
    }
}

impl Publisher {
    /// Publishes `project` as `site` says.
    ///
    /// # Example
    /// ```
    /// use folio::{Format, Publisher, RenderOptions, SiteOptions};
    ///
    /// let publisher = Publisher::new(folio::Project::embedded(), SiteOptions::default());
    /// let page = publisher.page("smp-removal", &folio::parse_tag("de-AT")?, Format::Html, &RenderOptions::default())?;
    /// assert_eq!(page.locale, "de");
    /// assert!(page.errors.is_empty() && page.fallbacks.is_empty());
    /// assert!(String::from_utf8(page.body)?.starts_with("<!DOCTYPE html>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(project: impl Into<Arc<Project>>, site: SiteOptions) -> Publisher {
        let project = project.into();
        Publisher {
            bundles: project
                .catalog()
                .locales()
                .iter()
                .map(|_| Mutex::new(None))
                .collect(),
            names: OnceLock::new(),
            facts: project.articles().iter().map(|_| OnceLock::new()).collect(),
            tags: project.catalog().tags(),
            definitions: project
                .catalog()
                .locales()
                .iter()
                .map(|_| OnceLock::new())
                .collect(),
            regional: Mutex::new(HashMap::new()),
            sources: OnceLock::new(),
            links: Links::new(site.base_url.as_deref()),
            project,
            site,
        }
    }

    /// The project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// How pages link to each other and to the site's files.
    pub fn links(&self) -> &Links {
        &self.links
    }

    /// How the site is published.
    pub fn site(&self) -> &SiteOptions {
        &self.site
    }

    /// The page of the article `slug` in `format`, for a reader who asked for `requested`:
    /// the bytes `folio render` prints, `folio build` writes and `folio serve` sends.
    ///
    /// # Errors
    /// When there is no such article, no locale to render it from, or the page template fails.
    pub fn page(
        &self,
        slug: &str,
        requested: &Tag,
        format: Format,
        options: &RenderOptions,
    ) -> Result<Page> {
        // Text and Markdown are written from each message's tree: its HTML is not made.
        let html = matches!(format, Format::Html | Format::Json);
        let rendered = self.render_for(slug, requested, options, html)?;
        Ok(Page {
            body: self.write(&rendered, format)?,
            format,
            requested: rendered.requested,
            locale: rendered.locale,
            fallbacks: rendered.fallbacks,
            errors: rendered.errors,
        })
    }

    /// The bytes of the page of `rendered` in `format`: what [`Publisher::page`] gives, for
    /// a caller that writes one rendering in several formats.
    ///
    /// # Errors
    /// When the page template fails.
    pub fn write(&self, rendered: &Rendered, format: Format) -> Result<Vec<u8>> {
        if format == Format::Html {
            let template = self
                .site
                .template
                .as_ref()
                .unwrap_or_else(|| HtmlTemplate::builtin());
            return Ok(template.render(rendered, &self.links)?.into_bytes());
        }
        let mut body = Vec::with_capacity(16 * 1024);
        crate::render::write_linked(rendered, format, &self.links, &mut body).map_err(
            |source| Error::Io {
                path: format!(
                    "{}/{}.{}",
                    rendered.locale,
                    rendered.slug,
                    format.extension()
                )
                .into(),
                source,
            },
        )?;
        Ok(body)
    }

    /// The article `slug` rendered for a reader who asked for `requested`: its strings, as
    /// data.
    ///
    /// The locale's fallback chain (`de-AT` → `de` → the reference) decides where each message
    /// comes from; messages taken from a later locale are listed in [`Rendered::fallbacks`],
    /// and formatting problems (a missing variable, an unknown reference) in
    /// [`Rendered::errors`].
    pub fn render(&self, slug: &str, requested: &Tag, options: &RenderOptions) -> Result<Rendered> {
        self.render_for(slug, requested, options, true)
    }

    /// [`Publisher::render`] without each message's HTML: what text, Markdown, and the lists
    /// and feeds of the site need.
    pub(super) fn render_text(
        &self,
        slug: &str,
        requested: &Tag,
        options: &RenderOptions,
    ) -> Result<Rendered> {
        self.render_for(slug, requested, options, false)
    }

    /// [`Publisher::render`], making each message's HTML only when `html`.
    fn render_for(
        &self,
        slug: &str,
        requested: &Tag,
        options: &RenderOptions,
        html: bool,
    ) -> Result<Rendered> {
        let (index, article) = self.article(slug)?;
        let reference = article
            .reference
            .as_ref()
            .unwrap_or(self.project.reference());
        let chain = self.chain(requested, reference)?;
        let locales = self.project.catalog().locales();
        let first = &locales[chain[0]];
        let (dir, locale) = match options.pseudo {
            Some(pseudo) => (pseudo.direction(), pseudo.tag().to_string()),
            None => (
                Direction::of(first.tag.as_ref().expect("locales of a chain have tags")),
                first.name.clone(),
            ),
        };
        let facts = self.facts(index, article, reference);

        // A pseudo-locale transforms text as it is formatted: bundles of their own, made for
        // this page (the shared ones stay as they are).
        let pseudo_bundles: Vec<Bundle> = match options.pseudo {
            Some(pseudo) => chain
                .iter()
                .map(|&i| pseudo::bundle(pseudo, &locales[i]))
                .collect(),
            None => Vec::new(),
        };
        let kept: Vec<(usize, Arc<Bundle>)> = if options.pseudo.is_some() {
            Vec::new()
        } else if let Some(sources) = self.sources.get() {
            self.page_bundles(sources, &chain, requested, &page_messages(article))
        } else {
            self.bundles_of(&chain, requested)
        };
        let bundles: Vec<(&str, &Bundle)> = if options.pseudo.is_some() {
            chain
                .iter()
                .zip(&pseudo_bundles)
                .map(|(&i, b)| (locales[i].name.as_str(), b))
                .collect()
        } else {
            kept.iter()
                .map(|(i, b)| (locales[*i].name.as_str(), &**b))
                .collect()
        };
        let reader = Reader {
            requested: requested.to_string(),
            locale,
            dir,
            reference: reference.to_string(),
            minutes: facts.minutes,
            languages: &facts.languages,
            html,
        };
        let mut rendered = article::render(article, &reader, Resolver::new(bundles, &options.vars));
        rendered.errors.extend(facts.errors.iter().cloned());
        Ok(rendered)
    }

    /// Formats the message `id` (or `id.attribute`) for a reader of `requested`, falling back
    /// as pages do.
    pub fn eval_message(
        &self,
        id: &str,
        requested: &Tag,
        vars: &[(String, FluentValue<'static>)],
    ) -> Result<Evaluated> {
        let (name, attribute) = match id.split_once('.') {
            Some((name, attribute)) => (name, Some(attribute.to_string())),
            None => (id, None),
        };
        let chain = self.chain(requested, self.project.reference())?;
        let locales = self.project.catalog().locales();
        let kept = self.bundles_of(&chain, requested);
        let mut resolver = Resolver::new(
            kept.iter()
                .map(|(i, b)| (locales[*i].name.as_str(), &**b))
                .collect(),
            vars,
        );
        let text = resolver.format(
            &MessageRef {
                id: name.to_string(),
                attribute,
                span: 0..0,
            },
            None,
        );
        let direction = locales[chain[0]]
            .tag
            .as_ref()
            .map_or(Direction::Ltr, |tag| Direction::of(tag));
        Ok(Evaluated {
            text: bidi::for_text(&crate::markup::parse(&text).text(), direction),
            fallback: resolver.fallbacks.first().map(|f| f.locale.clone()),
            errors: resolver.errors.into_iter().map(|e| e.error).collect(),
        })
    }

    /// The bundle of the locale folder `name` (built on first use, then kept), to format its
    /// messages as pages do; `None` when there is no such folder or its name is not a tag.
    pub fn bundle_of(&self, name: &str) -> Option<Arc<Bundle>> {
        let index = self
            .project
            .catalog()
            .locales()
            .iter()
            .position(|l| l.name == name)?;
        self.bundle(index)
    }

    /// Whether the site lists the locale folder `name` among an article's languages.
    pub fn is_published(&self, name: &str) -> bool {
        self.site
            .published
            .as_ref()
            .is_none_or(|published| published.iter().any(|p| p == name))
    }

    /// The article with `slug`, and its position.
    fn article(&self, slug: &str) -> Result<(usize, &Article)> {
        let article = self.project.article(slug)?;
        let index = self
            .project
            .articles()
            .iter()
            .position(|a| std::ptr::eq(a, article))
            .expect("the article is the project's");
        Ok((index, article))
    }

    /// The positions in the catalog of the locales of the fallback chain for `requested`, each
    /// with its bundle, for formatting the messages `ids`.
    pub(super) fn chain_bundles(
        &self,
        requested: &Tag,
        reference: &Tag,
        ids: &[&str],
    ) -> Result<Vec<(usize, Arc<Bundle>)>> {
        let chain = self.chain(requested, reference)?;
        Ok(match self.sources.get() {
            Some(sources) => self.page_bundles(sources, &chain, requested, ids),
            None => self.bundles_of(&chain, requested),
        })
    }

    /// The article's facts, worked out on first use.
    fn facts(&self, index: usize, article: &Article, reference: &Tag) -> &ArticleFacts {
        self.facts[index].get_or_init(|| {
            let catalog = self.project.catalog();
            let position = catalog
                .locales()
                .iter()
                .position(|l| l.tag.as_ref() == Some(reference));
            let Some(position) = position else {
                return ArticleFacts {
                    minutes: 1,
                    languages: Vec::new(),
                    errors: Vec::new(),
                };
            };
            let bundle = match self.sources.get() {
                Some(sources) => self
                    .page_bundles(sources, &[position], reference, &page_messages(article))
                    .pop()
                    .map(|(_, bundle)| bundle),
                None => self.bundle(position),
            };
            let minutes = bundle.map_or(1, |bundle| facts::reading_minutes(&bundle, article));
            let (mut languages, mut errors) = facts::languages(
                article,
                self.definition_file(position, &article.title.id),
                catalog.locales(),
                self.locale_names(),
            );
            // The page lists the languages the site publishes, and reports their names' errors.
            languages.retain(|l| self.is_published(&l.locale));
            errors.retain(|e| languages.iter().any(|l| l.locale == e.locale));
            ArticleFacts {
                minutes,
                languages,
                errors,
            }
        })
    }

    /// The positions in the catalog of the locales to take messages from, in order, for a
    /// reader who asked for `requested`; never empty, the reference last.
    pub(crate) fn chain(&self, requested: &Tag, reference: &Tag) -> Result<Vec<usize>> {
        let catalog = self.project.catalog();
        let locales: &[LocaleDir] = catalog.locales();
        let chain: Vec<usize> = fallback_chain(requested, &self.tags, reference)
            .iter()
            .filter_map(|tag| locales.iter().position(|l| l.tag.as_ref() == Some(tag)))
            .collect();
        if chain.is_empty() {
            return Err(self.project.reference_dir().err().unwrap_or_else(|| {
                Error::MissingReference {
                    tag: reference.to_string(),
                    locales: self
                        .project
                        .locales_dir()
                        .map_or_else(|| "<embedded>/locales".into(), std::path::Path::to_path_buf),
                    help: "add the reference locale's folder".to_string(),
                }
            }));
        }
        Ok(chain)
    }
}
