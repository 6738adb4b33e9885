//! How complete a locale is against the reference, as compare-locales counts it.

use serde::{Deserialize, Serialize};

use crate::check::context::{ParsedLocale, is_obsolete};
use crate::check::suppress::silenced;
use crate::config::CheckConfig;
use crate::diagnostic::CheckId;

/// Completeness of one locale against the reference, as compare-locales counts it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// Present entries (not marked untranslated) with a value or attribute translated from
    /// an earlier version of the reference text (the `outdated` check): counted in `present`,
    /// and out of `coverage` unless `folio.toml` says `outdated-counts-as-done = true`.
    #[serde(default)]
    pub outdated: usize,
    /// `(present - untranslated - outdated) / entries`, as a percentage rounded to two
    /// decimals (100 with no entries).
    pub coverage: f64,
    /// When the locale is below the minimum coverage (`--min-coverage`, `[check]
    /// min-coverage`): every entry that is not done, in the reference's order. Empty (and
    /// left out of JSON) otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_done: Vec<NotDone>,
}

/// An entry that keeps a locale's coverage down.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotDone {
    /// The message or term id (a term's with its `-`).
    pub entry: String,
    /// The locale's file it belongs in.
    pub path: String,
    /// Why it is not done: `missing`, `untranslated` or `outdated`.
    pub reason: NotDoneReason,
}

/// Why an entry is not done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotDoneReason {
    /// The locale lacks it (in the reference's file of the same path).
    Missing,
    /// Marked `# folio: untranslated`.
    Untranslated,
    /// Translated from an earlier version of the reference text.
    Outdated,
}

impl NotDoneReason {
    /// `missing`, `untranslated` or `outdated`.
    pub fn as_str(self) -> &'static str {
        match self {
            NotDoneReason::Missing => "missing",
            NotDoneReason::Untranslated => "untranslated",
            NotDoneReason::Outdated => "outdated",
        }
    }
}

/// Counts `locale` against `reference`, file by file: an entry counts as present only in the
/// file of the same path, as compare-locales counts it; an entry lost to a syntax error is not
/// in the index, so it counts as missing.
pub(crate) fn count(
    locale: &ParsedLocale<'_>,
    reference: &ParsedLocale<'_>,
    config: &CheckConfig,
    min_coverage: Option<f64>,
) -> LocaleStats {
    let mut stats = LocaleStats {
        locale: locale.name().to_string(),
        ..LocaleStats::default()
    };
    let private_terms = locale.private_terms_in_use(reference);
    for (ref_file, ref_index) in reference.each_file() {
        stats.entries += ref_index.len();
        let Some((_, l10n_index)) = locale.file(&ref_file.rel) else {
            stats.missing += ref_index.len();
            continue;
        };
        let present = ref_index
            .ids
            .iter()
            .filter(|r| l10n_index.has(r.id))
            .count();
        stats.present += present;
        stats.missing += ref_index.len() - present;
        stats.untranslated += l10n_index
            .marked
            .iter()
            .filter(|id| ref_index.has(id) && !stays_as_it_is(reference, &ref_file.rel, id))
            .count();
        stats.obsolete += l10n_index
            .ids
            .iter()
            .filter(|l| is_obsolete(l.id, ref_index, &private_terms))
            .count();
    }
    let outdated = outdated_entries(locale, reference, config);
    stats.outdated = outdated.len();
    let outdated_done = config.outdated_counts_as_done;
    let not_done = stats.untranslated + if outdated_done { 0 } else { stats.outdated };
    stats.coverage = percent(stats.present - not_done, stats.entries);
    if min_coverage.is_some_and(|min| stats.coverage < min) {
        stats.not_done = not_done_entries(locale, reference, &outdated, outdated_done);
    }
    stats
}

/// The ids of the entries with an outdated value or attribute, present in the reference's
/// file of the same path and not marked untranslated (the `outdated` check turned off counts
/// none).
fn outdated_entries<'a>(
    locale: &ParsedLocale<'a>,
    reference: &ParsedLocale<'_>,
    config: &CheckConfig,
) -> std::collections::HashSet<(usize, &'a str)> {
    if locale.record.is_none() || config.severity(CheckId::Outdated).is_none() {
        return std::collections::HashSet::new();
    }
    locale
        .examined(reference)
        .outdated
        .iter()
        .filter_map(|o| {
            let index = &locale.indexes[o.file];
            let id = index.get(&o.id)?.id;
            let rel = &locale.files[o.file].rel;
            // Silenced by `# folio-ignore: outdated`: done, as the report shows it.
            if silenced(Some(locale), reference, rel, id, "outdated") {
                return None;
            }
            reference
                .file(rel)
                .is_some_and(|(_, ref_index)| ref_index.has(id))
                .then_some((o.file, id))
        })
        .collect()
}

