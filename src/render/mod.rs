//! Rendering an article in one locale: resolve every block's message through the locale's
//! fallback chain, then write the result as text, Markdown, HTML or JSON.
//!
//! [`render`] produces a [`Rendered`] article (data: strings, fallbacks, errors); the writers
//! in this module's files turn it into bytes. Nothing here prints.

use std::io::{self, Write};
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::article::{Article, Block, Date, MessageRef};
use crate::catalog::LocaleDir;
use crate::error::{Error, Result};
use crate::locale::{Direction, fallback_chain};
use crate::project::Project;

pub(crate) mod bundle;
mod html;
mod intl;
pub(crate) use intl::parse_iso_date;
mod json;
mod markdown;
mod text;

pub use intl::{DateStyle, FluentDate};

/// A locale's messages, ready to format; shared between threads.
pub type Bundle = fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>;

/// Words per minute used for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 200;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text, paragraphs separated by blank lines.
    Text,
    /// CommonMark.
    Markdown,
    /// A complete HTML5 page.
    Html,
    /// The article's structure with rendered strings, for sites that template on their side.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Json];

    /// The format's name: `text`, `markdown`, `html`, `json`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// An article rendered in one locale.
#[derive(Clone, Debug, Serialize)]
pub struct Rendered {
    /// The article's slug.
    pub slug: String,
    /// The locale that was asked for.
    pub requested: String,
    /// The locale the article is rendered in: the first of the fallback chain.
    pub locale: String,
    /// Its writing direction.
    pub dir: Direction,
    /// The title, as text.
    pub title: String,
    /// The publication date, ISO 8601.
    pub published: Option<Date>,
    /// The hero image, with its localized alternative text.
    pub hero: Option<RenderedImage>,
    /// The blocks, in reading order.
    pub blocks: Vec<RenderedBlock>,
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
    /// The languages the article is published in.
    Languages {
        /// "Available in N languages".
        label: String,
        /// Each language, with its own name.
        languages: Vec<Language>,
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

/// Renders the article `slug` for a reader who asked for `requested`.
///
/// The locale's fallback chain (`de-AT` → `de` → the reference) decides where each message
/// comes from; messages taken from a later locale are listed in [`Rendered::fallbacks`], and
/// formatting problems (a missing variable, an unknown reference) in [`Rendered::errors`].
/// `vars` are extra variables for every message (they win over Folio's own, such as
/// `$minutes`).
///
/// # Example
/// ```
/// use unic_langid::langid;
///
/// let project = folio::Project::embedded();
/// let article = folio::render(&project, "smp-removal", &langid!("de-AT"), &[])?;
/// assert_eq!(article.locale, "de");
/// assert!(article.errors.is_empty() && article.fallbacks.is_empty());
/// let mut html = Vec::new();
/// folio::write_rendered(&article, folio::Format::Html, &mut html)?;
/// assert!(String::from_utf8(html).unwrap().starts_with("<!DOCTYPE html>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render(
    project: &Project,
    slug: &str,
    requested: &LanguageIdentifier,
    vars: &[(String, FluentValue<'static>)],
) -> Result<Rendered> {
    let article = project.article(slug)?;
    let reference = article.reference.as_ref().unwrap_or(project.reference());
    let catalog = project.catalog();
    let chain: Vec<&LocaleDir> = fallback_chain(requested, &catalog.tags(), reference)
        .iter()
        .filter_map(|tag| catalog.locale_by_tag(tag))
        .collect();
    let Some(first) = chain.first() else {
        return Err(project
            .reference_dir()
            .err()
            .unwrap_or_else(|| Error::MissingReference {
                tag: reference.to_string(),
                locales: catalog.folder.display(""),
                help: "add the article's reference locale".to_string(),
            }));
    };
    let tag = first.tag.clone().expect("locales of a chain have tags");

    let mut renderer = Renderer {
        chain: chain
            .iter()
            .filter_map(|l| Some((l.name.as_str(), l.bundle()?.as_ref())))
            .collect(),
        vars,
        fallbacks: Vec::new(),
        errors: Vec::new(),
    };
    let minutes = reading_minutes(project, article, reference);
    let languages = languages(project, article);

    let title = renderer.format(&article.title, None);
    let hero = article.hero.as_ref().map(|image| RenderedImage {
        src: image.src.clone(),
        alt: renderer.format(&image.alt, None),
    });
    let mut blocks = Vec::with_capacity(article.blocks.len());
    for block in &article.blocks {
        blocks.push(match block {
            Block::Heading { level, text } => RenderedBlock::Heading {
                level: *level,
                message: text.to_string(),
                text: renderer.format(text, None),
            },
            Block::Paragraph { text } => RenderedBlock::Paragraph {
                message: text.to_string(),
                text: renderer.format(text, None),
            },
            Block::Image(image) => RenderedBlock::Image {
                message: image.alt.to_string(),
                src: image.src.clone(),
                alt: renderer.format(&image.alt, None),
            },
            Block::Byline {
                byline,
                reading_time,
            } => {
                let mut args = FluentArgs::new();
                if let Some(date) = article.published {
                    args.set("date", FluentValue::Custom(Box::new(FluentDate::new(date))));
                }
                let byline = renderer.format(byline, Some(args));
                let mut args = FluentArgs::new();
                args.set("minutes", minutes);
                RenderedBlock::Byline {
                    byline,
                    reading_time: renderer.format(reading_time, Some(args)),
                    minutes,
                }
            }
            Block::Languages { label, .. } => {
                let mut args = FluentArgs::new();
                args.set("count", languages.len());
                RenderedBlock::Languages {
                    label: renderer.format(label, Some(args)),
                    languages: languages.clone(),
                }
            }
        });
    }

    Ok(Rendered {
        slug: article.slug.clone(),
        requested: requested.to_string(),
        locale: first.name.clone(),
        dir: Direction::of(&tag),
        title,
        published: article.published,
        hero,
        blocks,
        fallbacks: renderer.fallbacks,
        errors: renderer.errors,
    })
}

/// Writes `rendered` in `format`.
pub fn write_rendered(rendered: &Rendered, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::write(rendered, out),
        Format::Markdown => markdown::write(rendered, out),
        Format::Html => html::write(rendered, out),
        Format::Json => json::write(rendered, out),
    }
}

struct Renderer<'a> {
    chain: Vec<(&'a str, &'a Bundle)>,
    vars: &'a [(String, FluentValue<'static>)],
    fallbacks: Vec<Fallback>,
    errors: Vec<RenderError>,
}

