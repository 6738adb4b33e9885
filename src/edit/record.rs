//! A locale's record (`crate::record`) brought up to date by `folio new`, `folio sync` and
//! `folio sync --confirm`: what each translation was made from, as `folio check` will read it.
//!
//! For each value and attribute that both the reference and the locale have:
//! - not recorded yet (a new locale, a new entry, the first sync of a project): recorded as
//!   current, the reference's text as it is now;
//! - recorded, and the reference's text is still the recorded one: the translation's
//!   fingerprint is refreshed (the translator's edits since are made against it);
//! - the reference's text changed and the translation did not: kept as it is — outdated
//!   until someone edits the translation or confirms it;
//! - the reference's text changed and so did the translation: the translator has been at it
//!   since, and it is recorded as current (as `folio check` shows it);
//! - confirmed (`--confirm`): recorded as current.
//!
//! Lines about values and attributes that the reference or the locale no longer has are
//! dropped, unless a file that may hold them could not be read (then nothing is dropped).

use std::collections::HashMap;

use fluent_syntax::ast;

use crate::ftl::canonical::{canonical, fingerprint};
use crate::ftl::entry_id;
use crate::ftl::pattern::patterns;
use crate::record::{RecordData, Recorded, key_text};

/// Which recorded translations `--confirm` records as current.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Every one of the locale.
    All,
    /// These entries (`id`: its value and every attribute) and attributes (`id.attribute`).
    Ids(Vec<String>),
}

impl Confirm {
    fn covers(&self, key: &str) -> bool {
        match self {
            Confirm::All => true,
            Confirm::Ids(ids) => ids.iter().any(|id| {
                key == id
                    || key
                        .strip_prefix(id.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            }),
        }
    }
}

/// What updating a record did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordCounts {
    /// Values and attributes recorded for the first time.
    pub recorded: usize,
    /// Outdated ones recorded as current by `--confirm`.
    pub confirmed: usize,
    /// Outdated ones, left outdated.
    pub outdated: usize,
    /// Lines dropped: the reference or the locale no longer has their value or attribute.
    pub dropped: usize,
}

/// Each value and attribute of the messages and terms in `resource` (parsed from `source`),
/// by `id` or `id.attribute`, with `what(pattern)`; the first definition of a key counts.
pub(crate) fn parts(
    source: &str,
    resource: &ast::Resource<&str>,
    what: impl Fn(&ast::Pattern<&str>) -> String,
) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in &resource.body {
        let Some(id) = entry_id(entry, source) else {
            continue;
        };
        for (attribute, pattern) in patterns(entry) {
            found.push((key_text(id, attribute), what(pattern)));
        }
    }
    found
}

/// The fingerprint of each value and attribute of a locale file's `text`, by key (nothing
/// when the text does not parse).
pub(crate) fn fingerprints(text: &str) -> Vec<(String, String)> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let resource = fluent_syntax::parser::parse(body).unwrap_or_else(|(resource, _)| resource);
    parts(body, &resource, |p| fingerprint(&canonical(p)))
}

/// What one locale's record is brought up to date with.
pub(crate) struct Update<'a> {
    /// The reference's canonical text of each value and attribute, by key.
    pub reference: &'a HashMap<String, String>,
    /// Whether every reference file could be read (else lines are never dropped for the
    /// reference's lack).
    pub reference_whole: bool,
    /// The fingerprint of each of the locale's values and attributes, by key, as the locale
    /// will be.
    pub locale: &'a HashMap<String, String>,
    /// Whether every file of the locale could be read.
    pub locale_whole: bool,
    pub confirm: Option<&'a Confirm>,
}

