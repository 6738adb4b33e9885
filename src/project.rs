//! A project: its configuration, its articles (`content/`) and its translations (`locales/`),
//! and where to find one: [`discover`] walks up from a folder to the nearest project, as cargo
//! and git do.

use std::path::{Path, PathBuf};

use crate::locale::Tag;
use include_dir::{Dir, include_dir};

use crate::article::Article;
use crate::catalog::{Catalog, LocaleDir, Retention};
use crate::config::{CheckConfig, Config, SiteConfig};
use crate::diagnostic::PathDisplay;
use crate::error::{Error, Result};
use crate::fs::{Folder, Found, Origin};
use crate::locale::parse_tag;

mod folders;

use folders::{Folders, leads_outside, load_articles, normalize, on_disk, prefix};

static EMBEDDED_LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static EMBEDDED_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// The name of the optional configuration file at a project's root.
pub const CONFIG_FILE: &str = "folio.toml";

/// The reference locale when `folio.toml` names none.
pub const DEFAULT_REFERENCE: &str = "en-US";

/// The bytes of `rel` (`en-US/site.ftl`) in the copy of this repository's `locales/` compiled
/// into Folio, exactly as they are in the repository.
pub(crate) fn embedded_locale_file(rel: &str) -> Option<&'static [u8]> {
    EMBEDDED_LOCALES
        .get_file(rel)
        .map(include_dir::File::contents)
}

/// The nearest project at or above `start`: the first folder, from `start` up to the root of
/// the file system, that holds a `folio.toml` or a `locales/` folder.
///
/// # Example
/// ```
/// let here = std::env::current_dir()?;
/// let root = folio::discover(&here.join("locales/de")).expect("Folio's repository is a project");
/// assert_eq!(root, here);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| is_project(dir))
        .map(Path::to_path_buf)
}

/// Whether `path` is a Folio project: it has `folio.toml` or a `locales/` folder.
pub fn is_project(path: &Path) -> bool {
    let path = on_disk(path);
    path.join(CONFIG_FILE).is_file() || path.join("locales").is_dir()
}

/// Where a project is: a folder on disk, or the copy compiled into Folio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectLocation {
    /// A folder: a project, or else a bare tree of locale folders (`<locale>/**/*.ftl`).
    Folder(PathBuf),
    /// The copy of Folio's own `content/` and `locales/` compiled into the binary.
    BuiltIn,
}

impl ProjectLocation {
    /// Opens the project here: [`Project::open`] for a project folder, [`Project::open_tree`]
    /// (against [`DEFAULT_REFERENCE`]) for any other folder, [`Project::embedded`] for the
    /// built-in copy.
    pub fn open(&self) -> Result<Project> {
        match self {
            ProjectLocation::Folder(path) if is_project(path) => Project::open(path),
            ProjectLocation::Folder(path) => Project::open_tree(path, default_reference()),
            ProjectLocation::BuiltIn => Ok(Project::embedded()),
        }
    }
}

impl std::fmt::Display for ProjectLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProjectLocation::Folder(path) => write!(f, "{}", on_disk(path).display()),
            ProjectLocation::BuiltIn => f.write_str("the built-in project"),
        }
    }
}

/// A file of `content/` or of a locale folder that leads, through a symbolic link, outside
/// the project: Folio neither reads nor publishes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideLink {
    /// The file, from the project's root (`content/passwd.png`).
    pub path: String,
    /// Where the link leads.
    pub target: PathBuf,
}

/// The files of `content/` other than articles (the images), ready to publish.
#[derive(Debug, Default)]
pub struct Assets {
    /// Each file's path inside `content/` and its bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// The files left out because they lead outside the project.
    pub left_out: Vec<OutsideLink>,
}

/// Whether an image's `src` names a file of the project (not a URL, not a path from the
/// domain's root).
pub fn is_local_asset(src: &str) -> bool {
    !(src.contains("://") || src.starts_with('/') || src.starts_with("data:"))
}

/// A project's articles and translations, each file read and parsed once.
#[derive(Debug)]
pub struct Project {
    root: Option<PathBuf>,
    /// The folders, resolved, that content files may lead into: the project's own and the
    /// content folder's (which `allow-outside` may put elsewhere). Empty for the built-in copy.
    inside: Vec<PathBuf>,
    /// The locale files and records left out of the catalog because they lead outside the
    /// project.
    locale_links_out: Vec<OutsideLink>,
    /// Where the content folder is from the project's root (`content/`).
    content_prefix: String,
    reference: Tag,
    articles: Vec<Article>,
    catalog: Catalog,
    content: Option<Folder>,
    check: CheckConfig,
    site: SiteConfig,
}

