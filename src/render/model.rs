//! What rendering gives: an article's strings in one locale, block by block, with the
//! fallbacks it took and the errors it met. The writers turn it into bytes.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::article::Date;
use crate::locale::Direction;
use crate::markup::Node;

/// An article rendered in one locale.
///
/// Its strings keep Unicode isolates (U+2068 … U+2069) around every interpolated value; the
/// writers keep them only where a value's direction differs from the text (text, Markdown,
/// JSON) or turn them into `<bdi>` (HTML).
#[derive(Clone, Debug, Serialize)]
pub struct Rendered {
    /// The article's slug.
    pub slug: String,
    /// The slug of this page: the article's own in this locale (`[slugs]`), or `slug`.
    pub page_slug: String,
    /// The locale that was asked for.
    pub requested: String,
    /// The locale the article is rendered in: the first of the fallback chain.
    pub locale: String,
    /// The article's reference locale (`x-default` in `hreflang` alternates).
    pub reference: String,
    /// Its writing direction.
    pub dir: Direction,
    /// The title, as text.
    pub title: String,
    /// A sentence or two for `<meta name="description">` and link previews: the content file's
    /// `description` message, else the start of the first paragraph.
    pub description: String,
    /// The publication date, ISO 8601.
    pub published: Option<Date>,
    /// The date of its last update, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Its tags, as text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The hero image, with its localized alternative text.
    pub hero: Option<RenderedImage>,
    /// Whether a block of the article shows the hero image (else the page shows it first).
    #[serde(skip)]
    pub hero_in_blocks: bool,
    /// The targets of the named links its messages use, by name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, RenderedLink>,
    /// The footnotes' names, in the order they are numbered (from 1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    /// The blocks, in reading order.
    pub blocks: Vec<RenderedBlock>,
    /// Every language the article is published in, named in itself.
    pub languages: Vec<Language>,
    /// "Available in N languages", for the language switcher.
    pub languages_label: String,
    /// Messages that came from a locale after the first in the chain.
    pub fallbacks: Vec<Fallback>,
    /// Messages that could not be formatted cleanly.
    pub errors: Vec<RenderError>,
}

impl Rendered {
    /// Where the page shows the hero image: after how many blocks (after the byline, else
    /// after the title, else first); `None` when there is no hero or a block shows it.
    pub fn hero_at(&self) -> Option<usize> {
        if self.hero.is_none() || self.hero_in_blocks {
            return None;
        }
        let after = |wanted: &dyn Fn(&RenderedBlock) -> bool| self.blocks.iter().position(wanted);
        let at = after(&|b| matches!(b, RenderedBlock::Byline { .. }))
            .or_else(|| after(&|b| matches!(b, RenderedBlock::Heading { level: 1, .. })))
            .map_or(0, |i| i + 1);
        Some(at)
    }
}

/// An image with localized alternative text.
#[derive(Clone, Debug, Serialize)]
pub struct RenderedImage {
    /// Its URL.
    pub src: String,
    /// Its alternative text.
    pub alt: String,
    /// The locale of the alternative text, when it came from a fallback.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_locale: Option<String>,
    /// Its caption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<Inline>,
}

/// Where a named link points.
#[derive(Clone, Debug, Serialize)]
pub struct RenderedLink {
    /// The URL.
    pub href: String,
    /// The language of the page it points to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hreflang: Option<String>,
}

/// One message, rendered: its text, its HTML and its inline tree, and the locale it came from
/// when that is not the page's.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Inline {
    /// `message` or `message.attribute`.
    pub message: String,
    /// The text, markup left out.
    pub text: String,
    /// The HTML: allowed elements, named links with their URLs, values in `<bdi>` (made by
    /// [`Publisher::render`](crate::Publisher::render), and for the pages that show it).
    pub html: String,
    /// The inline tree, for sites that render themselves.
    #[serde(rename = "inline")]
    pub nodes: Vec<Node>,
    /// The locale it came from, when a fallback gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// That locale's direction, when a fallback gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dir: Option<Direction>,
}

/// A list item and its nested list.
#[derive(Clone, Debug, Serialize)]
pub struct RenderedItem {
    /// Its text.
    #[serde(flatten)]
    pub content: Inline,
    /// The nested list's items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Inline>,
}

