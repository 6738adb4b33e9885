//! The checks: each in its own file, with its documentation, run over a project's catalog.
//!
//! [`check`] compares every locale with the reference and returns findings and per-locale
//! statistics; it never prints. The statistics use compare-locales' definitions, so totals
//! agree with Mozilla's tool on the same tree.
//!
//! Locales are checked in parallel, each parsed, checked and dropped in turn, so a tree of
//! thousands of files is never held in memory at once; the reference is parsed once per run.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use fluent_syntax::ast;
use rayon::prelude::*;
use serde::Serialize;

use crate::catalog::{FtlFile, LocaleDir, ParsedFile};
use crate::config::CheckConfig;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Result;
use crate::project::Project;
use crate::source::offset_in;

mod pattern;
mod plurals;

mod dropped_message_reference;
mod dropped_term_reference;
mod duplicate_attribute;
mod duplicate_entry;
mod duplicate_variant;
mod empty_value;
mod invalid_locale;
mod invalid_utf8;
mod markup_mismatch;
mod missing_attribute;
mod missing_file;
mod missing_message;
mod missing_plural_category;
mod missing_value;
mod missing_variable;
mod obsolete_attribute;
mod obsolete_file;
mod obsolete_message;
mod obsolete_value;
mod reference_cycle;
mod replacement_character;
mod syntax_error;
mod unknown_block_message;
mod unknown_function;
mod unknown_message_reference;
mod unknown_term_reference;
mod unknown_variable;
mod unreachable_variant;
mod unreadable_file;
mod untranslated;
mod whitespace;

use plurals::Plurals;

/// Declares [`CheckId`] with each check's id, default severity and docs, in one list.
macro_rules! checks {
    ($($variant:ident => $name:literal, $severity:ident, $module:ident;)*) => {
        /// Every check, by its stable id. The id is part of Folio's interface (JSON, config).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum CheckId {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl CheckId {
            /// Every check, in the order `folio check --list` shows them.
            pub const ALL: &[CheckId] = &[$(CheckId::$variant),*];

            /// The check's id, as in JSON and configuration: `missing-message`.
            pub fn name(self) -> &'static str {
                match self {
                    $(CheckId::$variant => $name,)*
                }
            }

            /// How much its findings matter unless `folio.toml` says otherwise.
            pub fn severity(self) -> Severity {
                match self {
                    $(CheckId::$variant => Severity::$severity,)*
                }
            }

            /// The check's documentation: *What it does*, *Why it matters*, *Example*.
            pub fn docs(self) -> &'static str {
                match self {
                    $(CheckId::$variant => $module::DOCS,)*
                }
            }
        }
    };
}

// Errors break a page or lose a reader's text; warnings are incomplete, left over or
// suspicious work that still renders (falling back where it must); notes are worth a look.
checks! {
    SyntaxError => "syntax-error", Error, syntax_error;
    UnreadableFile => "unreadable-file", Error, unreadable_file;
    InvalidUtf8 => "invalid-utf8", Error, invalid_utf8;
    DuplicateEntry => "duplicate-entry", Error, duplicate_entry;
    DuplicateAttribute => "duplicate-attribute", Warning, duplicate_attribute;
    DuplicateVariant => "duplicate-variant", Warning, duplicate_variant;
    InvalidLocale => "invalid-locale", Error, invalid_locale;
    MissingFile => "missing-file", Warning, missing_file;
    ObsoleteFile => "obsolete-file", Warning, obsolete_file;
    MissingMessage => "missing-message", Warning, missing_message;
    ObsoleteMessage => "obsolete-message", Warning, obsolete_message;
    MissingValue => "missing-value", Error, missing_value;
    ObsoleteValue => "obsolete-value", Error, obsolete_value;
    MissingAttribute => "missing-attribute", Error, missing_attribute;
    ObsoleteAttribute => "obsolete-attribute", Error, obsolete_attribute;
    EmptyValue => "empty-value", Warning, empty_value;
    MissingVariable => "missing-variable", Warning, missing_variable;
    UnknownVariable => "unknown-variable", Error, unknown_variable;
    UnknownMessageReference => "unknown-message-reference", Error, unknown_message_reference;
    UnknownTermReference => "unknown-term-reference", Error, unknown_term_reference;
    ReferenceCycle => "reference-cycle", Error, reference_cycle;
    UnknownFunction => "unknown-function", Error, unknown_function;
    MissingPluralCategory => "missing-plural-category", Warning, missing_plural_category;
    UnreachableVariant => "unreachable-variant", Warning, unreachable_variant;
    Untranslated => "untranslated", Warning, untranslated;
    MarkupMismatch => "markup-mismatch", Warning, markup_mismatch;
    Whitespace => "whitespace", Warning, whitespace;
    ReplacementCharacter => "replacement-character", Error, replacement_character;
    DroppedTermReference => "dropped-term-reference", Info, dropped_term_reference;
    DroppedMessageReference => "dropped-message-reference", Info, dropped_message_reference;
    UnknownBlockMessage => "unknown-block-message", Error, unknown_block_message;
}

