//! The pages of a site around its articles: each language's list of articles (`de/index.html`)
//! and Atom feed (`de/feed.xml`), the page that lists the languages (`index.html`), and the
//! page for an address that leads nowhere (`404.html`, `de/404.html`).
//!
//! Their words are messages of the page chrome (`site-title`, `site-feed`, …) in each
//! language, their layout minijinja templates (`index.html`, `feed.xml`, `languages.html`,
//! `404.html` beside this file) that a project may replace with files of the same names in its
//! `[site] templates` folder. A project whose reference does not define a site message gets
//! Folio's English words for it (and `[site] title` for the site's title).

use crate::locale::Tag;
use minijinja::Value;

use crate::article::{Date, MessageRef, chrome};
use crate::error::Result;
use crate::locale::{Direction, parse_tag};
use crate::render::inline::Targets;
use crate::render::resolve::Resolver;
use crate::render::{Publisher, RenderError, RenderOptions, Rendered, bidi, url};

mod templates;

pub use templates::SiteTemplates;

/// At most this many articles, the newest, are in a language's feed.
pub const FEED_ENTRIES: usize = 50;

/// A page of the site other than an article's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SitePage {
    /// A language's list of articles, newest first (`de/index.html`).
    Index,
    /// A language's Atom feed of its newest articles (`de/feed.xml`).
    Feed,
    /// The list of the site's languages, each by its own name (`index.html`).
    Languages,
    /// The page for an address that leads nowhere, in a language (`de/404.html`).
    NotFound,
}

impl SitePage {
    /// Every kind.
    pub const ALL: [SitePage; 4] = [
        SitePage::Index,
        SitePage::Feed,
        SitePage::Languages,
        SitePage::NotFound,
    ];

    /// The file it is written to (in a language's folder, but for [`SitePage::Languages`])
    /// and the name of its template.
    pub fn file_name(self) -> &'static str {
        match self {
            SitePage::Index | SitePage::Languages => "index.html",
            SitePage::Feed => "feed.xml",
            SitePage::NotFound => "404.html",
        }
    }

    /// The name of its template, in a `[site] templates` folder.
    pub fn template_name(self) -> &'static str {
        match self {
            SitePage::Index => "index.html",
            SitePage::Feed => "feed.xml",
            SitePage::Languages => "languages.html",
            SitePage::NotFound => "404.html",
        }
    }

    /// Its media type.
    pub fn media_type(self) -> &'static str {
        match self {
            SitePage::Feed => "application/atom+xml; charset=utf-8",
            _ => "text/html; charset=utf-8",
        }
    }

    fn builtin(self) -> &'static str {
        match self {
            SitePage::Index => include_str!("index.html"),
            SitePage::Feed => include_str!("feed.xml"),
            SitePage::Languages => include_str!("languages.html"),
            SitePage::NotFound => include_str!("404.html"),
        }
    }
}

/// An article as a language's list and feed show it: what its page in that language says.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The article's slug.
    pub slug: String,
    /// The slug of its page in this language.
    pub page_slug: String,
    /// The language.
    pub locale: String,
    /// Its title, as text.
    pub title: String,
    /// The locale and direction of the title, when a fallback locale gave it.
    pub title_from: Option<(String, Direction)>,
    /// Its description, as text.
    pub description: String,
    /// "Published on …", as its page says it.
    pub byline: Option<String>,
    /// The publication date.
    pub published: Option<Date>,
    /// The date of its last update.
    pub updated: Option<Date>,
    /// Who wrote it.
    pub author: Option<String>,
    /// The hero image's URL as the content file gives it, and its alternative text.
    pub hero: Option<(String, String)>,
    /// Whether the article is translated into this language (its title is), rather than
    /// shown from a fallback: only translated articles are listed.
    pub translated: bool,
}