impl Renderer<'_> {
    /// Formats `message` from the first locale of the chain that has it.
    fn format(&mut self, message: &MessageRef, args: Option<FluentArgs<'static>>) -> String {
        let mut args = args.unwrap_or_default();
        for (name, value) in self.vars {
            args.set(name.clone(), value.clone());
        }
        for (index, (locale, bundle)) in self.chain.iter().enumerate() {
            let Some(found) = bundle.get_message(&message.id) else {
                continue;
            };
            let pattern = match &message.attribute {
                Some(attribute) => found.get_attribute(attribute).map(|a| a.value()),
                None => found.value(),
            };
            let Some(pattern) = pattern else {
                continue;
            };
            let mut errors = Vec::new();
            intl::take_function_errors();
            let text = bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned();
            let function_errors = intl::take_function_errors();
            for error in errors
                .iter()
                .map(ToString::to_string)
                .chain(function_errors)
            {
                self.errors.push(RenderError {
                    message: message.to_string(),
                    locale: (*locale).to_string(),
                    error,
                });
            }
            if index > 0 {
                self.fallbacks.push(Fallback {
                    message: message.to_string(),
                    locale: (*locale).to_string(),
                });
            }
            return text;
        }
        self.errors.push(RenderError {
            message: message.to_string(),
            locale: self.chain.first().map_or("", |l| l.0).to_string(),
            error: "no locale of the fallback chain defines it".to_string(),
        });
        String::new()
    }
}

/// Minutes to read the article, from the word count of its text in the reference locale.
fn reading_minutes(project: &Project, article: &Article, reference: &LanguageIdentifier) -> usize {
    let Some(bundle) = project
        .catalog()
        .locale_by_tag(reference)
        .and_then(LocaleDir::bundle)
    else {
        return 1;
    };
    let mut renderer = Renderer {
        chain: vec![("", bundle.as_ref())],
        vars: &[],
        fallbacks: Vec::new(),
        errors: Vec::new(),
    };
    let words: usize = article
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { text, .. } | Block::Paragraph { text } => Some(text),
            _ => None,
        })
        .map(|text| renderer.format(text, None).split_whitespace().count())
        .sum();
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// The locales that have the article (its title message), each named in itself.
fn languages(project: &Project, article: &Article) -> Vec<Language> {
    project
        .catalog()
        .locales()
        .iter()
        .filter_map(|locale| {
            let tag = locale.tag.as_ref()?;
            let bundle = locale.bundle()?;
            bundle.get_message(&article.title.id)?;
            let name = bundle
                .get_message(crate::article::chrome::LANGUAGE_NAME)
                .and_then(|m| m.value())
                .map_or_else(
                    || locale.name.clone(),
                    |pattern| {
                        bundle
                            .format_pattern(pattern, None, &mut Vec::new())
                            .into_owned()
                    },
                );
            Some(Language {
                locale: locale.name.clone(),
                name,
                dir: Direction::of(tag),
            })
        })
        .collect()
}
