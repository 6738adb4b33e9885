//! "Did you mean": the known name spelled most like a misspelt one. Not a check: the checks of
//! unknown variables, references and obsolete messages share it, and put what they find in
//! [`Diagnostic::replacement`](crate::Diagnostic::replacement) for editors' quick fixes.

/// The name of `known` spelled most like `name`, if one is close enough to be a typo of it.
pub(crate) fn closest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .filter(|k| *k != name)
        .map(|k| (k, strsim::normalized_damerau_levenshtein(name, k)))
        .filter(|(_, similarity)| *similarity >= 0.5)
        // The most similar; among equals, the first in name order, so the answer is stable
        // whatever order the names come in.
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn a_typo_finds_its_name_and_a_stranger_finds_none() {
        let known = ["user", "count", "date"];
        assert_eq!(closest("usr", known), Some("user"));
        assert_eq!(closest("cuont", known), Some("count"));
        assert_eq!(closest("elephant", known), None);
        assert_eq!(closest("user", ["user"]), None);
    }
}
