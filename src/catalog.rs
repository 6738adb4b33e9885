//! The translations of a project: every locale folder and its `.ftl` files.
//!
//! Loading a catalog only lists the files. A file is read and parsed when it is first needed,
//! by [`FtlFile::parse`]; whether the parse is then kept is the catalog's [`Retention`], chosen
//! by whoever opens the project: kept for rendering, building and serving (the bundles hold
//! the parses, and a check before rendering parses nothing twice), dropped after use for
//! checking a tree of thousands of files without holding every syntax tree at once. A parse
//! keeps source and AST together (fluent-bundle's `FluentResource`), so one parse feeds both
//! the checks and a bundle.

use std::sync::{Arc, OnceLock};

use crate::locale::Tag;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;
use rayon::prelude::*;

use crate::error::Result;
use crate::fs::{Folder, Origin};
use crate::line_index::LineIndex;
use crate::locale::parse_tag;
use crate::record::RECORD_FILE;

/// Whether a catalog keeps each file's parse once it is made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Retention {
    /// Keep every parse for the catalog's lifetime: for rendering, building and serving.
    #[default]
    Keep,
    /// Drop each parse when its user is done with it: for checking a large tree, locale by
    /// locale, in little memory.
    Transient,
}

/// Every locale of a project, sorted by folder name.
#[derive(Debug)]
pub struct Catalog {
    pub(crate) folder: Folder,
    pub(crate) locales: Vec<LocaleDir>,
    retention: Retention,
}

/// One locale folder and its Fluent files.
#[derive(Clone, Debug)]
pub struct LocaleDir {
    /// The folder's name, normally a BCP 47 tag.
    pub name: String,
    /// The parsed tag; `None` when the folder's name is not a valid tag.
    pub tag: Option<Tag>,
    /// The folder's `.ftl` files, sorted by path.
    pub files: Vec<FtlFile>,
    /// Its record of the reference text each translation was made from
    /// ([`Record`](crate::Record)), when it has one.
    pub record: Option<RecordFile>,
}

/// A locale's record file ([`RECORD_FILE`](crate::RECORD_FILE)), read on demand.
#[derive(Clone, Debug)]
pub struct RecordFile {
    /// Path relative to the project root, as findings name it (`locales/de/folio-record.txt`).
    pub path: String,
    origin: Origin,
}

impl RecordFile {
    /// The file's bytes.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        self.origin.read()
    }

    /// Where the file is on disk; `None` for the copy compiled into Folio.
    pub fn disk_path(&self) -> Option<&std::path::Path> {
        match &self.origin {
            Origin::Disk(path) => Some(path),
            Origin::Embedded(_) | Origin::Unreachable(_) => None,
        }
    }
}

/// One Fluent file of a locale, read and parsed on demand. A clone shares the parse kept so
/// far (and keeps its own from then on).
#[derive(Clone)]
pub struct FtlFile {
    /// Path relative to the locale folder, with `/` separators (`smp-removal.ftl`).
    pub rel: String,
    /// Path relative to the project root, as findings name it (`locales/de/smp-removal.ftl`).
    pub path: String,
    origin: Origin,
    retention: Retention,
    kept: OnceLock<Arc<ParsedFile>>,
}

impl std::fmt::Debug for FtlFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FtlFile")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl FtlFile {
    /// The file, parsed: the kept parse if there is one, else a new one, which the catalog
    /// keeps unless its retention is [`Retention::Transient`].
    pub fn parse(&self) -> Arc<ParsedFile> {
        if let Some(kept) = self.kept.get() {
            return Arc::clone(kept);
        }
        match self.retention {
            Retention::Keep => {
                Arc::clone(self.kept.get_or_init(|| Arc::new(self.read_and_parse())))
            }
            Retention::Transient => Arc::new(self.read_and_parse()),
        }
    }

    /// Whether the catalog holds this file's parse (it was parsed, and the retention keeps
    /// it).
    pub fn is_kept(&self) -> bool {
        self.kept.get().is_some()
    }

    /// Where the file is on disk; `None` for the copy compiled into Folio.
    pub fn disk_path(&self) -> Option<&std::path::Path> {
        match &self.origin {
            Origin::Disk(path) => Some(path),
            Origin::Embedded(_) | Origin::Unreachable(_) => None,
        }
    }

    /// The file's bytes as they are on disk (or in the binary), byte order mark and all: for
    /// edits, which keep every byte they do not mean to change.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        self.origin.read()
    }

    fn read_and_parse(&self) -> ParsedFile {
        ParsedFile::parse(self.rel.clone(), self.path.clone(), self.origin.read())
    }
}