impl Entry {
    /// The entry of a rendered page.
    pub fn of(rendered: &Rendered) -> Entry {
        let title_from = rendered.blocks.iter().find_map(|block| match block {
            crate::render::RenderedBlock::Heading { level: 1, content } => {
                content.locale.clone().zip(content.dir)
            }
            _ => None,
        });
        let byline = rendered.blocks.iter().find_map(|block| match block {
            crate::render::RenderedBlock::Byline { byline, .. } => Some(bidi::strip(&byline.text)),
            _ => None,
        });
        Entry {
            slug: rendered.slug.clone(),
            page_slug: rendered.page_slug.clone(),
            locale: rendered.locale.clone(),
            title: bidi::for_text(&rendered.title, rendered.dir),
            title_from,
            description: bidi::strip(&rendered.description),
            byline,
            published: rendered.published,
            updated: rendered.updated,
            author: rendered.author.clone(),
            hero: rendered
                .hero
                .as_ref()
                .map(|hero| (hero.src.clone(), bidi::strip(&hero.alt))),
            translated: rendered
                .languages
                .iter()
                .any(|l| l.locale == rendered.locale),
        }
    }

    /// Its newest date: updated, else published.
    pub fn newest(&self) -> Option<Date> {
        self.updated.or(self.published)
    }
}

/// Newest first (by the date of publication, then of update; undated last), then by slug.
pub fn newest_first(entries: &mut [Entry]) {
    let key = |d: Option<Date>| d.map(|d| (d.year, d.month, d.day));
    entries.sort_by(|a, b| {
        key(b.published)
            .cmp(&key(a.published))
            .then_with(|| key(b.updated).cmp(&key(a.updated)))
            .then_with(|| a.slug.cmp(&b.slug))
    });
}

/// A site page's bytes, and the messages of its chrome that could not be formatted.
#[derive(Clone, Debug)]
pub struct SiteFile {
    /// The page.
    pub body: Vec<u8>,
    /// What went wrong formatting its words.
    pub errors: Vec<RenderError>,
}

/// The messages of the site's own pages.
pub(crate) const SITE_WORDS: [&str; 5] = [
    chrome::SITE_TITLE,
    chrome::FEED,
    chrome::ALL_ARTICLES,
    chrome::NOT_FOUND_TITLE,
    chrome::NOT_FOUND_TEXT,
];

/// A message of the site chrome, with Folio's own English words for projects that lack it.
struct Word {
    id: &'static str,
    default: &'static str,
}

const TITLE: Word = Word {
    id: chrome::SITE_TITLE,
    default: "Articles",
};
const FEED: Word = Word {
    id: chrome::FEED,
    default: "Subscribe to new articles",
};
const ALL_ARTICLES: Word = Word {
    id: chrome::ALL_ARTICLES,
    default: "All articles",
};
const NOT_FOUND_TITLE: Word = Word {
    id: chrome::NOT_FOUND_TITLE,
    default: "Page not found",
};
const NOT_FOUND_TEXT: Word = Word {
    id: chrome::NOT_FOUND_TEXT,
    default: "There is no page at this address. It may have moved, or the address may be mistyped.",
};

/// Formats the words of one site page in one locale, through its fallback chain.
struct Words<'a> {
    resolver: Resolver<'a>,
    dir: Direction,
    /// `[site] title`, for a project without `site-title`.
    title: Option<&'a str>,
}

impl Words<'_> {
    /// The word's text, isolated where its direction needs it, and the locale and direction
    /// it came from when a fallback gave it.
    fn get(&mut self, word: &Word) -> (String, Option<(String, Direction)>) {
        if !self.resolver.has(word.id) {
            let default = match (word.id, self.title) {
                (chrome::SITE_TITLE, Some(title)) => title,
                _ => word.default,
            };
            return (default.to_string(), None);
        }
        let links = std::collections::BTreeMap::new();
        let mut targets = Targets::new(&links, &[]);
        targets.html = false;
        let inline = self.resolver.inline(
            &MessageRef {
                id: word.id.to_string(),
                attribute: None,
                span: 0..0,
            },
            None,
            &targets,
        );
        let from = inline.locale.zip(inline.dir);
        (bidi::for_text(&inline.text, self.dir), from)
    }

    fn text(&mut self, word: &Word) -> Value {
        Value::from(self.get(word).0)
    }
}

/// ` lang="…" dir="…"` for text a fallback locale gave, else nothing.
fn lang_attrs(from: Option<&(String, Direction)>) -> Value {
    Value::from_safe_string(from.map_or_else(String::new, |(lang, dir)| {
        format!(
            " lang=\"{}\" dir=\"{}\"",
            html_escape::encode_double_quoted_attribute(lang),
            dir.as_str()
        )
    }))
}

