//! The checks: each in its own file, with its documentation, run over a project's catalog.
//!
//! [`check`] compares every locale with the reference and returns findings and per-locale
//! statistics; it never prints. The statistics use compare-locales' definitions, so totals
//! agree with Mozilla's tool on the same tree.

use std::collections::HashMap;

use fluent_syntax::ast;
use rayon::prelude::*;
use serde::Serialize;

use crate::catalog::{FtlFile, LocaleDir};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Result;
use crate::project::Project;
use crate::source::offset_in;

mod duplicate_entry;
mod invalid_locale;
mod invalid_utf8;
mod missing_attribute;
mod missing_file;
mod missing_message;
mod missing_value;
mod obsolete_attribute;
mod obsolete_file;
mod obsolete_message;
mod obsolete_value;
mod syntax_error;
mod unknown_block_message;
mod unreadable_file;

/// Every check, by its stable id. The id is part of Folio's interface (JSON, config).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum CheckId {
    /// `syntax-error`
    SyntaxError,
    /// `unreadable-file`
    UnreadableFile,
    /// `invalid-utf8`
    InvalidUtf8,
    /// `invalid-locale`
    InvalidLocale,
    /// `duplicate-entry`
    DuplicateEntry,
    /// `missing-file`
    MissingFile,
    /// `obsolete-file`
    ObsoleteFile,
    /// `missing-message`
    MissingMessage,
    /// `obsolete-message`
    ObsoleteMessage,
    /// `missing-value`
    MissingValue,
    /// `obsolete-value`
    ObsoleteValue,
    /// `missing-attribute`
    MissingAttribute,
    /// `obsolete-attribute`
    ObsoleteAttribute,
    /// `unknown-block-message`
    UnknownBlockMessage,
}

impl CheckId {
    /// Every check, in the order `folio check --list` shows them.
    pub const ALL: [CheckId; 14] = [
        CheckId::SyntaxError,
        CheckId::UnreadableFile,
        CheckId::InvalidUtf8,
        CheckId::InvalidLocale,
        CheckId::DuplicateEntry,
        CheckId::MissingFile,
        CheckId::ObsoleteFile,
        CheckId::MissingMessage,
        CheckId::ObsoleteMessage,
        CheckId::MissingValue,
        CheckId::ObsoleteValue,
        CheckId::MissingAttribute,
        CheckId::ObsoleteAttribute,
        CheckId::UnknownBlockMessage,
    ];

