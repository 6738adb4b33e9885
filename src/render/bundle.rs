//! One Fluent bundle per locale, with Folio's functions, built once and shared.

use std::sync::Arc;

use fluent_bundle::FluentResource;
use unic_langid::LanguageIdentifier;

use crate::catalog::FtlFile;
use crate::locale::Direction;
use crate::render::Bundle;
use crate::render::intl;

/// Builds the bundle of `tag` from its parsed files (shared, not re-parsed).
///
/// Unicode isolation marks around placeables are used only for right-to-left locales, where a
/// Latin name or a number inside Arabic or Hebrew text needs them; left-to-right text gets no
/// invisible characters. When an id is defined twice, the first definition wins (the
/// `duplicate-entry` check reports the others).
pub(crate) fn build(tag: &LanguageIdentifier, files: &[FtlFile]) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![tag.clone()]);
    bundle.set_use_isolating(Direction::of(tag) == Direction::Rtl);
    bundle
        .add_builtins()
        .expect("NUMBER is the only builtin and is added once");
    bundle
        .add_function("DATETIME", intl::datetime)
        .expect("DATETIME is added once");
    for file in files {
        // Overrides are reported by `folio check` (`duplicate-entry`), not here.
        let _ = bundle.add_resource(Arc::<FluentResource>::clone(&file.parsed().resource));
    }
    bundle
}
