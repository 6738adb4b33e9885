//! Every check, one line each: its id, its documentation and what it runs on.
//!
//! Adding a check is its file under `check/` (its code and its `DOCS`), its id and default
//! severity in `diagnostic.rs`, and one line here; a test makes sure no id is left without
//! its line.
//!
//! The scopes say, once, which findings a check may make:
//! - entries marked `# folio: untranslated` are reported by `untranslated` alone: they hold
//!   the reference's text, so any other finding about them would be about the reference;
//! - terms are never compared with the reference's: a term's attributes are private to its
//!   locale and its value may select on a parameter such as `$case`, so only messages reach
//!   [`Scope::Entry`] checks.

use crate::check::context::{EntryPair, FileCtx, FilePair, LocaleCtx, ProjectCtx};
use crate::check::{
    content_outside_project, dropped_message_reference, dropped_term_reference,
    duplicate_attribute, duplicate_entry, duplicate_variant, empty_value, forbidden_markup,
    invalid_function_call, invalid_locale, invalid_record, invalid_utf8, locale_outside_project,
    markup_mismatch, missing_asset, missing_attribute, missing_file, missing_link, missing_message,
    missing_plural_category, missing_value, missing_variable, obsolete_attribute, obsolete_file,
    obsolete_message, obsolete_value, outdated, reference_cycle, replacement_character,
    slug_mismatch, syntax_error, unbalanced_markup, undefined_link, unknown_block_message,
    unknown_function, unknown_link, unknown_message_reference, unknown_term_reference,
    unknown_variable, unreachable_variant, unreadable_file, untranslated, whitespace,
};
use crate::diagnostic::{CheckId, Diagnostic};

