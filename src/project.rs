//! A project: its configuration, its articles (`content/`) and its translations (`locales/`).

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use unic_langid::LanguageIdentifier;

use crate::article::Article;
use crate::catalog::{Catalog, LocaleDir};
use crate::config::{CheckConfig, Config, SiteConfig};
use crate::error::{Error, Result};
use crate::folder::Folder;
use crate::locale::parse_tag;

static EMBEDDED_LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static EMBEDDED_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// The name of the optional configuration file at a project's root.
pub const CONFIG_FILE: &str = "folio.toml";

/// The reference locale when `folio.toml` names none.
pub const DEFAULT_REFERENCE: &str = "en-US";

/// A project's articles and translations, each file read and parsed once.
#[derive(Debug)]
pub struct Project {
    root: Option<PathBuf>,
    reference: LanguageIdentifier,
    articles: Vec<Article>,
    catalog: Catalog,
    content: Option<Folder>,
    check: CheckConfig,
    site: SiteConfig,
}

impl Project {
    /// Whether `path` looks like a Folio project: it has `folio.toml` or a `locales/` folder.
    pub fn is_project(path: &Path) -> bool {
        path.join(CONFIG_FILE).is_file() || path.join("locales").is_dir()
    }

    /// Opens the project at `root`: reads `folio.toml` if there is one, every article in
    /// `content/` and every locale in `locales/`.
    ///
    /// # Example
    /// ```no_run
    /// let project = folio::Project::open(".")?;
    /// for article in project.articles() {
    ///     println!("{}", article.slug);
    /// }
    /// # Ok::<(), folio::Error>(())
    /// ```
    pub fn open(root: impl AsRef<Path>) -> Result<Project> {
        if !root.as_ref().is_dir() {
            return Err(Error::Io {
                path: root.as_ref().to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
            });
        }
        let root = normalize(root.as_ref());
        let config_path = root.join(CONFIG_FILE);
        let config = match std::fs::read_to_string(&config_path) {
            Ok(text) => Config::parse(&config_path, &text)?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(source) => {
                return Err(Error::Io {
                    path: config_path,
                    source,
                });
            }
        };
        let reference = match &config.reference {
            Some(tag) => parse_tag(tag).map_err(|_| Error::Invalid {
                path: config_path.clone(),
                line: None,
                column: None,
                message: format!("`reference = \"{tag}\"` is not a valid BCP 47 language tag"),
                help: "write a tag such as `en-US`".to_string(),
            })?,
            None => default_reference(),
        };
        let locales_dir = config.locales.as_deref().unwrap_or("locales");
        let content_dir = config.content.as_deref().unwrap_or("content");
        let locales = Folder::Disk(root.join(locales_dir));
        if !locales.exists() {
            return Err(Error::Io {
                path: root.join(locales_dir),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
            });
        }
        let catalog = Catalog::load(locales, prefix(locales_dir))?;
        let content = Folder::Disk(root.join(content_dir));
        let articles = load_articles(&content, content_dir)?;
        Ok(Project {
            root: Some(root),
            reference,
            articles,
            catalog,
            content: content.exists().then_some(content),
            check: config.check,
            site: config.site,
        })
    }

    /// Opens a bare tree of translations, `<locale>/**/*.ftl`, such as Mozilla's l10n
    /// repositories: no configuration and no articles, only locales compared with `reference`.
    pub fn open_tree(root: impl AsRef<Path>, reference: LanguageIdentifier) -> Result<Project> {
        if !root.as_ref().is_dir() {
            return Err(Error::Io {
                path: root.as_ref().to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
            });
        }
        let root = normalize(root.as_ref());
        let catalog = Catalog::load(Folder::Disk(root.clone()), String::new())?;
        Ok(Project {
            root: Some(root),
            reference,
            articles: Vec::new(),
            catalog,
            content: None,
            check: CheckConfig::default(),
            site: SiteConfig::default(),
        })
    }

    /// The copy of this repository's `content/` and `locales/` compiled into Folio.
    ///
    /// # Example
    /// ```
    /// let project = folio::Project::embedded();
    /// assert!(project.article("smp-removal").is_ok());
    /// ```
    pub fn embedded() -> Project {
        let catalog = Catalog::load(
            Folder::Embedded {
                dir: &EMBEDDED_LOCALES,
                display: "<embedded>/locales",
            },
            prefix("locales"),
        )
        .expect("the embedded locales are in memory and always readable");
        let content = Folder::Embedded {
            dir: &EMBEDDED_CONTENT,
            display: "<embedded>/content",
        };
        let articles = load_articles(&content, "content")
            .expect("the embedded content is valid: the test suite checks it");
        Project {
            root: None,
            reference: default_reference(),
            articles,
            catalog,
            content: Some(content),
            check: CheckConfig::default(),
            site: SiteConfig::default(),
        }
    }

