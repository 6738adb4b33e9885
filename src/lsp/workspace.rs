//! What the server knows: the project (re-read when its files change on disk), the open
//! documents (whose unsaved text replaces the files' on disk), and where each file is.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::Uri;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use crate::catalog::ParsedFile;
use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::project::Project;

/// A file of the project's locales: its path from the project's root (as findings name it),
/// its locale folder and its path within that folder.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FileId {
    pub path: String,
    pub locale: String,
    pub rel: String,
}

/// An open document.
pub(crate) struct Document {
    pub uri: Uri,
    pub version: i32,
    /// The editor's text, as the editor has it (a byte order mark included, if any).
    pub text: String,
    /// Where it is in the project; `None` for a file outside its locales.
    pub file: Option<FileId>,
    /// `text`, parsed.
    pub parsed: Arc<ParsedFile>,
    /// The findings of the last check in this document.
    pub findings: Vec<Diagnostic>,
}

impl Document {
    pub(crate) fn new(uri: Uri, version: i32, text: String, file: Option<FileId>) -> Document {
        let parsed = parse(file.as_ref(), &text);
        Document {
            uri,
            version,
            text,
            file,
            parsed,
            findings: Vec::new(),
        }
    }

    pub(crate) fn set_text(&mut self, version: i32, text: String) {
        self.parsed = parse(self.file.as_ref(), &text);
        self.version = version;
        self.text = text;
    }

    /// How many bytes of byte order mark `text` starts with: findings count from after it.
    pub(crate) fn bom(&self) -> usize {
        self.text.len() - self.parsed.source().len()
    }
}

fn parse(file: Option<&FileId>, text: &str) -> Arc<ParsedFile> {
    let (rel, path) = file.map_or((String::new(), String::new()), |f| {
        (f.rel.clone(), f.path.clone())
    });
    Arc::new(ParsedFile::from_text(rel, path, text.to_string()))
}

/// The project the server works on.
pub(crate) struct Workspace {
    /// The project's root, absolute.
    pub root: PathBuf,
    /// The project, keeping each parse it makes: only the reference and the locales being
    /// edited are ever parsed through it.
    pub project: Arc<Project>,
    /// Where the locale folders are, from the root, with a `/` after it (`locales/`).
    prefix: String,
    /// The open documents, by URI.
    pub documents: HashMap<Uri, Document>,
}

impl Workspace {
    pub(crate) fn open(root: &Path) -> Result<Workspace> {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let project = Project::open(&root)?;
        let prefix = project
            .locales_dir()
            .and_then(|dir| dir.strip_prefix(&root).ok())
            .map(slashed)
            .filter(|dir| !dir.is_empty())
            .map_or_else(String::new, |dir| format!("{dir}/"));
        Ok(Workspace {
            root,
            project: Arc::new(project),
            prefix,
            documents: HashMap::new(),
        })
    }

    /// Reads the project again from disk (its files changed); open documents stay open.
    pub(crate) fn reload(&mut self) -> Result<()> {
        let fresh = Workspace::open(&self.root)?;
        self.project = fresh.project;
        self.prefix = fresh.prefix;
        Ok(())
    }

    pub(crate) fn reference(&self) -> String {
        self.project
            .reference_dir()
            .map_or_else(|_| self.project.reference().to_string(), |d| d.name.clone())
    }

    /// Where the file at `uri` is in the project, if it is a Fluent file of a locale folder.
    pub(crate) fn file_of(&self, uri: &Uri) -> Option<FileId> {
        let path = uri_to_path(uri)?;
        // The folder, resolved as the root was; the file itself may not exist yet.
        let dir = path.parent()?;
        let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let path = dir.join(path.file_name()?);
        let from_root = slashed(path.strip_prefix(&self.root).ok()?);
        let in_locales = from_root.strip_prefix(self.prefix.as_str())?;
        let (locale, rel) = in_locales.split_once('/')?;
        let is_ftl = Path::new(rel)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ftl"));
        if !is_ftl {
            return None;
        }
        Some(FileId {
            path: from_root.clone(),
            locale: locale.to_string(),
            rel: rel.to_string(),
        })
    }

    /// The URI of the file at `path` (from the project's root): the open document's, as its
    /// client wrote it (clients differ in what they percent-encode, and compare URIs as
    /// written), else one made from the path.
    pub(crate) fn uri_of(&self, path: &str) -> Option<Uri> {
        match self.document_at(path) {
            Some(doc) => Some(doc.uri.clone()),
            None => path_to_uri(&self.root.join(path)),
        }
    }

    /// The URI of the file at `path` on disk: as [`Workspace::uri_of`] for a file of the
    /// project.
    pub(crate) fn uri_of_disk(&self, path: &Path) -> Option<Uri> {
        match path.strip_prefix(&self.root) {
            Ok(inside) => self.uri_of(&slashed(inside)),
            Err(_) => path_to_uri(path),
        }
    }

    /// The open documents' parses, for checking them in place of the files on disk.
    pub(crate) fn open_files(&self) -> Vec<Arc<ParsedFile>> {
        self.documents
            .values()
            .filter(|d| d.file.is_some())
            .map(|d| Arc::clone(&d.parsed))
            .collect()
    }

    /// The text of the file at `path` (from the project's root): the open document's, else
    /// the file's on disk.
    pub(crate) fn text_of(&self, path: &str) -> Option<String> {
        if let Some(doc) = self.document_at(path) {
            return Some(doc.text.clone());
        }
        std::fs::read(self.root.join(path))
            .ok()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
    }

    pub(crate) fn document_at(&self, path: &str) -> Option<&Document> {
        self.documents
            .values()
            .find(|d| d.file.as_ref().is_some_and(|f| f.path == path))
    }

    /// The parsed files of locale `locale`: the open documents' text where they are open.
    pub(crate) fn locale_files(&self, locale: &str) -> Vec<Arc<ParsedFile>> {
        let Some(dir) = self.project.catalog().locale(locale) else {
            return Vec::new();
        };
        let mut files: Vec<Arc<ParsedFile>> = dir
            .files
            .iter()
            .map(|f| match self.document_at(&f.path) {
                Some(doc) => Arc::clone(&doc.parsed),
                None => f.parse(),
            })
            .collect();
        for doc in self.documents.values() {
            if let Some(file) = &doc.file {
                if file.locale == locale && dir.file(&file.rel).is_none() {
                    files.push(Arc::clone(&doc.parsed));
                }
            }
        }
        files
    }
}

/// `path` with `/` between its parts.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The bytes a `file:` URI's path keeps as they are.
const PATH_SAFE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

pub(crate) fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///path` or `file://localhost/path`.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next()?;
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    Some(PathBuf::from(decoded.into_owned()))
}

pub(crate) fn path_to_uri(path: &Path) -> Option<Uri> {
    let path = path.to_str()?;
    let encoded = utf8_percent_encode(path, PATH_SAFE);
    format!("file://{encoded}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_spaces_and_accents_goes_to_a_uri_and_back() {
        let path = Path::new("/tmp/my project/locales/de/ärger #1.ftl");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///tmp/my%20project/locales/de/%C3%A4rger%20%231.ftl"
        );
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        let other: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(uri_to_path(&other), None);
    }
}
