//! Where a project's files come from: a folder on disk, or the copy compiled into the binary.

use std::io;
use std::path::{Path, PathBuf};

use include_dir::Dir;

use crate::error::{Error, Result};

/// A folder of a project: the locales folder or the content folder.
#[derive(Debug, Clone)]
pub(crate) enum Folder {
    /// A folder on disk.
    Disk(PathBuf),
    /// A folder compiled into the binary, shown to users under `display`.
    Embedded {
        dir: &'static Dir<'static>,
        display: &'static str,
    },
}

/// A file found in a [`Folder`], named relative to it with `/` separators; read on demand.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub rel: String,
    pub origin: Origin,
}

/// Where a found file's bytes come from.
#[derive(Debug, Clone)]
pub(crate) enum Origin {
    /// A file on disk, read when needed.
    Disk(PathBuf),
    /// A file compiled into the binary.
    Embedded(&'static [u8]),
    /// The walk could not reach it (a symbolic link loop, a permission error).
    Unreachable(String),
}

impl Origin {
    /// The file's bytes.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Origin::Disk(path) => super::read_file(path),
            Origin::Embedded(bytes) => Ok(bytes.to_vec()),
            Origin::Unreachable(reason) => Err(io::Error::other(reason.clone())),
        }
    }
}

impl Folder {
    /// How to show `rel` (a path relative to this folder) to a user.
    pub fn display(&self, rel: &str) -> PathBuf {
        match self {
            Folder::Disk(path) => path.join(rel),
            Folder::Embedded { display, .. } => Path::new(display).join(rel),
        }
    }

    /// Whether this folder exists.
    pub fn exists(&self) -> bool {
        match self {
            Folder::Disk(path) => path.is_dir(),
            Folder::Embedded { .. } => true,
        }
    }

    /// The file `name` directly inside the folder `sub`, when there is one (a regular file, or
    /// a symbolic link to one).
    pub fn file(&self, sub: &str, name: &str) -> Option<Found> {
        let origin = match self {
            Folder::Disk(path) => {
                let path = path.join(sub).join(name);
                if !path.is_file() {
                    return None;
                }
                Origin::Disk(path)
            }
            Folder::Embedded { dir, .. } => {
                let path = if sub.is_empty() {
                    name.to_string()
                } else {
                    format!("{sub}/{name}")
                };
                Origin::Embedded(dir.get_file(path)?.contents())
            }
        };
        Some(Found {
            rel: name.to_string(),
            origin,
        })
    }