/// A date as RFC 3339 (`2024-03-14T00:00:00Z`), as Atom writes them.
fn rfc3339(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// A language of the site, for the lists of languages of the site's pages.
struct SiteLanguage {
    locale: String,
    name: String,
    dir: Direction,
}

impl Publisher {
    /// The entry of the article `slug` in `locale`, as its language's list and feed show it.
    ///
    /// # Errors
    /// When there is no such article or no locale to render it from.
    pub fn entry(&self, slug: &str, locale: &Tag) -> Result<Entry> {
        let rendered = self.render_text(slug, locale, &RenderOptions::default())?;
        Ok(Entry::of(&rendered))
    }

    /// The entries of the articles translated into `locale`, newest first.
    ///
    /// # Errors
    /// As [`Publisher::entry`].
    pub fn entries(&self, locale: &Tag) -> Result<Vec<Entry>> {
        let mut entries = Vec::new();
        for article in self.project().articles() {
            let entry = self.entry(&article.slug, locale)?;
            if entry.translated {
                entries.push(entry);
            }
        }
        newest_first(&mut entries);
        Ok(entries)
    }

    /// `locale`'s list of articles: those of `entries` translated into it, in their order
    /// ([`Publisher::entries`] gives them newest first), each with its title, date,
    /// description and hero; and the list of the site's languages.
    ///
    /// # Errors
    /// When `locale` is not a tag, or the template fails.
    pub fn index_page(&self, locale: &str, entries: &[Entry]) -> Result<SiteFile> {
        let links = self.links();
        let languages = self.language_values(|l| links.index(l, false));
        self.site_page(SitePage::Index, locale, |words, dir| {
            let (title, title_from) = words.get(&TITLE);
            let articles: Vec<Value> = entries
                .iter()
                .filter(|e| e.translated)
                .map(|entry| {
                    Value::from_iter([
                        ("title", Value::from(entry.title.as_str())),
                        ("attrs", lang_attrs(entry.title_from.as_ref())),
                        ("href", url(&links.href(&entry.locale, &entry.page_slug))),
                        ("description", Value::from(entry.description.as_str())),
                        ("byline", Value::from(entry.byline.as_deref())),
                        (
                            "published",
                            Value::from(entry.published.map(|d| d.to_string())),
                        ),
                        ("author", Value::from(entry.author.as_deref())),
                        (
                            "hero",
                            entry.hero.as_ref().map_or(Value::from(()), |(src, alt)| {
                                Value::from_iter([
                                    ("src", url(&links.asset(src))),
                                    ("alt", Value::from(alt.as_str())),
                                ])
                            }),
                        ),
                    ])
                })
                .collect();
            minijinja::context! {
                site => minijinja::context! {
                    lang => locale,
                    dir => dir.as_str(),
                    title => title,
                    title_attrs => lang_attrs(title_from.as_ref()),
                    url => url(&links.index(locale, false)),
                    feed => url(&links.feed(locale)),
                    feed_label => words.text(&FEED),
                    languages => languages,
                },
                articles => articles,
            }
        })
    }

    /// `locale`'s Atom feed (RFC 4287): the newest [`FEED_ENTRIES`] of `entries` translated
    /// into it, in their order. Each entry's id is its page's URL under the site's base URL,
    /// else a name-based UUID of the language and the article's slug (stable across builds).
    ///
    /// # Errors
    /// When `locale` is not a tag, or the template fails.
    pub fn feed(&self, locale: &str, entries: &[Entry]) -> Result<SiteFile> {
        let links = self.links();
        let listed: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.translated)
            .take(FEED_ENTRIES)
            .collect();
        // A feed's `updated` is its newest entry's: the same input, the same bytes.
        let updated = listed
            .iter()
            .filter_map(|e| e.newest())
            .max_by_key(|d| (d.year, d.month, d.day))
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
        let id = |path: &str| match links.base_url() {
            Some(base) => format!("{base}/{path}"),
            None => format!(
                "urn:uuid:{}",
                uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, path.as_bytes())
            ),
        };
        self.site_page(SitePage::Feed, locale, |words, _| {
            let title = words.text(&TITLE);
            let items: Vec<Value> = listed
                .iter()
                .map(|entry| {
                    let page = format!("{}/{}.html", entry.locale, entry.page_slug);
                    Value::from_iter([
                        ("id", Value::from(id(&page))),
                        ("title", Value::from(bidi::strip(&entry.title))),
                        (
                            "href",
                            Value::from(links.href(&entry.locale, &entry.page_slug)),
                        ),
                        ("summary", Value::from(entry.description.as_str())),
                        ("author", Value::from(entry.author.as_deref())),
                        ("published", Value::from(entry.published.map(rfc3339))),
                        (
                            "updated",
                            Value::from(entry.newest().map_or_else(|| updated.clone(), rfc3339)),
                        ),
                    ])
                })
                .collect();
            minijinja::context! {
                feed => minijinja::context! {
                    lang => locale,
                    id => id(&format!("{locale}/feed.xml")),
                    title => bidi::strip(&title.to_string()),
                    updated => updated,
                    url => links.feed(locale),
                    index => links.index(locale, false),
                    generator => concat!("Folio ", env!("CARGO_PKG_VERSION")),
                },
                entries => items,
            }
        })
    }

    /// The page that lists the site's languages, each by its own name and linked to its list
    /// of articles; in the reference language.
    ///
    /// # Errors
    /// When the template fails.
    pub fn languages_page(&self) -> Result<SiteFile> {
        let links = self.links();
        let reference = self.project().reference().to_string();
        let languages = self.language_values(|l| links.index(l, true));
        self.site_page(SitePage::Languages, &reference, |words, dir| {
            minijinja::context! {
                site => minijinja::context! {
                    lang => reference,
                    dir => dir.as_str(),
                    title => words.text(&TITLE),
                },
                languages => languages,
            }
        })
    }

    /// The page for an address that leads nowhere, in `locale`, linking its list of articles
    /// (`home`: that list's URL, as the page's address will be unknown).
    ///
    /// # Errors
    /// When `locale` is not a tag, or the template fails.
    pub fn not_found_page(&self, locale: &str, home: &str) -> Result<SiteFile> {
        self.site_page(SitePage::NotFound, locale, |words, dir| {
            let (title, _) = words.get(&NOT_FOUND_TITLE);
            minijinja::context! {
                site => minijinja::context! {
                    lang => locale,
                    dir => dir.as_str(),
                    title => title,
                    text => words.text(&NOT_FOUND_TEXT),
                    home => url(home),
                    home_label => words.text(&ALL_ARTICLES),
                },
            }
        })
    }

    /// A site page in `locale`: its context from `context`, given the page's words and
    /// direction, rendered with its template.
    fn site_page(
        &self,
        page: SitePage,
        locale: &str,
        context: impl FnOnce(&mut Words<'_>, Direction) -> Value,
    ) -> Result<SiteFile> {
        let tag = parse_tag(locale)?;
        let chain = self.chain_bundles(&tag, self.project().reference(), &SITE_WORDS)?;
        let locales = self.project().catalog().locales();
        let dir = Direction::of(&tag);
        let mut words = Words {
            resolver: Resolver::new(
                chain
                    .iter()
                    .map(|(i, b)| (locales[*i].name.as_str(), &**b))
                    .collect(),
                &[],
            ),
            dir,
            title: self.site().title.as_deref(),
        };
        let context = context(&mut words, dir);
        Ok(SiteFile {
            body: self.site().templates.render(page, context)?,
            errors: words.resolver.errors,
        })
    }

    /// The site's languages as template values: `locale`, `name`, `dir`, and `href` from
    /// `href`.
    fn language_values(&self, href: impl Fn(&str) -> String) -> Vec<Value> {
        self.site_languages()
            .iter()
            .map(|l| {
                Value::from_iter([
                    ("locale", Value::from(l.locale.as_str())),
                    ("name", Value::from(l.name.as_str())),
                    ("dir", Value::from(l.dir.as_str())),
                    ("href", url(&href(&l.locale))),
                ])
            })
            .collect()
    }

    /// The languages the site publishes, each named in itself, in the catalog's order.
    fn site_languages(&self) -> Vec<SiteLanguage> {
        let locales = self.project().catalog().locales();
        let names = self.locale_names();
        locales
            .iter()
            .zip(names)
            .filter(|(l, _)| self.is_published(&l.name))
            .filter_map(|(l, name)| {
                Some(SiteLanguage {
                    locale: l.name.clone(),
                    name: name.as_ref()?.name.clone(),
                    dir: Direction::of(l.tag.as_ref()?),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
