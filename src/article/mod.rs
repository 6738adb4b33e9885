//! An article's structure, read from `content/<slug>.toml`: which message fills which block.
//!
//! The text lives in the locales; this file only says what goes where, so that one structure
//! serves every language. Here: the model (an [`Article`], its [`Block`]s); `read.rs` checks a
//! content file field by field and makes one, from the TOML as serde reads it (`raw.rs`);
//! `chrome.rs` names the messages the renderer looks up itself.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use crate::locale::Tag;
use toml::Spanned;

use crate::error::Result;
use crate::line_index::LineIndex;
use crate::locale::parse_tag;

pub mod chrome;
mod raw;
mod read;

use raw::RawArticle;
use read::Reader;

/// One article: its slug, metadata and blocks in reading order.
#[derive(Debug, Clone)]
pub struct Article {
    /// URL-safe identifier, used in paths and URLs (`smp-removal`).
    pub slug: String,
    /// The locale it was written in, when it is not the project's reference.
    pub reference: Option<Tag>,
    /// The message that holds the article's title (for `<title>`, listings and feeds).
    pub title: MessageRef,
    /// The message with a sentence or two describing the article, for `<meta name="description">`
    /// (the start of the first paragraph when there is none).
    pub description: Option<MessageRef>,
    /// The publication date.
    pub published: Option<Date>,
    /// The date of the last change worth telling readers about.
    pub updated: Option<Date>,
    /// Who wrote it: a name, the same in every language.
    pub author: Option<String>,
    /// Its tags, each a message.
    pub tags: Vec<MessageRef>,
    /// The picture that represents the article in listings and social cards, and opens it.
    pub hero: Option<Image>,
    /// The targets of the named links its messages use (`<a data-l10n-name="…">`), by name.
    pub links: BTreeMap<String, Link>,
    /// The slug of its pages in a locale, where it is not `slug` (`de` → `smp-entfernen`).
    pub slugs: BTreeMap<String, String>,
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
    /// The content file, relative to the project root (`content/smp-removal.toml`).
    pub path: String,
    pub(crate) source: String,
}

/// Where a named link points: set by the content file, never by a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The URL.
    pub href: String,
    /// The language of the page it points to, when it differs from the article's.
    pub hreflang: Option<String>,
    /// Where the content file defines it (bytes).
    pub span: Range<usize>,
}

/// A footnote: its name (what a message's marker names) and its text.
#[derive(Debug, Clone)]
pub struct Footnote {
    /// The name, used by markers: `<a data-l10n-name="fn-healing"></a>`.
    pub name: String,
    /// Its text.
    pub text: MessageRef,
}

/// An item of a list, with the items of its nested list.
#[derive(Debug, Clone)]
pub struct ListItem {
    /// Its text.
    pub text: MessageRef,
    /// The nested list's items (one level of nesting).
    pub items: Vec<MessageRef>,
}

/// A reference to a message, or to one attribute of it, as written in a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRef {
    /// The message id.
    pub id: String,
    /// The attribute, for `message.attribute`.
    pub attribute: Option<String>,
    /// Where the reference is written in the content file (bytes).
    pub span: Range<usize>,
}

impl std::fmt::Display for MessageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.attribute {
            Some(attribute) => write!(f, "{}.{attribute}", self.id),
            None => f.write_str(&self.id),
        }
    }
}

