//! Incremental builds: what each page was made from, recorded beside the site
//! (`DIR/.folio-build.json` for the site, `DIR/.folio-build/<locale>.json` for each
//! language's pages, read and written as the language is built, so that a build never holds
//! the whole site's records), so that the next build renders only the pages whose sources
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
//! does. A language's page records are written after its pages, the site's record last: a
//! build stopped half way leaves pages whose inputs no longer match their record, which the
//! next build makes again; without the site's record, the pages' records are not trusted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::article::{Article, chrome};
use crate::error::{Error, Result};
use crate::render::{Entry, Fallback, Publisher, RenderError, SITE_WORDS, SitePage, page_messages};
use crate::sources::{self, FileFacts, Sources};

/// The record's file, in the output folder.
pub const RECORD: &str = ".folio-build.json";

/// The folder, in the output folder, of each language's page records (`de.json`): written as
/// the language's pages are, and read when they are made again, so that a build holds the
/// records of the languages it is making, not the site's.
pub const PAGE_RECORDS: &str = ".folio-build";

/// What the last build made, and from what.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct BuildRecord {
    /// Folio's version: another version makes every page again.
    pub folio: String,
    /// Each Fluent file's hash and what it defines and references, by its path in the
    /// project.
    pub files: BTreeMap<String, FileFacts>,
    /// Each locale's list, feed and not-found page: their inputs, and their formatting
    /// errors (by page, `de/index`).
    pub site: BTreeMap<String, SiteRecord>,
    /// The sitemap's inputs, and its files.
    pub sitemap: (u64, Vec<String>),
    /// Every file of the site the build wrote (or kept), relative to the output folder.
    pub written: Vec<String>,
}

/// A language's list, feed and not-found page: their inputs, and their formatting errors (by
/// page, `de/index`).
pub(crate) type SiteRecord = (u64, Vec<(String, RenderError)>);

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

    /// Writes the record into `out`, with `files` (each Fluent file's facts, by its path in
    /// the project) and `written` in place of the record's own: streamed from where they are,
    /// not copied (a site's record is tens of megabytes).
    pub fn write(&self, out: &Path, files: &impl Serialize, written: &[String]) -> Result<()> {
        /// The record, as it is read back.
        #[derive(Serialize)]
        struct Out<'a, F> {
            folio: &'a str,
            files: &'a F,
            site: &'a BTreeMap<String, SiteRecord>,
            sitemap: &'a (u64, Vec<String>),
            written: &'a [String],
        }
        let record = Out {
            folio: &self.folio,
            files,
            site: &self.site,
            sitemap: &self.sitemap,
            written,
        };
        std::fs::create_dir_all(out).map_err(|source| Error::Io {
            path: out.to_path_buf(),
            source,
        })?;
        crate::fs::write_atomically_with(&out.join(RECORD), &|writer| {
            serde_json::to_writer(&mut *writer, &record).map_err(std::io::Error::other)?;
            writer.write_all(b"\n")
        })
        .map(drop)
    }
}

/// The page records of one language, as [`PAGE_RECORDS`] keeps them.
#[derive(Serialize, Deserialize)]
struct LocaleRecord<P> {
    /// Folio's version: another version makes every page again.
    folio: String,
    /// Each page (`de/smp-removal`): its inputs and what making it gave.
    pages: P,
}

/// The records of `locale`'s pages that the last build into `out` left; none when there are
/// none, or they are not this Folio's.
pub(crate) fn read_pages(out: &Path, locale: &str) -> BTreeMap<String, PageRecord> {
    let path = out.join(PAGE_RECORDS).join(format!("{locale}.json"));
    std::fs::read(path)
        .ok()
        .and_then(|bytes| {
            serde_json::from_slice::<LocaleRecord<BTreeMap<String, PageRecord>>>(&bytes).ok()
        })
        .filter(|record| record.folio == env!("CARGO_PKG_VERSION"))
        .map(|record| record.pages)
        .unwrap_or_default()
}

