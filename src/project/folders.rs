//! Where a project's folders and files are: `folio.toml`'s folder settings resolved and
//! checked, paths as users read them, files that lead outside the project, and the articles
//! of `content/` loaded.

use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::config::Setting;
use crate::error::{Error, Result};
use crate::fs::{Folder, Origin};

/// `folder/`, the prefix of paths inside `folder` relative to the project root.
pub(super) fn prefix(folder: &str) -> String {
    let folder = folder.trim_matches('/');
    if folder.is_empty() || folder == "." {
        String::new()
    } else {
        format!("{folder}/")
    }
}

/// `.` (and `./`) becomes an empty path, so that paths shown to users read `locales/de/…`.
pub(super) fn normalize(root: &Path) -> PathBuf {
    if root.components().all(|c| c == std::path::Component::CurDir) {
        PathBuf::new()
    } else {
        root.to_path_buf()
    }
}

/// `path` for the file system: the empty path (the current folder, as shown) is `.`.
pub(super) fn on_disk(path: &Path) -> &Path {
    if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    }
}

/// Where a file on disk leads when that is outside every folder of `inside` (after
/// following symbolic links); `None` when it stays inside, or when `inside` is empty (the
/// built-in copy).
pub(super) fn leads_outside(inside: &[PathBuf], origin: &Origin) -> Option<PathBuf> {
    let Origin::Disk(path) = origin else {
        return None;
    };
    if inside.is_empty() {
        return None;
    }
    // A file that cannot be resolved cannot be read either: reading it reports why.
    let target = path.canonicalize().ok()?;
    (!inside.iter().any(|folder| target.starts_with(folder))).then_some(target)
}

/// How `folio.toml`'s folder settings are resolved and checked.
pub(super) struct Folders<'a> {
    pub(super) root: &'a Path,
    pub(super) config: &'a Path,
    pub(super) allow_outside: bool,
}

impl Folders<'_> {
    /// The folder `key` names (`setting`, else the folder of that name), as written. Refused
    /// when it is a folder `folio.toml` names that does not exist, or when it lies outside the
    /// project (`locales = "/"` would read the whole disk) and `allow-outside` is not set.
    pub(super) fn resolve(&self, key: &str, setting: Option<&Setting>) -> Result<String> {
        let value = setting.map_or(key, |s| s.value.as_str());
        let path = on_disk(self.root).join(value);
        let invalid = |message: String, help: String| match setting {
            Some(setting) => Error::Invalid {
                path: self.config.to_path_buf(),
                line: Some(setting.line),
                column: Some(setting.column),
                message,
                help,
            },
            None => Error::Invalid {
                path: self.root.join(value),
                line: None,
                column: None,
                message,
                help,
            },
        };
        let Ok(resolved) = path.canonicalize() else {
            return match setting {
                Some(_) if key == "content" => Err(invalid(
                    format!("`content = \"{value}\"` names a folder that does not exist"),
                    "correct the path, create the folder, or remove the line (without it, \
                     Folio reads `content/` when there is one)"
                        .to_string(),
                )),
                // A missing locales folder is reported by the caller, as before.
                _ => Ok(value.to_string()),
            };
        };
        let root = on_disk(self.root)
            .canonicalize()
            .unwrap_or_else(|_| self.root.to_path_buf());
        if self.allow_outside || resolved.starts_with(&root) {
            return Ok(value.to_string());
        }
        let what = match setting {
            Some(_) => format!("`{key} = \"{value}\"`"),
            None => format!("`{value}/`, a symbolic link,"),
        };
        Err(invalid(
            format!(
                "{what} leads outside the project, to {}",
                resolved.display()
            ),
            format!(
                "name a folder inside {}, or add `allow-outside = true` to folio.toml to read \
                 this one",
                root.display()
            ),
        ))
    }
}

pub(super) fn load_articles(
    folder: &Folder,
    name: &str,
    keep: &dyn Fn(&Origin) -> bool,
) -> Result<Vec<Article>> {
    if !folder.exists() {
        return Ok(Vec::new());
    }
    let mut articles = Vec::new();
    for found in folder.files("", "toml")? {
        if !keep(&found.origin) {
            continue;
        }
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
        let clash = |a: &&Article| {
            a.slug == article.slug
                || article
                    .slugs
                    .iter()
                    .any(|(locale, slug)| a.slug_in(locale) == slug)
                || a.slugs
                    .iter()
                    .any(|(locale, slug)| article.slug_in(locale) == slug)
        };
        if let Some(other) = articles.iter().find(clash) {
            return Err(Error::Invalid {
                path: display,
                line: None,
                column: None,
                message: format!(
                    "the slug `{}` (or one of its `[slugs]`) is already used by `{}`",
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
