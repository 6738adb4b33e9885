//! Language tags: validation, writing direction and fallback chains.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::error::{Error, Result};

/// A BCP 47 language tag naming a locale: `de`, `pt-BR`, `sr-Latn`, and tags with extensions
/// such as `ar-u-nu-latn` (Arabic with Latin digits) or `en-x-pirate` (a private-use variety).
///
/// Its language identifier (language, script, region, variants) is what the language is: it
/// gives the writing direction, the plural rules and the fallbacks, and a `Tag` dereferences to
/// it. The extensions are kept as ICU4X writes them: `-u-` keywords choose how numbers and
/// dates are formatted (`nu` digits, `ca` calendar, `hc` hour cycle), and a private-use `-x-`
/// part makes a variety of its own that only readers who ask for it are sent (see
/// [`matching`]). The whole tag names the locale: its folder, URLs, `lang` and `hreflang`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tag {
    id: LanguageIdentifier,
    /// `u-nu-latn`, `x-pirate`: the extensions, canonical, without the leading `-`.
    extensions: Option<Box<str>>,
}

impl Tag {
    /// The language identifier: the tag without its extensions.
    pub fn language_id(&self) -> &LanguageIdentifier {
        &self.id
    }

    /// The extensions as written after the language identifier (`u-nu-latn-x-pirate`), if any.
    pub fn extensions(&self) -> Option<&str> {
        self.extensions.as_deref()
    }

    /// The private-use part (`pirate` of `en-x-pirate`), if any.
    pub fn private_use(&self) -> Option<&str> {
        let extensions = self.extensions.as_deref()?;
        if let Some(rest) = extensions.strip_prefix("x-") {
            return Some(rest);
        }
        extensions.find("-x-").map(|at| &extensions[at + 3..])
    }

    /// Whether the tag carries `-u-` keywords (or another extension than private use).
    pub fn has_unicode_extensions(&self) -> bool {
        self.extensions
            .as_deref()
            .is_some_and(|e| !e.starts_with("x-"))
    }
}

impl From<LanguageIdentifier> for Tag {
    fn from(id: LanguageIdentifier) -> Tag {
        Tag {
            id,
            extensions: None,
        }
    }
}

impl std::ops::Deref for Tag {
    type Target = LanguageIdentifier;

    fn deref(&self) -> &LanguageIdentifier {
        &self.id
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.extensions {
            Some(extensions) => write!(f, "{}-{extensions}", self.id),
            None => self.id.fmt(f),
        }
    }
}

impl std::str::FromStr for Tag {
    type Err = Error;

    fn from_str(tag: &str) -> Result<Tag> {
        parse_tag(tag)
    }
}

