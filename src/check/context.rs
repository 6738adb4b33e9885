//! What a check is given, one per scope (see `registry.rs`): the project, a locale, one file,
//! a file and the reference's file of the same path, or a message and the reference's message
//! of the same id. In this module and the checks, "reference" is always the reference locale;
//! things inside it are `ref_file`, `ref_index`, `ref_message`, and the locale's are `l10n_…`.

use std::cell::OnceCell;
use std::collections::hash_map::Entry as Slot;
use std::sync::{Arc, OnceLock};

use fluent_syntax::ast;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};

use crate::catalog::{LocaleDir, ParsedFile};
use crate::check::facts::{EntryFacts, PatternFacts};
use crate::check::plurals::{self, Plurals};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::{
    IGNORE, entry_id, id_slice, ignored_names, is_marked_untranslated, private_terms_in_use,
};
use crate::line_index::offset_in;
use crate::project::Project;
use crate::record::Record;

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
    outdated: OnceLock<Vec<crate::check::outdated::Outdated>>,
}

/// The canonical text of each value (`None`) and attribute of each entry, escaped as a record
/// keeps it, by entry id (owned: a cache inside [`ParsedLocale`] cannot borrow what the
/// locale borrows).
#[derive(Default)]
pub(crate) struct Canonical(HashMap<String, Vec<(Option<String>, String)>>);

impl Canonical {
    /// The text of `id`'s value (`attribute` `None`) or attribute.
    pub(crate) fn get(&self, id: &str, attribute: Option<&str>) -> Option<&str> {
        self.0
            .get(id)?
            .iter()
            .find(|(a, _)| a.as_deref() == attribute)
            .map(|(_, text)| text.as_str())
    }
}

/// A locale's record file, read: its text, or why it could not be read.
pub(crate) struct RecordSource {
    /// The file's path, as findings name it.
    pub path: String,
    pub text: std::result::Result<String, String>,
}

impl RecordSource {
    /// The record of `dir`, when it has one.
    pub(crate) fn of(dir: &LocaleDir) -> Option<RecordSource> {
        let file = dir.record.as_ref()?;
        let text = match file.read() {
            Ok(bytes) => String::from_utf8(bytes).map_err(|err| {
                format!(
                    "the record is not UTF-8 from byte {} on",
                    err.utf8_error().valid_up_to()
                )
            }),
            Err(err) => Err(format!("the record cannot be read: {err}")),
        };
        Some(RecordSource {
            path: file.path.clone(),
            text,
        })
    }
}

/// A locale's record as the checks see it.
pub(crate) struct LocaleRecord<'a> {
    pub source: &'a RecordSource,
    /// The record's lines; empty when the file could not be read.
    pub record: Record<'a>,
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
            plurals: dir.tag.as_ref().and_then(Plurals::of),
            ignores,
            record: None,
            canonical: OnceLock::new(),
            outdated: OnceLock::new(),
        }
    }

    /// This locale with its record (`None`: it has none).
    pub(crate) fn with_record(mut self, source: Option<&'a RecordSource>) -> Self {
        self.record = source.map(|source| LocaleRecord {
            source,
            record: source
                .text
                .as_deref()
                .map(Record::parse)
                .unwrap_or_default(),
        });
        self
    }

    /// The canonical text of each of this locale's values and attributes, escaped as a record
    /// keeps it, by (id, attribute or `""`); the first definition of an id counts.
    pub(crate) fn canonical(&self) -> &Canonical {
        self.canonical.get_or_init(|| {
            let mut texts = Canonical::default();
            for index in &self.indexes {
                for indexed in &index.ids {
                    if let Slot::Vacant(slot) = texts.0.entry(indexed.id.to_string()) {
                        let parts = crate::ftl::pattern::patterns(indexed.entry)
                            .into_iter()
                            .map(|(attribute, pattern)| {
                                let canonical = crate::ftl::canonical::canonical(pattern);
                                let escaped = crate::record::escape(&canonical).into_owned();
                                (attribute.map(str::to_string), escaped)
                            })
                            .collect();
                        slot.insert(parts);
                    }
                }
            }
            texts
        })
    }

    /// The values and attributes of this locale whose reference text changed since they were
    /// translated (see `outdated.rs`), found once.
    pub(crate) fn outdated(
        &self,
        reference: &ParsedLocale<'_>,
    ) -> &[crate::check::outdated::Outdated] {
        self.outdated
            .get_or_init(|| crate::check::outdated::find(self, reference))
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

/// The project, for checks of its content files against the reference locale.
pub(crate) struct ProjectCtx<'a> {
    pub project: &'a Project,
    pub reference: &'a ParsedLocale<'a>,
}

