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
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
/// The locales [`matching`] the request, then `fallback` (the reference locale), which always
/// ends the chain. An unmatched request yields just the fallback.
pub fn fallback_chain(
    requested: &LanguageIdentifier,
    available: &[LanguageIdentifier],
    fallback: &LanguageIdentifier,
) -> Vec<LanguageIdentifier> {
    let mut chain = matching(requested, available);
    if !chain.contains(fallback) {
        chain.push(fallback.clone());
    }
    chain
}

/// The locales of `available` that can serve a reader asking for `requested`, best first.
///
/// fluent-langneg's filtering (`de-AT` matches `de`, `pt` matches `pt-BR`), after CLDR's
/// aliases are replaced (`iw` is Hebrew, `in` Indonesian) and with CLDR's likely subtags kept
/// to: a locale written in another script than the one the reader reads never matches, so
/// `zh-TW` and `zh-HK` (Traditional) are not sent `zh-CN` (Simplified), nor `sr-Latn` `sr`
/// (Cyrillic). Norwegian follows CLDR's parents: `nb` and `nn` fall back to `no`, and `no`
/// (which CLDR writes in Bokmål) to `nb`.
///
/// # Example
/// ```
/// use unic_langid::langid;
///
/// let available = [langid!("en-US"), langid!("he"), langid!("zh-CN"), langid!("nb")];
/// assert_eq!(folio::matching(&langid!("iw"), &available), [langid!("he")]);
/// assert_eq!(folio::matching(&langid!("zh-SG"), &available), [langid!("zh-CN")]);
/// assert!(folio::matching(&langid!("zh-TW"), &available).is_empty());
/// assert_eq!(folio::matching(&langid!("no"), &available), [langid!("nb")]);
/// ```
pub fn matching(
    requested: &LanguageIdentifier,
    available: &[LanguageIdentifier],
) -> Vec<LanguageIdentifier> {
    let requested = canonical(requested);
    let script = likely_script(&requested);
    let same_script = |tag: &&LanguageIdentifier| likely_script(tag) == script;
    let found: Vec<LanguageIdentifier> = negotiate_languages(
        std::slice::from_ref(&requested),
        available,
        None,
        NegotiationStrategy::Filtering,
    )
    .into_iter()
    .filter(same_script)
    .cloned()
    .collect();
    if !found.is_empty() {
        return found;
    }
    let parent = match requested.language.as_str() {
        "nb" | "nn" => "no",
        "no" => "nb",
        _ => return found,
    };
    let mut parent_tag = requested.clone();
    parent_tag.language = parent.parse().expect("a language subtag");
    negotiate_languages(
        std::slice::from_ref(&parent_tag),
        available,
        None,
        NegotiationStrategy::Filtering,
    )
    .into_iter()
    .cloned()
    .collect()
}

/// `tag` with CLDR's aliases replaced (`iw` → `he`, `in` → `id`, `mo` → `ro`); as it is when
/// it has none.
fn canonical(tag: &LanguageIdentifier) -> LanguageIdentifier {
    static CANONICALIZER: icu_locale::LocaleCanonicalizer<icu_locale::LocaleExpander> =
        icu_locale::LocaleCanonicalizer::new_extended();
    let Ok(mut locale) = icu_locale_core::Locale::try_from_str(&tag.to_string()) else {
        return tag.clone();
    };
    CANONICALIZER.canonicalize(&mut locale);
    locale.to_string().parse().unwrap_or_else(|_| tag.clone())
}

/// The script `tag` is written in: its own, else CLDR's likely one (`zh-TW` → `Hant`).
fn likely_script(tag: &LanguageIdentifier) -> Option<String> {
    static EXPANDER: icu_locale::LocaleExpander = icu_locale::LocaleExpander::new_extended();
    if let Some(script) = tag.script {
        return Some(script.as_str().to_string());
    }
    let mut langid = icu_locale_core::LanguageIdentifier::try_from_str(&tag.to_string()).ok()?;
    EXPANDER.maximize(&mut langid);
    langid.script.map(|s| s.as_str().to_string())
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
    fn matching_keeps_to_the_readers_script_and_cldrs_aliases_and_parents() {
        let available = [
            langid!("en-US"),
            langid!("zh-CN"),
            langid!("sr"),
            langid!("he"),
            langid!("id"),
            langid!("no"),
        ];
        let first = |tag: LanguageIdentifier| matching(&tag, &available).into_iter().next();
        assert_eq!(first(langid!("zh-TW")), None);
        assert_eq!(first(langid!("zh-Hant-HK")), None);
        assert_eq!(first(langid!("zh-Hans-TW")), Some(langid!("zh-CN")));
        assert_eq!(first(langid!("sr-Latn-RS")), None);
        assert_eq!(first(langid!("sr-RS")), Some(langid!("sr")));
        assert_eq!(first(langid!("iw")), Some(langid!("he")));
        assert_eq!(first(langid!("in")), Some(langid!("id")));
        assert_eq!(first(langid!("nb-NO")), Some(langid!("no")));
        assert_eq!(first(langid!("nn")), Some(langid!("no")));
        assert_eq!(first(langid!("de")), None);
        assert_eq!(
            fallback_chain(&langid!("zh-TW"), &available, &langid!("en-US")),
            [langid!("en-US")]
        );
    }

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