/// What a check runs on, and how often.
#[derive(Clone, Copy)]
pub(crate) enum Scope {
    /// Once per run: the project's content files against the reference locale.
    Project(fn(&ProjectCtx<'_>, &mut Vec<Diagnostic>)),
    /// Once per locale, the reference included (which is then given no reference).
    Locale(fn(&LocaleCtx<'_>, &mut Vec<Diagnostic>)),
    /// Once per file of every locale, the reference's included.
    File(fn(&FileCtx<'_>, &mut Vec<Diagnostic>)),
    /// Once per file that a locale and the reference both have.
    FilePair(fn(&FilePair<'_>, &mut Vec<Diagnostic>)),
    /// Once per message that the reference's file and the locale's both define, when the
    /// locale's is not marked `# folio: untranslated` (see the module's docs).
    Entry(fn(&EntryPair<'_>, &mut Vec<Diagnostic>)),
}

/// A check: its id, its documentation, and what it runs on.
pub(crate) struct Check {
    pub id: CheckId,
    /// *What it does*, *Why it matters*, *Example*; `folio explain` prints it.
    pub docs: &'static str,
    pub scopes: &'static [Scope],
}

const fn check(id: CheckId, docs: &'static str, scopes: &'static [Scope]) -> Check {
    Check { id, docs, scopes }
}

use Scope::{Entry, File, FilePair as Pair, Locale, Project};

/// Every check, in the order `folio check --list` shows them.
#[rustfmt::skip]
pub(crate) static REGISTRY: [Check; 43] = [
    check(CheckId::SyntaxError, syntax_error::DOCS, &[File(syntax_error::run)]),
    check(CheckId::UnreadableFile, unreadable_file::DOCS, &[File(unreadable_file::run)]),
    check(CheckId::InvalidUtf8, invalid_utf8::DOCS, &[File(invalid_utf8::run)]),
    check(CheckId::DuplicateEntry, duplicate_entry::DOCS, &[File(duplicate_entry::run)]),
    check(CheckId::DuplicateAttribute, duplicate_attribute::DOCS, &[File(duplicate_attribute::run)]),
    check(CheckId::DuplicateVariant, duplicate_variant::DOCS, &[File(duplicate_variant::run)]),
    check(CheckId::InvalidLocale, invalid_locale::DOCS, &[Locale(invalid_locale::run)]),
    check(CheckId::MissingFile, missing_file::DOCS, &[Locale(missing_file::run)]),
    check(CheckId::ObsoleteFile, obsolete_file::DOCS, &[Locale(obsolete_file::run)]),
    check(CheckId::MissingMessage, missing_message::DOCS, &[Pair(missing_message::run)]),
    check(CheckId::ObsoleteMessage, obsolete_message::DOCS, &[Pair(obsolete_message::run)]),
    check(CheckId::MissingValue, missing_value::DOCS, &[Entry(missing_value::run)]),
    check(CheckId::ObsoleteValue, obsolete_value::DOCS, &[Entry(obsolete_value::run)]),
    check(CheckId::MissingAttribute, missing_attribute::DOCS, &[Entry(missing_attribute::run)]),
    check(CheckId::ObsoleteAttribute, obsolete_attribute::DOCS, &[Entry(obsolete_attribute::run)]),
    check(CheckId::EmptyValue, empty_value::DOCS, &[Entry(empty_value::run)]),
    check(CheckId::MissingVariable, missing_variable::DOCS, &[Entry(missing_variable::run)]),
    check(CheckId::UnknownVariable, unknown_variable::DOCS, &[Entry(unknown_variable::run)]),
    check(CheckId::UnknownMessageReference, unknown_message_reference::DOCS, &[File(unknown_message_reference::run)]),
    check(CheckId::UnknownTermReference, unknown_term_reference::DOCS, &[File(unknown_term_reference::run)]),
    check(CheckId::ReferenceCycle, reference_cycle::DOCS, &[Locale(reference_cycle::run)]),
    check(CheckId::UnknownFunction, unknown_function::DOCS, &[File(unknown_function::run)]),
    check(CheckId::InvalidFunctionCall, invalid_function_call::DOCS, &[File(invalid_function_call::run)]),
    check(CheckId::MissingPluralCategory, missing_plural_category::DOCS, &[File(missing_plural_category::run)]),
    check(CheckId::UnreachableVariant, unreachable_variant::DOCS, &[File(unreachable_variant::run)]),
    check(CheckId::Untranslated, untranslated::DOCS, &[Pair(untranslated::marked), Entry(untranslated::identical)]),
    check(CheckId::Outdated, outdated::DOCS, &[Locale(outdated::run)]),
    check(CheckId::InvalidRecord, invalid_record::DOCS, &[Locale(invalid_record::run)]),
    check(CheckId::MarkupMismatch, markup_mismatch::DOCS, &[Entry(markup_mismatch::run)]),
    check(CheckId::ForbiddenMarkup, forbidden_markup::DOCS, &[File(forbidden_markup::run)]),
    check(CheckId::UnbalancedMarkup, unbalanced_markup::DOCS, &[File(unbalanced_markup::run)]),
    check(CheckId::MissingLink, missing_link::DOCS, &[Entry(missing_link::run)]),
    check(CheckId::UnknownLink, unknown_link::DOCS, &[Entry(unknown_link::run)]),
    check(CheckId::Whitespace, whitespace::DOCS, &[Entry(whitespace::run)]),
    check(CheckId::ReplacementCharacter, replacement_character::DOCS, &[File(replacement_character::run)]),
    check(CheckId::DroppedTermReference, dropped_term_reference::DOCS, &[Entry(dropped_term_reference::run)]),
    check(CheckId::DroppedMessageReference, dropped_message_reference::DOCS, &[Entry(dropped_message_reference::run)]),
    check(CheckId::UnknownBlockMessage, unknown_block_message::DOCS, &[Project(unknown_block_message::run)]),
    check(CheckId::ContentOutsideProject, content_outside_project::DOCS, &[Project(content_outside_project::run)]),
    check(CheckId::MissingAsset, missing_asset::DOCS, &[Project(missing_asset::run)]),
    check(CheckId::SlugMismatch, slug_mismatch::DOCS, &[Project(slug_mismatch::run)]),
    check(CheckId::UndefinedLink, undefined_link::DOCS, &[Project(undefined_link::run)]),
    check(CheckId::LocaleOutsideProject, locale_outside_project::DOCS, &[Project(locale_outside_project::run)]),
];

/// The registered check with id `id`.
fn registered(id: CheckId) -> &'static Check {
    REGISTRY
        .iter()
        .find(|check| check.id == id)
        .expect("every check id is registered: `every_id_has_its_line` tests it")
}

impl CheckId {
    /// The check's documentation: *What it does*, *Why it matters*, *Example*.
    pub fn docs(self) -> &'static str {
        registered(self).docs
    }

    /// The first line of the docs: what the check finds, in one sentence.
    pub fn summary(self) -> &'static str {
        self.docs()
            .lines()
            .find(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_its_line_once_in_order() {
        let ids: Vec<CheckId> = REGISTRY.iter().map(|c| c.id).collect();
        assert_eq!(ids, CheckId::ALL);
        for check in &REGISTRY {
            assert!(!check.scopes.is_empty(), "{} runs nowhere", check.id);
            assert!(
                check.docs.contains("## What it does")
                    && check.docs.contains("## Why it matters")
                    && check.docs.contains("## Example"),
                "{} lacks a part of its docs",
                check.id
            );
        }
    }
}