/// One locale, and the reference when the locale is not the reference itself.
pub(crate) struct LocaleCtx<'a> {
    pub locale: &'a ParsedLocale<'a>,
    pub reference: Option<&'a ParsedLocale<'a>>,
}

/// One file of a locale, with the reference's index of the same file.
pub(crate) struct FileCtx<'a> {
    pub locale: &'a ParsedLocale<'a>,
    pub file: &'a ParsedFile,
    /// The file's own index.
    pub index: &'a Index<'a>,
    /// The reference's index of the same file.
    pub ref_index: Option<&'a Index<'a>>,
    /// The reference locale, when this is another locale.
    pub reference: Option<&'a ParsedLocale<'a>>,
    plural_selects: OnceCell<Vec<PluralSelect<'a>>>,
}

/// A select expression that chooses by a number, in an entry's value or attribute.
pub(crate) struct PluralSelect<'a> {
    pub id: &'a str,
    pub attribute: Option<&'a str>,
    pub variants: &'a [ast::Variant<&'a str>],
}

impl<'a> FileCtx<'a> {
    pub(crate) fn new(
        locale: &'a ParsedLocale<'a>,
        file: &'a ParsedFile,
        index: &'a Index<'a>,
        reference: Option<&'a ParsedLocale<'a>>,
    ) -> Self {
        FileCtx {
            locale,
            file,
            index,
            ref_index: reference.and_then(|r| r.file(&file.rel)).map(|(_, i)| i),
            reference,
            plural_selects: OnceCell::new(),
        }
    }

    /// The file's plural selects (see [`plurals::plural_selects`]), found on first use.
    pub(crate) fn plural_selects(&self) -> &[PluralSelect<'a>] {
        self.plural_selects.get_or_init(|| {
            let mut found = Vec::new();
            for indexed in &self.index.ids {
                if self.index.marked.contains(indexed.id) {
                    continue; // not translated yet: reported as such
                }
                let reference = self.ref_index.and_then(|r| r.get(indexed.id));
                for facts in &indexed.facts.patterns {
                    if facts.selects.is_empty() {
                        continue;
                    }
                    let ref_facts = reference.and_then(|r| r.facts.pattern(facts.attribute));
                    for variants in plurals::plural_selects(facts, ref_facts) {
                        found.push(PluralSelect {
                            id: indexed.id,
                            attribute: facts.attribute,
                            variants,
                        });
                    }
                }
            }
            found
        })
    }

    /// A finding in this file, pointing at `at` (a slice of its source).
    pub(crate) fn diagnostic(&self, check: CheckId, at: &str, message: String) -> Diagnostic {
        diagnostic_at(check, self.locale.name(), self.file, at, message)
    }

    /// Every pattern (value and attributes) of every message and term of the file, later
    /// definitions of an id included, with the entry's id (a term's with its `-`).
    pub(crate) fn each_pattern(&self) -> impl Iterator<Item = (&'a str, &PatternFacts<'a>)> + '_ {
        self.index
            .all()
            .flat_map(|indexed| indexed.facts.patterns.iter().map(|p| (indexed.id, p)))
    }
}

/// A reference file and the same file in a locale.
pub(crate) struct FilePair<'a> {
    pub locale: &'a str,
    pub ref_file: &'a ParsedFile,
    pub l10n_file: &'a ParsedFile,
    pub ref_index: &'a Index<'a>,
    pub l10n_index: &'a Index<'a>,
    /// The locale is a variant of the reference's language (`en-GB` against `en-US`).
    pub same_language: bool,
    /// The terms the locale defines for itself and uses (see
    /// [`ParsedLocale::private_terms_in_use`]): not obsolete.
    pub private_terms: &'a std::collections::HashSet<&'a str>,
}

impl FilePair<'_> {
    /// Whether the locale's entry `id` is obsolete in this file (see [`is_obsolete`]).
    pub(crate) fn is_obsolete(&self, id: &str) -> bool {
        is_obsolete(id, self.ref_index, self.private_terms)
    }
}

