//! What a check is given, one per scope (see `registry.rs`): the project, a locale, one file,
//! a file and the reference's file of the same path, or a message and the reference's message
//! of the same id. In this module and the checks, "reference" is always the reference locale;
//! things inside it are `ref_file`, `ref_index`, `ref_message`, and the locale's are `l10n_…`.

use std::collections::hash_map::Entry as Slot;
use std::sync::{Arc, OnceLock};

use fluent_syntax::ast;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};

use crate::catalog::{LocaleDir, ParsedFile};
use crate::check::facts::EntryFacts;
use crate::check::plurals::Plurals;
use crate::ftl::{
    IGNORE, entry_id, id_slice, ignored_names, is_marked_untranslated, private_terms_in_use,
};
use crate::line_index::offset_in;

mod scopes;

pub(crate) use scopes::{
    EntryPair, FileCtx, FilePair, LocaleCtx, ProjectCtx, definition, diagnostic_at,
    diagnostic_span, is_obsolete,
};

/// One locale during a check: its parsed files, each file's index, and every id it defines.
pub(crate) struct ParsedLocale<'a> {
    pub dir: &'a LocaleDir,
    pub files: &'a [Arc<ParsedFile>],
    pub indexes: Vec<Index<'a>>,
    /// Every message of the locale (first definition) and the index of its file.
    pub messages: HashMap<&'a str, (usize, &'a ast::Message<&'a str>)>,
    /// Every term of the locale by name without its `-` (first definition), with its file.
    pub terms: HashMap<&'a str, (usize, &'a ast::Term<&'a str>)>,
    pub plurals: Option<Plurals>,
    /// What `# folio-ignore:` comments silence: (file, entry id, check name or `all`).
    pub ignores: Vec<(usize, &'a str, &'a str)>,
    /// The locale's record of the reference text each translation was made from.
    pub record: Option<LocaleRecord<'a>>,
    /// The reference's canonical text of each value and attribute, escaped as a record keeps
    /// it, by (id, attribute or `""`): made on first use, for comparing records with it.
    canonical: OnceLock<Canonical>,
    /// The values and attributes whose reference changed since they were translated: found
    /// on first use, for the `outdated` check and the coverage alike.
    examined: OnceLock<crate::check::outdated::Examined>,
    /// The word diffs of the reference's changes (see `outdated.rs`) made so far, by a hash
    /// of the value's key and its recorded text: every locale that translated a changed
    /// paragraph shows the same diff, made once.
    pub diffs: std::sync::Mutex<HashMap<u64, Arc<str>>>,
}

/// The canonical text of each value and attribute of each entry, escaped as a record keeps
/// it, by `id` or `id.attribute` (owned: a cache inside [`ParsedLocale`] cannot borrow what
/// the locale borrows).
/// Sorted by key, as records are: a record is read against it in one merge-like walk.
#[derive(Default)]
pub(crate) struct Canonical(Vec<(String, String, String)>);

impl Canonical {
    /// The text of the value or attribute `key` (`id` or `id.attribute`), escaped.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        let i = self
            .0
            .binary_search_by(|(k, ..)| k.as_str().cmp(key))
            .ok()?;
        Some(&self.0[i].1)
    }

    /// A reader of the texts for keys asked in ascending order (as a record's lines are), each
    /// found by walking on from the last; a key out of order is looked up from scratch.
    pub(crate) fn walk(&self) -> CanonicalWalk<'_> {
        CanonicalWalk {
            texts: &self.0,
            at: 0,
        }
    }
}

/// See [`Canonical::walk`].
pub(crate) struct CanonicalWalk<'c> {
    texts: &'c [(String, String, String)],
    at: usize,
}