    /// The names of the folders directly inside, sorted; hidden folders are left out.
    pub fn subfolders(&self) -> Result<Vec<String>> {
        let mut names = match self {
            Folder::Disk(path) => {
                let entries = std::fs::read_dir(path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                let mut names = Vec::new();
                for entry in entries {
                    let entry = entry.map_err(|source| Error::Io {
                        path: path.clone(),
                        source,
                    })?;
                    // `metadata` follows symlinks: a symlinked locale folder counts.
                    if entry.path().is_dir() {
                        names.push(entry.file_name().to_string_lossy().into_owned());
                    }
                }
                names
            }
            Folder::Embedded { dir, .. } => dir
                .dirs()
                .filter_map(|d| d.path().file_name())
                .map(|name| name.to_string_lossy().into_owned())
                .collect(),
        };
        names.retain(|name| !name.starts_with('.'));
        names.sort();
        Ok(names)
    }

    /// Every file under `sub` (recursively) whose name ends with `.{extension}`, sorted by
    /// path. Symlinks are followed; a loop or an unreachable entry becomes a [`Found`] whose
    /// reading fails, rather than stopping the walk. A walk that meets more than
    /// [`MAX_ENTRIES`] files and folders stops with an error: the folder is not what it
    /// was meant to be (`/`, a home folder).
    pub fn files(&self, sub: &str, extension: &str) -> Result<Vec<Found>> {
        self.files_up_to(sub, extension, MAX_ENTRIES)
    }

    /// [`Folder::files`], stopping after `limit` entries.
    fn files_up_to(&self, sub: &str, extension: &str, limit: usize) -> Result<Vec<Found>> {
        // An empty extension means every file.
        let suffix = if extension.is_empty() {
            String::new()
        } else {
            format!(".{extension}")
        };
        let mut found = match self {
            Folder::Disk(path) => {
                let base = if sub.is_empty() {
                    path.clone()
                } else {
                    path.join(sub)
                };
                let walk = walkdir::WalkDir::new(&base).follow_links(true);
                let mut found = Vec::new();
                for (seen, entry) in walk.into_iter().enumerate() {
                    if seen >= limit {
                        return Err(Error::Invalid {
                            path: base,
                            line: None,
                            column: None,
                            message: format!(
                                "more than {} files and folders in this folder; Folio stopped reading it",
                                thousands(limit)
                            ),
                            help: "point Folio at the project (or the folder of locale folders) \
                                   itself; `locales` and `content` in folio.toml name its folders"
                                .to_string(),
                        });
                    }
                    found.extend(found_in_walk(&base, &suffix, entry));
                }
                found
            }
            Folder::Embedded { dir, .. } => {
                let mut found = Vec::new();
                let base = if sub.is_empty() {
                    Some(*dir)
                } else {
                    dir.get_dir(sub)
                };
                if let Some(base) = base {
                    collect_embedded(base, base.path(), &suffix, &mut found);
                }
                found
            }
        };
        found.sort_by(|a, b| a.rel.cmp(&b.rel));
        Ok(found)
    }
}

/// How many files and folders one walk may meet before it stops: the largest tree of real
/// translations we know (mozilla.org's, 106 locales) has about 11,000.
pub(crate) const MAX_ENTRIES: usize = 1_000_000;

/// `1000000` as `1,000,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// What one entry of a walk under `base` gives: a file whose name ends with `suffix`, or an
/// entry the walk could not reach (named so that reading it explains why).
fn found_in_walk(
    base: &Path,
    suffix: &str,
    entry: walkdir::Result<walkdir::DirEntry>,
) -> Option<Found> {
    match entry {
        Ok(entry) => {
            let name = entry.file_name().to_string_lossy();
            if !entry.file_type().is_file() || !name.ends_with(suffix) {
                return None;
            }
            let rel = relative(base, entry.path());
            Some(Found {
                rel,
                origin: Origin::Disk(entry.into_path()),
            })
        }
        Err(err) => {
            let rel = err.path().map(|p| relative(base, p))?;
            let reason = match err.into_io_error() {
                Some(io) => io.to_string(),
                None => "a symbolic link points back to a folder above it".into(),
            };
            Some(Found {
                rel,
                origin: Origin::Unreachable(reason),
            })
        }
    }
}

fn collect_embedded(dir: &'static Dir<'static>, base: &Path, suffix: &str, out: &mut Vec<Found>) {
    for file in dir.files() {
        if file.path().to_string_lossy().ends_with(suffix) {
            out.push(Found {
                rel: relative(base, file.path()),
                origin: Origin::Embedded(file.contents()),
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, base, suffix, out);
    }
}

/// `path` relative to `base`, with `/` separators on every platform.
fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_files_recursively_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("de/sub")).unwrap();
        std::fs::write(dir.path().join("de/b.ftl"), "b = B\n").unwrap();
        std::fs::write(dir.path().join("de/sub/a.ftl"), "a = A\n").unwrap();
        std::fs::write(dir.path().join("de/notes.txt"), "not fluent").unwrap();
        let folder = Folder::Disk(dir.path().to_path_buf());
        assert_eq!(folder.subfolders().unwrap(), vec!["de"]);
        let found: Vec<_> = folder
            .files("de", "ftl")
            .unwrap()
            .into_iter()
            .map(|f| f.rel)
            .collect();
        assert_eq!(found, vec!["b.ftl", "sub/a.ftl"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_walk_larger_than_its_limit_stops_with_an_error_naming_the_folder() {
        // `locales = "/"` (allowed) or `folio check /` walked the whole disk for minutes.
        let dir = tempfile::tempdir().unwrap();
        for i in 0..12 {
            std::fs::write(dir.path().join(format!("{i}.ftl")), "").unwrap();
        }
        let folder = Folder::Disk(dir.path().to_path_buf());
        assert_eq!(folder.files_up_to("", "ftl", 13).unwrap().len(), 12);
        let err = folder.files_up_to("", "ftl", 12).unwrap_err().to_string();
        assert!(err.starts_with(&dir.path().display().to_string()), "{err}");
        assert!(err.contains("more than 12 files and folders"), "{err}");
        assert_eq!(thousands(MAX_ENTRIES), "1,000,000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn a_symlink_loop_is_reported_not_followed_forever() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("de")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("de"), dir.path().join("de/loop")).unwrap();
        let folder = Folder::Disk(dir.path().to_path_buf());
        let found = folder.files("de", "ftl").unwrap();
        assert_eq!(found.len(), 1);
        assert!(found[0].origin.read().is_err());
    }
}
