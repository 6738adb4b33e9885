//! The scopes a check is given (see `registry.rs`): the project, one locale, one file, a file
//! and the reference's file of the same path, an entry and the reference's entry of the same
//! id; and where a finding points.

use std::cell::OnceCell;

use fluent_syntax::ast;

use super::{Index, Indexed, ParsedLocale};
use crate::catalog::ParsedFile;
use crate::check::facts::{EntryFacts, PatternFacts};
use crate::check::plurals;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::id_slice;
use crate::line_index::offset_in;
use crate::project::Project;

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
