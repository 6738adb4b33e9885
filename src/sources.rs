//! The Fluent files of a project as the pages that read them see them: for every file, a hash
//! of its bytes and, for each of its entries, its id, a hash of it and the ids it references;
//! for every locale, which files define each id.
//!
//! Two things are built on it: the bundles of one page, holding only the files that define
//! what the page shows, transitively (so that building a site holds one article's messages at
//! a time, however many articles it has), and the inputs of an incremental build (a page is
//! made again when an entry it reaches changes). Ids are kept hashed: comparing is all either
//! needs.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::catalog::{Catalog, ParsedFile};
use crate::ftl::pattern::{Node, walk};

/// A Fluent file, as the pages that read it see it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileFacts {
    /// The file's bytes, hashed.
    pub hash: u64,
    /// Its path in the locale folder, hashed.
    pub rel: u64,
    /// Each entry: its id ([`id`]), a hash of it, and the ids its patterns reference.
    pub entries: Vec<(u64, u64, Vec<u64>)>,
}

impl FileFacts {
    /// The facts of the file `rel` (`path` from the project's root) holding `bytes`.
    pub fn of(rel: &str, path: &str, bytes: Vec<u8>) -> FileFacts {
        let hash = xxh3_64(&bytes);
        let parsed = ParsedFile::parse(rel.to_string(), path.to_string(), Ok(bytes));
        let mut entries = Vec::new();
        for entry in parsed.resource.entries() {
            let (name, value, attributes) = match entry {
                fluent_syntax::ast::Entry::Message(m) => {
                    (m.id.name.to_string(), m.value.as_ref(), &m.attributes[..])
                }
                fluent_syntax::ast::Entry::Term(t) => {
                    (format!("-{}", t.id.name), Some(&t.value), &t.attributes[..])
                }
                _ => continue,
            };
            // The entry as parsed (its comment and layout aside): what formatting it reads.
            let entry_hash = xxh3_64(format!("{entry:?}").as_bytes());
            let mut references: BTreeSet<u64> = BTreeSet::new();
            let mut visit = |node: Node<'_>| match node {
                Node::MessageReference(name, _) => {
                    references.insert(id(name));
                }
                Node::TermReference(name, _) => {
                    references.insert(id(&format!("-{name}")));
                }
                _ => {}
            };
            for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
                walk(pattern, &mut visit);
            }
            entries.push((id(&name), entry_hash, references.into_iter().collect()));
        }
        FileFacts {
            hash,
            rel: xxh3_64(rel.as_bytes()),
            entries,
        }
    }
}

/// A message's or term's id (`-term` for a term), hashed.
pub fn id(name: &str) -> u64 {
    xxh3_64(name.as_bytes())
}

/// The entries of one locale that a set of ids reaches: by id, the definition a bundle of the
/// locale's files uses, the first in file order (later ones are duplicates, which
/// fluent-bundle refuses and `folio check` reports), as (its file's position in the locale,
/// the entry's hash). An id defined nowhere is there with none.
pub type Reached = BTreeMap<u64, Option<(usize, u64)>>;

/// Every Fluent file of a catalog, with its facts.
#[derive(Debug)]
pub struct Sources {
    /// By locale (its position in the catalog), by file: its facts.
    files: Vec<Vec<FileFacts>>,
    /// By locale: the first file defining each id.
    first: Vec<HashMap<u64, u32>>,
    /// By locale: the later files defining an id defined more than once (a duplicate, which
    /// `folio check` reports), in file order. Kept apart, so that the common case takes no
    /// allocation of its own: a site of 10,000 articles has millions of ids.
    more: Vec<HashMap<u64, Vec<u32>>>,
    /// By locale: each file's position, by its path in the locale folder.
    by_rel: Vec<HashMap<String, usize>>,
}

