//! An article's structure, read from `content/<slug>.toml`: which message fills which block.
//!
//! The text lives in the locales; this file only says what goes where, so that one structure
//! serves every language.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use crate::locale::Tag;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::ftl::is_identifier;
use crate::line_index::LineIndex;
use crate::locale::parse_tag;

/// The messages of the page chrome: those `byline` and `languages` blocks use (every project
/// that uses those blocks defines them in its reference locale), and the words of the site's
/// own pages (lists of articles, feeds, the not-found page), for which Folio has English
/// words of its own when a project does not define them.
pub mod chrome {
    /// "Published on …", given `$date`.
    pub const BYLINE: &str = "site-byline";
    /// "N minutes read", given `$minutes`.
    pub const READING_TIME: &str = "site-reading-time";
    /// "Available in N languages", given `$count`.
    pub const AVAILABLE_LANGUAGES: &str = "site-available-languages";
    /// The language's own name ("Deutsch"), shown in language lists.
    pub const LANGUAGE_NAME: &str = "site-language-name";

    /// The site's name: the title of each language's list of articles and feed.
    pub const SITE_TITLE: &str = "site-title";
    /// The link to a language's list of articles.
    pub const ALL_ARTICLES: &str = "site-all-articles";
    /// The link to a language's feed.
    pub const FEED: &str = "site-feed";
    /// The title of the page for an address that leads nowhere.
    pub const NOT_FOUND_TITLE: &str = "site-not-found-title";
    /// What that page says.
    pub const NOT_FOUND_TEXT: &str = "site-not-found-text";

    /// The variable the renderer gives `site-byline`: the publication date.
    pub const DATE: &str = "date";
    /// The variable the renderer gives `site-reading-time`: whole minutes.
    pub const MINUTES: &str = "minutes";
    /// The variable the renderer gives `site-available-languages`: how many languages.
    pub const COUNT: &str = "count";

    /// Every page-chrome message, which the renderer looks up by these ids.
    pub const MESSAGES: [&str; 9] = [
        BYLINE,
        READING_TIME,
        AVAILABLE_LANGUAGES,
        LANGUAGE_NAME,
        SITE_TITLE,
        ALL_ARTICLES,
        FEED,
        NOT_FOUND_TITLE,
        NOT_FOUND_TEXT,
    ];

    /// The variables the renderer passes, with the message it passes each to.
    pub const VARIABLES: [(&str, &str); 3] = [
        (BYLINE, DATE),
        (READING_TIME, MINUTES),
        (AVAILABLE_LANGUAGES, COUNT),
    ];
}

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

/// The fields each block type takes beside `type`, for errors that say what is allowed.
const FIELDS: [(&str, &[&str]); 13] = [
    ("heading", &["level", "message"]),
    ("paragraph", &["message"]),
    ("image", &["src", "alt", "caption"]),
    ("figure", &["src", "alt", "caption"]),
    ("list", &["ordered", "items"]),
    ("quote", &["message", "attribution", "cite"]),
    ("table", &["caption", "header", "rows"]),
    ("note", &["title", "message"]),
    ("footnotes", &["notes"]),
    ("code", &["language", "text"]),
    ("separator", &[]),
    ("byline", &[]),
    ("languages", &[]),
];

/// The block types, for the error that names them.
fn block_types() -> String {
    FIELDS.map(|(kind, _)| kind).join(", ")
}

/// Turns the raw TOML of a content file into an [`Article`], with errors that name the line.
struct Reader<'a> {
    display: &'a Path,
    source: &'a str,
    lines: LineIndex,
}