/// Writes the records of `locale`'s pages into `out`.
pub(crate) fn write_pages(out: &Path, locale: &str, pages: &[(String, PageRecord)]) -> Result<()> {
    /// The pages, as the map they are read back as.
    struct Pages<'a>(&'a [(String, PageRecord)]);
    impl Serialize for Pages<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(self.0.iter().map(|(name, record)| (name, record)))
        }
    }
    let folder = out.join(PAGE_RECORDS);
    std::fs::create_dir_all(&folder).map_err(|source| Error::Io {
        path: folder.clone(),
        source,
    })?;
    let record = LocaleRecord {
        folio: env!("CARGO_PKG_VERSION").to_string(),
        pages: Pages(pages),
    };
    crate::fs::write_atomically_with(&folder.join(format!("{locale}.json")), &|writer| {
        serde_json::to_writer(&mut *writer, &record).map_err(std::io::Error::other)?;
        writer.write_all(b"\n")
    })
    .map(drop)
}

/// Removes the page records of languages other than `locales` (no longer published) from
/// `out`, and files there that are not page records are left alone.
pub(crate) fn remove_other_pages(out: &Path, locales: &[String]) -> Result<()> {
    let folder = out.join(PAGE_RECORDS);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(locale) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
            continue;
        };
        if !locales.iter().any(|l| l == locale) {
            let path = entry.path();
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(Error::Io { path, source }),
            }
        }
    }
    Ok(())
}

/// The inputs of every page: how the site is published, the content files, and the Fluent
/// files' facts.
pub(crate) struct Inputs {
    /// How the site is published.
    global: u64,
    /// By article (its position in the project): its content file's hash.
    content: Vec<u64>,
    sources: Arc<Sources>,
}

impl Inputs {
    pub fn new(publisher: &Publisher, sources: Arc<Sources>, allow_errors: bool) -> Inputs {
        Inputs {
            global: global(publisher, allow_errors),
            content: publisher
                .project()
                .articles()
                .iter()
                .map(|a| xxh3_64(a.source().as_bytes()))
                .collect(),
            sources,
        }
    }

    /// The inputs of the page of the `position`-th article in the locale whose fallback
    /// chain is `chain` (positions in the catalog, the reference last).
    pub fn page(
        &self,
        publisher: &Publisher,
        position: usize,
        article: &Article,
        chain: &[usize],
    ) -> u64 {
        let ids = page_messages(article);
        let mut hash = Hash::new(self.global);
        hash.add(self.content[position]);
        for &locale in chain {
            self.reach(locale, &ids, &mut hash);
        }
        // The list of languages: whether each published locale has the article's title where
        // the reference has it, and its own name.
        let reference = chain.last().copied().unwrap_or_default();
        self.each_published(publisher, reference, &article.title.id, false, &mut hash);
        self.names(publisher, reference, &mut hash);
        hash.finish()
    }

    /// The inputs of the list, feed and not-found page of the locale whose chain is `chain`,
    /// given its pages' inputs and whether each was written.
    pub fn site(&self, publisher: &Publisher, chain: &[usize], pages: &[(u64, bool)]) -> u64 {
        let mut hash = Hash::new(self.global);
        for &locale in chain {
            self.reach(locale, &SITE_WORDS, &mut hash);
        }
        let reference = chain.last().copied().unwrap_or_default();
        self.names(publisher, reference, &mut hash);
        for &(page, written) in pages {
            hash.add(page);
            hash.add(u64::from(written));
        }
        hash.finish()
    }

    /// The inputs of the sitemap: the content, and which pages were written (`withheld`
    /// the others).
    pub fn sitemap(&self, withheld: &[String]) -> u64 {
        let mut hash = Hash::new(self.global);
        for &content in &self.content {
            hash.add(content);
        }
        for page in withheld {
            hash.add(xxh3_64(page.as_bytes()));
        }
        hash.finish()
    }

    /// Adds every entry `ids` reach in the locale at `locale`, with where it is (and that an
    /// id is defined nowhere).
    fn reach(&self, locale: usize, ids: &[&str], hash: &mut Hash) {
        hash.add(locale as u64);
        for (wanted, definition) in self.sources.reach(locale, ids) {
            hash.add(wanted);
            match definition {
                Some((file, entry)) => {
                    hash.add(self.sources.facts(locale, file).rel);
                    hash.add(entry);
                }
                None => hash.add(0),
            }
        }
    }