impl CheckId {
    /// The check with id `name`.
    pub fn from_name(name: &str) -> Option<CheckId> {
        CheckId::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// The first line of the docs: what the check finds, in one sentence.
    pub fn summary(self) -> &'static str {
        self.docs()
            .lines()
            .find(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .unwrap_or("")
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for CheckId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for CheckId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        CheckId::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown check `{name}`")))
    }
}

/// Which locales to check (on top of `folio.toml`'s `[check]` table).
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Check only these locale folders (all when empty).
    pub locales: Vec<String>,
    /// Leave these locale folders out.
    pub exclude: Vec<String>,
}

/// What [`check`] found.
#[derive(Clone, Debug, Default)]
pub struct CheckReport {
    /// Every finding, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Completeness of each checked locale, sorted by locale (the reference is not listed).
    pub locales: Vec<LocaleStats>,
}

impl CheckReport {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Completeness of one locale against the reference, as compare-locales counts it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct LocaleStats {
    /// The locale folder.
    pub locale: String,
    /// Messages and terms in the reference.
    pub entries: usize,
    /// Reference entries the locale has, in the same file.
    pub present: usize,
    /// Reference entries the locale lacks, including those in missing files and those lost
    /// to syntax errors.
    pub missing: usize,
    /// Entries the locale has that the reference lacks, in files the reference has.
    pub obsolete: usize,
    /// Present entries still marked `# folio: untranslated` (as `folio new` and `folio sync`
    /// add them): counted in `present`, not in `coverage`.
    #[serde(default)]
    pub untranslated: usize,
    /// `(present - untranslated) / entries`, as a percentage rounded to two decimals (100
    /// with no entries).
    pub coverage: f64,
}

/// Checks every locale of `project` against its reference locale.
///
/// # Example
/// ```
/// let project = folio::Project::embedded();
/// let report = folio::check(&project, &folio::CheckOptions::default())?;
/// assert!(report.diagnostics.is_empty());
/// assert!(report.locales.iter().all(|l| l.missing == 0));
/// # Ok::<(), folio::Error>(())
/// ```
pub fn check(project: &Project, options: &CheckOptions) -> Result<CheckReport> {
    let config = project.check_config();
    let reference = project.reference_dir()?;
    let included = |locale: &&LocaleDir| {
        locale.name != reference.name
            && (options.locales.is_empty() || options.locales.contains(&locale.name))
            && (config.locales.is_empty() || config.locales.contains(&locale.name))
            && !options.exclude.contains(&locale.name)
            && !config.exclude.contains(&locale.name)
    };
    let selected: Vec<&LocaleDir> = project
        .catalog()
        .locales()
        .iter()
        .filter(included)
        .collect();

    let ref_files = parse_files(reference, config);
    let ref_side = Side::new(reference, &ref_files);
    let mut diagnostics = locale_checks(&ref_side, None).0;
    unknown_block_message::run(project, &ref_side, &mut diagnostics);

    // Each locale is checked, configured and sorted on its own thread; its findings all lie
    // under `<prefix><locale>/`, so concatenating the locales in that order keeps the report
    // sorted without sorting it again.
    let sorted = |found: &mut Vec<Diagnostic>| {
        config.apply(found);
        found.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    };
    let mut per_locale: Vec<(Vec<Diagnostic>, LocaleStats)> = selected
        .par_iter()
        .map(|locale| {
            let files = parse_files(locale, config);
            let side = Side::new(locale, &files);
            let (mut found, stats) = locale_checks(&side, Some(&ref_side));
            sorted(&mut found);
            (found, stats.expect("a compared locale has statistics"))
        })
        .collect();
    sorted(&mut diagnostics);
    per_locale.sort_by_cached_key(|(_, stats)| folder_order(&stats.locale));
    let mut locales = Vec::with_capacity(per_locale.len());
    let mut found = Vec::with_capacity(per_locale.iter().map(|(f, _)| f.len()).sum());
    for (locale_found, stats) in per_locale {
        found.extend(locale_found);
        locales.push(stats);
    }
    locales.sort_by(|a, b| a.locale.cmp(&b.locale));
    // The reference's and the content's findings go where their paths sort.
    let diagnostics = merge_sorted(diagnostics, found);
    Ok(CheckReport {
        diagnostics,
        locales,
    })
}

/// The order of a locale's findings among others: by `<locale>/`, as their paths sort.
fn folder_order(locale: &str) -> String {
    format!("{locale}/")
}

/// Merges two lists sorted by [`Diagnostic::sort_key`].
fn merge_sorted(a: Vec<Diagnostic>, b: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if a.is_empty() {
        return b;
    }
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for item in a {
        while b
            .peek()
            .is_some_and(|next| next.sort_key() < item.sort_key())
        {
            merged.extend(b.next());
        }
        merged.push(item);
    }
    merged.extend(b);
    merged
}

/// Parses the files of `locale` that the configuration does not ignore.
fn parse_files(locale: &LocaleDir, config: &CheckConfig) -> Vec<Arc<ParsedFile>> {
    locale
        .files
        .iter()
        .filter(|f| !config.ignores(&f.path))
        .map(FtlFile::parse)
        .collect()
}

/// One locale during a check: its parsed files, each file's index, and every id it defines.
pub(crate) struct Side<'a> {
    pub dir: &'a LocaleDir,
    pub files: &'a [Arc<ParsedFile>],
    pub indexes: Vec<Index<'a>>,
    /// Every message of the locale (first definition) and the index of its file.
    pub messages: HashMap<&'a str, (usize, &'a ast::Message<&'a str>)>,
    /// Every term of the locale by name without its `-` (first definition), with its file.
    pub terms: HashMap<&'a str, (usize, &'a ast::Term<&'a str>)>,
    pub plurals: Option<Plurals>,
}

