//! Incremental builds: what each page was made from, recorded beside the site
//! (`DIR/.folio-build.json`), so that the next build renders only the pages whose sources
//! changed, and leaves the others' files as they are.
//!
//! A page of an article in a locale reads, in each locale of its fallback chain, the entries
//! that define the article's messages and the page chrome's, and those that define what they
//! reference, transitively (a term in another file); and, for its list of languages, whether
//! each published locale defines the article's title where the reference does, and the
//! `site-language-name` it defines there. Its *inputs* are a hash of those entries (and of
//! where each is defined, or that it is not: a translation added where the page fell back
//! changes it), of the article's content file, and of how the site is published (Folio's
//! version, the base URL, the templates, the published locales). So a save that changes one
//! message makes again only the pages that show it. A file's entries, with a hash of each and
//! what each references, are kept in the record with the file's hash, so an unchanged file is
//! read and hashed, never parsed.
//!
//! A language's list, feed and not-found page are made again when one of its pages is, or
//! their words or templates change; the sitemap when the content or the set of pages written
//! does. The record is written last: a build stopped half way leaves pages whose inputs no
//! longer match their record, which the next build makes again.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::article::{Article, chrome};
use crate::catalog::ParsedFile;
use crate::error::{Error, Result};
use crate::ftl::pattern::{Node, walk};
use crate::project::Project;
use crate::render::{Entry, Fallback, Publisher, RenderError, SitePage};

/// The record's file, in the output folder.
pub const RECORD: &str = ".folio-build.json";

/// What the last build made, and from what.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct BuildRecord {
    /// Folio's version: another version makes every page again.
    pub folio: String,
    /// Each Fluent file's hash and what it defines and references, by its path in the
    /// project.
    pub files: BTreeMap<String, FileFacts>,
    /// Each page (`de/smp-removal`): its inputs and what making it gave.
    pub pages: BTreeMap<String, PageRecord>,
    /// Each locale's list, feed and not-found page: their inputs, and their formatting
    /// errors (by page, `de/index`).
    pub site: BTreeMap<String, (u64, Vec<(String, RenderError)>)>,
    /// The sitemap's inputs, and its files.
    pub sitemap: (u64, Vec<String>),
    /// Every file of the site the build wrote (or kept), relative to the output folder.
    pub written: Vec<String>,
}

/// A Fluent file, as the dependencies of pages need it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct FileFacts {
    /// The file's bytes, hashed.
    hash: u64,
    /// The hash of its path in the locale folder.
    rel: u64,
    /// Each entry: its id (`-term` for a term), a hash of it, and the ids its patterns
    /// reference.
    entries: Vec<(String, u64, Vec<String>)>,
}

/// What making a page gave, to give it again without making it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct PageRecord {
    pub inputs: u64,
    /// Its files (`de/smp-removal.html`, …); none when withheld.
    pub files: Vec<String>,
    /// Its entry in the language's list and feed, when written.
    pub entry: Option<Entry>,
    pub withheld: bool,
    pub fallbacks: Vec<Fallback>,
    pub errors: Vec<RenderError>,
}

impl BuildRecord {
    /// The record in `out`; an empty one when there is none, or it is not one this Folio
    /// wrote (every page is then made).
    pub fn read(out: &Path) -> BuildRecord {
        std::fs::read(out.join(RECORD))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<BuildRecord>(&bytes).ok())
            .filter(|record| record.folio == env!("CARGO_PKG_VERSION"))
            .unwrap_or_default()
    }

    /// Writes the record into `out`.
    pub fn write(&self, out: &Path) -> Result<()> {
        let mut bytes = serde_json::to_vec(self).map_err(|e| Error::Io {
            path: out.join(RECORD),
            source: std::io::Error::other(e),
        })?;
        bytes.push(b'\n');
        crate::fs::write_atomically(
            &out.join(RECORD),
            &bytes,
            crate::fs::Durability::Regenerable,
        )
        .map(drop)
    }
}

/// The Fluent files of a project, hashed, with what each defines and references; and how the
/// site is published, hashed.
pub(crate) struct Sources {
    /// How the site is published.
    global: u64,
    /// By locale (its position in the catalog), by file: its facts.
    files: Vec<Vec<Arc<FileFacts>>>,
    /// By locale: the files defining each id.
    defines: Vec<HashMap<String, Vec<usize>>>,
    /// By locale: each file's position, by its path in the locale folder.
    by_rel: Vec<HashMap<String, usize>>,
    /// By article (its position in the project): its content file's hash.
    content: Vec<u64>,
}

