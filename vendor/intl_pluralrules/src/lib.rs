//! `intl_pluralrules` 7's API, answered by ICU4X's `icu_plurals` 2 and its compiled CLDR data.
//!
//! fluent-bundle chooses a plural variant with this crate. The published `intl_pluralrules` has
//! CLDR 37's rules built in, Folio's checker reads current CLDR through ICU4X, and the two
//! disagreed (French `many`, Arabic `few` for 103–110, Hebrew's retired `many`). Folio patches
//! this crate in (`[patch.crates-io]`) so that both read the same data; README.md says more.
//!
//! # Example
//!
//! ```
//! use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
//! use unic_langid::LanguageIdentifier;
//!
//! let fr: LanguageIdentifier = "fr".parse().unwrap();
//! assert!(PluralRules::get_locales(PluralRuleType::CARDINAL).contains(&fr));
//!
//! let rules = PluralRules::create(fr.clone(), PluralRuleType::CARDINAL).unwrap();
//! assert_eq!(rules.select(1), Ok(PluralCategory::ONE));
//! assert_eq!(rules.select("1.5"), Ok(PluralCategory::ONE));
//! assert_eq!(rules.select(1_000_000), Ok(PluralCategory::MANY));
//! assert_eq!(rules.select(2), Ok(PluralCategory::OTHER));
//! assert_eq!(rules.get_locale(), &fr);
//! ```

mod data;
pub mod operands;

use std::sync::{Arc, OnceLock};

use icu_locale_core::Locale;
use icu_plurals::{PluralRuleType as IcuRuleType, PluralRules as IcuRules, PluralRulesOptions};
use unic_langid::LanguageIdentifier;

use crate::operands::PluralOperands;

/// A plural category: which form of a word a number takes.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum PluralCategory {
    /// CLDR's `zero` (Arabic 0, Latvian 10).
    ZERO,
    /// CLDR's `one` (English 1, French 0 and 1.5).
    ONE,
    /// CLDR's `two` (Arabic and Hebrew 2).
    TWO,
    /// CLDR's `few` (Polish 2–4, Arabic 3–10 and 103–110).
    FEW,
    /// CLDR's `many` (Polish 5–21, French 1000000).
    MANY,
    /// CLDR's `other`, which every language has.
    OTHER,
}

impl From<icu_plurals::PluralCategory> for PluralCategory {
    fn from(category: icu_plurals::PluralCategory) -> Self {
        match category {
            icu_plurals::PluralCategory::Zero => PluralCategory::ZERO,
            icu_plurals::PluralCategory::One => PluralCategory::ONE,
            icu_plurals::PluralCategory::Two => PluralCategory::TWO,
            icu_plurals::PluralCategory::Few => PluralCategory::FEW,
            icu_plurals::PluralCategory::Many => PluralCategory::MANY,
            icu_plurals::PluralCategory::Other => PluralCategory::OTHER,
        }
    }
}

/// Which kind of number the rules are for.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum PluralRuleType {
    /// Positions in a sequence: English 1st, 2nd, 3rd, 4th.
    ORDINAL,
    /// Quantities: English 1 item, 2 items.
    CARDINAL,
}

impl From<PluralRuleType> for IcuRuleType {
    fn from(prt: PluralRuleType) -> Self {
        match prt {
            PluralRuleType::ORDINAL => IcuRuleType::Ordinal,
            PluralRuleType::CARDINAL => IcuRuleType::Cardinal,
        }
    }
}

/// One language's plural rules, of one [`PluralRuleType`].
#[derive(Clone, Debug)]
pub struct PluralRules {
    locale: LanguageIdentifier,
    // ICU4X's rules are not `Clone`; with compiled data they are a static reference anyway.
    rules: Arc<IcuRules>,
}