/// A calendar date (ISO 8601, proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// The same day as an ICU4X date, for formatting.
    pub fn to_iso(self) -> Option<icu_calendar::Date<icu_calendar::Iso>> {
        icu_calendar::Date::try_new_iso(self.year, self.month, self.day).ok()
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let mut parts = text.splitn(3, '-');
        let mut next = || parts.next().and_then(|p| p.parse::<i32>().ok());
        match (next(), next(), next()) {
            (Some(year), Some(month), Some(day)) => Ok(Date {
                year,
                month: u8::try_from(month).map_err(serde::de::Error::custom)?,
                day: u8::try_from(day).map_err(serde::de::Error::custom)?,
            }),
            _ => Err(serde::de::Error::custom(format!(
                "`{text}` is not a date (YYYY-MM-DD)"
            ))),
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// An image: where it is, the message that describes it and the one that captions it.
#[derive(Debug, Clone)]
pub struct Image {
    /// The image's URL or path, as the site serves it.
    pub src: String,
    /// Where the content file gives `src` (bytes).
    pub src_span: Range<usize>,
    /// The message (usually an attribute, `hero.alt`) with its alternative text.
    pub alt: MessageRef,
    /// The message with its caption, shown under it.
    pub caption: Option<MessageRef>,
}

/// One block of an article.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Block {
    /// A heading; level 1 is the article's title.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        text: MessageRef,
    },
    /// A paragraph of running text.
    Paragraph {
        /// Its text.
        text: MessageRef,
    },
    /// An image with alternative text and an optional caption (`type = "figure"` or `"image"`).
    Image(Image),
    /// A list, numbered or bulleted, with one level of nesting.
    List {
        /// Numbered (`<ol>`) or bulleted (`<ul>`).
        ordered: bool,
        /// Its items.
        items: Vec<ListItem>,
    },
    /// A quotation, with who said it.
    Quote {
        /// The quotation.
        text: MessageRef,
        /// Who said or wrote it.
        attribution: Option<MessageRef>,
        /// The URL of its source.
        cite: Option<String>,
    },
    /// A table: a caption, header cells and rows of cells, each a message.
    Table {
        /// Its caption.
        caption: Option<MessageRef>,
        /// The header row.
        header: Vec<MessageRef>,
        /// The rows.
        rows: Vec<Vec<MessageRef>>,
    },
    /// An aside: a note, a tip or a warning set apart from the text.
    Note {
        /// Its heading.
        title: Option<MessageRef>,
        /// Its text.
        text: MessageRef,
    },
    /// The article's footnotes, numbered in this order; markers in messages name them.
    Footnotes {
        /// The footnotes.
        notes: Vec<Footnote>,
    },
    /// Verbatim text (code, a command, a checklist): never translated.
    Code {
        /// Its language, for syntax highlighting (`rust`, `text`).
        language: Option<String>,
        /// The text.
        text: String,
    },
    /// A thematic break.
    Separator,
    /// The publication date and reading time, from the page chrome messages.
    Byline {
        /// `site-byline`.
        byline: MessageRef,
        /// `site-reading-time`.
        reading_time: MessageRef,
    },
    /// "Available in N languages" and the list of languages.
    Languages {
        /// `site-available-languages`.
        label: MessageRef,
        /// `site-language-name`, read in every locale.
        name: MessageRef,
    },
}

impl Block {
    /// Every message this block needs, with where the content file names it.
    pub fn messages(&self) -> Vec<&MessageRef> {
        match self {
            Block::Heading { text, .. } | Block::Paragraph { text } => vec![text],
            Block::Image(image) => image.messages(),
            Block::List { items, .. } => items
                .iter()
                .flat_map(|item| std::iter::once(&item.text).chain(&item.items))
                .collect(),
            Block::Quote {
                text, attribution, ..
            } => std::iter::once(text).chain(attribution).collect(),
            Block::Table {
                caption,
                header,
                rows,
            } => caption
                .iter()
                .chain(header)
                .chain(rows.iter().flatten())
                .collect(),
            Block::Note { title, text } => title.iter().chain(std::iter::once(text)).collect(),
            Block::Footnotes { notes } => notes.iter().map(|note| &note.text).collect(),
            Block::Code { .. } | Block::Separator => Vec::new(),
            Block::Byline {
                byline,
                reading_time,
            } => vec![byline, reading_time],
            Block::Languages { label, name } => vec![label, name],
        }
    }

    /// The block's type, as a content file writes it.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::Image(image) if image.caption.is_some() => "figure",
            Block::Image(_) => "image",
            Block::List { .. } => "list",
            Block::Quote { .. } => "quote",
            Block::Table { .. } => "table",
            Block::Note { .. } => "note",
            Block::Footnotes { .. } => "footnotes",
            Block::Code { .. } => "code",
            Block::Separator => "separator",
            Block::Byline { .. } => "byline",
            Block::Languages { .. } => "languages",
        }
    }
}

impl Image {
    /// Its alternative text's message and its caption's.
    pub fn messages(&self) -> Vec<&MessageRef> {
        std::iter::once(&self.alt).chain(&self.caption).collect()
    }
}

impl Article {
    /// Every message the article needs: its title, its hero's text and every block's.
    pub fn messages(&self) -> Vec<&MessageRef> {
        let mut all = vec![&self.title];
        all.extend(&self.description);
        all.extend(&self.tags);
        if let Some(hero) = &self.hero {
            all.extend(hero.messages());
        }
        all.extend(self.blocks.iter().flat_map(Block::messages));
        all
    }