/// Every entry of the reference that `locale` has not done, in the reference's order.
fn not_done_entries(
    locale: &ParsedLocale<'_>,
    reference: &ParsedLocale<'_>,
    outdated: &std::collections::HashSet<(usize, &str)>,
    outdated_done: bool,
) -> Vec<NotDone> {
    let mut found = Vec::new();
    for (ref_file, ref_index) in reference.each_file() {
        let prefix = ref_file
            .path
            .strip_suffix(ref_file.rel.as_str())
            .unwrap_or("");
        let folder = prefix
            .trim_end_matches('/')
            .rsplit_once('/')
            .map_or("", |(f, _)| f);
        let path = if folder.is_empty() {
            format!("{}/{}", locale.name(), ref_file.rel)
        } else {
            format!("{folder}/{}/{}", locale.name(), ref_file.rel)
        };
        let file = locale
            .files
            .binary_search_by(|f| f.rel.as_str().cmp(&ref_file.rel))
            .ok();
        for indexed in &ref_index.ids {
            let id = indexed.id;
            let reason = match file.map(|i| (i, &locale.indexes[i])) {
                Some((_, index))
                    if index.marked.contains(id)
                        && index.has(id)
                        && !stays_as_it_is(reference, &ref_file.rel, id) =>
                {
                    NotDoneReason::Untranslated
                }
                Some((i, index)) if index.has(id) => {
                    if outdated_done || !outdated.contains(&(i, id)) {
                        continue;
                    }
                    NotDoneReason::Outdated
                }
                _ => NotDoneReason::Missing,
            };
            found.push(NotDone {
                entry: id.to_string(),
                path: path.clone(),
                reason,
            });
        }
    }
    found
}

/// Whether the reference's entry `id` in its file `rel` is not to be translated: its
/// comment says `# folio-ignore: untranslated` (or `all`). A copy of it counts as done,
/// marked or not (`folio sync` once marked such copies too).
fn stays_as_it_is(reference: &ParsedLocale<'_>, rel: &str, id: &str) -> bool {
    silenced(None, reference, rel, id, "untranslated")
}

/// `part` of `whole` in percent, rounded to two decimals; 100 when `whole` is 0.
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 100.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let percent = part as f64 * 100.0 / whole as f64;
    (percent * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::catalog::{LocaleDir, ParsedFile};

    fn parsed(locale: &str, files: &[(&str, &str)]) -> (LocaleDir, Vec<Arc<ParsedFile>>) {
        let dir = LocaleDir::for_test(locale);
        let files = files
            .iter()
            .map(|(rel, text)| {
                Arc::new(ParsedFile::parse(
                    (*rel).to_string(),
                    format!("{locale}/{rel}"),
                    Ok(text.as_bytes().to_vec()),
                ))
            })
            .collect();
        (dir, files)
    }

    #[test]
    fn counts_per_file_with_marks_junk_and_missing_files() {
        let (ref_dir, ref_files) = parsed(
            "en",
            &[
                ("a.ftl", "a = A\nb = B\nc = C\n-t = T\n"),
                ("b.ftl", "d = D\ne = E\n"),
            ],
        );
        // `b` lost to junk, `c` marked, `-t` moved to another file, `old` obsolete, no `b.ftl`.
        let (dir, files) = parsed(
            "de",
            &[
                (
                    "a.ftl",
                    "a = Ä\nb = { $x\n# folio: untranslated\nc = C\nold = Alt\n",
                ),
                ("c.ftl", "-t = T\n"),
            ],
        );
        let reference = ParsedLocale::new(&ref_dir, &ref_files);
        let locale = ParsedLocale::new(&dir, &files);
        let stats = count(&locale, &reference, &CheckConfig::default(), None);
        assert_eq!(
            stats,
            LocaleStats {
                locale: "de".into(),
                entries: 6,
                present: 2,
                missing: 4,
                obsolete: 1,
                untranslated: 1,
                outdated: 0,
                coverage: 16.67,
                not_done: Vec::new(),
            }
        );
    }

    #[test]
    fn percentages() {
        assert!((percent(2, 3) - 66.67).abs() < f64::EPSILON);
        assert!((percent(0, 0) - 100.0).abs() < f64::EPSILON);
        assert!((percent(0, 7)).abs() < f64::EPSILON);
    }
}