/// Parses a BCP 47 language tag such as `de`, `pt-BR`, `sr-Latn`, `ar-u-nu-latn` or
/// `en-x-pirate`.
///
/// Underscores (`en_US`, a POSIX locale name) are refused: a locale folder must be named by
/// the tag itself so that the tag in a URL, an `hreflang` and the folder name agree. A tag
/// must start with a language (`x-pirate` alone is refused); its extensions are checked by
/// ICU4X's parser.
///
/// # Example
/// ```
/// let tag = folio::parse_tag("pt-BR")?;
/// assert_eq!(tag.to_string(), "pt-BR");
/// let tag = folio::parse_tag("ar-u-nu-latn")?;
/// assert_eq!((tag.language_id().to_string(), tag.extensions()), ("ar".into(), Some("u-nu-latn")));
/// assert!(folio::parse_tag("en_US").is_err());
/// assert!(folio::parse_tag("en-x").is_err());
/// # Ok::<(), folio::Error>(())
/// ```
pub fn parse_tag(tag: &str) -> Result<Tag> {
    let invalid = || Error::InvalidTag {
        tag: tag.to_string(),
    };
    if tag.contains('_') || tag.is_empty() {
        return Err(invalid());
    }
    // The extensions start at the first one-character subtag.
    let split = tag.match_indices('-').map(|(at, _)| at).find(|&at| {
        tag[at + 1..]
            .split('-')
            .next()
            .is_some_and(|s| s.len() == 1)
    });
    let Some(at) = split else {
        let id = tag.parse().map_err(|_| invalid())?;
        return Ok(Tag {
            id,
            extensions: None,
        });
    };
    let id: LanguageIdentifier = tag[..at].parse().map_err(|_| invalid())?;
    let locale = icu_locale_core::Locale::try_from_str(tag).map_err(|_| invalid())?;
    let extensions = locale.extensions.to_string();
    if extensions.is_empty() {
        return Err(invalid());
    }
    Ok(Tag {
        id,
        extensions: Some(extensions.into()),
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
pub fn fallback_chain(requested: &Tag, available: &[Tag], fallback: &Tag) -> Vec<Tag> {
    let mut chain = matching(requested, available);
    if !chain.contains(fallback) {
        chain.push(fallback.clone());
    }
    chain
}

/// The locales of `available` that can serve a reader asking for `requested`, best first.
///
/// A locale whose tag is the request's, extensions and all, comes first. Then fluent-langneg's
/// filtering of the language identifiers (`de-AT` matches `de`, `pt` matches `pt-BR`), after
/// CLDR's aliases are replaced (`iw` is Hebrew, `in` Indonesian) and with CLDR's likely
/// subtags kept to: a locale written in another script than the one the reader reads never
/// matches, so `zh-TW` and `zh-HK` (Traditional) are not sent `zh-CN` (Simplified), nor
/// `sr-Latn` `sr` (Cyrillic). Norwegian follows CLDR's parents: `nb` and `nn` fall back to
/// `no`, and `no` (which CLDR writes in Bokmål) to `nb`. A private-use locale (`en-x-pirate`)
/// is a variety of its own: only a request with the same private use matches it. `-u-`
/// keywords (`ar-u-nu-latn`) say how to format, not which language: they match as their
/// language does, after a locale without them.
///
/// # Example
/// ```
/// let tags = |list: &[&str]| list.iter().map(|t| folio::parse_tag(t)).collect::<Result<Vec<_>, _>>();
/// let available = tags(&["en-US", "he", "zh-CN", "nb", "en-x-pirate", "ar-u-nu-latn"])?;
/// let first = |tag: &str| folio::matching(&folio::parse_tag(tag).unwrap(), &available)
///     .first()
///     .map(ToString::to_string);
/// assert_eq!(first("iw").as_deref(), Some("he"));
/// assert_eq!(first("zh-SG").as_deref(), Some("zh-CN"));
/// assert_eq!(first("zh-TW"), None);
/// assert_eq!(first("no").as_deref(), Some("nb"));
/// assert_eq!(first("en-GB").as_deref(), Some("en-US"));
/// assert_eq!(first("en-x-pirate").as_deref(), Some("en-x-pirate"));
/// assert_eq!(first("ar-EG").as_deref(), Some("ar-u-nu-latn"));
/// # Ok::<(), folio::Error>(())
/// ```
pub fn matching(requested: &Tag, available: &[Tag]) -> Vec<Tag> {
    let private = requested.private_use();
    let eligible: Vec<&Tag> = available
        .iter()
        .filter(|tag| tag.private_use().is_none() || tag.private_use() == private)
        .collect();
    let mut ids: Vec<LanguageIdentifier> = Vec::new();
    for tag in &eligible {
        if !ids.contains(&tag.id) {
            ids.push(tag.id.clone());
        }
    }
    let mut found: Vec<Tag> = available
        .iter()
        .filter(|tag| *tag == requested)
        .cloned()
        .collect();
    for id in matching_ids(&requested.id, &ids) {
        // Of the locales of one language: the request's variety, then the plain one, then
        // those with keywords of their own.
        let mut same: Vec<&Tag> = eligible.iter().copied().filter(|t| t.id == id).collect();
        same.sort_by_key(|t| (t.private_use().is_none(), t.extensions.is_some()));
        for tag in same {
            if !found.contains(tag) {
                found.push(tag.clone());
            }
        }
    }
    found
}

/// [`matching`] of the language identifiers alone.
fn matching_ids(
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

    fn tag(text: &str) -> Tag {
        parse_tag(text).unwrap()
    }

    fn tags(list: &[&str]) -> Vec<Tag> {
        list.iter().map(|t| tag(t)).collect()
    }

    #[test]
    fn matching_keeps_to_the_readers_script_and_cldrs_aliases_and_parents() {
        let available = tags(&["en-US", "zh-CN", "sr", "he", "id", "no"]);
        let first = |requested: &str| {
            matching(&tag(requested), &available)
                .into_iter()
                .next()
                .map(|t| t.to_string())
        };
        assert_eq!(first("zh-TW"), None);
        assert_eq!(first("zh-Hant-HK"), None);
        assert_eq!(first("zh-Hans-TW").as_deref(), Some("zh-CN"));
        assert_eq!(first("sr-Latn-RS"), None);
        assert_eq!(first("sr-RS").as_deref(), Some("sr"));
        assert_eq!(first("iw").as_deref(), Some("he"));
        assert_eq!(first("in").as_deref(), Some("id"));
        assert_eq!(first("nb-NO").as_deref(), Some("no"));
        assert_eq!(first("nn").as_deref(), Some("no"));
        assert_eq!(first("de"), None);
        assert_eq!(
            fallback_chain(&tag("zh-TW"), &available, &tag("en-US")),
            [tag("en-US")]
        );
    }

    #[test]
    fn private_use_is_a_variety_of_its_own_and_keywords_match_as_their_language() {
        let available = tags(&["en-US", "en-x-pirate", "de-u-nu-arab", "de", "ar-u-nu-latn"]);
        let chain = |requested: &str| {
            fallback_chain(&tag(requested), &available, &tag("en-US"))
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        // Only a reader who asks for the private-use variety gets it; it falls back to English.
        assert_eq!(chain("en-x-pirate"), ["en-x-pirate", "en-US"]);
        assert_eq!(chain("en-GB"), ["en-US"]);
        assert_eq!(chain("en-x-klingon"), ["en-US"]);
        // Keywords: the exact tag first, else the plain language before the keyword one.
        assert_eq!(chain("de-u-nu-arab"), ["de-u-nu-arab", "de", "en-US"]);
        assert_eq!(chain("de-AT"), ["de", "de-u-nu-arab", "en-US"]);
        assert_eq!(chain("ar-EG"), ["ar-u-nu-latn", "en-US"]);
    }

    #[test]
    fn tags_are_validated() {
        assert!(parse_tag("de").is_ok());
        assert!(parse_tag("zh-Hant-TW").is_ok());
        for good in [
            "ar-u-nu-latn",
            "en-x-pirate",
            "de-CH-u-ca-gregory-x-zh",
            "ja-u-ca-japanese",
        ] {
            assert_eq!(
                tag(good).to_string(),
                good,
                "{good:?} should be kept as written"
            );
        }
        assert_eq!(tag("ar-u-nu-latn").language_id(), &langid!("ar"));
        assert_eq!(tag("de-CH-u-ca-gregory-x-zh").private_use(), Some("zh"));
        assert!(tag("ar-u-nu-latn").has_unicode_extensions());
        assert!(!tag("en-x-pirate").has_unicode_extensions());
        let bad = [
            "",
            "en_US",
            "not a tag",
            "x",
            "de--AT",
            "x-pirate",
            "en-x",
            "de-u",
            "ar-u-nu-latn-",
            "en-a",
        ];
        for bad in bad {
            assert!(parse_tag(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn direction_follows_the_script() {
        assert_eq!(Direction::of(&langid!("ar")), Direction::Rtl);
        assert_eq!(Direction::of(&tag("ar-u-nu-latn")), Direction::Rtl);
        assert_eq!(Direction::of(&langid!("he")), Direction::Rtl);
        assert_eq!(Direction::of(&langid!("de")), Direction::Ltr);
    }

    #[test]
    fn regional_variants_fall_back_to_the_language_then_the_reference() {
        let available = tags(&["en-US", "de", "pl"]);
        let chain = fallback_chain(&tag("de-AT"), &available, &tag("en-US"));
        assert_eq!(chain, tags(&["de", "en-US"]));
        let chain = fallback_chain(&tag("fr"), &available, &tag("en-US"));
        assert_eq!(chain, tags(&["en-US"]));
    }
}