impl<'a> Side<'a> {
    fn new(dir: &'a LocaleDir, files: &'a [Arc<ParsedFile>]) -> Self {
        let indexes: Vec<Index<'a>> = files.iter().map(|f| Index::of(f)).collect();
        let mut messages = HashMap::default();
        let mut terms = HashMap::default();
        for (file, index) in indexes.iter().enumerate() {
            for (_, entry) in &index.ids {
                match entry {
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
        Side {
            dir,
            files,
            indexes,
            messages,
            terms,
            plurals: dir.tag.as_ref().and_then(Plurals::of),
        }
    }

    pub(crate) fn name(&self) -> &'a str {
        &self.dir.name
    }

    /// The file at `rel` and its index.
    fn file(&self, rel: &str) -> Option<(&'a ParsedFile, &Index<'a>)> {
        let i = self
            .files
            .binary_search_by(|f| f.rel.as_str().cmp(rel))
            .ok()?;
        Some((&self.files[i], &self.indexes[i]))
    }
}

/// Every check of one locale; with a reference, also the comparisons and the statistics.
fn locale_checks(
    side: &Side<'_>,
    reference: Option<&Side<'_>>,
) -> (Vec<Diagnostic>, Option<LocaleStats>) {
    let mut out = Vec::new();
    invalid_locale::run(side, &mut out);
    for (file, index) in side.files.iter().zip(&side.indexes) {
        let ref_file = reference.and_then(|r| r.file(&file.rel));
        let file = FileCtx {
            side,
            file,
            index,
            reference: ref_file.map(|(_, index)| index),
            reference_side: reference,
            plural_selects: std::cell::OnceCell::new(),
        };
        unreadable_file::run(&file, &mut out);
        invalid_utf8::run(&file, &mut out);
        syntax_error::run(&file, &mut out);
        duplicate_entry::run(&file, &mut out);
        duplicate_attribute::run(&file, &mut out);
        duplicate_variant::run(&file, &mut out);
        replacement_character::run(&file, &mut out);
        unknown_function::run(&file, &mut out);
        unknown_message_reference::run(&file, &mut out);
        unknown_term_reference::run(&file, &mut out);
        missing_plural_category::run(&file, &mut out);
        unreachable_variant::run(&file, &mut out);
    }
    reference_cycle::run(side, &mut out);

    let Some(reference) = reference else {
        return (suppress(side, None, out), None);
    };
    let mut stats = LocaleStats {
        locale: side.dir.name.clone(),
        ..LocaleStats::default()
    };
    let same_language = match (&side.dir.tag, &reference.dir.tag) {
        (Some(a), Some(b)) => a.language == b.language,
        _ => false,
    };
    for (ref_file, ref_index) in reference.files.iter().zip(&reference.indexes) {
        stats.entries += ref_index.len();
        let Some((l10n_file, l10n_index)) = side.file(&ref_file.rel) else {
            stats.missing += ref_index.len();
            missing_file::run(side, ref_file, ref_index, &mut out);
            continue;
        };
        let pair = FilePair {
            locale: side.name(),
            reference: ref_file,
            l10n: l10n_file,
            ref_index,
            l10n_index,
            same_language,
        };
        let present = ref_index
            .ids
            .iter()
            .filter(|(id, _)| l10n_index.get(id).is_some())
            .count();
        stats.present += present;
        stats.missing += ref_index.len() - present;
        stats.untranslated += l10n_index
            .marked
            .iter()
            .filter(|id| ref_index.get(id).is_some())
            .count();
        stats.obsolete += l10n_index
            .ids
            .iter()
            .filter(|(id, _)| ref_index.get(id).is_none())
            .count();
        check_pair(&pair, &mut out);
    }
    for file in side.files {
        if reference.file(&file.rel).is_none() {
            obsolete_file::run(side, file, reference.dir, &mut out);
        }
    }
    stats.coverage = coverage(stats.present - stats.untranslated, stats.entries);
    (suppress(side, Some(reference), out), Some(stats))
}

fn check_pair(pair: &FilePair<'_>, out: &mut Vec<Diagnostic>) {
    missing_message::run(pair, out);
    obsolete_message::run(pair, out);
    for (id, ref_entry) in &pair.ref_index.ids {
        let Some(l10n_entry) = pair.l10n_index.get(id) else {
            continue;
        };
        // A term's value and attributes are the locale's own business (its attributes are
        // private, its value may be a select on `$case`): only messages are compared.
        if pair.l10n_index.marked.contains(id) {
            // Not translated yet: that is the finding, and the others would be about the
            // reference's text.
            untranslated::marked(pair, id, ref_entry, l10n_entry, out);
            continue;
        }
        if let (ast::Entry::Message(reference), ast::Entry::Message(l10n)) = (ref_entry, l10n_entry)
        {
            let entry = EntryPair::new(pair, id, reference, l10n);
            missing_value::run(&entry, out);
            obsolete_value::run(&entry, out);
            missing_attribute::run(&entry, out);
            obsolete_attribute::run(&entry, out);
            empty_value::run(&entry, out);
            missing_variable::run(&entry, out);
            unknown_variable::run(&entry, out);
            untranslated::run(&entry, out);
            markup_mismatch::run(&entry, out);
            whitespace::run(&entry, out);
            dropped_term_reference::run(&entry, out);
            dropped_message_reference::run(&entry, out);
        }
    }
}

/// Drops the findings that a `# folio-ignore: check, …` comment above their entry silences,
/// in the locale's file or in the reference's file of the same path (which silences it for
/// every locale).
fn suppress(
    side: &Side<'_>,
    reference: Option<&Side<'_>>,
    found: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut silenced: HashSet<(&str, &str, &str)> = HashSet::default();
    let sides = std::iter::once((side, side)).chain(reference.map(|r| (r, side)));
    for (source, target) in sides {
        for (file, index) in source.files.iter().zip(&source.indexes) {
            if !file.source().contains("folio-ignore:") {
                continue;
            }
            let Some((target_file, _)) = target.file(&file.rel) else {
                continue;
            };
            for (id, entry) in &index.ids {
                let Some(start) = id_slice(entry).and_then(|at| offset_in(file.source(), at))
                else {
                    continue;
                };
                for check in ignored_checks(file.source(), start) {
                    silenced.insert((target_file.path.as_str(), id, check));
                }
            }
        }
    }
    if silenced.is_empty() {
        return found;
    }
    found
        .into_iter()
        .filter(|d| {
            let Some(entry) = &d.entry else { return true };
            !silenced.contains(&(d.path.as_str(), entry.as_str(), d.check.name()))
                && !silenced.contains(&(d.path.as_str(), entry.as_str(), "all"))
        })
        .collect()
}

/// The checks named by `folio-ignore:` in the comment attached to the entry whose id starts
/// at `start`.
fn ignored_checks(source: &str, start: usize) -> impl Iterator<Item = &str> {
    comment_above(source, start)
        .filter_map(|line| line.trim().strip_prefix("folio-ignore:"))
        .flat_map(|list| list.split(','))
        .map(str::trim)
        .filter(|name| !name.is_empty())
}

/// The lines (without their `#`, nearest first) of the comment attached to the entry whose
/// id starts at `start`: the `#` lines right above it, as Fluent attaches comments. (The
/// parse used for checking skips comments, so they are read from the source.)
fn comment_above(source: &str, start: usize) -> impl Iterator<Item = &str> {
    // A term's id starts after its `-`; the line starts before it.
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    source[..line_start]
        .lines()
        .rev()
        .map_while(|line| line.strip_prefix('#').filter(|rest| !rest.starts_with('#')))
}

fn coverage(present: usize, entries: usize) -> f64 {
    if entries == 0 {
        return 100.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let percent = present as f64 * 100.0 / entries as f64;
    (percent * 100.0).round() / 100.0
}

/// The messages and terms of one file by id (terms with their `-`), first definition first.
pub(crate) struct Index<'a> {
    pub ids: Vec<(&'a str, &'a ast::Entry<&'a str>)>,
    /// Later definitions of ids already defined above them in the file.
    pub duplicates: Vec<(&'a str, &'a ast::Entry<&'a str>)>,
    /// Ids whose comment marks them `# folio: untranslated`.
    pub marked: HashSet<&'a str>,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    pub(crate) fn of(file: &'a ParsedFile) -> Self {
        let mut ids = Vec::new();
        let mut duplicates = Vec::new();
        let mut by_id = HashMap::default();
        for entry in file.entries() {
            if let Some(id) = entry_id(entry, file.source()) {
                match by_id.entry(id) {
                    std::collections::hash_map::Entry::Occupied(_) => duplicates.push((id, entry)),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(ids.len());
                        ids.push((id, entry));
                    }
                }
            }
        }
        let mut marked = HashSet::default();
        let source = file.source();
        if source.contains(crate::edit::sync::UNTRANSLATED) {
            for (id, entry) in &ids {
                let Some(start) = id_slice(entry).and_then(|at| offset_in(source, at)) else {
                    continue;
                };
                if crate::edit::sync::is_untranslated(
                    &comment_above(source, start).collect::<Vec<_>>(),
                ) {
                    marked.insert(*id);
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

    pub(crate) fn get(&self, id: &str) -> Option<&'a ast::Entry<&'a str>> {
        self.by_id.get(id).map(|&i| self.ids[i].1)
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// One file of a locale during a check, with the reference's index of the same file.
pub(crate) struct FileCtx<'a> {
    pub side: &'a Side<'a>,
    pub file: &'a ParsedFile,
    /// The file's own index.
    pub index: &'a Index<'a>,
    /// The reference's index of the same file.
    pub reference: Option<&'a Index<'a>>,
    /// The reference locale, when this is another locale.
    pub reference_side: Option<&'a Side<'a>>,
    plural_selects: std::cell::OnceCell<Vec<PluralSelect<'a>>>,
}

/// A select expression that chooses by a number, in an entry's value or attribute.
pub(crate) struct PluralSelect<'a> {
    pub id: &'a str,
    pub attribute: Option<&'a str>,
    pub variants: &'a [ast::Variant<&'a str>],
}

impl<'a> FileCtx<'a> {
    /// The file's plural selects (see [`plurals::plural_selects`]), found on first use.
    pub(crate) fn plural_selects(&self) -> &[PluralSelect<'a>] {
        self.plural_selects.get_or_init(|| {
            let mut found = Vec::new();
            for (id, entry) in &self.index.ids {
                if self.index.marked.contains(id) {
                    continue; // not translated yet: reported as such
                }
                let reference_entry = self.reference.and_then(|r| r.get(id));
                let reference_patterns = reference_entry.map(pattern::patterns).unwrap_or_default();
                for (attribute, pattern) in pattern::patterns(entry) {
                    let reference = reference_patterns
                        .iter()
                        .find(|(a, _)| *a == attribute)
                        .map(|(_, p)| *p);
                    for variants in plurals::plural_selects(pattern, reference) {
                        found.push(PluralSelect {
                            id,
                            attribute,
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
        diagnostic_at(check, self.side.name(), self.file, at, message)
    }

    /// Calls `visit` with every node of every pattern (value and attributes) of the file's
    /// messages and terms, with the entry's id (a term's with its `-`) and the attribute.
    pub(crate) fn each_node(
        &self,
        mut visit: impl FnMut(&'a str, Option<&'a str>, pattern::Node<'a>),
    ) {
        let source = self.file.source();
        for entry in self.file.entries() {
            let Some(id) = entry_id(entry, source) else {
                continue;
            };
            for (attribute, pattern) in pattern::patterns(entry) {
                pattern::walk(pattern, &mut |node| visit(id, attribute, node));
            }
        }
    }
}

/// A reference file and the same file in a locale.
pub(crate) struct FilePair<'a> {
    pub locale: &'a str,
    pub reference: &'a ParsedFile,
    pub l10n: &'a ParsedFile,
    pub ref_index: &'a Index<'a>,
    pub l10n_index: &'a Index<'a>,
    /// The locale is a variant of the reference's language (`en-GB` against `en-US`).
    pub same_language: bool,
}

/// A message in the reference and the same message in a locale.
pub(crate) struct EntryPair<'a> {
    pub file: &'a FilePair<'a>,
    pub id: &'a str,
    pub reference: &'a ast::Message<&'a str>,
    pub l10n: &'a ast::Message<&'a str>,
    /// The patterns present in both: the value (`None`) and each shared attribute, as
    /// (attribute, reference's pattern, locale's pattern).
    pub shared: Vec<SharedPattern<'a>>,
}

/// A pattern both the reference and the locale have: (attribute, reference's, locale's).
pub(crate) type SharedPattern<'a> = (
    Option<&'a str>,
    &'a ast::Pattern<&'a str>,
    &'a ast::Pattern<&'a str>,
);

impl<'a> EntryPair<'a> {
    /// A finding about this message in the locale's file, pointing at `at` (a slice of it).
    pub(crate) fn diagnostic(&self, check: CheckId, at: &str, message: String) -> Diagnostic {
        diagnostic_at(check, self.file.locale, self.file.l10n, at, message).entry(self.id)
    }

    fn new(
        file: &'a FilePair<'a>,
        id: &'a str,
        reference: &'a ast::Message<&'a str>,
        l10n: &'a ast::Message<&'a str>,
    ) -> Self {
        let mut shared = Vec::with_capacity(1 + l10n.attributes.len());
        if let (Some(r), Some(l)) = (&reference.value, &l10n.value) {
            shared.push((None, r, l));
        }
        for attribute in &l10n.attributes {
            if let Some(r) = reference
                .attributes
                .iter()
                .find(|a| a.id.name == attribute.id.name)
            {
                shared.push((Some(attribute.id.name), &r.value, &attribute.value));
            }
        }
        EntryPair {
            file,
            id,
            reference,
            l10n,
            shared,
        }
    }

    /// The patterns present in both: the value (`None`) and each shared attribute.
    pub(crate) fn shared_patterns(&self) -> impl Iterator<Item = SharedPattern<'a>> + '_ {
        self.shared.iter().copied()
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
            _ => attribute.unwrap_or(self.l10n.id.name),
        }
    }
}

/// `message` or `message.attribute`, for messages.
pub(crate) fn qualified(id: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(attribute) => format!("{id}.{attribute}"),
        None => id.to_string(),
    }
}

/// The id of a message or term (`-` included), or `None` for comments and junk.
///
/// `source` is the text the entry was parsed from: a term's `id.name` borrows it just after
/// the `-`, so the id with its dash is the slice one byte wider.
pub(crate) fn entry_id<'a>(entry: &ast::Entry<&'a str>, source: &'a str) -> Option<&'a str> {
    match entry {
        ast::Entry::Message(message) => Some(message.id.name),
        ast::Entry::Term(term) => {
            let start = offset_in(source, term.id.name)?;
            source.get(start.checked_sub(1)?..start + term.id.name.len())
        }
        _ => None,
    }
}

/// The identifier of a message or term as written (a term's without its `-`): the slice a
/// finding about the entry points at.
pub(crate) fn id_slice<'a>(entry: &ast::Entry<&'a str>) -> Option<&'a str> {
    match entry {
        ast::Entry::Message(m) => Some(m.id.name),
        ast::Entry::Term(t) => Some(t.id.name),
        _ => None,
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