impl Sources {
    /// Reads and hashes every Fluent file of `publisher`'s project, parsing those that
    /// `previous` does not know with the same hash.
    pub fn load(publisher: &Publisher, previous: &BuildRecord, allow_errors: bool) -> Sources {
        let project = publisher.project();
        let locales = project.catalog().locales();
        let files: Vec<Vec<Arc<FileFacts>>> = locales
            .par_iter()
            .map(|locale| {
                locale
                    .files
                    .iter()
                    .map(|file| {
                        let bytes = file.read().unwrap_or_default();
                        let hash = xxh3_64(&bytes);
                        match previous.files.get(&file.path) {
                            Some(known) if known.hash == hash => Arc::new(known.clone()),
                            _ => Arc::new(FileFacts::of(&file.rel, &file.path, bytes, hash)),
                        }
                    })
                    .collect()
            })
            .collect();
        let defines = files
            .iter()
            .map(|facts| {
                let mut defines: HashMap<String, Vec<usize>> = HashMap::new();
                for (index, file) in facts.iter().enumerate() {
                    for (id, _, _) in &file.entries {
                        defines.entry(id.clone()).or_default().push(index);
                    }
                }
                defines
            })
            .collect();
        let by_rel = locales
            .iter()
            .map(|l| {
                l.files
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.rel.clone(), i))
                    .collect()
            })
            .collect();
        let content = project
            .articles()
            .iter()
            .map(|a| xxh3_64(a.source().as_bytes()))
            .collect();
        Sources {
            global: global(publisher, allow_errors),
            files,
            defines,
            by_rel,
            content,
        }
    }

    /// The record of these files, for the next build.
    pub fn record(&self, project: &Project) -> BTreeMap<String, FileFacts> {
        let locales = project.catalog().locales();
        locales
            .iter()
            .zip(&self.files)
            .flat_map(|(locale, facts)| {
                locale
                    .files
                    .iter()
                    .zip(facts)
                    .map(|(file, facts)| (file.path.clone(), (**facts).clone()))
            })
            .collect()
    }

    /// The inputs of the page of the `position`-th article in the locale at catalog position
    /// `locale` (its fallback chain `chain`, positions in the catalog).
    pub fn page(
        &self,
        publisher: &Publisher,
        position: usize,
        article: &Article,
        chain: &[usize],
    ) -> u64 {
        let mut ids: Vec<&str> = article.messages().iter().map(|m| m.id.as_str()).collect();
        ids.extend([
            chrome::BYLINE,
            chrome::READING_TIME,
            chrome::AVAILABLE_LANGUAGES,
            chrome::LANGUAGE_NAME,
        ]);
        let mut inputs = Inputs::new(self.global);
        inputs.add(self.content[position]);
        for &locale in chain {
            self.reach(locale, &ids, &mut inputs);
        }
        // The list of languages: whether each published locale has the article's title where
        // the reference has it, and its own name.
        let reference = chain.last().copied().unwrap_or_default();
        self.each_published(publisher, reference, &article.title.id, false, &mut inputs);
        self.names(publisher, reference, &mut inputs);
        inputs.finish()
    }

    /// The inputs of the list, feed and not-found page of the locale whose chain is `chain`,
    /// given its pages' inputs and whether each was written.
    pub fn site(&self, publisher: &Publisher, chain: &[usize], pages: &[(u64, bool)]) -> u64 {
        let mut inputs = Inputs::new(self.global);
        let words = [
            chrome::SITE_TITLE,
            chrome::FEED,
            chrome::ALL_ARTICLES,
            chrome::NOT_FOUND_TITLE,
            chrome::NOT_FOUND_TEXT,
        ];
        for &locale in chain {
            self.reach(locale, &words, &mut inputs);
        }
        let reference = chain.last().copied().unwrap_or_default();
        self.names(publisher, reference, &mut inputs);
        for &(page, written) in pages {
            inputs.add(page);
            inputs.add(u64::from(written));
        }
        inputs.finish()
    }

    /// The inputs of the sitemap: the content, and which pages were written (`withheld`
    /// the others).
    pub fn sitemap(&self, withheld: &[String]) -> u64 {
        let mut inputs = Inputs::new(self.global);
        for &content in &self.content {
            inputs.add(content);
        }
        for page in withheld {
            inputs.add(xxh3_64(page.as_bytes()));
        }
        inputs.finish()
    }

    /// Adds to `inputs` every entry of the locale at `locale` that defines one of `ids`, or
    /// what they reference, transitively, with where it is (and that an id is defined
    /// nowhere).
    fn reach(&self, locale: usize, ids: &[&str], inputs: &mut Inputs) {
        let defines = &self.defines[locale];
        let mut found: BTreeMap<&str, Vec<(u64, u64)>> = BTreeMap::new();
        let mut todo: Vec<&str> = ids.to_vec();
        while let Some(id) = todo.pop() {
            if found.contains_key(id) {
                continue;
            }
            let mut definitions = Vec::new();
            for &file in defines.get(id).into_iter().flatten() {
                let facts = &self.files[locale][file];
                for (entry, hash, references) in &facts.entries {
                    if entry == id {
                        definitions.push((facts.rel, *hash));
                        todo.extend(references.iter().map(String::as_str));
                    }
                }
            }
            found.insert(id, definitions);
        }
        inputs.add(locale as u64);
        for (id, definitions) in found {
            inputs.add(xxh3_64(id.as_bytes()));
            inputs.add(definitions.len() as u64);
            for (rel, hash) in definitions {
                inputs.add(rel);
                inputs.add(hash);
            }
        }
    }

    /// Adds, for each published locale, whether it defines `id` in the file where the locale
    /// at `reference` does; with `entries`, the hashes of what it defines there.
    fn each_published(
        &self,
        publisher: &Publisher,
        reference: usize,
        id: &str,
        entries: bool,
        inputs: &mut Inputs,
    ) {
        let locales = publisher.project().catalog().locales();
        for &file in self.defines[reference].get(id).into_iter().flatten() {
            let rel = &locales[reference].files[file].rel;
            for (locale, dir) in locales.iter().enumerate() {
                if dir.tag.is_none() || !publisher.is_published(&dir.name) {
                    continue;
                }
                inputs.add(xxh3_64(dir.name.as_bytes()));
                let Some(&there) = self.by_rel[locale].get(rel) else {
                    inputs.add(0);
                    continue;
                };
                let facts = &self.files[locale][there];
                let defined = facts.entries.iter().any(|(entry, _, _)| entry == id);
                inputs.add(u64::from(defined) + 1);
                if entries && defined {
                    // Formatted from that file alone: the entry, and what it references there.
                    let mut todo = vec![id];
                    let mut seen = BTreeSet::new();
                    while let Some(id) = todo.pop() {
                        if !seen.insert(id) {
                            continue;
                        }
                        for (entry, hash, references) in &facts.entries {
                            if entry == id {
                                inputs.add(*hash);
                                todo.extend(references.iter().map(String::as_str));
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds what every published locale calls itself: its `site-language-name`, where the
    /// reference defines it.
    fn names(&self, publisher: &Publisher, reference: usize, inputs: &mut Inputs) {
        self.each_published(publisher, reference, chrome::LANGUAGE_NAME, true, inputs);
    }
}

impl FileFacts {
    fn of(rel: &str, path: &str, bytes: Vec<u8>, file_hash: u64) -> FileFacts {
        let parsed = ParsedFile::parse(rel.to_string(), path.to_string(), Ok(bytes));
        let resource = &parsed.resource;
        let mut entries = Vec::new();
        for entry in resource.entries() {
            let (id, value, attributes) = match entry {
                fluent_syntax::ast::Entry::Message(m) => {
                    (m.id.name.to_string(), m.value.as_ref(), &m.attributes[..])
                }
                fluent_syntax::ast::Entry::Term(t) => {
                    (format!("-{}", t.id.name), Some(&t.value), &t.attributes[..])
                }
                _ => continue,
            };
            let hash = xxh3_64(format!("{entry:?}").as_bytes());
            let mut references: BTreeSet<String> = BTreeSet::new();
            let mut visit = |node: Node<'_>| match node {
                Node::MessageReference(id, _) => {
                    references.insert(id.to_string());
                }
                Node::TermReference(id, _) => {
                    references.insert(format!("-{id}"));
                }
                _ => {}
            };
            for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
                walk(pattern, &mut visit);
            }
            entries.push((id, hash, references.into_iter().collect()));
        }
        FileFacts {
            hash: file_hash,
            rel: xxh3_64(rel.as_bytes()),
            entries,
        }
    }
}

/// How the site is published, hashed: every page depends on it.
fn global(publisher: &Publisher, allow_errors: bool) -> u64 {
    let site = publisher.site();
    let mut inputs = Inputs::new(xxh3_64(env!("CARGO_PKG_VERSION").as_bytes()));
    let mut text = |s: &str| inputs.add(xxh3_64(s.as_bytes()));
    text(site.base_url.as_deref().unwrap_or_default());
    text(site.template.as_ref().map_or("", |t| t.source()));
    for page in SitePage::ALL {
        text(site.templates.source(page));
    }
    for locale in site.published.iter().flatten() {
        text(locale);
    }
    text(site.title.as_deref().unwrap_or_default());
    text(&publisher.project().reference().to_string());
    inputs.add(u64::from(allow_errors));
    inputs.finish()
}

/// A running hash of numbers.
struct Inputs(Vec<u64>);

impl Inputs {
    fn new(seed: u64) -> Inputs {
        Inputs(vec![seed])
    }

    fn add(&mut self, value: u64) {
        self.0.push(value);
    }

    fn finish(&self) -> u64 {
        let bytes: Vec<u8> = self.0.iter().flat_map(|v| v.to_le_bytes()).collect();
        xxh3_64(&bytes)
    }
}

/// Whether `rel`, a file the record names, is one a build could have written: relative, and
/// inside the output folder.
pub(crate) fn is_site_file(rel: &str) -> bool {
    let path = Path::new(rel);
    !rel.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}