    /// Adds, for each published locale, whether it defines `id` in the file where the locale
    /// at `reference` does; with `entries`, the hashes of what that definition reaches there.
    fn each_published(
        &self,
        publisher: &Publisher,
        reference: usize,
        id: &str,
        entries: bool,
        hash: &mut Hash,
    ) {
        let locales = publisher.project().catalog().locales();
        let wanted = sources::id(id);
        for file in self.sources.defining(reference, id) {
            let rel = &locales[reference].files[file].rel;
            for (locale, dir) in locales.iter().enumerate() {
                if dir.tag.is_none() || !publisher.is_published(&dir.name) {
                    continue;
                }
                hash.add(xxh3_64(dir.name.as_bytes()));
                let Some(there) = self.sources.file(locale, rel) else {
                    hash.add(0);
                    continue;
                };
                let facts = self.sources.facts(locale, there);
                let defined = facts.entries.iter().any(|(entry, _, _)| *entry == wanted);
                hash.add(u64::from(defined) + 1);
                if entries && defined {
                    // Formatted from that file alone: the entry, and what it references there.
                    let mut todo = vec![wanted];
                    let mut seen = BTreeSet::new();
                    while let Some(next) = todo.pop() {
                        if !seen.insert(next) {
                            continue;
                        }
                        for (entry, entry_hash, references) in &facts.entries {
                            if *entry == next {
                                hash.add(*entry_hash);
                                todo.extend(references);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds what every published locale calls itself: its `site-language-name`, where the
    /// reference defines it.
    fn names(&self, publisher: &Publisher, reference: usize, hash: &mut Hash) {
        self.each_published(publisher, reference, chrome::LANGUAGE_NAME, true, hash);
    }
}

/// How the site is published, hashed: every page depends on it.
fn global(publisher: &Publisher, allow_errors: bool) -> u64 {
    let site = publisher.site();
    let mut inputs = Hash::new(xxh3_64(env!("CARGO_PKG_VERSION").as_bytes()));
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
struct Hash(Vec<u64>);

impl Hash {
    fn new(seed: u64) -> Hash {
        Hash(vec![seed])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_names_only_files_inside_the_site_for_removal() {
        for inside in ["de/smp-removal.html", "sitemap-2.xml", "images/a b/c.svg"] {
            assert!(is_site_file(inside), "{inside}");
        }
        for outside in [
            "",
            "../x",
            "de/../../x",
            "/etc/passwd",
            "./de/x",
            "de//x/..",
        ] {
            assert!(!is_site_file(outside), "{outside}");
        }
    }

    #[test]
    fn a_record_from_another_version_or_not_a_record_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        for text in [
            "{ not json",
            r#"{"folio":"0.0.0-other","files":{},"pages":{},"site":{},"sitemap":[0,[]],"written":["x"]}"#,
            r#"{"folio":1}"#,
        ] {
            std::fs::write(dir.path().join(RECORD), text).unwrap();
            let record = BuildRecord::read(dir.path());
            assert!(
                record.folio.is_empty() && record.written.is_empty(),
                "{text}"
            );
        }
        std::fs::create_dir(dir.path().join(PAGE_RECORDS)).unwrap();
        for text in [
            "{ not json",
            r#"{"folio":"0.0.0-other","pages":{"de/x":{"inputs":1,"files":[],"entry":null,"withheld":true,"fallbacks":[],"errors":[]}}}"#,
        ] {
            std::fs::write(dir.path().join(PAGE_RECORDS).join("de.json"), text).unwrap();
            assert!(read_pages(dir.path(), "de").is_empty(), "{text}");
        }
    }

    #[test]
    fn a_language_s_page_records_are_read_back_as_written_and_go_with_the_language() {
        let dir = tempfile::tempdir().unwrap();
        let record = |inputs| PageRecord {
            inputs,
            files: vec![format!("de/a{inputs}.html")],
            entry: None,
            withheld: false,
            fallbacks: Vec::new(),
            errors: Vec::new(),
        };
        let pages = [
            ("de/a1".to_string(), record(1)),
            ("de/a2".to_string(), record(2)),
        ];
        write_pages(dir.path(), "de", &pages).unwrap();
        write_pages(dir.path(), "fr", &[]).unwrap();
        let read = read_pages(dir.path(), "de");
        assert_eq!(read.len(), 2);
        assert_eq!(read["de/a2"].inputs, 2);
        assert_eq!(read["de/a1"].files, ["de/a1.html"]);
        std::fs::write(dir.path().join(PAGE_RECORDS).join("notes.txt"), "mine").unwrap();
        remove_other_pages(dir.path(), &["de".to_string()]).unwrap();
        assert_eq!(read_pages(dir.path(), "de").len(), 2);
        assert!(!dir.path().join(PAGE_RECORDS).join("fr.json").exists());
        assert!(dir.path().join(PAGE_RECORDS).join("notes.txt").exists());
    }
}
