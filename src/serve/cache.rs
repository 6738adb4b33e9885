//! The server's page cache: pages once rendered, up to a number of bytes; past it, the least
//! recently used pages go first.

use std::sync::Arc;

use lru::LruCache;

use crate::render::{Format, SitePage};
use crate::serve::state::ServedPage;

/// A page's key: its article (none for a site page), the locale asked for, and what it is.
pub(crate) type Key = (String, String, Kind);

/// What a cached page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// An article's page in a format.
    Article(Format),
    /// A page of the site around the articles.
    Site(SitePage),
}

/// Pages by key, holding at most `capacity` bytes of them (their bodies and keys).
pub(crate) struct PageCache {
    pages: LruCache<Key, Arc<ServedPage>>,
    bytes: usize,
    capacity: usize,
}

impl PageCache {
    pub(crate) fn new(capacity: usize) -> Self {
        PageCache {
            pages: LruCache::unbounded(),
            bytes: 0,
            capacity,
        }
    }

    /// The page at `key`, now the most recently used.
    pub(crate) fn get(&mut self, key: &Key) -> Option<Arc<ServedPage>> {
        self.pages.get(key).cloned()
    }

    /// Keeps `page` at `key`, dropping the least recently used pages until the cache holds no
    /// more than its capacity. A page larger than the whole capacity is not kept.
    pub(crate) fn insert(&mut self, key: Key, page: Arc<ServedPage>) {
        let size = weight(&key, &page);
        if size > self.capacity {
            return;
        }
        let old_size = self.pages.peek(&key).map(|old| weight(&key, old));
        self.pages.put(key, page);
        self.bytes = self.bytes - old_size.unwrap_or(0) + size;
        while self.bytes > self.capacity {
            let Some((key, page)) = self.pages.pop_lru() else {
                break;
            };
            self.bytes -= weight(&key, &page);
        }
    }

    /// How many bytes the cached pages weigh.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }

    pub(crate) fn len(&self) -> usize {
        self.pages.len()
    }

    /// How many bytes it may hold.
    pub(crate) fn capacity(&self) -> usize {
        self.capacity
    }
}

/// What a cached page costs: its body, its key and headers, and the bookkeeping around them.
fn weight(key: &Key, page: &ServedPage) -> usize {
    const OVERHEAD: usize = 128;
    page.body.len() + page.etag.len() + page.language.len() + key.0.len() + key.1.len() + OVERHEAD
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(size: usize) -> Arc<ServedPage> {
        Arc::new(ServedPage {
            body: bytes::Bytes::from(vec![b'x'; size]),
            etag: String::new(),
            content_type: "text/plain",
            language: String::new(),
        })
    }

    fn key(slug: &str) -> Key {
        (slug.to_string(), String::new(), Kind::Article(Format::Text))
    }

    #[test]
    fn the_least_recently_used_pages_go_first_and_the_bytes_stay_bounded() {
        let each = weight(&key("a"), &page(1000));
        let mut cache = PageCache::new(3 * each);
        for slug in ["a", "b", "c"] {
            cache.insert(key(slug), page(1000));
        }
        assert_eq!(cache.len(), 3);
        assert!(cache.get(&key("a")).is_some()); // `b` is now the least recently used
        cache.insert(key("d"), page(1000));
        assert!(cache.get(&key("b")).is_none());
        assert!(cache.get(&key("a")).is_some() && cache.get(&key("d")).is_some());
        assert_eq!(cache.bytes(), 3 * each);
        // Replacing a page counts its new size only; one larger than everything is not kept.
        cache.insert(key("a"), page(1000));
        assert_eq!(cache.bytes(), 3 * each);
        cache.insert(key("huge"), page(10 * each));
        assert!(cache.get(&key("huge")).is_none());
        assert!(cache.bytes() <= 3 * each);
    }
}