    /// Every image it shows: the hero's, then each image block's.
    pub fn images(&self) -> impl Iterator<Item = &Image> {
        self.hero
            .iter()
            .chain(self.blocks.iter().filter_map(|block| match block {
                Block::Image(image) => Some(image),
                _ => None,
            }))
    }

    /// The footnotes, numbered from 1 in the order of the `footnotes` blocks.
    pub fn footnotes(&self) -> impl Iterator<Item = &Footnote> {
        self.blocks.iter().flat_map(|block| match block {
            Block::Footnotes { notes } => notes.as_slice(),
            _ => &[],
        })
    }

    /// The slug of the article's pages in `locale` (a locale folder's name): its own there, or
    /// [`Article::slug`].
    pub fn slug_in(&self, locale: &str) -> &str {
        self.slugs.get(locale).map_or(&self.slug, String::as_str)
    }

    /// Whether `name` names something a message's functional element can stand for: a link
    /// of `[links]` or a footnote.
    pub fn defines_name(&self, name: &str) -> bool {
        self.links.contains_key(name) || self.footnotes().any(|note| note.name == name)
    }

    /// The content file's text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Reads an article from the text of its content file; `path` names it in findings,
    /// `display` in errors.
    pub fn parse(path: &str, display: &Path, source: String) -> Result<Article> {
        let reader = Reader {
            display,
            source: &source,
            lines: LineIndex::new(&source),
        };
        let raw: RawArticle = toml::from_str(&source).map_err(|err| {
            reader.invalid(
                err.span(),
                err.message().trim_end().to_string(),
                "see \"Writing an article\" in Folio's README for the shape of an article",
            )
        })?;
        reader.fields_of_blocks()?;

        let slug = reader.slug(&raw.slug)?;
        let mut slugs = BTreeMap::new();
        for (tag, localized) in &raw.slugs {
            let locale = parse_tag(tag.get_ref()).map_err(|_| {
                reader.invalid(
                    Some(tag.span()),
                    format!("`{}` is not a valid BCP 47 language tag", tag.get_ref()),
                    "name a locale folder, such as `de` or `pt-BR`",
                )
            })?;
            slugs.insert(locale.to_string(), reader.slug(localized)?);
        }
        let reference = match &raw.reference {
            Some(tag) => Some(parse_tag(tag.get_ref()).map_err(|_| {
                reader.invalid(
                    Some(tag.span()),
                    format!("`{}` is not a valid BCP 47 language tag", tag.get_ref()),
                    "write a tag such as `en-US`",
                )
            })?),
            None => None,
        };
        let date = |value: &Option<Spanned<toml::value::Datetime>>, name: &str| match value {
            Some(value) => reader.date(value, name).map(Some),
            None => Ok(None),
        };
        let published = date(&raw.published, "published")?;
        let updated = date(&raw.updated, "updated")?;
        let hero = match &raw.hero {
            Some(image) => Some(reader.image(
                &image.src,
                Some(&image.alt),
                image.caption.as_ref(),
                &image.src,
            )?),
            None => None,
        };
        let mut links = BTreeMap::new();
        for (name, link) in &raw.links {
            links.insert(name.get_ref().clone(), reader.link(name, link)?);
        }
        let blocks = raw
            .blocks
            .iter()
            .map(|block| reader.block(block))
            .collect::<Result<Vec<_>>>()?;
        let article = Article {
            slug,
            reference,
            title: reader.message_ref(&raw.title)?,
            description: reader.optional(raw.description.as_ref())?,
            published,
            updated,
            author: raw.author.clone(),
            tags: raw
                .tags
                .iter()
                .map(|tag| reader.message_ref(tag))
                .collect::<Result<_>>()?,
            hero,
            links,
            slugs,
            blocks,
            path: path.to_string(),
            source: String::new(),
        };
        reader.names(&article, &raw)?;
        Ok(Article { source, ..article })
    }
}

/// Whether Folio publishes `url` as a link or an image: an http(s), mailto or tel URL, or a
/// path within the site — never a script (`javascript:`), data, a file on someone's disk
/// (`file:`) or text with control characters.
pub fn is_publishable_url(url: &str) -> bool {
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| !scheme.contains(['/', '?', '#']));
    let safe = scheme.is_none_or(|scheme| {
        ["http", "https", "mailto", "tel"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(scheme))
    });
    !url.is_empty() && safe && !url.chars().any(char::is_control)
}

#[cfg(test)]
mod tests;