/// One Fluent file, read and parsed: its source, its AST and the parser's errors.
pub struct ParsedFile {
    /// Path relative to the locale folder, with `/` separators.
    pub rel: String,
    /// Path relative to the project root.
    pub path: String,
    /// Why the file could not be read, if it could not; it then holds no entries.
    pub unreadable: Option<String>,
    /// Where the first byte that is not UTF-8 was, if any; such bytes are read as U+FFFD
    /// (as compare-locales reads them), so the rest of the file still counts.
    pub invalid_utf8: Option<usize>,
    /// The parsed resource (empty when unreadable).
    pub resource: Arc<FluentResource>,
    /// The parser's errors; each belongs to a `Junk` entry.
    pub errors: Vec<ParserError>,
    lines: OnceLock<LineIndex>,
}

impl std::fmt::Debug for ParsedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedFile")
            .field("path", &self.path)
            .field("errors", &self.errors.len())
            .finish_non_exhaustive()
    }
}

impl ParsedFile {
    /// Decodes and parses `bytes`. A leading byte order mark is dropped; bytes that are not
    /// UTF-8 become U+FFFD (reported by the `invalid-utf8` check); a read error leaves the file
    /// empty (reported by `unreadable-file`).
    pub(crate) fn parse(rel: String, path: String, bytes: std::io::Result<Vec<u8>>) -> Self {
        let (mut text, unreadable, invalid_utf8) = match bytes {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => (text, None, None),
                Err(err) => {
                    let at = err.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                    (text, None, Some(at))
                }
            },
            Err(err) => (String::new(), Some(err.to_string()), None),
        };
        let bom = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        text.drain(..bom);
        let invalid_utf8 = invalid_utf8.map(|at| at.saturating_sub(bom));
        let (resource, errors) = match FluentResource::try_new(text) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        ParsedFile {
            rel,
            path,
            unreadable,
            invalid_utf8,
            resource: Arc::new(resource),
            errors,
            lines: OnceLock::new(),
        }
    }

    /// Parses `text`, the contents of an editor's buffer rather than of a file on disk:
    /// `rel` is its path within its locale folder, `path` its path from the project's root.
    ///
    /// # Example
    /// ```
    /// let file = folio::ParsedFile::from_text("a.ftl", "locales/de/a.ftl", "hello = Hallo\n".into());
    /// assert_eq!(file.entries().count(), 1);
    /// assert!(file.errors.is_empty());
    /// ```
    pub fn from_text(rel: impl Into<String>, path: impl Into<String>, text: String) -> Self {
        ParsedFile::parse(rel.into(), path.into(), Ok(text.into_bytes()))
    }

    /// The file's text (without a byte order mark).
    pub fn source(&self) -> &str {
        self.resource.source()
    }

    /// The file's entries: messages, terms, comments and junk, in order.
    pub fn entries(&self) -> impl Iterator<Item = &ast::Entry<&str>> {
        self.resource.entries()
    }

    /// The line index of the file's text, built on first use.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.source()))
    }
}

impl Catalog {
    /// Leaves out the files and records on disk that `outside` says lead somewhere else (a
    /// symbolic link out of the project), unread; returns them, named from the project's
    /// root (sorted), with where each leads.
    pub(crate) fn leave_out(
        &mut self,
        outside: impl Fn(&std::path::Path) -> Option<std::path::PathBuf>,
    ) -> Vec<(String, std::path::PathBuf)> {
        let mut left_out = Vec::new();
        for locale in &mut self.locales {
            locale.files.retain(|file| {
                let target = file.disk_path().and_then(&outside);
                if let Some(target) = target.clone() {
                    left_out.push((file.path.clone(), target));
                }
                target.is_none()
            });
            if let Some(record) = &locale.record {
                if let Some(target) = record.disk_path().and_then(&outside) {
                    left_out.push((record.path.clone(), target));
                    locale.record = None;
                }
            }
        }
        left_out.sort();
        left_out
    }

