//! Which locales ICU4X's compiled plural data has rules of its own for.
//!
//! `icu_plurals`' baked provider can load rules but not list them. `icu_plurals_data`'s macros
//! build the same provider over the same tables, and with `ITER` also the listing, so this
//! module instantiates them for a provider of its own (as `icu_plurals` does for its `Baked`,
//! `icu_plurals/src/provider.rs`). The `unsafe` is in the generated tables
//! (`VarZeroVec::from_bytes_unchecked` on bytes ICU4X's datagen validated).
//!
//! The macros name paths of their own release (2.1's `icu::locale::fallback`, 2.4's
//! `icu_locale_fallback`), which is why `Cargo.toml` holds `icu_plurals_data` at 2.1.

use icu_provider::IterableDataProvider;
use icu_provider::prelude::DataIdentifierCow;

use crate::PluralRuleType;

/// `icu_plurals_data`'s tables, with the listing its own provider leaves out.
pub(crate) struct ListedBaked;

#[allow(unsafe_code, unused_imports, missing_docs, clippy::wildcard_imports)]
const _: () = {
    use icu_plurals_data::*;
    /// The paths the generated code names (`icu::plurals::…`, `icu::locale::…`).
    mod icu {
        pub use icu_locale as locale;
        pub use icu_plurals as plurals;
    }
    make_provider!(ListedBaked);
    impl_plurals_cardinal_v1!(ListedBaked, ITER);
    impl_plurals_ordinal_v1!(ListedBaked, ITER);
};

/// The locales with rules of their own for `prt`, as BCP 47 tags (`pt`, `pt-PT`, `und`).
pub(crate) fn locales(prt: PluralRuleType) -> Vec<String> {
    let ids = match prt {
        PluralRuleType::CARDINAL => {
            IterableDataProvider::<icu_plurals::provider::PluralsCardinalV1>::iter_ids(&ListedBaked)
        }
        PluralRuleType::ORDINAL => {
            IterableDataProvider::<icu_plurals::provider::PluralsOrdinalV1>::iter_ids(&ListedBaked)
        }
    };
    // Baked data lists what it holds; it has no way to fail here.
    ids.unwrap_or_default()
        .iter()
        .map(|id: &DataIdentifierCow| id.locale.to_string())
        .collect()
}