    /// The check's id, as in JSON and configuration: `missing-message`.
    pub fn name(self) -> &'static str {
        match self {
            CheckId::SyntaxError => "syntax-error",
            CheckId::UnreadableFile => "unreadable-file",
            CheckId::InvalidUtf8 => "invalid-utf8",
            CheckId::InvalidLocale => "invalid-locale",
            CheckId::DuplicateEntry => "duplicate-entry",
            CheckId::MissingFile => "missing-file",
            CheckId::ObsoleteFile => "obsolete-file",
            CheckId::MissingMessage => "missing-message",
            CheckId::ObsoleteMessage => "obsolete-message",
            CheckId::MissingValue => "missing-value",
            CheckId::ObsoleteValue => "obsolete-value",
            CheckId::MissingAttribute => "missing-attribute",
            CheckId::ObsoleteAttribute => "obsolete-attribute",
            CheckId::UnknownBlockMessage => "unknown-block-message",
        }
    }

    /// The check with id `name`.
    pub fn from_name(name: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|c| c.name() == name)
    }

    /// How much its findings matter unless configured otherwise.
    ///
    /// Errors are what breaks a page (text that cannot be parsed or rendered as the reference
    /// expects); what is merely incomplete or left over is a warning, since rendering falls
    /// back to the reference for it.
    pub fn severity(self) -> Severity {
        match self {
            CheckId::MissingFile
            | CheckId::ObsoleteFile
            | CheckId::MissingMessage
            | CheckId::ObsoleteMessage => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The check's documentation: *What it does*, *Why it matters*, *Example*.
    pub fn docs(self) -> &'static str {
        match self {
            CheckId::SyntaxError => syntax_error::DOCS,
            CheckId::UnreadableFile => unreadable_file::DOCS,
            CheckId::InvalidUtf8 => invalid_utf8::DOCS,
            CheckId::InvalidLocale => invalid_locale::DOCS,
            CheckId::DuplicateEntry => duplicate_entry::DOCS,
            CheckId::MissingFile => missing_file::DOCS,
            CheckId::ObsoleteFile => obsolete_file::DOCS,
            CheckId::MissingMessage => missing_message::DOCS,
            CheckId::ObsoleteMessage => obsolete_message::DOCS,
            CheckId::MissingValue => missing_value::DOCS,
            CheckId::ObsoleteValue => obsolete_value::DOCS,
            CheckId::MissingAttribute => missing_attribute::DOCS,
            CheckId::ObsoleteAttribute => obsolete_attribute::DOCS,
            CheckId::UnknownBlockMessage => unknown_block_message::DOCS,
        }
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

/// Which locales to check.
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
    /// `present / entries`, as a percentage rounded to two decimals (100 with no entries).
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
    let reference = project.reference_dir()?;
    let selected: Vec<&LocaleDir> = project
        .catalog()
        .locales()
        .iter()
        .filter(|l| l.name != reference.name)
        .filter(|l| options.locales.is_empty() || options.locales.contains(&l.name))
        .filter(|l| !options.exclude.contains(&l.name))
        .collect();

    let mut diagnostics = file_checks(reference);
    unknown_block_message::run(project, reference, &mut diagnostics);

    let per_locale: Vec<(Vec<Diagnostic>, LocaleStats)> = selected
        .par_iter()
        .map(|locale| check_locale(reference, locale))
        .collect();
    let mut locales = Vec::with_capacity(per_locale.len());
    for (found, stats) in per_locale {
        diagnostics.extend(found);
        locales.push(stats);
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Ok(CheckReport {
        diagnostics,
        locales,
    })
}

/// The checks that need only the locale's own files.
fn file_checks(locale: &LocaleDir) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    invalid_locale::run(locale, &mut out);
    for file in &locale.files {
        unreadable_file::run(locale, file, &mut out);
        invalid_utf8::run(locale, file, &mut out);
        syntax_error::run(locale, file, &mut out);
        duplicate_entry::run(locale, file, &mut out);
    }
    out
}

fn check_locale(reference: &LocaleDir, locale: &LocaleDir) -> (Vec<Diagnostic>, LocaleStats) {
    let mut out = file_checks(locale);
    let mut stats = LocaleStats {
        locale: locale.name.clone(),
        ..LocaleStats::default()
    };
    for ref_file in &reference.files {
        let ref_index = Index::of(ref_file);
        stats.entries += ref_index.len();
        let Some(l10n_file) = locale.file(&ref_file.rel) else {
            stats.missing += ref_index.len();
            missing_file::run(locale, ref_file, &mut out);
            continue;
        };
        let pair = FilePair {
            locale,
            reference: ref_file,
            l10n: l10n_file,
            ref_index,
            l10n_index: Index::of(l10n_file),
        };
        let present = pair
            .ref_index
            .ids
            .iter()
            .filter(|(id, _)| pair.l10n_index.get(id).is_some())
            .count();
        stats.present += present;
        stats.missing += pair.ref_index.len() - present;
        stats.obsolete += pair
            .l10n_index
            .ids
            .iter()
            .filter(|(id, _)| pair.ref_index.get(id).is_none())
            .count();
        check_pair(&pair, &mut out);
    }
    for file in &locale.files {
        if reference.file(&file.rel).is_none() {
            obsolete_file::run(locale, file, reference, &mut out);
        }
    }
    stats.coverage = coverage(stats.present, stats.entries);
    (out, stats)
}

fn check_pair(pair: &FilePair<'_>, out: &mut Vec<Diagnostic>) {
    missing_message::run(pair, out);
    obsolete_message::run(pair, out);
    for (id, ref_entry) in &pair.ref_index.ids {
        let Some(l10n_entry) = pair.l10n_index.get(id) else {
            continue;
        };
        // Attributes and values of terms are the locale's own business (a term's attributes
        // are private, and its value may be a select on `$case`); only messages are compared.
        if let (ast::Entry::Message(reference), ast::Entry::Message(l10n)) = (ref_entry, l10n_entry)
        {
            let entry = EntryPair {
                file: pair,
                id,
                reference,
                l10n,
            };
            missing_value::run(&entry, out);
            obsolete_value::run(&entry, out);
            missing_attribute::run(&entry, out);
            obsolete_attribute::run(&entry, out);
        }
    }
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
    ids: Vec<(&'a str, &'a ast::Entry<&'a str>)>,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    pub(crate) fn of(file: &'a FtlFile) -> Self {
        let mut ids = Vec::new();
        let mut by_id = HashMap::new();
        for entry in file.entries() {
            if let Some(id) = entry_id(entry, file.source()) {
                by_id.entry(id).or_insert_with(|| {
                    ids.push((id, entry));
                    ids.len() - 1
                });
            }
        }
        Index { ids, by_id }
    }

    pub(crate) fn get(&self, id: &str) -> Option<&'a ast::Entry<&'a str>> {
        self.by_id.get(id).map(|&i| self.ids[i].1)
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// A reference file and the same file in a locale.
pub(crate) struct FilePair<'a> {
    pub locale: &'a LocaleDir,
    pub reference: &'a FtlFile,
    pub l10n: &'a FtlFile,
    pub ref_index: Index<'a>,
    pub l10n_index: Index<'a>,
}

/// A message in the reference and the same message in a locale.
pub(crate) struct EntryPair<'a> {
    pub file: &'a FilePair<'a>,
    pub id: &'a str,
    pub reference: &'a ast::Message<&'a str>,
    pub l10n: &'a ast::Message<&'a str>,
}

impl EntryPair<'_> {
    /// A finding about this message in the locale's file, pointing at `at` (a slice of it).
    pub(crate) fn diagnostic(&self, check: CheckId, at: &str, message: String) -> Diagnostic {
        diagnostic_at(check, self.file.locale, self.file.l10n, at, message).entry(self.id)
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

/// A finding in `file` of `locale`, pointing at `at`, which must borrow from the file's source.
pub(crate) fn diagnostic_at(
    check: CheckId,
    locale: &LocaleDir,
    file: &FtlFile,
    at: &str,
    message: String,
) -> Diagnostic {
    match offset_in(file.source(), at) {
        Some(start) => diagnostic_span(check, locale, file, start..start + at.len(), message),
        None => Diagnostic::new(check, &file.path, message).locale(&locale.name),
    }
}

/// A finding in `file` of `locale`, pointing at the bytes `span` of its source.
pub(crate) fn diagnostic_span(
    check: CheckId,
    locale: &LocaleDir,
    file: &FtlFile,
    span: std::ops::Range<usize>,
    message: String,
) -> Diagnostic {
    let span = crate::source::snap_to_chars(file.source(), span);
    let location = file.lines().location(file.source(), span.start);
    Diagnostic::new(check, &file.path, message)
        .locale(&locale.name)
        .at(span, location)
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

/// Where `entry` is defined in `file`, as `path:line`, for help texts.
pub(crate) fn definition(file: &FtlFile, entry: &ast::Entry<&str>) -> String {
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