impl Reader<'_> {
    fn invalid(&self, span: Option<Range<usize>>, message: String, help: &str) -> Error {
        let location = span.map(|span| self.lines.location(self.source, span.start));
        Error::Invalid {
            path: self.display.to_path_buf(),
            line: location.map(|l| l.line),
            column: location.map(|l| l.column),
            message,
            help: help.to_string(),
        }
    }

    /// Refuses a field that means nothing for its block's type (`level` on a paragraph), and
    /// an unknown block type, naming what is allowed.
    fn fields_of_blocks(&self) -> Result<()> {
        use toml::de::{DeTable, DeValue};
        let Ok(table) = DeTable::parse(self.source) else {
            return Ok(()); // serde has reported the syntax error already
        };
        let Some(blocks) = table.get_ref().get("blocks") else {
            return Ok(());
        };
        let DeValue::Array(blocks) = blocks.get_ref() else {
            return Ok(());
        };
        for block in blocks {
            let DeValue::Table(block) = block.get_ref() else {
                continue;
            };
            let Some(kind) = block.get("type") else {
                continue;
            };
            let DeValue::String(name) = kind.get_ref() else {
                continue;
            };
            let Some((_, allowed)) = FIELDS.iter().find(|(k, _)| *k == name.as_ref()) else {
                return Err(self.invalid(
                    Some(kind.span()),
                    format!("unknown block type `{name}`"),
                    &format!("use one of: {}", block_types()),
                ));
            };
            for key in block.keys() {
                let key_name = key.get_ref().as_ref();
                if key_name != "type" && !allowed.contains(&key_name) {
                    let takes = if allowed.is_empty() {
                        "no other field".to_string()
                    } else {
                        allowed
                            .iter()
                            .map(|f| format!("`{f}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    return Err(self.invalid(
                        Some(key.span()),
                        format!("a `{name}` block has no field `{key_name}`"),
                        &format!("a `{name}` block takes {takes}; remove `{key_name}`"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// A slug: it makes URLs and file names.
    fn slug(&self, slug: &Spanned<String>) -> Result<String> {
        let text = slug.get_ref();
        let url_safe = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
        if text.is_empty() || !text.bytes().all(url_safe) {
            return Err(self.invalid(
                Some(slug.span()),
                format!("the slug `{text}` is not URL-safe"),
                "use lowercase ASCII letters, digits and `-`, like `smp-removal`",
            ));
        }
        // A language's folder holds its list of articles and its not-found page.
        if ["index", "404"].contains(&text.as_str()) {
            return Err(self.invalid(
                Some(slug.span()),
                format!("the slug `{text}` is the site's own: `<locale>/{text}.html` is a page of every language"),
                "choose another slug",
            ));
        }
        Ok(text.clone())
    }

    fn message_ref(&self, spanned: &Spanned<String>) -> Result<MessageRef> {
        parse_message_ref(spanned).ok_or_else(|| {
            self.invalid(
                Some(spanned.span()),
                format!("`{}` is not a message id", spanned.get_ref()),
                "name a message (`intro`) or one of its attributes (`hero.alt`)",
            )
        })
    }

    fn optional(&self, spanned: Option<&Spanned<String>>) -> Result<Option<MessageRef>> {
        spanned.map(|s| self.message_ref(s)).transpose()
    }

    fn date(&self, value: &Spanned<toml::value::Datetime>, name: &str) -> Result<Date> {
        let date = value
            .get_ref()
            .date
            .filter(|_| value.get_ref().time.is_none())
            .ok_or_else(|| {
                self.invalid(
                    Some(value.span()),
                    format!("`{name}` must be a date"),
                    &format!("write it as a TOML date, like `{name} = 2024-03-14`"),
                )
            })?;
        Ok(Date {
            year: i32::from(date.year),
            month: date.month,
            day: date.day,
        })
    }

    /// A URL the content file gives (a link, an image, a quotation's source): no script.
    fn url(&self, url: &Spanned<String>, what: &str) -> Result<String> {
        let text = url.get_ref().trim();
        if !is_publishable_url(text) {
            return Err(self.invalid(
                Some(url.span()),
                format!("`{}` is not a URL Folio publishes as {what}", url.get_ref()),
                "use an http(s), mailto or tel URL, or a path within the site",
            ));
        }
        Ok(text.to_string())
    }

    fn link(&self, name: &Spanned<String>, link: &Spanned<RawLink>) -> Result<Link> {
        if !crate::markup::is_name(name.get_ref()) {
            return Err(self.invalid(
                Some(name.span()),
                format!("`{}` cannot name a link", name.get_ref()),
                "start with a letter; use letters, digits, `-` and `_`",
            ));
        }
        let (href, hreflang) = match link.get_ref() {
            RawLink::Url(href) => (Spanned::new(link.span(), href.clone()), None),
            RawLink::Full { href, hreflang } => (href.clone(), hreflang.as_ref()),
        };
        let hreflang = match hreflang {
            Some(tag) => Some(
                parse_tag(tag.get_ref())
                    .map_err(|_| {
                        self.invalid(
                            Some(tag.span()),
                            format!("`{}` is not a valid BCP 47 language tag", tag.get_ref()),
                            "write a tag such as `en-US`",
                        )
                    })?
                    .to_string(),
            ),
            None => None,
        };
        Ok(Link {
            href: self.url(&href, "a link")?,
            hreflang,
            span: href.span(),
        })
    }

    fn image(
        &self,
        src: &Spanned<String>,
        alt: Option<&Spanned<String>>,
        caption: Option<&Spanned<String>>,
        at: &Spanned<String>,
    ) -> Result<Image> {
        let alt = alt.ok_or_else(|| {
            self.invalid(
                Some(at.span()),
                "an image needs `alt`, the message describing it".to_string(),
                "add `alt = \"…\"`, naming a message (or attribute) with its alternative text",
            )
        })?;
        Ok(Image {
            src: self.url(src, "an image")?,
            src_span: src.span(),
            alt: self.message_ref(alt)?,
            caption: self.optional(caption)?,
        })
    }

    fn required<'b>(
        &self,
        block: &RawBlock,
        field: Option<&'b Spanned<String>>,
        name: &str,
    ) -> Result<&'b Spanned<String>> {
        field.ok_or_else(|| {
            self.invalid(
                Some(block.kind.span()),
                format!("a `{}` block needs `{name}`", block.kind.get_ref()),
                "add the field, naming the message that fills the block",
            )
        })
    }

    fn block(&self, block: &RawBlock) -> Result<Block> {
        let type_span = block.kind.span();
        let chrome = |id: &str| MessageRef {
            id: id.to_string(),
            attribute: None,
            span: type_span.clone(),
        };
        let message = |field: Option<&Spanned<String>>, name: &str| {
            self.message_ref(self.required(block, field, name)?)
        };
        Ok(match block.kind.get_ref().as_str() {
            "heading" => Block::Heading {
                level: self.level(block)?,
                text: message(block.message.as_ref(), "message")?,
            },
            "paragraph" => Block::Paragraph {
                text: message(block.message.as_ref(), "message")?,
            },
            "image" | "figure" => {
                let src = self.required(block, block.src.as_ref(), "src")?;
                Block::Image(self.image(src, block.alt.as_ref(), block.caption.as_ref(), src)?)
            }
            "list" => {
                let items = block.items.as_deref().unwrap_or_default();
                if items.is_empty() {
                    return Err(self.invalid(
                        Some(type_span),
                        "a `list` block needs `items`".to_string(),
                        "add `items = [\"first-item\", \"second-item\"]`, naming a message per item",
                    ));
                }
                Block::List {
                    ordered: block.ordered.unwrap_or(false),
                    items: items
                        .iter()
                        .map(|item| self.list_item(item))
                        .collect::<Result<_>>()?,
                }
            }
            "quote" => Block::Quote {
                text: message(block.message.as_ref(), "message")?,
                attribution: self.optional(block.attribution.as_ref())?,
                cite: match &block.cite {
                    Some(cite) => Some(self.url(cite, "a quotation's source")?),
                    None => None,
                },
            },
            "table" => self.table(block)?,
            "note" => Block::Note {
                title: self.optional(block.title.as_ref())?,
                text: message(block.message.as_ref(), "message")?,
            },
            "footnotes" => Block::Footnotes {
                notes: block
                    .notes
                    .iter()
                    .flatten()
                    .map(|note| {
                        Ok(Footnote {
                            name: self.name(&note.name, "a footnote")?,
                            text: self.message_ref(&note.message)?,
                        })
                    })
                    .collect::<Result<_>>()?,
            },
            "code" => Block::Code {
                language: block.language.clone(),
                text: block.text.clone().ok_or_else(|| {
                    self.invalid(
                        Some(type_span.clone()),
                        "a `code` block needs `text`".to_string(),
                        "add `text = \"\"\"…\"\"\"` with the verbatim text",
                    )
                })?,
            },
            "separator" => Block::Separator,
            "byline" => Block::Byline {
                byline: chrome(chrome::BYLINE),
                reading_time: chrome(chrome::READING_TIME),
            },
            "languages" => Block::Languages {
                label: chrome(chrome::AVAILABLE_LANGUAGES),
                name: chrome(chrome::LANGUAGE_NAME),
            },
            other => {
                return Err(self.invalid(
                    Some(type_span),
                    format!("unknown block type `{other}`"),
                    &format!("use one of: {}", block_types()),
                ));
            }
        })
    }

    fn level(&self, block: &RawBlock) -> Result<u8> {
        let level = block.level.as_ref().ok_or_else(|| {
            self.invalid(
                Some(block.kind.span()),
                "a `heading` block needs `level`".to_string(),
                "add `level = 2` (1 is the article's title, 2 a section, up to 6)",
            )
        })?;
        if !(1..=6).contains(level.get_ref()) {
            return Err(self.invalid(
                Some(level.span()),
                format!("heading level {} is out of range", level.get_ref()),
                "use a level from 1 (the title) to 6",
            ));
        }
        Ok(*level.get_ref())
    }

    fn list_item(&self, item: &Spanned<RawItem>) -> Result<ListItem> {
        match item.get_ref() {
            RawItem::Message(id) => Ok(ListItem {
                text: self.message_ref(&Spanned::new(item.span(), id.clone()))?,
                items: Vec::new(),
            }),
            RawItem::Nested { message, items } => Ok(ListItem {
                text: self.message_ref(message)?,
                items: items
                    .iter()
                    .map(|id| self.message_ref(id))
                    .collect::<Result<_>>()?,
            }),
        }
    }

    fn table(&self, block: &RawBlock) -> Result<Block> {
        let header: Vec<MessageRef> = block
            .header
            .iter()
            .flatten()
            .map(|cell| self.message_ref(cell))
            .collect::<Result<_>>()?;
        let mut rows = Vec::new();
        for row in block.rows.iter().flatten() {
            if !header.is_empty() && row.get_ref().len() != header.len() {
                return Err(self.invalid(
                    Some(row.span()),
                    format!(
                        "this row has {} cells and the header {}",
                        row.get_ref().len(),
                        header.len()
                    ),
                    "give every row as many cells as the header",
                ));
            }
            rows.push(
                row.get_ref()
                    .iter()
                    .map(|cell| self.message_ref(cell))
                    .collect::<Result<Vec<_>>>()?,
            );
        }
        if rows.is_empty() {
            return Err(self.invalid(
                Some(block.kind.span()),
                "a `table` block needs `rows`".to_string(),
                "add `rows = [[\"cell\", \"cell\"]]`, naming a message per cell",
            ));
        }
        Ok(Block::Table {
            caption: self.optional(block.caption.as_ref())?,
            header,
            rows,
        })
    }

    fn name(&self, name: &Spanned<String>, what: &str) -> Result<String> {
        if crate::markup::is_name(name.get_ref()) {
            Ok(name.get_ref().clone())
        } else {
            Err(self.invalid(
                Some(name.span()),
                format!("`{}` cannot name {what}", name.get_ref()),
                "start with a letter; use letters, digits, `-` and `_`",
            ))
        }
    }

    /// Refuses a footnote named twice, or named like a link.
    fn names(&self, article: &Article, raw: &RawArticle) -> Result<()> {
        let mut seen: std::collections::HashSet<&str> =
            article.links.keys().map(String::as_str).collect();
        let spans = raw
            .blocks
            .iter()
            .flat_map(|block| block.notes.iter().flatten())
            .map(|note| note.name.span());
        for (note, span) in article.footnotes().zip(spans) {
            if !seen.insert(&note.name) {
                return Err(self.invalid(
                    Some(span),
                    format!("`{}` names two links or footnotes", note.name),
                    "give every link and footnote its own name",
                ));
            }
        }
        Ok(())
    }
}

/// Parses `id` or `id.attribute` (Fluent identifiers: a letter, then letters, digits, `-`, `_`).
fn parse_message_ref(spanned: &Spanned<String>) -> Option<MessageRef> {
    let text = spanned.get_ref();
    let (id, attribute) = match text.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (text.as_str(), None),
    };
    if !is_identifier(id) || attribute.is_some_and(|a| !is_identifier(a)) {
        return None;
    }
    // Point at the text inside the quotes, not at the quotes.
    let span = spanned.span();
    let span = if span.end - span.start == text.len() + 2 {
        span.start + 1..span.end - 1
    } else {
        span
    };
    Some(MessageRef {
        id: id.to_string(),
        attribute: attribute.map(str::to_string),
        span,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    slug: Spanned<String>,
    reference: Option<Spanned<String>>,
    title: Spanned<String>,
    description: Option<Spanned<String>>,
    published: Option<Spanned<toml::value::Datetime>>,
    updated: Option<Spanned<toml::value::Datetime>>,
    author: Option<String>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    hero: Option<RawImage>,
    #[serde(default)]
    links: BTreeMap<Spanned<String>, Spanned<RawLink>>,
    #[serde(default)]
    slugs: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    blocks: Vec<RawBlock>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImage {
    src: Spanned<String>,
    alt: Spanned<String>,
    caption: Option<Spanned<String>>,
}

/// A link: its URL, or a table with it.
enum RawLink {
    Url(String),
    Full {
        href: Spanned<String>,
        hreflang: Option<Spanned<String>>,
    },
}

impl<'de> Deserialize<'de> for RawLink {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawLink;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a URL, or a table with `href` and `hreflang`")
            }

            fn visit_str<E: serde::de::Error>(self, url: &str) -> Result<RawLink, E> {
                Ok(RawLink::Url(url.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawLink, A::Error> {
                let (mut href, mut hreflang) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "href" => href = Some(map.next_value()?),
                        "hreflang" => hreflang = Some(map.next_value()?),
                        other => {
                            return Err(serde::de::Error::unknown_field(
                                other,
                                &["href", "hreflang"],
                            ));
                        }
                    }
                }
                let href = href.ok_or_else(|| serde::de::Error::missing_field("href"))?;
                Ok(RawLink::Full { href, hreflang })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Every field any block type takes; [`FIELDS`] says which type takes which.
#[derive(Deserialize)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    message: Option<Spanned<String>>,
    level: Option<Spanned<u8>>,
    src: Option<Spanned<String>>,
    alt: Option<Spanned<String>>,
    caption: Option<Spanned<String>>,
    ordered: Option<bool>,
    items: Option<Vec<Spanned<RawItem>>>,
    attribution: Option<Spanned<String>>,
    cite: Option<Spanned<String>>,
    header: Option<Vec<Spanned<String>>>,
    rows: Option<Vec<Spanned<Vec<Spanned<String>>>>>,
    title: Option<Spanned<String>>,
    notes: Option<Vec<RawNote>>,
    language: Option<String>,
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    name: Spanned<String>,
    message: Spanned<String>,
}

/// A list item: a message id, or a table with one and the nested list's items.
enum RawItem {
    Message(String),
    Nested {
        message: Spanned<String>,
        items: Vec<Spanned<String>>,
    },
}

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawItem;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a message id, or a table with `message` and `items`")
            }

            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<RawItem, E> {
                Ok(RawItem::Message(id.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawItem, A::Error> {
                let (mut message, mut items) = (None, Vec::new());
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "message" => message = Some(map.next_value()?),
                        "items" => items = map.next_value()?,
                        other => {
                            return Err(serde::de::Error::unknown_field(
                                other,
                                &["message", "items"],
                            ));
                        }
                    }
                }
                let message = message.ok_or_else(|| serde::de::Error::missing_field("message"))?;
                Ok(RawItem::Nested { message, items })
            }
        }
        deserializer.deserialize_any(Visitor)
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
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Article> {
        Article::parse(
            "content/a.toml",
            Path::new("content/a.toml"),
            text.to_string(),
        )
    }

    #[test]
    fn reads_blocks_in_order_with_spans() {
        let text = "slug = \"a\"\ntitle = \"a-title\"\npublished = 2024-03-14\n\
                    [[blocks]]\ntype = \"heading\"\nlevel = 1\nmessage = \"a-title\"\n\
                    [[blocks]]\ntype = \"image\"\nsrc = \"x.jpg\"\nalt = \"hero.alt\"\n";
        let article = parse(text).unwrap();
        assert_eq!(article.published.unwrap().to_string(), "2024-03-14");
        assert_eq!(article.blocks.len(), 2);
        let Block::Image(image) = &article.blocks[1] else {
            panic!("not an image")
        };
        assert_eq!(image.alt.to_string(), "hero.alt");
        assert_eq!(&text[image.alt.span.clone()], "hero.alt");
    }

    #[test]
    fn errors_name_the_line_and_what_to_do() {
        let err = parse("slug = \"a\"\ntitle = \"t\"\n[[blocks]]\ntype = \"tabel\"\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("content/a.toml:4:8"), "{text}");
        assert!(text.contains("unknown block type `tabel`"), "{text}");
        assert!(
            text.contains("help: use one of: heading, paragraph"),
            "{text}"
        );
    }

    fn error(blocks: &str) -> String {
        parse(&format!("slug = \"a\"\ntitle = \"t\"\n{blocks}"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn fields_that_mean_nothing_for_a_block_are_errors_naming_what_it_takes() {
        let err = error("[[blocks]]\ntype = \"paragraph\"\nmessage = \"p\"\nlevel = 3\n");
        assert!(
            err.contains("a.toml:6:1: a `paragraph` block has no field `level`"),
            "{err}"
        );
        assert!(err.contains("takes `message`; remove `level`"), "{err}");
        let err = error("[[blocks]]\ntype = \"paragraph\"\nmessage = \"p\"\nsrc = \"x.svg\"\n");
        assert!(err.contains("has no field `src`"), "{err}");
        let err = error("[[blocks]]\ntype = \"separator\"\nmessage = \"p\"\n");
        assert!(err.contains("takes no other field"), "{err}");
        let err = error("[[blocks]]\ntype = \"heading\"\nmessage = \"p\"\n");
        assert!(err.contains("a `heading` block needs `level`"), "{err}");
        let err =
            error("[[blocks]]\ntype = \"table\"\nheader = [\"a\", \"b\"]\nrows = [[\"c\"]]\n");
        assert!(
            err.contains("this row has 1 cells and the header 2"),
            "{err}"
        );
        let err = error("[links]\nx = \"javascript:alert(1)\"\n");
        assert!(
            err.contains("is not a URL Folio publishes as a link"),
            "{err}"
        );
        let err = error("[[blocks]]\ntype = \"list\"\nitems = [{ message = \"a\", colour = 1 }]\n");
        assert!(err.contains("unknown field `colour`"), "{err}");
        let err = error(
            "[links]\nn = \"https://e.org\"\n[[blocks]]\ntype = \"footnotes\"\nnotes = [{ name = \"n\", message = \"m\" }]\n",
        );
        assert!(err.contains("`n` names two links or footnotes"), "{err}");
    }

    #[test]
    fn every_block_type_reads_with_the_spans_of_its_messages() {
        let text = "slug = \"a\"\ntitle = \"t\"\ntags = [\"tag-a\"]\nupdated = 2025-01-02\n\
                    [links]\ncare = { href = \"https://e.org/care\", hreflang = \"de\" }\n\
                    [[blocks]]\ntype = \"list\"\nordered = true\nitems = [\"one\", { message = \"two\", items = [\"two-a\"] }]\n\
                    [[blocks]]\ntype = \"table\"\ncaption = \"cap\"\nheader = [\"h1\", \"h2\"]\nrows = [[\"c1\", \"c2\"]]\n\
                    [[blocks]]\ntype = \"figure\"\nsrc = \"images/x.svg\"\nalt = \"fig.alt\"\ncaption = \"fig.caption\"\n\
                    [[blocks]]\ntype = \"footnotes\"\nnotes = [{ name = \"fn-a\", message = \"note-a\" }]\n\
                    [[blocks]]\ntype = \"code\"\ntext = \"x = 1\"\n[[blocks]]\ntype = \"separator\"\n";
        let article = parse(text).unwrap();
        let ids: Vec<String> = article.messages().iter().map(ToString::to_string).collect();
        assert_eq!(
            ids,
            [
                "t",
                "tag-a",
                "one",
                "two",
                "two-a",
                "cap",
                "h1",
                "h2",
                "c1",
                "c2",
                "fig.alt",
                "fig.caption",
                "note-a"
            ]
        );
        for message in article.messages() {
            assert_eq!(
                &text[message.span.clone()],
                message.to_string(),
                "{message}"
            );
        }
        assert!(article.defines_name("care") && article.defines_name("fn-a"));
        assert!(!article.defines_name("other"));
        assert_eq!(article.links["care"].hreflang.as_deref(), Some("de"));
        assert_eq!(article.updated.unwrap().to_string(), "2025-01-02");
    }

    #[test]
    fn refuses_malformed_toml_and_ids() {
        assert!(parse("slug = ").unwrap_err().to_string().contains(":1:"));
        let err = parse("slug = \"a\"\ntitle = \"not an id\"\n").unwrap_err();
        assert!(err.to_string().contains("not a message id"));
        let err = parse("slug = \"A b\"\ntitle = \"t\"\n").unwrap_err();
        assert!(err.to_string().contains("URL-safe"));
        for reserved in ["index", "404"] {
            let err = parse(&format!("slug = \"{reserved}\"\ntitle = \"t\"\n")).unwrap_err();
            assert!(err.to_string().contains("the site's own"), "{err}");
        }
    }
}
