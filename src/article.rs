//! An article's structure, read from `content/<slug>.toml`: which message fills which block.
//!
//! The text lives in the locales; this file only says what goes where, so that one structure
//! serves every language.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use crate::error::{Error, Result};
use crate::ftl::is_identifier;
use crate::line_index::LineIndex;
use crate::locale::parse_tag;

/// The messages of the page chrome that `byline` and `languages` blocks use. Every project
/// that uses those blocks defines them in its reference locale.
pub mod chrome {
    /// "Published on …", given `$date`.
    pub const BYLINE: &str = "site-byline";
    /// "N minutes read", given `$minutes`.
    pub const READING_TIME: &str = "site-reading-time";
    /// "Available in N languages", given `$count`.
    pub const AVAILABLE_LANGUAGES: &str = "site-available-languages";
    /// The language's own name ("Deutsch"), shown in language lists.
    pub const LANGUAGE_NAME: &str = "site-language-name";

    /// The variable the renderer gives `site-byline`: the publication date.
    pub const DATE: &str = "date";
    /// The variable the renderer gives `site-reading-time`: whole minutes.
    pub const MINUTES: &str = "minutes";
    /// The variable the renderer gives `site-available-languages`: how many languages.
    pub const COUNT: &str = "count";

    /// Every page-chrome message, which the renderer looks up by these ids.
    pub const MESSAGES: [&str; 4] = [BYLINE, READING_TIME, AVAILABLE_LANGUAGES, LANGUAGE_NAME];

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
    pub reference: Option<LanguageIdentifier>,
    /// The message that holds the article's title (for `<title>`, listings and feeds).
    pub title: MessageRef,
    /// The message with a sentence or two describing the article, for `<meta name="description">`
    /// (the start of the first paragraph when there is none).
    pub description: Option<MessageRef>,
    /// The publication date.
    pub published: Option<Date>,
    /// The picture that represents the article in listings and social cards.
    pub hero: Option<Image>,
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
    /// The content file, relative to the project root (`content/smp-removal.toml`).
    pub path: String,
    pub(crate) source: String,
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

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// An image: where it is and the message that describes it.
#[derive(Debug, Clone)]
pub struct Image {
    /// The image's URL or path, as the site serves it.
    pub src: String,
    /// The message (usually an attribute, `hero.alt`) with its alternative text.
    pub alt: MessageRef,
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
    /// An image with alternative text.
    Image(Image),
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
            Block::Image(image) => vec![&image.alt],
            Block::Byline {
                byline,
                reading_time,
            } => vec![byline, reading_time],
            Block::Languages { label, name } => vec![label, name],
        }
    }
}