impl PluralRules {
    /// The rules of `langid`'s language.
    ///
    /// ICU4X finds them as CLDR says, and as Folio's checker does: `pt-BR` has `pt`'s rules,
    /// `pt-AO` those of its parent `pt-PT`, and a language CLDR has no rules for gets the root
    /// rules, under which every number is `other`. So unlike `intl_pluralrules` 7, a tag missing
    /// from [`PluralRules::get_locales`] is not refused: with compiled data this never fails.
    ///
    /// # Example
    /// ```
    /// use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    /// use unic_langid::LanguageIdentifier;
    ///
    /// let rules = |tag: &str| {
    ///     let langid: LanguageIdentifier = tag.parse().unwrap();
    ///     PluralRules::create(langid, PluralRuleType::CARDINAL).unwrap()
    /// };
    /// assert_eq!(rules("pt-BR").select(0), Ok(PluralCategory::ONE));
    /// assert_eq!(rules("pt-AO").select(0), Ok(PluralCategory::OTHER));
    /// assert_eq!(rules("ja").select(1), Ok(PluralCategory::OTHER));
    /// ```
    pub fn create<L: Into<LanguageIdentifier>>(
        langid: L,
        prt: PluralRuleType,
    ) -> Result<Self, &'static str> {
        let locale: LanguageIdentifier = langid.into();
        // unic-langid and ICU4X read the same BCP 47; should a tag still not convert, its
        // language alone, or the root, decides (fluent-bundle unwraps what this returns).
        let icu_locale = Locale::try_from_str(&locale.to_string())
            .or_else(|_| Locale::try_from_str(locale.language.as_str()))
            .unwrap_or(Locale::UNKNOWN);
        let options = PluralRulesOptions::default().with_type(prt.into());
        let rules =
            IcuRules::try_new((&icu_locale).into(), options).map_err(|_| "unknown locale")?;
        Ok(PluralRules {
            locale,
            rules: Arc::new(rules),
        })
    }

    /// The category of `number`: an integer, a float (as it displays), or a string such as
    /// `"1.50"` whose trailing zeros count.
    ///
    /// # Example
    /// ```
    /// use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    /// use unic_langid::LanguageIdentifier;
    ///
    /// let langid: LanguageIdentifier = "en".parse().unwrap();
    /// let en = PluralRules::create(langid, PluralRuleType::CARDINAL).unwrap();
    /// assert_eq!(en.select(1), Ok(PluralCategory::ONE));
    /// assert_eq!(en.select("1.0"), Ok(PluralCategory::OTHER));
    /// assert!(en.select("one").is_err());
    /// ```
    pub fn select<N: TryInto<PluralOperands>>(
        &self,
        number: N,
    ) -> Result<PluralCategory, &'static str> {
        let operands = number
            .try_into()
            .map_err(|_| "Argument can not be parsed to operands.")?;
        Ok(self.rules.category_for(operands.to_icu()?).into())
    }

    /// The locales ICU4X's compiled data has rules of their own for, such as `pt` and `pt-PT`,
    /// sorted.
    ///
    /// Unlike `intl_pluralrules` 7's list this is not every language CLDR knows: ICU4X leaves out
    /// the locales whose rules are their parent's, so the languages where every number is
    /// `other` (`ja`, `ko`, `zh`, …) share the root's (`und`, not listed either). Negotiating
    /// against this list with a default (as fluent-bundle 0.16 did, defaulting to `en`) would
    /// give them another language's rules: pass the locale to [`PluralRules::create`] instead.
    ///
    /// # Example
    /// ```
    /// use intl_pluralrules::{PluralRuleType, PluralRules};
    ///
    /// let cardinal = PluralRules::get_locales(PluralRuleType::CARDINAL);
    /// assert!(cardinal.contains(&"pt-PT".parse().unwrap()));
    /// assert!(!cardinal.contains(&"pt-BR".parse().unwrap()));
    /// ```
    pub fn get_locales(prt: PluralRuleType) -> Vec<LanguageIdentifier> {
        static CARDINAL: OnceLock<Vec<LanguageIdentifier>> = OnceLock::new();
        static ORDINAL: OnceLock<Vec<LanguageIdentifier>> = OnceLock::new();
        let list = match prt {
            PluralRuleType::CARDINAL => &CARDINAL,
            PluralRuleType::ORDINAL => &ORDINAL,
        };
        list.get_or_init(|| {
            let mut locales: Vec<LanguageIdentifier> = data::locales(prt)
                .iter()
                .filter(|tag| *tag != "und")
                .filter_map(|tag| tag.parse().ok())
                .collect();
            locales.sort();
            locales.dedup();
            locales
        })
        .clone()
    }

    /// The language identifier these rules were created for.
    pub fn get_locale(&self) -> &LanguageIdentifier {
        &self.locale
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unic_langid::langid;

    #[test]
    fn every_listed_locale_has_rules() {
        for (prt, at_least) in [(PluralRuleType::CARDINAL, 100), (PluralRuleType::ORDINAL, 30)] {
            let locales = PluralRules::get_locales(prt);
            assert!(locales.len() >= at_least, "{}", locales.len());
            for locale in locales {
                assert!(PluralRules::create(locale, prt).is_ok());
            }
        }
    }

    #[test]
    fn ordinals() {
        use PluralCategory::{FEW, ONE, OTHER, TWO};
        let en = PluralRules::create(langid!("en"), PluralRuleType::ORDINAL).unwrap();
        let categories: Vec<_> = [1, 2, 3, 4, 11, 21, 22, 23, 111]
            .into_iter()
            .map(|n| en.select(n).unwrap())
            .collect();
        assert_eq!(
            categories,
            [ONE, TWO, FEW, OTHER, OTHER, ONE, TWO, FEW, OTHER]
        );
    }

    #[test]
    fn an_unknown_language_has_the_root_rules() {
        let rules = PluralRules::create(langid!("xx"), PluralRuleType::CARDINAL).unwrap();
        assert_eq!(rules.select(1), Ok(PluralCategory::OTHER));
        assert_eq!(rules.get_locale(), &langid!("xx"));
    }
}