impl<'c> CanonicalWalk<'c> {
    /// The key written as `key` (bytes, as a record holds it), its text, escaped, and its
    /// fingerprint; `None` when the reference has no such key (or `key` is not one).
    pub(crate) fn find(&mut self, key: &[u8]) -> Option<(&'c str, &'c str, &'c str)> {
        if self.at > 0 && self.texts[self.at - 1].0.as_bytes() >= key {
            self.at = 0; // out of order: from the start
        }
        // A few steps on, then a binary search over the rest.
        let mut steps = 0;
        while let Some((k, text, fingerprint)) = self.texts.get(self.at) {
            match k.as_bytes().cmp(key) {
                std::cmp::Ordering::Less => {
                    self.at += 1;
                    steps += 1;
                    if steps == 8 {
                        let rest = &self.texts[self.at..];
                        let i = rest.partition_point(|(k, ..)| k.as_bytes() < key);
                        self.at += i;
                        steps = 0;
                    }
                }
                std::cmp::Ordering::Equal => {
                    self.at += 1;
                    return Some((k, text, fingerprint));
                }
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
    }
}

/// A locale's record file, read: its bytes, or why it could not be read.
pub(crate) struct RecordSource {
    /// The file's path, as findings name it.
    pub path: String,
    /// Its bytes: a record is read as bytes and only the text a check needs is decoded
    /// (see `crate::record`).
    pub bytes: std::result::Result<Vec<u8>, String>,
}

impl RecordSource {
    /// The record of `dir`, when it has one.
    pub(crate) fn of(dir: &LocaleDir) -> Option<RecordSource> {
        let file = dir.record.as_ref()?;
        Some(RecordSource {
            path: file.path.clone(),
            bytes: file
                .read()
                .map_err(|err| format!("the record cannot be read: {err}")),
        })
    }
}

/// A locale's record as the checks see it: read in one pass when first needed (see
/// [`ParsedLocale::examined`]), its lines never all held at once.
pub(crate) struct LocaleRecord<'a> {
    pub source: &'a RecordSource,
}

impl<'a> ParsedLocale<'a> {
    pub(crate) fn new(dir: &'a LocaleDir, files: &'a [Arc<ParsedFile>]) -> Self {
        let indexes: Vec<Index<'a>> = files.iter().map(|f| Index::of(f)).collect();
        let entries: usize = indexes.iter().map(|i| i.ids.len()).sum();
        let mut messages = HashMap::with_capacity_and_hasher(entries, FxBuildHasher);
        let mut terms = HashMap::default();
        let mut ignores = Vec::new();
        for (file, index) in indexes.iter().enumerate() {
            let source = files[file].source();
            if source.contains(IGNORE) {
                for indexed in &index.ids {
                    let Some(start) = id_slice(indexed.entry).and_then(|at| offset_in(source, at))
                    else {
                        continue;
                    };
                    for check in ignored_names(source, start) {
                        ignores.push((file, indexed.id, check));
                    }
                }
            }
            for indexed in &index.ids {
                match indexed.entry {
                    ast::Entry::Message(m) => {
                        messages.entry(m.id.name).or_insert((file, m));
                    }
                    ast::Entry::Term(t) => {
                        terms.entry(t.id.name).or_insert((file, t));
                    }
                    _ => {}
                }
            }
        }
        ParsedLocale {
            dir,
            files,
            indexes,
            messages,
            terms,
            plurals: dir.tag.as_ref().and_then(|tag| Plurals::of(tag)),
            ignores,
            record: None,
            canonical: OnceLock::new(),
            examined: OnceLock::new(),
            diffs: std::sync::Mutex::default(),
        }
    }

    /// This locale with its record (`None`: it has none).
    pub(crate) fn with_record(mut self, source: Option<&'a RecordSource>) -> Self {
        self.record = source.map(|source| LocaleRecord { source });
        self
    }

    /// The canonical text of each of this locale's values and attributes, escaped as a record
    /// keeps it, by (id, attribute or `""`); the first definition of an id counts.
    pub(crate) fn canonical(&self) -> &Canonical {
        self.canonical.get_or_init(|| {
            let mut texts: HashMap<String, (String, String)> = HashMap::default();
            for index in &self.indexes {
                for indexed in &index.ids {
                    for (attribute, pattern) in crate::ftl::pattern::patterns(indexed.entry) {
                        let key = crate::record::key_text(indexed.id, attribute);
                        if let Slot::Vacant(slot) = texts.entry(key) {
                            let canonical = crate::ftl::canonical::canonical(pattern);
                            let fingerprint = crate::ftl::canonical::fingerprint(&canonical);
                            let escaped = crate::record::escape(&canonical).into_owned();
                            slot.insert((escaped, fingerprint));
                        }
                    }
                }
            }
            let mut sorted: Vec<(String, String, String)> = texts
                .into_iter()
                .map(|(key, (text, fingerprint))| (key, text, fingerprint))
                .collect();
            sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            Canonical(sorted)
        })
    }

    /// What this locale's record says (see `outdated.rs`), found once: the values and
    /// attributes whose reference text changed since they were translated, and the lines
    /// about nothing any more.
    pub(crate) fn examined(
        &self,
        reference: &ParsedLocale<'_>,
    ) -> &crate::check::outdated::Examined {
        self.examined
            .get_or_init(|| crate::check::outdated::find(self, reference))
    }