    /// Compares with, and falls back to, `reference` instead of the configured locale.
    #[must_use]
    pub fn with_reference(mut self, reference: LanguageIdentifier) -> Project {
        self.reference = reference;
        self
    }

    /// The project's folder; `None` for the embedded copy.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// The reference locale.
    pub fn reference(&self) -> &LanguageIdentifier {
        &self.reference
    }

    /// The reference locale's folder.
    pub fn reference_dir(&self) -> Result<&LocaleDir> {
        self.catalog
            .locale_by_tag(&self.reference)
            .ok_or_else(|| Error::MissingReference {
                tag: self.reference.to_string(),
                locales: self.catalog.folder.display(""),
                help: {
                    let names: Vec<&str> = self
                        .catalog
                        .locales()
                        .iter()
                        .map(|l| l.name.as_str())
                        .collect();
                    if names.is_empty() {
                        "the folder holds no locale with .ftl files".to_string()
                    } else {
                        format!("pass `--reference` with one of: {}", names.join(", "))
                    }
                },
            })
    }

    /// The articles, sorted by slug.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article with `slug`.
    pub fn article(&self, slug: &str) -> Result<&Article> {
        self.articles
            .iter()
            .find(|a| a.slug == slug)
            .ok_or_else(|| Error::UnknownArticle {
                slug: slug.to_string(),
                available: self.articles.iter().map(|a| a.slug.clone()).collect(),
            })
    }

    /// How `folio check` runs on this project (`folio.toml`'s `[check]` table).
    pub fn check_config(&self) -> &CheckConfig {
        &self.check
    }

    /// How the site is published (`folio.toml`'s `[site]` table).
    pub fn site_config(&self) -> &SiteConfig {
        &self.site
    }

    /// The page template `folio.toml` names (`[site] template`), as a path from here.
    pub(crate) fn template_path(&self) -> Option<PathBuf> {
        let template = self.site.template.as_ref()?;
        Some(self.root().unwrap_or(Path::new("")).join(template))
    }

    /// The locales folder, when it is on disk (not for the built-in project).
    pub fn locales_dir(&self) -> Option<&Path> {
        match &self.catalog.folder {
            crate::folder::Folder::Disk(path) => Some(path),
            crate::folder::Folder::Embedded { .. } => None,
        }
    }

    /// The folders a server watches for changes: the locales and the content.
    pub(crate) fn watched_folders(&self) -> Vec<PathBuf> {
        let mut folders = Vec::new();
        if let crate::folder::Folder::Disk(path) = &self.catalog.folder {
            folders.push(path.clone());
        }
        if let Some(crate::folder::Folder::Disk(path)) = &self.content {
            folders.push(path.clone());
        }
        folders
    }

    /// The content folder, which holds the articles and the site's other files (images).
    pub(crate) fn content_folder(&self) -> Option<&Folder> {
        self.content.as_ref()
    }

    /// The translations.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Where `path` (relative to the project root, as findings name files) is, for users.
    pub fn display_path(&self, path: &str) -> PathBuf {
        if path.starts_with(&self.catalog.prefix) {
            return self.catalog.display_path(path);
        }
        match &self.root {
            Some(root) => root.join(path),
            None => Path::new("<embedded>").join(path),
        }
    }
}

fn default_reference() -> LanguageIdentifier {
    parse_tag(DEFAULT_REFERENCE).expect("the default reference is a valid tag")
}

/// `folder/`, the prefix of paths inside `folder` relative to the project root.
fn prefix(folder: &str) -> String {
    let folder = folder.trim_matches('/');
    if folder.is_empty() || folder == "." {
        String::new()
    } else {
        format!("{folder}/")
    }
}

/// `.` becomes an empty path, so that paths shown to users read `locales/de/…`.
fn normalize(root: &Path) -> PathBuf {
    if root == Path::new(".") {
        PathBuf::new()
    } else {
        root.to_path_buf()
    }
}

fn load_articles(folder: &Folder, name: &str) -> Result<Vec<Article>> {
    if !folder.exists() {
        return Ok(Vec::new());
    }
    let mut articles = Vec::new();
    for found in folder.files("", "toml") {
        let display = folder.display(&found.rel);
        let bytes = found.origin.read().map_err(|source| Error::Io {
            path: display.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| Error::Invalid {
            path: display.clone(),
            line: None,
            column: None,
            message: "the file is not UTF-8 text".to_string(),
            help: "save it as UTF-8".to_string(),
        })?;
        let path = format!("{}{}", prefix(name), found.rel);
        let article = Article::parse(&path, &display, text)?;
        if let Some(other) = articles.iter().find(|a: &&Article| a.slug == article.slug) {
            return Err(Error::Invalid {
                path: display,
                line: None,
                column: None,
                message: format!(
                    "the slug `{}` is already used by `{}`",
                    article.slug, other.path
                ),
                help: "give every article its own slug".to_string(),
            });
        }
        articles.push(article);
    }
    articles.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(articles)
}
