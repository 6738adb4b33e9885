//! Reading a content file: its raw TOML (`raw.rs`) checked field by field and made an
//! [`Article`](super::Article), with errors that name the file, the line and what to do.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;

use super::chrome;
use super::raw::{RawArticle, RawBlock, RawItem, RawLink};
use super::{
    Article, Block, Date, Footnote, Image, Link, ListItem, MessageRef, is_publishable_url,
};
use crate::error::{Error, Result};
use crate::ftl::is_identifier;
use crate::line_index::LineIndex;
use crate::locale::parse_tag;

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
pub(super) struct Reader<'a> {
    pub(super) display: &'a Path,
    pub(super) source: &'a str,
    pub(super) lines: LineIndex,
}

impl Reader<'_> {
    pub(super) fn invalid(&self, span: Option<Range<usize>>, message: String, help: &str) -> Error {
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
    pub(super) fn fields_of_blocks(&self) -> Result<()> {
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
    pub(super) fn slug(&self, slug: &Spanned<String>) -> Result<String> {
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

    pub(super) fn message_ref(&self, spanned: &Spanned<String>) -> Result<MessageRef> {
        parse_message_ref(spanned).ok_or_else(|| {
            self.invalid(
                Some(spanned.span()),
                format!("`{}` is not a message id", spanned.get_ref()),
                "name a message (`intro`) or one of its attributes (`hero.alt`)",
            )
        })
    }

    pub(super) fn optional(&self, spanned: Option<&Spanned<String>>) -> Result<Option<MessageRef>> {
        spanned.map(|s| self.message_ref(s)).transpose()
    }

    pub(super) fn date(&self, value: &Spanned<toml::value::Datetime>, name: &str) -> Result<Date> {
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
    pub(super) fn url(&self, url: &Spanned<String>, what: &str) -> Result<String> {
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

    pub(super) fn link(&self, name: &Spanned<String>, link: &Spanned<RawLink>) -> Result<Link> {
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

    pub(super) fn image(
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

    pub(super) fn required<'b>(
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

    pub(super) fn block(&self, block: &RawBlock) -> Result<Block> {
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

    pub(super) fn level(&self, block: &RawBlock) -> Result<u8> {
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

    pub(super) fn list_item(&self, item: &Spanned<RawItem>) -> Result<ListItem> {
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

    pub(super) fn table(&self, block: &RawBlock) -> Result<Block> {
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

    pub(super) fn name(&self, name: &Spanned<String>, what: &str) -> Result<String> {
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
    pub(super) fn names(&self, article: &Article, raw: &RawArticle) -> Result<()> {
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
