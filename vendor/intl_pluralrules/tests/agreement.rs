//! This crate selects what ICU4X selects: for every locale with rules of its own, cardinal and
//! ordinal, over integers up to 1,100,000 and decimals with their trailing zeros, given as
//! strings, integers and floats as fluent-bundle gives them. And the cases that CLDR 37 (the
//! published `intl_pluralrules`) got wrong.

use fixed_decimal::Decimal;
use icu_locale_core::Locale;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

fn rules(tag: &str) -> PluralRules {
    PluralRules::create(tag.parse::<LanguageIdentifier>().unwrap(), PluralRuleType::CARDINAL)
        .unwrap()
}

fn icu_rules(tag: &LanguageIdentifier, prt: PluralRuleType) -> icu_plurals::PluralRules {
    let locale = Locale::try_from_str(&tag.to_string()).unwrap();
    let rule_type = match prt {
        PluralRuleType::CARDINAL => icu_plurals::PluralRuleType::Cardinal,
        PluralRuleType::ORDINAL => icu_plurals::PluralRuleType::Ordinal,
    };
    icu_plurals::PluralRules::try_new((&locale).into(), rule_type.into()).unwrap()
}

/// Integers through every rule's `% 100` and `% 1000000` cycles, and decimals with one to
/// three visible fraction digits (trailing zeros included).
fn samples() -> Vec<String> {
    let mut samples: Vec<String> = (0..=1_200_u64).map(|n| n.to_string()).collect();
    samples.extend((1..=1_100_u64).map(|k| (k * 1_000).to_string()));
    for k in 1..=5_u64 {
        let million = k * 1_000_000;
        samples.extend([million - 1, million + 1, million + 100].map(|n| n.to_string()));
    }
    // 0.0 to 30.0 and 0.00 to 3.00.
    for k in 0..=300_u32 {
        samples.push(format!("{}.{}", k / 10, k % 10));
        samples.push(format!("{}.{:02}", k / 100, k % 100));
    }
    samples.extend(["1.000", "0.001", "2.500", "1000000.0"].map(String::from));
    samples
}

#[test]
fn every_locale_selects_what_icu4x_selects() {
    let samples = samples();
    let decimals: Vec<Decimal> = samples
        .iter()
        .map(|s| Decimal::try_from_str(s).unwrap())
        .collect();
    for prt in [PluralRuleType::CARDINAL, PluralRuleType::ORDINAL] {
        for tag in PluralRules::get_locales(prt) {
            let ours = PluralRules::create(tag.clone(), prt).unwrap();
            let icu = icu_rules(&tag, prt);
            for (sample, decimal) in samples.iter().zip(&decimals) {
                let expected = PluralCategory::from(icu.category_for(decimal));
                assert_eq!(ours.select(sample.as_str()), Ok(expected), "{tag} {sample}");
                if let Ok(integer) = sample.parse::<u64>() {
                    assert_eq!(ours.select(integer), Ok(expected), "{tag} {integer}");
                    #[allow(clippy::cast_precision_loss)]
                    let float = integer as f64;
                    assert_eq!(ours.select(float), Ok(expected), "{tag} {float}");
                }
            }
        }
    }
}

#[test]
fn french_spanish_italian_and_portuguese_have_many_for_a_million() {
    for tag in ["fr", "es", "it", "pt", "pt-PT"] {
        let rules = rules(tag);
        for million in [1_000_000_u64, 2_000_000, 10_000_000] {
            assert_eq!(rules.select(million), Ok(PluralCategory::MANY), "{tag} {million}");
        }
        // `many` is for exact millions written without a fraction.
        assert_eq!(rules.select(1_000_001), Ok(PluralCategory::OTHER), "{tag}");
        assert_eq!(rules.select("1000000.0"), Ok(PluralCategory::OTHER), "{tag}");
    }
}

#[test]
fn arabic_103_to_110_is_few() {
    let ar = rules("ar");
    for n in 103..=110 {
        assert_eq!(ar.select(n), Ok(PluralCategory::FEW), "{n}");
    }
    assert_eq!(ar.select(111), Ok(PluralCategory::MANY));
    assert_eq!(ar.select(100), Ok(PluralCategory::OTHER));
    assert_eq!(ar.select(0), Ok(PluralCategory::ZERO));
}

#[test]
fn hebrew_has_no_many() {
    let he = rules("he");
    assert_eq!(he.select(20), Ok(PluralCategory::OTHER));
    assert_eq!(he.select(2), Ok(PluralCategory::TWO));
    assert_eq!(he.select(1), Ok(PluralCategory::ONE));
    assert!((0..=10_000).all(|n| he.select(n) != Ok(PluralCategory::MANY)));
}

#[test]
fn locales_follow_cldrs_fallback() {
    let cardinal = PluralRules::get_locales(PluralRuleType::CARDINAL);
    for tag in ["ar", "fr", "he", "pl", "pt", "pt-PT", "uk"] {
        assert!(cardinal.contains(&tag.parse().unwrap()), "{tag}");
    }
    // Japanese has the root's rules, so ICU4X lists it under the root (`und`), which is not
    // listed either; it still has rules, every number `other`.
    for tag in ["ja", "und"] {
        assert!(!cardinal.contains(&tag.parse().unwrap()), "{tag}");
    }
    assert!((0..=1000).all(|n| rules("ja").select(n) == Ok(PluralCategory::OTHER)));
    // `pt-BR` is `pt`, where 0 is `one`; `pt-AO`'s parent is `pt-PT`, where it is not.
    assert_eq!(rules("pt-BR").select(0), Ok(PluralCategory::ONE));
    assert_eq!(rules("pt-AO").select(0), Ok(PluralCategory::OTHER));
    assert_eq!(rules("pt-BR").get_locale().to_string(), "pt-BR");
}