impl Sources {
    /// Reads and hashes every file of `catalog`; a file whose hash `known` (by path from the
    /// project's root) has is not parsed again.
    pub fn load(catalog: &Catalog, known: &BTreeMap<String, FileFacts>) -> Sources {
        let locales = catalog.locales();
        let files: Vec<Vec<FileFacts>> = locales
            .par_iter()
            .map(|locale| {
                locale
                    .files
                    .iter()
                    .map(|file| {
                        let bytes = file.read().unwrap_or_default();
                        match known.get(&file.path) {
                            Some(facts) if facts.hash == xxh3_64(&bytes) => facts.clone(),
                            _ => FileFacts::of(&file.rel, &file.path, bytes),
                        }
                    })
                    .collect()
            })
            .collect();
        let (first, more) = files
            .iter()
            .map(|facts| {
                let mut first: HashMap<u64, u32> = HashMap::new();
                let mut more: HashMap<u64, Vec<u32>> = HashMap::new();
                for (index, file) in facts.iter().enumerate() {
                    let index = u32::try_from(index).expect("fewer than 2^32 files in a locale");
                    for (id, _, _) in &file.entries {
                        match first.entry(*id) {
                            Entry::Vacant(vacant) => {
                                vacant.insert(index);
                            }
                            Entry::Occupied(_) => more.entry(*id).or_default().push(index),
                        }
                    }
                }
                first.shrink_to_fit();
                (first, more)
            })
            .unzip();
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
        Sources {
            files,
            first,
            more,
            by_rel,
        }
    }

    /// Every file's facts, by its path from the project's root: a map to serialize, made as
    /// it is written.
    pub fn record<'a>(&'a self, catalog: &'a Catalog) -> impl Serialize + 'a {
        /// The facts of `catalog`'s files.
        struct Record<'a>(&'a Sources, &'a Catalog);
        impl Serialize for Record<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let Record(sources, catalog) = self;
                serializer.collect_map(catalog.locales().iter().zip(&sources.files).flat_map(
                    |(locale, facts)| {
                        locale
                            .files
                            .iter()
                            .zip(facts)
                            .map(|(file, facts)| (&file.path, facts))
                    },
                ))
            }
        }
        Record(self, catalog)
    }

    /// The facts of the `file`-th file of the `locale`-th locale.
    pub fn facts(&self, locale: usize, file: usize) -> &FileFacts {
        &self.files[locale][file]
    }

    /// The position of the file `rel` in the `locale`-th locale.
    pub fn file(&self, locale: usize, rel: &str) -> Option<usize> {
        self.by_rel[locale].get(rel).copied()
    }

    /// The files of the `locale`-th locale that define `name`, in file order.
    pub fn defining(&self, locale: usize, name: &str) -> impl Iterator<Item = usize> + '_ {
        let id = id(name);
        let first = self.first[locale].get(&id);
        let more = self.more[locale].get(&id).map_or(&[][..], Vec::as_slice);
        first.into_iter().chain(more).map(|&file| file as usize)
    }

    /// What `names` reach in the `locale`-th locale: their definitions and those of what they
    /// reference, transitively.
    pub fn reach(&self, locale: usize, names: &[&str]) -> Reached {
        let defines = &self.first[locale];
        let mut found = Reached::new();
        let mut todo: Vec<u64> = names.iter().map(|n| id(n)).collect();
        while let Some(wanted) = todo.pop() {
            if found.contains_key(&wanted) {
                continue;
            }
            let first = defines.get(&wanted).map(|&file| file as usize);
            let definition = first.and_then(|file| {
                let (_, hash, references) = self.files[locale][file]
                    .entries
                    .iter()
                    .find(|(entry, _, _)| *entry == wanted)?;
                todo.extend(references);
                Some((file, *hash))
            });
            found.insert(wanted, definition);
        }
        found
    }

    /// The files of the `locale`-th locale that `names` reach, in file order.
    pub fn files_reached(&self, locale: usize, names: &[&str]) -> Vec<usize> {
        let files: BTreeSet<usize> = self
            .reach(locale, names)
            .values()
            .flatten()
            .map(|&(file, _)| file)
            .collect();
        files.into_iter().collect()
    }
}
