//! How complete a locale is against the reference, as compare-locales counts it.

use serde::{Deserialize, Serialize};

use crate::check::context::{ParsedLocale, is_obsolete};

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
    /// `(present - untranslated) / entries`, as a percentage rounded to two decimals (100
    /// with no entries).
    pub coverage: f64,
}

/// Counts `locale` against `reference`, file by file: an entry counts as present only in the
/// file of the same path, as compare-locales counts it; an entry lost to a syntax error is not
/// in the index, so it counts as missing.
pub(crate) fn count(locale: &ParsedLocale<'_>, reference: &ParsedLocale<'_>) -> LocaleStats {
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
            .filter(|id| ref_index.has(id))
            .count();
        stats.obsolete += l10n_index
            .ids
            .iter()
            .filter(|l| is_obsolete(l.id, ref_index, &private_terms))
            .count();
    }
    stats.coverage = percent(stats.present - stats.untranslated, stats.entries);
    stats
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
        let stats = count(&locale, &reference);
        assert_eq!(
            stats,
            LocaleStats {
                locale: "de".into(),
                entries: 6,
                present: 2,
                missing: 4,
                obsolete: 1,
                untranslated: 1,
                coverage: 16.67,
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
