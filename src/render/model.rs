//! What rendering gives: an article's strings in one locale, block by block, with the
//! fallbacks it took and the errors it met. The writers turn it into bytes.

use serde::Serialize;

use crate::article::Date;
use crate::locale::Direction;

/// An article rendered in one locale.
///
/// Its strings keep Unicode isolates (U+2068 … U+2069) around every interpolated value; the
/// writers keep them only where a value's direction differs from the text (text, Markdown,
/// JSON) or turn them into `<bdi>` (HTML).
#[derive(Clone, Debug, Serialize)]
pub struct Rendered {
    /// The article's slug.
    pub slug: String,
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
    /// The hero image, with its localized alternative text.
    pub hero: Option<RenderedImage>,
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

/// An image with localized alternative text.
#[derive(Clone, Debug, Serialize)]
pub struct RenderedImage {
    /// Its URL.
    pub src: String,
    /// Its alternative text.
    pub alt: String,
}

/// One rendered block.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum RenderedBlock {
    /// A heading.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The message it came from.
        message: String,
        /// Its text.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// The message it came from.
        message: String,
        /// Its text.
        text: String,
    },
    /// An image.
    Image {
        /// The message of its alternative text.
        message: String,
        /// Its URL.
        src: String,
        /// Its alternative text.
        alt: String,
    },
    /// Publication date and reading time.
    Byline {
        /// "Published on …".
        byline: String,
        /// "4 minutes read".
        reading_time: String,
        /// The reading time in minutes.
        minutes: usize,
    },
    /// The languages the article is published in ([`Rendered::languages`]).
    Languages {
        /// "Available in N languages".
        label: String,
    },
}

/// A language an article is published in.
#[derive(Clone, Debug, Serialize)]
pub struct Language {
    /// Its tag.
    pub locale: String,
    /// Its name in itself ("Deutsch").
    pub name: String,
    /// Its direction.
    pub dir: Direction,
}

/// A message rendered from a later locale of the fallback chain.
#[derive(Clone, Debug, Serialize)]
pub struct Fallback {
    /// `message` or `message.attribute`.
    pub message: String,
    /// The locale it came from.
    pub locale: String,
}

/// A message that could not be formatted cleanly.
#[derive(Clone, Debug, Serialize)]
pub struct RenderError {
    /// `message` or `message.attribute`.
    pub message: String,
    /// The locale whose text was being formatted.
    pub locale: String,
    /// What went wrong.
    pub error: String,
}