/// A footnote, numbered.
#[derive(Clone, Debug, Serialize)]
pub struct RenderedFootnote {
    /// Its name, which markers use.
    pub name: String,
    /// Its number, from 1.
    pub number: usize,
    /// Its text.
    #[serde(flatten)]
    pub content: Inline,
}

/// One rendered block.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum RenderedBlock {
    /// A heading.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        #[serde(flatten)]
        content: Inline,
    },
    /// A paragraph.
    Paragraph {
        /// Its text.
        #[serde(flatten)]
        content: Inline,
    },
    /// An image, with its caption.
    Image {
        /// The message of its alternative text.
        message: String,
        /// The image.
        #[serde(flatten)]
        image: RenderedImage,
    },
    /// A list.
    List {
        /// Numbered or bulleted.
        ordered: bool,
        /// Its items.
        items: Vec<RenderedItem>,
    },
    /// A quotation.
    Quote {
        /// The quotation.
        #[serde(flatten)]
        content: Inline,
        /// Who said it.
        #[serde(skip_serializing_if = "Option::is_none")]
        attribution: Option<Inline>,
        /// The URL of its source.
        #[serde(skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    /// A table.
    Table {
        /// Its caption.
        #[serde(skip_serializing_if = "Option::is_none")]
        caption: Option<Inline>,
        /// The header row.
        header: Vec<Inline>,
        /// The rows.
        rows: Vec<Vec<Inline>>,
    },
    /// An aside.
    Note {
        /// Its heading.
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<Inline>,
        /// Its text.
        #[serde(flatten)]
        content: Inline,
    },
    /// The footnotes.
    Footnotes {
        /// Each footnote, numbered.
        notes: Vec<RenderedFootnote>,
    },
    /// Verbatim text.
    Code {
        /// Its language.
        #[serde(skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        /// The text.
        text: String,
    },
    /// A thematic break.
    Separator,
    /// Publication date and reading time.
    Byline {
        /// "Published on …".
        byline: Inline,
        /// "4 minutes read".
        reading_time: Inline,
        /// The reading time in minutes.
        minutes: usize,
    },
    /// The languages the article is published in ([`Rendered::languages`]).
    Languages {
        /// "Available in N languages".
        label: String,
    },
}

impl RenderedBlock {
    /// Every message of the block, rendered, to change in place.
    pub(crate) fn inlines_mut(&mut self) -> Vec<&mut Inline> {
        match self {
            RenderedBlock::Heading { content, .. } | RenderedBlock::Paragraph { content } => {
                vec![content]
            }
            RenderedBlock::Image { image, .. } => image.caption.iter_mut().collect(),
            RenderedBlock::List { items, .. } => items
                .iter_mut()
                .flat_map(|item| std::iter::once(&mut item.content).chain(&mut item.items))
                .collect(),
            RenderedBlock::Quote {
                content,
                attribution,
                ..
            } => std::iter::once(content).chain(attribution).collect(),
            RenderedBlock::Table {
                caption,
                header,
                rows,
            } => caption
                .iter_mut()
                .chain(header)
                .chain(rows.iter_mut().flatten())
                .collect(),
            RenderedBlock::Note { title, content } => {
                title.iter_mut().chain(std::iter::once(content)).collect()
            }
            RenderedBlock::Footnotes { notes } => {
                notes.iter_mut().map(|n| &mut n.content).collect()
            }
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => vec![byline, reading_time],
            RenderedBlock::Code { .. }
            | RenderedBlock::Separator
            | RenderedBlock::Languages { .. } => Vec::new(),
        }
    }
}

/// A language an article is published in.
#[derive(Clone, Debug, Serialize)]
pub struct Language {
    /// Its tag.
    pub locale: String,
    /// The slug of the article's page in it.
    pub slug: String,
    /// Its name in itself ("Deutsch").
    pub name: String,
    /// Its direction.
    pub dir: Direction,
}

/// A message rendered from a later locale of the fallback chain.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct Fallback {
    /// `message` or `message.attribute`.
    pub message: String,
    /// The locale it came from.
    pub locale: String,
}

/// A message that could not be formatted cleanly.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct RenderError {
    /// `message` or `message.attribute`.
    pub message: String,
    /// The locale whose text was being formatted.
    pub locale: String,
    /// What went wrong.
    pub error: String,
}
