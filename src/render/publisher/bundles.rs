//! The bundles a publisher builds and keeps: each locale's (built when a page first needs it,
//! released when a build is done with the locale), a regional locale's formatting its
//! language's messages, and, for `folio build`, each page's own, made of only the files that
//! define what it shows.

use std::sync::Arc;

use super::{Publisher, REGIONAL_BUNDLES};
use crate::article::chrome;
use crate::locale::Tag;
use crate::render::facts::{self, LocaleName};
use crate::render::{Bundle, bundle};
use crate::sources::Sources;

impl Publisher {
    /// From now on, each page's bundles hold only the files that define what the page shows
    /// (and what that references), as `sources` finds them, built for the page and dropped
    /// with it: `folio build` holds one article's messages at a time, not every locale's,
    /// however large the site. The pages are the same bytes.
    pub fn read_per_page(&self, sources: Arc<Sources>) {
        let _ = self.sources.set(sources);
    }

    /// Bundles of the locales at the positions `chain`, each with only the files where `ids`
    /// reach, for a reader who asked for `requested`.
    pub(super) fn page_bundles(
        &self,
        sources: &Sources,
        chain: &[usize],
        requested: &Tag,
        ids: &[&str],
    ) -> Vec<(usize, Arc<Bundle>)> {
        let locales = self.project.catalog().locales();
        chain
            .iter()
            .filter_map(|&i| {
                let locale = &locales[i];
                let formats = self.regional(i, requested).or(locale.tag.as_ref())?;
                let files = sources.files_reached(i, ids);
                let bundle = bundle::build(formats, files.iter().map(|&f| &locale.files[f]));
                Some((i, Arc::new(bundle)))
            })
            .collect()
    }

    /// The bundles of the catalog's locales at the positions `chain`, with their positions,
    /// for a reader who asked for `requested`: a locale of the reader's language formats
    /// numbers and dates as the reader's region does (`ar` text with `ar-EG`'s digits).
    pub(super) fn bundles_of(&self, chain: &[usize], requested: &Tag) -> Vec<(usize, Arc<Bundle>)> {
        chain
            .iter()
            .filter_map(|&i| {
                let bundle = match self.regional(i, requested) {
                    Some(formats) => self.regional_bundle(i, formats),
                    None => self.bundle(i),
                };
                Some((i, bundle?))
            })
            .collect()
    }

    /// The tag to format the catalog's locale at `index` with for a reader who asked for
    /// `requested`, when it is not the locale's own: the reader's, if it is the same language
    /// and script with more to say (a region, a variant, `-u-` keywords such as `nu-latn`).
    /// A locale whose own tag has keywords formats as they say.
    pub(super) fn regional<'r>(&self, index: usize, requested: &'r Tag) -> Option<&'r Tag> {
        let tag = self.project.catalog().locales()[index].tag.as_ref()?;
        if tag.has_unicode_extensions() {
            return None;
        }
        let more = (tag.region.is_none() && requested.region.is_some())
            || (tag.variants().len() < requested.variants().len())
            || requested.has_unicode_extensions();
        let same = tag.language == requested.language
            && (tag.script.is_none() || tag.script == requested.script)
            && (tag.region.is_none() || tag.region == requested.region);
        (more && same && tag != requested).then_some(requested)
    }

    /// The bundle of the catalog's locale at `index` formatting as `formats` does, built on
    /// first use and kept (at most [`REGIONAL_BUNDLES`] of them; past that, the locale's own).
    pub(super) fn regional_bundle(&self, index: usize, formats: &Tag) -> Option<Arc<Bundle>> {
        let locale = &self.project.catalog().locales()[index];
        locale.tag.as_ref()?;
        let key = (index, formats.to_string());
        let mut kept = self.regional.lock().expect("not poisoned");
        if let Some(bundle) = kept.get(&key) {
            return Some(Arc::clone(bundle));
        }
        if kept.len() >= REGIONAL_BUNDLES {
            drop(kept);
            return self.bundle(index);
        }
        let bundle = Arc::new(bundle::build(formats, &locale.files));
        kept.insert(key, Arc::clone(&bundle));
        Some(bundle)
    }

    /// What each locale of the catalog (by position) calls itself, found on first use from the
    /// file where the reference defines `site-language-name`.
    pub(in crate::render) fn locale_names(&self) -> &[Option<LocaleName>] {
        self.names.get_or_init(|| {
            let catalog = self.project.catalog();
            let reference = self.project.reference();
            let Some(position) = catalog
                .locales()
                .iter()
                .position(|l| l.tag.as_ref() == Some(reference))
            else {
                return facts::locale_names(None, catalog.locales());
            };
            let file = self.definition_file(position, chrome::LANGUAGE_NAME);
            facts::locale_names(file, catalog.locales())
        })
    }

    /// The file (relative to its locale folder) where the catalog's locale at `position`
    /// defines the message `id`.
    pub(super) fn definition_file(&self, position: usize, id: &str) -> Option<&str> {
        let locale = &self.project.catalog().locales()[position];
        if let Some(sources) = self.sources.get() {
            let file = sources.defining(position, id).next()?;
            return Some(locale.files[file].rel.as_str());
        }
        let definitions = self.definitions[position].get_or_init(|| facts::definitions(locale));
        let &file = definitions.get(id)?;
        Some(locale.files[file].rel.as_str())
    }

    /// The bundle of the catalog's locale at `index`, built on first use; `None` when the
    /// folder's name is not a tag.
    pub(super) fn bundle(&self, index: usize) -> Option<Arc<Bundle>> {
        let locale = &self.project.catalog().locales()[index];
        let tag = locale.tag.as_ref()?;
        let mut kept = self.bundles[index].lock().expect("not poisoned");
        let bundle = kept.get_or_insert_with(|| Arc::new(bundle::build(tag, &locale.files)));
        Some(Arc::clone(bundle))
    }

    /// Drops the bundle of the locale folder `name` (built again if a page needs it later):
    /// `folio build` releases each locale when its pages are written, so that a site's memory
    /// holds the locales being rendered, not all of them. With a catalog that does not keep
    /// its parses ([`Retention::Transient`](crate::Retention)), the locale's parses go too.
    pub fn release(&self, name: &str) {
        let catalog = self.project.catalog();
        if let Some(index) = catalog.locales().iter().position(|l| l.name == name) {
            self.bundles[index].lock().expect("not poisoned").take();
        }
        // And the bundles formatting as it does (its language's, for its region).
        self.regional
            .lock()
            .expect("not poisoned")
            .retain(|(_, formats), _| formats != name);
    }
}