    /// Whether this locale defines `id` (a term's with its `-`) with a value (`attribute`
    /// `None`) or that attribute.
    pub(crate) fn has_part(&self, id: &str, attribute: Option<&str>) -> bool {
        match id.strip_prefix('-') {
            Some(term) => self.terms.get(term).is_some_and(|(_, t)| {
                attribute.is_none_or(|a| crate::ftl::has_attribute(&t.attributes, a))
            }),
            None => self.messages.get(id).is_some_and(|(_, m)| match attribute {
                None => m.value.is_some(),
                Some(a) => crate::ftl::has_attribute(&m.attributes, a),
            }),
        }
    }

    /// The first definition of `id` (a term's with its `-`) in this locale, with its file.
    pub(crate) fn entry(&self, id: &str) -> Option<(usize, &'a ast::Entry<&'a str>)> {
        let file = match id.strip_prefix('-') {
            Some(term) => self.terms.get(term)?.0,
            None => self.messages.get(id)?.0,
        };
        self.indexes[file]
            .get(id)
            .map(|indexed| (file, indexed.entry))
    }

    /// The locale folder's name.
    pub(crate) fn name(&self) -> &'a str {
        &self.dir.name
    }

    /// The file at `rel` and its index.
    pub(crate) fn file(&self, rel: &str) -> Option<(&'a ParsedFile, &Index<'a>)> {
        let i = self
            .files
            .binary_search_by(|f| f.rel.as_str().cmp(rel))
            .ok()?;
        Some((&self.files[i], &self.indexes[i]))
    }

    /// Each file with its index.
    pub(crate) fn each_file(&self) -> impl Iterator<Item = (&'a ParsedFile, &Index<'a>)> {
        self.files.iter().map(AsRef::as_ref).zip(&self.indexes)
    }

    /// The terms this locale defines and `reference` lacks that its entries use (names
    /// without `-`): its own grammar, never obsolete (see [`crate::ftl::private_terms_in_use`]).
    pub(crate) fn private_terms_in_use(
        &self,
        reference: &ParsedLocale<'a>,
    ) -> std::collections::HashSet<&'a str> {
        if self.terms.keys().all(|t| reference.terms.contains_key(t)) {
            return std::collections::HashSet::new();
        }
        let entries = self
            .indexes
            .iter()
            .flat_map(|index| index.ids.iter().map(|indexed| indexed.entry));
        private_terms_in_use(entries, |id| match id.strip_prefix('-') {
            Some(term) => reference.terms.contains_key(term),
            None => reference.messages.contains_key(id),
        })
    }
}

/// A message or term of a file, with what the checks compare in it.
pub(crate) struct Indexed<'a> {
    /// Its id (a term's with its `-`).
    pub id: &'a str,
    pub entry: &'a ast::Entry<&'a str>,
    pub facts: EntryFacts<'a>,
}

/// The messages and terms of one file by id (terms with their `-`), first definition first,
/// each with its facts (found here, once).
pub(crate) struct Index<'a> {
    pub ids: Vec<Indexed<'a>>,
    /// Later definitions of ids already defined above them in the file.
    pub duplicates: Vec<Indexed<'a>>,
    /// Ids whose comment marks them `# folio: untranslated`.
    pub marked: HashSet<&'a str>,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    pub(crate) fn of(file: &'a ParsedFile) -> Self {
        let source = file.source();
        let mut ids = Vec::new();
        let mut duplicates = Vec::new();
        let capacity = file.entries().size_hint().0;
        let mut by_id = HashMap::with_capacity_and_hasher(capacity, FxBuildHasher);
        ids.reserve(capacity);
        for entry in file.entries() {
            let Some(id) = entry_id(entry, source) else {
                continue;
            };
            let indexed = Indexed {
                id,
                entry,
                facts: EntryFacts::of(entry),
            };
            match by_id.entry(id) {
                Slot::Occupied(_) => duplicates.push(indexed),
                Slot::Vacant(slot) => {
                    slot.insert(ids.len());
                    ids.push(indexed);
                }
            }
        }
        let mut marked = HashSet::default();
        // Most files carry no mark: one scan of the text spares a look above every entry.
        if source.contains(crate::ftl::UNTRANSLATED) {
            for indexed in &ids {
                let start = id_slice(indexed.entry).and_then(|at| offset_in(source, at));
                if start.is_some_and(|start| is_marked_untranslated(source, start)) {
                    marked.insert(indexed.id);
                }
            }
        }
        Index {
            ids,
            duplicates,
            marked,
            by_id,
        }
    }

    /// The first definition of `id`.
    pub(crate) fn get(&self, id: &str) -> Option<&Indexed<'a>> {
        self.by_id.get(id).map(|&i| &self.ids[i])
    }

    /// Whether the file defines `id`.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Every definition, first and later ones.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Indexed<'a>> {
        self.ids.iter().chain(&self.duplicates)
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}