impl Project {
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
        if !on_disk(root.as_ref()).is_dir() {
            return Err(not_a_folder(root.as_ref()));
        }
        let root = normalize(root.as_ref());
        let config_path = root.join(CONFIG_FILE);
        let config = match crate::fs::read_text(&config_path) {
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
        let folders = Folders {
            root: &root,
            config: &config_path,
            allow_outside: config.allow_outside,
        };
        let locales_dir = folders.resolve("locales", config.locales.as_ref())?;
        let content_dir = folders.resolve("content", config.content.as_ref())?;
        let locales = Folder::Disk(root.join(&locales_dir));
        if !locales.exists() {
            return Err(not_a_folder(&root.join(&locales_dir)));
        }
        let mut catalog = Catalog::load(locales, &prefix(&locales_dir), Retention::Keep)?;
        let content = Folder::Disk(root.join(&content_dir));
        let inside: Vec<PathBuf> = [on_disk(&root), &root.join(&content_dir)]
            .iter()
            .filter_map(|folder| folder.canonicalize().ok())
            .collect();
        // A locale file (or record) that leads outside the project is never read: its text
        // would be published as a translation (see `locale-outside-project`).
        let locales_inside: Vec<PathBuf> = [on_disk(&root), &root.join(&locales_dir)]
            .iter()
            .filter_map(|folder| folder.canonicalize().ok())
            .collect();
        let locale_links_out =
            links_out(catalog.leave_out(|path| {
                leads_outside(&locales_inside, &Origin::Disk(path.to_path_buf()))
            }));
        let articles = load_articles(&content, &content_dir, &|origin| {
            leads_outside(&inside, origin).is_none()
        })?;
        Ok(Project {
            root: Some(root),
            inside,
            locale_links_out,
            content_prefix: prefix(&content_dir),
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
    pub fn open_tree(root: impl AsRef<Path>, reference: Tag) -> Result<Project> {
        if !on_disk(root.as_ref()).is_dir() {
            return Err(not_a_folder(root.as_ref()));
        }
        let root = normalize(root.as_ref());
        let mut catalog = Catalog::load(
            Folder::Disk(on_disk(&root).to_path_buf()),
            "",
            Retention::Keep,
        )?;
        let inside: Vec<PathBuf> = on_disk(&root).canonicalize().into_iter().collect();
        let locale_links_out = links_out(
            catalog.leave_out(|path| leads_outside(&inside, &Origin::Disk(path.to_path_buf()))),
        );
        Ok(Project {
            root: Some(root),
            inside: Vec::new(),
            locale_links_out,
            content_prefix: String::new(),
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
            &prefix("locales"),
            Retention::Keep,
        )
        .expect("the embedded locales are in memory and always readable");
        let content = Folder::Embedded {
            dir: &EMBEDDED_CONTENT,
            display: "<embedded>/content",
        };
        let articles = load_articles(&content, "content", &|_| true)
            .expect("the embedded content is valid: the test suite checks it");
        Project {
            root: None,
            inside: Vec::new(),
            locale_links_out: Vec::new(),
            content_prefix: prefix("content"),
            reference: default_reference(),
            articles,
            catalog,
            content: Some(content),
            check: CheckConfig::default(),
            site: SiteConfig::default(),
        }
    }

    /// Keeps each file's parse once made ([`Retention::Keep`], the default: for rendering,
    /// building and serving), or drops it after use ([`Retention::Transient`]: for checking a
    /// large tree in little memory).
    #[must_use]
    pub fn with_retention(mut self, retention: Retention) -> Project {
        self.catalog.set_retention(retention);
        self
    }

    /// Compares with, and falls back to, `reference` instead of the configured locale.
    #[must_use]
    pub fn with_reference(mut self, reference: Tag) -> Project {
        self.reference = reference;
        self
    }

    /// The project's folder (`.` for the current folder); `None` for the embedded copy.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref().map(on_disk)
    }

    /// Where the project is.
    pub fn location(&self) -> ProjectLocation {
        match self.root() {
            Some(root) => ProjectLocation::Folder(root.to_path_buf()),
            None => ProjectLocation::BuiltIn,
        }
    }

    /// The content folder on disk (`content/`, or where `folio.toml` puts it); `None` for the
    /// copy built into Folio and for a bare tree of locales.
    pub fn content_dir(&self) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        if self.inside.is_empty() {
            return None;
        }
        Some(on_disk(&root.join(self.content_prefix.trim_end_matches('/'))).to_path_buf())
    }

    /// The reference locale.
    pub fn reference(&self) -> &Tag {
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
                    let folder = self
                        .catalog
                        .folder
                        .display(&self.reference.to_string());
                    if folder.is_dir() {
                        format!(
                            "`{}` holds no .ftl file: add the reference's messages there (`folio import` makes them from Markdown)",
                            folder.display()
                        )
                    } else if names.is_empty() {
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

    /// The article whose pages in `locale` have the slug `slug`: its own slug there, or its
    /// slug (which every locale also answers to).
    pub fn article_in(&self, locale: &str, slug: &str) -> Option<&Article> {
        self.articles
            .iter()
            .find(|a| a.slug_in(locale) == slug)
            .or_else(|| self.articles.iter().find(|a| a.slug == slug))
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
        Some(self.root.as_deref().unwrap_or(Path::new("")).join(template))
    }

    /// The folder of the site's other templates (`[site] templates`), from the project's root.
    pub(crate) fn templates_path(&self) -> Option<PathBuf> {
        let templates = self.site.templates.as_ref()?;
        Some(
            self.root
                .as_deref()
                .unwrap_or(Path::new(""))
                .join(templates),
        )
    }

    /// The locales folder, when it is on disk (not for the built-in project).
    pub fn locales_dir(&self) -> Option<&Path> {
        match &self.catalog.folder {
            crate::fs::Folder::Disk(path) => Some(path),
            crate::fs::Folder::Embedded { .. } => None,
        }
    }

    /// The folders a server watches for changes: the locales and the content.
    pub(crate) fn watched_folders(&self) -> Vec<PathBuf> {
        let mut folders = Vec::new();
        if let crate::fs::Folder::Disk(path) = &self.catalog.folder {
            folders.push(path.clone());
        }
        if let Some(crate::fs::Folder::Disk(path)) = &self.content {
            folders.push(path.clone());
        }
        folders
    }

    /// The files of `content/` other than articles (the images), by path inside it. A file
    /// that leads outside the project (a symbolic link to `/etc/passwd`) is left out, unread.
    pub fn assets(&self) -> Result<Assets> {
        let Some(content) = &self.content else {
            return Ok(Assets::default());
        };
        let mut assets = Assets::default();
        for file in content.files("", "")? {
            let is_article = Path::new(&file.rel)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            if is_article {
                continue;
            }
            if let Some(link) = self.link_out(&file) {
                assets.left_out.push(link);
                continue;
            }
            let bytes = file.origin.read().map_err(|source| Error::Io {
                path: content.display(&file.rel),
                source,
            })?;
            assets.files.push((file.rel, bytes));
        }
        Ok(assets)
    }

    /// Whether `src`, an image's path as a content file gives it (relative to the site's root,
    /// which is `content/`), names a file of `content/`. A URL (`https://…`, `data:`) or a path
    /// from the domain's root (`/…`) is the site's business: it counts as there.
    pub fn has_asset(&self, src: &str) -> bool {
        if !is_local_asset(src) {
            return true;
        }
        let Some(content) = &self.content else {
            return false;
        };
        let rel = src.trim_start_matches("./");
        let (sub, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        if rel.split('/').any(|part| part == ".." || part.is_empty()) {
            return false;
        }
        content.file(sub, name).is_some()
    }

    /// The files of the locale folders (Fluent files, records) that lead outside the project
    /// and were left out, unread.
    pub fn locale_links_out(&self) -> &[OutsideLink] {
        &self.locale_links_out
    }

    /// Every file of `content/` (articles included) that leads outside the project.
    pub fn outside_links(&self) -> Result<Vec<OutsideLink>> {
        let Some(content) = &self.content else {
            return Ok(Vec::new());
        };
        Ok(content
            .files("", "")?
            .iter()
            .filter_map(|file| self.link_out(file))
            .collect())
    }

    /// `file` of `content/`, when it leads outside the project.
    fn link_out(&self, file: &Found) -> Option<OutsideLink> {
        Some(OutsideLink {
            target: leads_outside(&self.inside, &file.origin)?,
            path: format!("{}{}", self.content_prefix, file.rel),
        })
    }

    /// Puts `dir` in place of this project's locale folder of the same name: see
    /// `Catalog::replace_locale`.
    pub(crate) fn replace_locale(&mut self, dir: LocaleDir) -> bool {
        self.catalog.replace_locale(dir)
    }

    /// The translations.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// How to show users the paths findings name (relative to the project's root).
    pub fn paths(&self) -> PathDisplay {
        match &self.root {
            Some(root) => PathDisplay::under(root),
            None => PathDisplay::under(Path::new("<embedded>")),
        }
    }
}

/// Files left out for leading outside, as links.
fn links_out(left_out: Vec<(String, PathBuf)>) -> Vec<OutsideLink> {
    left_out
        .into_iter()
        .map(|(path, target)| OutsideLink { path, target })
        .collect()
}

/// Why `path` cannot be opened as a folder: it is not there, or it is a file.
fn not_a_folder(path: &Path) -> Error {
    if on_disk(path).is_file() {
        return Error::Usage {
            message: format!("`{}` is a file, not a folder", path.display()),
            help: "give a project's folder or a tree of locale folders (`--locale TAG` checks one locale)".into(),
        };
    }
    Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
    }
}

fn default_reference() -> Tag {
    parse_tag(DEFAULT_REFERENCE).expect("the default reference is a valid tag")
}