/// Whether a locale's entry `id` (a term's with its `-`) is obsolete in the file whose
/// reference is indexed by `ref_index`: that file lacks it, and it is not one of the
/// `private_terms` the locale uses for itself.
pub(crate) fn is_obsolete(
    id: &str,
    ref_index: &Index<'_>,
    private_terms: &std::collections::HashSet<&str>,
) -> bool {
    !ref_index.has(id)
        && !id
            .strip_prefix('-')
            .is_some_and(|term| private_terms.contains(term))
}

/// A message in the reference and the same message in a locale.
pub(crate) struct EntryPair<'a> {
    pub file: &'a FilePair<'a>,
    pub id: &'a str,
    pub ref_message: &'a ast::Message<&'a str>,
    pub l10n_message: &'a ast::Message<&'a str>,
    ref_facts: &'a EntryFacts<'a>,
    l10n_facts: &'a EntryFacts<'a>,
}

/// A pattern both the reference and the locale have: the reference's facts, the locale's.
pub(crate) type SharedPattern<'p, 'a> = (&'p PatternFacts<'a>, &'p PatternFacts<'a>);

impl<'a> EntryPair<'a> {
    /// The message `id`, defined by `reference` and by `l10n` (which must both be messages).
    pub(crate) fn new(
        file: &'a FilePair<'a>,
        reference: &'a Indexed<'a>,
        l10n: &'a Indexed<'a>,
    ) -> Option<Self> {
        let (ast::Entry::Message(ref_message), ast::Entry::Message(l10n_message)) =
            (reference.entry, l10n.entry)
        else {
            return None;
        };
        Some(EntryPair {
            file,
            id: l10n.id,
            ref_message,
            l10n_message,
            ref_facts: &reference.facts,
            l10n_facts: &l10n.facts,
        })
    }

    /// A finding about this message in the locale's file, pointing at `at` (a slice of it).
    pub(crate) fn diagnostic(&self, check: CheckId, at: &str, message: String) -> Diagnostic {
        diagnostic_at(check, self.file.locale, self.file.l10n_file, at, message).entry(self.id)
    }

    /// A finding about the whole message, pointing at its id in the locale's file.
    pub(crate) fn at_id(&self, check: CheckId, message: String) -> Diagnostic {
        self.diagnostic(check, self.l10n_message.id.name, message)
    }

    /// The patterns present in both: the value (`None` attribute) and each shared attribute,
    /// in the locale's order.
    pub(crate) fn shared_patterns(&self) -> impl Iterator<Item = SharedPattern<'_, 'a>> + '_ {
        self.l10n_facts.patterns.iter().filter_map(|l10n| {
            let reference = self.ref_facts.pattern(l10n.attribute)?;
            Some((reference, l10n))
        })
    }

    /// Where a pattern of the locale's message starts, to point findings about all of it:
    /// its first text, else the message's (or attribute's) id.
    pub(crate) fn anchor(
        &self,
        attribute: Option<&'a str>,
        pattern: &'a ast::Pattern<&'a str>,
    ) -> &'a str {
        match pattern.elements.first() {
            Some(ast::PatternElement::TextElement { value }) => value,
            _ => attribute.unwrap_or(self.l10n_message.id.name),
        }
    }
}

/// A finding in `file` of `locale`, pointing at `at`, which must borrow from the file's source.
pub(crate) fn diagnostic_at(
    check: CheckId,
    locale: &str,
    file: &ParsedFile,
    at: &str,
    message: String,
) -> Diagnostic {
    match offset_in(file.source(), at) {
        Some(start) => diagnostic_span(check, locale, file, start..start + at.len(), message),
        None => Diagnostic::new(check, &file.path, message).locale(locale),
    }
}

/// A finding in `file` of `locale`, pointing at the bytes `span` of its source.
pub(crate) fn diagnostic_span(
    check: CheckId,
    locale: &str,
    file: &ParsedFile,
    span: std::ops::Range<usize>,
    message: String,
) -> Diagnostic {
    Diagnostic::new(check, &file.path, message)
        .locale(locale)
        .at(file.source(), file.lines(), span)
}

/// Where `entry` is defined in `file`, as `path:line`, for help texts.
pub(crate) fn definition(file: &ParsedFile, entry: &ast::Entry<&str>) -> String {
    let Some(at) = id_slice(entry) else {
        return file.path.clone();
    };
    match offset_in(file.source(), at) {
        Some(offset) => {
            let line = file.lines().location(file.source(), offset).line;
            format!("{}:{line}", file.path)
        }
        None => file.path.clone(),
    }
}