    /// Lists every `.ftl` file of every locale folder in `folder` (reading happens on demand);
    /// `prefix` is where `folder` is from the project's root (`locales/`), for files' paths.
    ///
    /// A folder holding no `.ftl` file at all (such as `configs/` in Mozilla's trees) is not a
    /// locale and is left out.
    pub(crate) fn load(folder: Folder, prefix: &str, retention: Retention) -> Result<Catalog> {
        let names = folder.subfolders()?;
        let mut locales: Vec<LocaleDir> = names
            .into_par_iter()
            .map(|name| {
                let files = folder
                    .files(&name, "ftl")?
                    .into_iter()
                    .map(|found| FtlFile {
                        path: format!("{prefix}{name}/{}", found.rel),
                        rel: found.rel,
                        origin: found.origin,
                        retention,
                        kept: OnceLock::new(),
                    })
                    .collect();
                let path = format!("{prefix}{name}/{RECORD_FILE}");
                let record = match folder.file(&name, RECORD_FILE) {
                    Some(found) => Some(RecordFile {
                        path,
                        origin: found.origin,
                    }),
                    // Something else where the record goes (a folder, a link to a pipe):
                    // a record that cannot be read, which `invalid-record` reports.
                    None => matches!(folder, Folder::Disk(_))
                        .then(|| folder.display(&format!("{name}/{RECORD_FILE}")))
                        .filter(|on_disk| std::fs::symlink_metadata(on_disk).is_ok())
                        .map(|_| RecordFile {
                            path,
                            origin: Origin::Unreachable(
                                "it is not a regular file (a folder, a device or a pipe)".into(),
                            ),
                        }),
                };
                Ok(LocaleDir {
                    tag: parse_tag(&name).ok(),
                    name,
                    files,
                    record,
                })
            })
            .filter(|locale| {
                locale
                    .as_ref()
                    .map_or(true, |l: &LocaleDir| !l.files.is_empty())
            })
            .collect::<Result<_>>()?;
        locales.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Catalog {
            folder,
            locales,
            retention,
        })
    }

    /// Whether the catalog keeps the parses it makes.
    pub fn retention(&self) -> Retention {
        self.retention
    }

    /// Puts `dir` in place of the locale folder of the same name (a server keeping a locale's
    /// last good version while its files on disk do not load); `false` when there is none.
    pub(crate) fn replace_locale(&mut self, dir: LocaleDir) -> bool {
        match self.locales.iter_mut().find(|l| l.name == dir.name) {
            Some(slot) => {
                *slot = dir;
                true
            }
            None => false,
        }
    }

    /// Keeps the parses made from now on, or not.
    pub(crate) fn set_retention(&mut self, retention: Retention) {
        self.retention = retention;
        for file in self.locales.iter_mut().flat_map(|l| &mut l.files) {
            file.retention = retention;
        }
    }

    /// Every locale folder, sorted by name.
    pub fn locales(&self) -> &[LocaleDir] {
        &self.locales
    }

    /// The locale folder named `name` (exactly, as on disk).
    pub fn locale(&self, name: &str) -> Option<&LocaleDir> {
        self.locales.iter().find(|l| l.name == name)
    }

    /// The locale folder whose tag is `tag`.
    pub fn locale_by_tag(&self, tag: &Tag) -> Option<&LocaleDir> {
        self.locales.iter().find(|l| l.tag.as_ref() == Some(tag))
    }

    /// The tags of every locale folder whose name is a valid tag.
    pub fn tags(&self) -> Vec<Tag> {
        self.locales.iter().filter_map(|l| l.tag.clone()).collect()
    }
}

impl LocaleDir {
    /// The file at `rel` (relative to the locale folder).
    pub fn file(&self, rel: &str) -> Option<&FtlFile> {
        self.files
            .binary_search_by(|f| f.rel.as_str().cmp(rel))
            .ok()
            .map(|i| &self.files[i])
    }

    /// An empty locale folder named `name`, for unit tests of what is built from one.
    #[cfg(test)]
    pub(crate) fn for_test(name: &str) -> LocaleDir {
        LocaleDir {
            name: name.to_string(),
            tag: parse_tag(name).ok(),
            files: Vec::new(),
            record: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &[u8]) -> ParsedFile {
        ParsedFile::parse("a.ftl".into(), "de/a.ftl".into(), Ok(text.to_vec()))
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let file = parse("\u{feff}a = A\n".as_bytes());
        assert!(file.errors.is_empty());
        assert_eq!(file.source(), "a = A\n");
    }

    #[test]
    fn bytes_that_are_not_utf8_become_replacement_characters() {
        let file = parse(b"a = \xff\nb = B\n");
        assert_eq!(file.invalid_utf8, Some(4));
        assert_eq!(file.source(), "a = \u{fffd}\nb = B\n");
        assert_eq!(file.entries().count(), 2);
    }

    #[test]
    fn a_read_error_leaves_the_file_empty() {
        let file = ParsedFile::parse(
            "a.ftl".into(),
            "de/a.ftl".into(),
            Err(std::io::Error::other("denied")),
        );
        assert_eq!(file.unreadable.as_deref(), Some("denied"));
        assert_eq!(file.entries().count(), 0);
    }

    #[test]
    fn junk_keeps_the_parser_errors() {
        let file = parse(b"a = { $x ->\n   [one] A\n}\nb = B\n");
        assert_eq!(file.errors.len(), 1);
        assert_eq!(file.entries().count(), 2);
    }
}
