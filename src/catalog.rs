//! The translations of a project: every locale folder and its `.ftl` files.
//!
//! Loading a catalog only lists the files. A file is read and parsed when it is first needed:
//! [`FtlFile::parsed`] keeps the parse for the catalog's lifetime (rendering, where a bundle
//! holds it), [`FtlFile::parse`] reuses a kept parse or makes one that the caller drops
//! (checking a tree of thousands of files without holding every AST at once). A parse keeps
//! source and AST together (fluent-bundle's `FluentResource`), so one parse can feed both the
//! checks and a bundle.

use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::error::Result;
use crate::folder::{Folder, Origin};
use crate::locale::parse_tag;
use crate::render::Bundle;
use crate::source::LineIndex;

/// Every locale of a project, sorted by folder name.
#[derive(Debug)]
pub struct Catalog {
    pub(crate) folder: Folder,
    /// Prefix of every file's `path`: where the locales folder is, relative to the project root.
    pub(crate) prefix: String,
    pub(crate) locales: Vec<LocaleDir>,
}

/// One locale folder and its Fluent files.
pub struct LocaleDir {
    /// The folder's name, normally a BCP 47 tag.
    pub name: String,
    /// The parsed tag; `None` when the folder's name is not a valid tag.
    pub tag: Option<LanguageIdentifier>,
    /// The folder's `.ftl` files, sorted by path.
    pub files: Vec<FtlFile>,
    bundle: OnceLock<Arc<Bundle>>,
}

impl std::fmt::Debug for LocaleDir {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocaleDir")
            .field("name", &self.name)
            .field("files", &self.files)
            .finish_non_exhaustive()
    }
}

/// One Fluent file of a locale, read and parsed on demand.
pub struct FtlFile {
    /// Path relative to the locale folder, with `/` separators (`smp-removal.ftl`).
    pub rel: String,
    /// Path relative to the project root, as findings name it (`locales/de/smp-removal.ftl`).
    pub path: String,
    origin: Origin,
    parsed: OnceLock<Arc<ParsedFile>>,
}

impl std::fmt::Debug for FtlFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FtlFile")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl FtlFile {
    /// The file, parsed once and kept for the catalog's lifetime.
    pub fn parsed(&self) -> &Arc<ParsedFile> {
        self.parsed.get_or_init(|| Arc::new(self.read_and_parse()))
    }

    /// The file parsed: the kept parse if there is one, else a new one that is not kept.
    pub fn parse(&self) -> Arc<ParsedFile> {
        match self.parsed.get() {
            Some(parsed) => Arc::clone(parsed),
            None => Arc::new(self.read_and_parse()),
        }
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
    /// Lists every `.ftl` file of every locale folder in `folder` (reading happens on demand).
    ///
    /// A folder holding no `.ftl` file at all (such as `configs/` in Mozilla's trees) is not a
    /// locale and is left out.
    pub(crate) fn load(folder: Folder, prefix: String) -> Result<Catalog> {
        let names = folder.subfolders()?;
        let mut locales: Vec<LocaleDir> = names
            .into_par_iter()
            .map(|name| {
                let files = folder
                    .files(&name, "ftl")
                    .into_iter()
                    .map(|found| FtlFile {
                        path: format!("{prefix}{name}/{}", found.rel),
                        rel: found.rel,
                        origin: found.origin,
                        parsed: OnceLock::new(),
                    })
                    .collect();
                LocaleDir {
                    tag: parse_tag(&name).ok(),
                    name,
                    files,
                    bundle: OnceLock::new(),
                }
            })
            .filter(|locale: &LocaleDir| !locale.files.is_empty())
            .collect();
        locales.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Catalog {
            folder,
            prefix,
            locales,
        })
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
    pub fn locale_by_tag(&self, tag: &LanguageIdentifier) -> Option<&LocaleDir> {
        self.locales.iter().find(|l| l.tag.as_ref() == Some(tag))
    }

    /// The tags of every locale folder whose name is a valid tag.
    pub fn tags(&self) -> Vec<LanguageIdentifier> {
        self.locales.iter().filter_map(|l| l.tag.clone()).collect()
    }

    /// Where `path` (relative to the project root) is, for showing to a user.
    pub fn display_path(&self, path: &str) -> std::path::PathBuf {
        let rel = path.strip_prefix(&self.prefix).unwrap_or(path);
        self.folder.display(rel)
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

    /// This locale's bundle of every file's messages, built on first use and then shared.
    ///
    /// Returns `None` when the folder's name is not a valid tag.
    pub fn bundle(&self) -> Option<&Arc<Bundle>> {
        let tag = self.tag.as_ref()?;
        Some(
            self.bundle
                .get_or_init(|| Arc::new(crate::render::bundle::build(tag, &self.files))),
        )
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
