use intl_memoizer::Memoizable;
use intl_pluralrules::{PluralRuleType, PluralRules as IntlPluralRules};
use unic_langid::LanguageIdentifier;

pub struct PluralRules(pub IntlPluralRules);

impl Memoizable for PluralRules {
    type Args = (PluralRuleType,);
    type Error = &'static str;
    /// Patched for Folio (PATCHED.md): the bundle's locale goes to the rules as it is, and
    /// Folio's intl_pluralrules (ICU4X) finds them by CLDR's fallback, as Folio's checker
    /// does. Negotiating against `get_locales()` with `en` as the default gave `ja`, which
    /// ICU4X lists under the root's rules, English plurals, and `pt-AO` `pt`'s instead of
    /// its parent `pt-PT`'s.
    fn construct(lang: LanguageIdentifier, args: Self::Args) -> Result<Self, Self::Error> {
        Ok(Self(IntlPluralRules::create(lang, args.0)?))
    }
}