impl Update<'_> {
    /// `old` brought up to date.
    pub(crate) fn apply(&self, old: &RecordData) -> (RecordData, RecordCounts) {
        let mut new = RecordData::default();
        let mut counts = RecordCounts::default();
        for (key, fingerprint) in self.locale {
            let Some(reference) = self.reference.get(key) else {
                continue;
            };
            let current = Recorded::new(fingerprint.clone(), reference);
            let recorded = match old.entries.get(key) {
                None => {
                    counts.recorded += 1;
                    current
                }
                Some(old) if old.is_from(reference) => current,
                Some(old) if self.confirm.is_some_and(|c| c.covers(key)) => {
                    if old.fingerprint == current.fingerprint {
                        counts.confirmed += 1;
                    }
                    current
                }
                Some(old) if old.fingerprint == current.fingerprint => {
                    counts.outdated += 1;
                    old.clone()
                }
                Some(_) => current,
            };
            new.entries.insert(key.clone(), recorded);
        }
        for (key, old) in &old.entries {
            if new.entries.contains_key(key) {
                continue;
            }
            let gone_from_reference = !self.reference.contains_key(key);
            let gone_from_locale = !self.locale.contains_key(key);
            if (gone_from_reference && !self.reference_whole)
                || (gone_from_locale && !self.locale_whole)
            {
                new.entries.insert(key.clone(), old.clone());
            } else {
                counts.dropped += 1;
            }
        }
        (new, counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    fn record(pairs: &[(&str, &str, &str)]) -> RecordData {
        let mut data = RecordData::default();
        for (key, fingerprint, reference) in pairs {
            data.entries.insert(
                (*key).to_string(),
                Recorded::new((*fingerprint).to_string(), reference),
            );
        }
        data
    }

    #[test]
    fn each_state_of_a_translation() {
        let reference = map(&[
            ("same", "S"),
            ("changed", "C2"),
            ("edited", "E2"),
            ("new", "N"),
            ("edited-same", "ES"),
        ]);
        let locale = map(&[
            ("same", "f-same"),
            ("changed", "f-changed"),
            ("edited", "f-edited-2"),
            ("new", "f-new"),
            ("edited-same", "f-es-2"),
            ("obsolete", "f-obsolete"),
        ]);
        let old = record(&[
            ("same", "f-same", "S"),
            ("changed", "f-changed", "C1"),
            ("edited", "f-edited-1", "E1"),
            ("edited-same", "f-es-1", "ES"),
            ("obsolete", "f-obsolete", "O"),
            ("deleted", "f-deleted", "D"),
        ]);
        let update = Update {
            reference: &reference,
            reference_whole: true,
            locale: &locale,
            locale_whole: true,
            confirm: None,
        };
        let (new, counts) = update.apply(&old);
        assert_eq!(
            new,
            record(&[
                ("same", "f-same", "S"),
                // The reference changed, the translation did not: still from C1.
                ("changed", "f-changed", "C1"),
                // Both changed: the translator has been at it since.
                ("edited", "f-edited-2", "E2"),
                ("new", "f-new", "N"),
                ("edited-same", "f-es-2", "ES"),
            ])
        );
        assert_eq!(
            counts,
            RecordCounts {
                recorded: 1,
                confirmed: 0,
                outdated: 1,
                dropped: 2,
            }
        );

        // Confirming records the outdated one as current.
        let confirm = Confirm::Ids(vec!["changed".into()]);
        let (confirmed, counts) = Update {
            confirm: Some(&confirm),
            ..update
        }
        .apply(&new);
        assert_eq!(
            confirmed.entries["changed"].reference.as_deref(),
            Some("C2")
        );
        assert_eq!(counts.confirmed, 1);

        // A locale file that could not be read keeps the lines it may hold.
        let (kept, counts) = Update {
            locale_whole: false,
            ..update
        }
        .apply(&old);
        assert!(kept.entries.contains_key("deleted"));
        assert_eq!(
            counts.dropped, 1,
            "the obsolete line goes: the reference lacks it"
        );
    }

    #[test]
    fn confirming_an_entry_confirms_its_attributes() {
        let ids = Confirm::Ids(vec!["hero".into()]);
        assert!(ids.covers("hero") && ids.covers("hero.alt"));
        assert!(!ids.covers("hero-2") && !ids.covers("her"));
        let attribute = Confirm::Ids(vec!["hero.alt".into()]);
        assert!(attribute.covers("hero.alt") && !attribute.covers("hero"));
    }

    #[test]
    fn fingerprints_do_not_depend_on_layout() {
        let a = fingerprints("\u{feff}a = One\n    two\n    .t = T\n-b = B\n");
        let b = fingerprints("a =\n  One\n  two\n  .t =   T\n\n-b =\n    B\n");
        assert_eq!(a, b);
        let keys: Vec<_> = a.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "a.t", "-b"]);
    }
}
