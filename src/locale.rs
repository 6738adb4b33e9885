//! Language tags: validation, writing direction and fallback chains.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::error::{Error, Result};

/// Parses a BCP 47 language tag such as `de`, `pt-BR` or `sr-Latn`.
///
/// Underscores (`en_US`, a POSIX locale name) are refused: a locale folder must be named by
/// the tag itself so that the tag in a URL, an `hreflang` and the folder name agree.
///
/// # Example
/// ```
/// let tag = folio::parse_tag("pt-BR")?;
/// assert_eq!(tag.to_string(), "pt-BR");
/// assert!(folio::parse_tag("en_US").is_err());
/// # Ok::<(), folio::Error>(())
/// ```
pub fn parse_tag(tag: &str) -> Result<LanguageIdentifier> {
    if tag.contains('_') || tag.is_empty() {
        return Err(Error::InvalidTag {
            tag: tag.to_string(),
        });
    }
    tag.parse().map_err(|_| Error::InvalidTag {
        tag: tag.to_string(),
    })
}

/// The writing direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu, …).
    Rtl,
}

impl Direction {
    /// The direction of `tag`'s script, per CLDR's list of right-to-left languages.
    pub fn of(tag: &LanguageIdentifier) -> Self {
        match tag.character_direction() {
            CharacterDirection::RTL => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// `ltr` or `rtl`, as in HTML's `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The locales to try, in order, for a reader who asked for `requested`.
///
/// Uses fluent-langneg's filtering: `de-AT` matches `de`, `pt` matches `pt-BR`; `fallback` (the
/// reference locale) always ends the chain. An unmatched request yields just the fallback.
pub fn fallback_chain(
    requested: &LanguageIdentifier,
    available: &[LanguageIdentifier],
    fallback: &LanguageIdentifier,
) -> Vec<LanguageIdentifier> {
    let mut chain: Vec<LanguageIdentifier> = negotiate_languages(
        std::slice::from_ref(requested),
        available,
        Some(fallback),
        NegotiationStrategy::Filtering,
    )
    .into_iter()
    .cloned()
    .collect();
    if !chain.contains(fallback) {
        chain.push(fallback.clone());
    }
    chain
}

/// The cardinal plural categories CLDR gives the language of `tag` (ICU4X's compiled data),
/// in CLDR's order (`zero one two few many other`); `None` when CLDR has no rules for it.
///
/// # Example
/// ```
/// let pl = folio::parse_tag("pl")?;
/// assert_eq!(folio::plural_categories(&pl), Some(vec!["one", "few", "many", "other"]));
/// # Ok::<(), folio::Error>(())
/// ```
pub fn plural_categories(tag: &LanguageIdentifier) -> Option<Vec<&'static str>> {
    use icu_plurals::{PluralCategory, PluralRules};
    let locale = icu_locale_core::Locale::try_from_str(&tag.to_string()).ok()?;
    let rules = PluralRules::try_new_cardinal((&locale).into()).ok()?;
    let name = |category| match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    };
    Some(rules.categories().map(name).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use unic_langid::langid;

    #[test]
    fn tags_are_validated() {
        assert!(parse_tag("de").is_ok());
        assert!(parse_tag("zh-Hant-TW").is_ok());
        for bad in ["", "en_US", "not a tag", "x", "de--AT"] {
            assert!(parse_tag(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn direction_follows_the_script() {
        assert_eq!(Direction::of(&langid!("ar")), Direction::Rtl);
        assert_eq!(Direction::of(&langid!("he")), Direction::Rtl);
        assert_eq!(Direction::of(&langid!("de")), Direction::Ltr);
    }

    #[test]
    fn regional_variants_fall_back_to_the_language_then_the_reference() {
        let available = [langid!("en-US"), langid!("de"), langid!("pl")];
        let chain = fallback_chain(&langid!("de-AT"), &available, &langid!("en-US"));
        assert_eq!(chain, vec![langid!("de"), langid!("en-US")]);
        let chain = fallback_chain(&langid!("fr"), &available, &langid!("en-US"));
        assert_eq!(chain, vec![langid!("en-US")]);
    }
}
