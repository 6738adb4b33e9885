//! `# folio-ignore: check, …`: a comment right above an entry silences those checks (or
//! `all`) for that entry; above the reference's entry, for that entry in every locale.

use rustc_hash::FxHashSet as HashSet;

use crate::check::context::ParsedLocale;
use crate::diagnostic::Diagnostic;

/// `found` without the findings that a `# folio-ignore:` comment silences, in the locale's
/// file or in the reference's file of the same path.
pub(crate) fn suppress(
    locale: &ParsedLocale<'_>,
    reference: Option<&ParsedLocale<'_>>,
    found: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut silenced: HashSet<(&str, &str, &str)> = HashSet::default();
    for &(file, id, check) in &locale.ignores {
        silenced.insert((locale.files[file].path.as_str(), id, check));
    }
    // Above the reference's entry, for the same file of every locale.
    if let Some(reference) = reference {
        for &(file, id, check) in &reference.ignores {
            if let Some((target, _)) = locale.file(&reference.files[file].rel) {
                silenced.insert((target.path.as_str(), id, check));
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

/// Whether a `# folio-ignore:` comment silences `check` for the entry `id` of the file `rel`:
/// above it in `locale` (when given), or above the reference's entry. The coverage counts such
/// an entry as the report shows it.
pub(crate) fn silenced(
    locale: Option<&ParsedLocale<'_>>,
    reference: &ParsedLocale<'_>,
    rel: &str,
    id: &str,
    check: &str,
) -> bool {
    let in_locale = |l: &ParsedLocale<'_>| {
        l.ignores.iter().any(|&(file, ignored, name)| {
            ignored == id && (name == check || name == "all") && l.files[file].rel == rel
        })
    };
    locale.is_some_and(in_locale) || in_locale(reference)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::catalog::{LocaleDir, ParsedFile};
    use crate::diagnostic::CheckId;

    fn file(locale: &str, text: &str) -> Vec<Arc<ParsedFile>> {
        vec![Arc::new(ParsedFile::parse(
            "a.ftl".into(),
            format!("{locale}/a.ftl"),
            Ok(text.as_bytes().to_vec()),
        ))]
    }

    fn finding(check: CheckId, entry: &str) -> Diagnostic {
        Diagnostic::new(check, "de/a.ftl", String::new())
            .locale("de")
            .entry(entry)
    }

    #[test]
    fn silences_by_check_by_all_and_from_the_reference() {
        let (en, de) = (LocaleDir::for_test("en"), LocaleDir::for_test("de"));
        let ref_files = file(
            "en",
            "# folio-ignore: untranslated\nbrand = Folio\nb = B\nc = C\n",
        );
        let files = file(
            "de",
            "brand = Folio\n# folio-ignore: whitespace, missing-variable\nb =  B\n# folio-ignore: all\nc = C\n",
        );
        let reference = ParsedLocale::new(&en, &ref_files);
        let locale = ParsedLocale::new(&de, &files);
        let found = vec![
            finding(CheckId::Untranslated, "brand"),
            finding(CheckId::Whitespace, "b"),
            finding(CheckId::Untranslated, "b"),
            finding(CheckId::EmptyValue, "c"),
            Diagnostic::new(CheckId::MissingFile, "de/z.ftl", String::new()),
        ];
        let kept = suppress(&locale, Some(&reference), found);
        let kept: Vec<_> = kept.iter().map(|d| (d.check, d.entry.as_deref())).collect();
        assert_eq!(
            kept,
            [
                (CheckId::Untranslated, Some("b")),
                (CheckId::MissingFile, None)
            ]
        );
    }
}
