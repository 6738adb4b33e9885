//! One Fluent bundle per locale, with Folio's functions, built once and shared.

use std::sync::Arc;

use crate::locale::Tag;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

use crate::catalog::FtlFile;
use crate::render::{Bundle, datetime, number};

/// Builds the bundle of `tag` from its parsed files (shared, not re-parsed).
///
/// When an id is defined twice, the first definition wins (the `duplicate-entry` check reports
/// the others).
pub(crate) fn build<'f>(tag: &Tag, files: impl IntoIterator<Item = &'f FtlFile>) -> Bundle {
    let mut bundle = new(tag);
    for file in files {
        // Overrides are reported by `folio check` (`duplicate-entry`), not here.
        let _ = bundle.add_resource(Arc::<FluentResource>::clone(&file.parse().resource));
    }
    bundle
}

/// An empty bundle for `tag` with Folio's functions and number formatting.
///
/// Every interpolated value is marked with Unicode isolates; the writers keep, drop or turn
/// them into `<bdi>` (see `render::bidi`).
pub(crate) fn new(tag: &Tag) -> Bundle {
    let mut bundle = Bundle {
        fluent: FluentBundle::new_concurrent(vec![tag.language_id().clone()]),
        keywords: tag
            .has_unicode_extensions()
            .then(|| tag.extensions().unwrap_or_default().into()),
    };
    bundle.set_use_isolating(true);
    bundle
        .add_function("NUMBER", number::NUMBER)
        .expect("NUMBER is added once");
    bundle
        .add_function("DATETIME", datetime::datetime)
        .expect("DATETIME is added once");
    bundle.set_formatter(Some(number::format));
    bundle
}