impl Article {
    /// Every message the article needs: its title, its hero's text and every block's.
    pub fn messages(&self) -> Vec<&MessageRef> {
        let mut all = vec![&self.title];
        all.extend(&self.description);
        if let Some(hero) = &self.hero {
            all.push(&hero.alt);
        }
        all.extend(self.blocks.iter().flat_map(Block::messages));
        all
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
                "see content/smp-removal.toml in Folio's README for the shape of an article",
            )
        })?;

        let slug = raw.slug.get_ref();
        let url_safe = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
        if slug.is_empty() || !slug.bytes().all(url_safe) {
            return Err(reader.invalid(
                Some(raw.slug.span()),
                format!("the slug `{slug}` is not URL-safe"),
                "use lowercase ASCII letters, digits and `-`, like `smp-removal`",
            ));
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
        let published = match &raw.published {
            Some(value) => Some(reader.date(value)?),
            None => None,
        };
        let hero = match &raw.hero {
            Some(image) => Some(Image {
                src: image.src.clone(),
                alt: reader.message_ref(&image.alt)?,
            }),
            None => None,
        };
        let blocks = raw
            .blocks
            .iter()
            .map(|block| reader.block(block))
            .collect::<Result<Vec<_>>>()?;
        let title = reader.message_ref(&raw.title)?;
        let description = match &raw.description {
            Some(message) => Some(reader.message_ref(message)?),
            None => None,
        };
        Ok(Article {
            slug: slug.clone(),
            reference,
            title,
            description,
            published,
            hero,
            blocks,
            path: path.to_string(),
            source,
        })
    }
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

    fn message_ref(&self, spanned: &Spanned<String>) -> Result<MessageRef> {
        parse_message_ref(spanned).ok_or_else(|| {
            self.invalid(
                Some(spanned.span()),
                format!("`{}` is not a message id", spanned.get_ref()),
                "name a message (`intro`) or one of its attributes (`hero.alt`)",
            )
        })
    }

    fn date(&self, value: &Spanned<toml::value::Datetime>) -> Result<Date> {
        let date = value
            .get_ref()
            .date
            .filter(|_| value.get_ref().time.is_none())
            .ok_or_else(|| {
                self.invalid(
                    Some(value.span()),
                    "`published` must be a date".to_string(),
                    "write it as a TOML date, like `published = 2024-03-14`",
                )
            })?;
        Ok(Date {
            year: i32::from(date.year),
            month: date.month,
            day: date.day,
        })
    }

    fn required(
        &self,
        block: &RawBlock,
        field: Option<&Spanned<String>>,
        name: &str,
    ) -> Result<MessageRef> {
        match field {
            Some(value) => self.message_ref(value),
            None => Err(self.invalid(
                Some(block.kind.span()),
                format!("a `{}` block needs `{name}`", block.kind.get_ref()),
                "add the field, naming the message that fills the block",
            )),
        }
    }

    fn block(&self, block: &RawBlock) -> Result<Block> {
        let type_span = block.kind.span();
        let chrome = |id: &str| MessageRef {
            id: id.to_string(),
            attribute: None,
            span: type_span.clone(),
        };
        Ok(match block.kind.get_ref().as_str() {
            "heading" => {
                let level = block.level.as_ref().map_or(2, |l| *l.get_ref());
                if !(1..=6).contains(&level) {
                    return Err(self.invalid(
                        block.level.as_ref().map(Spanned::span),
                        format!("heading level {level} is out of range"),
                        "use a level from 1 (the title) to 6",
                    ));
                }
                Block::Heading {
                    level,
                    text: self.required(block, block.message.as_ref(), "message")?,
                }
            }
            "paragraph" => Block::Paragraph {
                text: self.required(block, block.message.as_ref(), "message")?,
            },
            "image" => Block::Image(Image {
                src: block.src.clone().ok_or_else(|| {
                    self.invalid(
                        Some(type_span.clone()),
                        "an `image` block needs `src`".to_string(),
                        "add `src = \"images/…\"`",
                    )
                })?,
                alt: self.required(block, block.alt.as_ref(), "alt")?,
            }),
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
                    "use one of: heading, paragraph, image, byline, languages",
                ));
            }
        })
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
    hero: Option<RawImage>,
    #[serde(default)]
    blocks: Vec<RawBlock>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImage {
    src: String,
    alt: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    message: Option<Spanned<String>>,
    level: Option<Spanned<u8>>,
    src: Option<String>,
    alt: Option<Spanned<String>>,
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
        let err = parse("slug = \"a\"\ntitle = \"t\"\n[[blocks]]\ntype = \"table\"\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("content/a.toml:4:8"), "{text}");
        assert!(text.contains("unknown block type `table`"), "{text}");
        assert!(text.contains("help:"), "{text}");
    }

    #[test]
    fn refuses_malformed_toml_and_ids() {
        assert!(parse("slug = ").unwrap_err().to_string().contains(":1:"));
        let err = parse("slug = \"a\"\ntitle = \"not an id\"\n").unwrap_err();
        assert!(err.to_string().contains("not a message id"));
        let err = parse("slug = \"A b\"\ntitle = \"t\"\n").unwrap_err();
        assert!(err.to_string().contains("URL-safe"));
    }
}
