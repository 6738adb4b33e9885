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

mod bidi;
pub(crate) mod bundle;
mod datetime;
mod html;
mod intl;
mod json;
mod markdown;
mod number;
mod pseudo;
mod text;

pub use datetime::{FluentDate, Style as DateTimeStyle};
pub(crate) use html::url;
pub use html::{DEFAULT_TEMPLATE, HtmlTemplate, Links};
pub use pseudo::Pseudo;

/// A locale's messages, ready to format; shared between threads.
pub type Bundle = fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>;

/// Words per minute used for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 200;

/// What every rendering of an article shares, worked out once per project.
#[derive(Clone, Debug)]
pub(crate) struct ArticleFacts {
    /// The reading time, from the reference text.
    minutes: usize,
    /// Every locale that has the article, named in itself.
    languages: Vec<Language>,
}

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
    render_with(
        project,
        slug,
        requested,
        &RenderOptions {
            vars: vars.to_vec(),
            ..RenderOptions::default()
        },
    )
}

/// What [`render_with`] may be told beyond the article and the locale.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// Extra variables for every message (they win over Folio's own, such as `$minutes`).
    pub vars: Vec<(String, FluentValue<'static>)>,
    /// The locale folders the site publishes, when not all of them: only these are listed as
    /// the article's languages (in the switcher, `hreflang` links and "available in N").
    pub published: Option<Vec<String>>,
    /// Render a pseudo-locale: the requested locale's text (normally the reference's),
    /// transformed, labelled with the pseudo-locale's tag and direction.
    pub pseudo: Option<Pseudo>,
}

/// [`render`], with [`RenderOptions`].
pub fn render_with(
    project: &Project,
    slug: &str,
    requested: &LanguageIdentifier,
    options: &RenderOptions,
) -> Result<Rendered> {
    let vars = options.vars.as_slice();
    let article = project.article(slug)?;
    let reference = article.reference.as_ref().unwrap_or(project.reference());
    let chain = chain(project, requested, reference)?;
    let first = chain[0];
    let (dir, locale) = match options.pseudo {
        Some(pseudo) => (pseudo.direction(), pseudo.tag().to_string()),
        None => (
            Direction::of(first.tag.as_ref().expect("locales of a chain have tags")),
            first.name.clone(),
        ),
    };
    // A pseudo-locale transforms text as it is formatted: bundles of its own, made for this
    // page (the shared ones stay as they are).
    let pseudo_bundles = options
        .pseudo
        .map(|pseudo| pseudo::bundles(pseudo, &chain))
        .unwrap_or_default();
    let bundles: Vec<(&str, &Bundle)> = if pseudo_bundles.is_empty() {
        chain
            .iter()
            .filter_map(|l| Some((l.name.as_str(), l.bundle()?.as_ref())))
            .collect()
    } else {
        chain
            .iter()
            .zip(&pseudo_bundles)
            .map(|(l, b)| (l.name.as_str(), b))
            .collect()
    };

    let mut renderer = Renderer {
        chain: bundles,
        vars,
        fallbacks: Vec::new(),
        errors: Vec::new(),
    };
    let facts = article.facts.get_or_init(|| ArticleFacts {
        minutes: reading_minutes(project, article, reference),
        languages: languages(project, article),
    });
    let minutes = facts.minutes;
    let mut languages = facts.languages.clone();
    if let Some(published) = &options.published {
        languages.retain(|l| published.contains(&l.locale));
    }

    let title = renderer.format(&article.title, None);
    let hero = article.hero.as_ref().map(|image| RenderedImage {
        src: image.src.clone(),
        alt: renderer.format(&image.alt, None),
    });
    let blocks: Vec<RenderedBlock> = article
        .blocks
        .iter()
        .map(|block| renderer.block(block, article, minutes, languages.len()))
        .collect();
    let languages_label = languages_label(
        &mut renderer,
        &MessageRef {
            id: crate::article::chrome::AVAILABLE_LANGUAGES.to_string(),
            attribute: None,
            span: 0..0,
        },
        languages.len(),
    );
    let description = match &article.description {
        Some(message) => renderer.format(message, None),
        None => summary(&blocks),
    };

    Ok(Rendered {
        slug: article.slug.clone(),
        requested: requested.to_string(),
        locale,
        reference: reference.to_string(),
        dir,
        title,
        description,
        published: article.published,
        hero,
        blocks,
        languages,
        languages_label,
        fallbacks: renderer.fallbacks,
        errors: renderer.errors,
    })
}

/// The locales to take messages from, in order, for a reader who asked for `requested`; never
/// empty.
fn chain<'p>(
    project: &'p Project,
    requested: &LanguageIdentifier,
    reference: &LanguageIdentifier,
) -> Result<Vec<&'p LocaleDir>> {
    let catalog = project.catalog();
    let chain: Vec<&LocaleDir> = fallback_chain(requested, &catalog.tags(), reference)
        .iter()
        .filter_map(|tag| catalog.locale_by_tag(tag))
        .collect();
    if chain.is_empty() {
        return Err(project
            .reference_dir()
            .err()
            .unwrap_or_else(|| Error::MissingReference {
                tag: reference.to_string(),
                locales: catalog.folder.display(""),
                help: "add the reference locale's folder".to_string(),
            }));
    }
    Ok(chain)
}

/// One message formatted: by [`eval`] or [`eval_message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluated {
    /// The text, with isolates only where a value's direction differs from the locale's.
    pub text: String,
    /// The locale the message came from, when it was not the one asked for.
    pub fallback: Option<String>,
    /// What went wrong: a syntax error in the source, a missing variable, an unknown message…
    pub errors: Vec<String>,
}

/// Formats the first message of the Fluent `source` in `locale`, with `vars`: the
/// translator's playground behind `folio eval`.
///
/// # Example
/// ```
/// use fluent_bundle::FluentValue;
/// use unic_langid::langid;
///
/// let vars = [("n".to_string(), FluentValue::from(1234.5))];
/// let out = folio::eval("n = { NUMBER($n) } Punkte", &langid!("de"), &vars)?;
/// assert_eq!(out.text, "1.234,5 Punkte");
/// # Ok::<(), folio::Error>(())
/// ```
pub fn eval(
    source: &str,
    locale: &LanguageIdentifier,
    vars: &[(String, FluentValue<'static>)],
) -> Result<Evaluated> {
    let mut errors = Vec::new();
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(resource) => resource,
        Err((resource, parse_errors)) => {
            let lines = crate::source::LineIndex::new(source);
            for error in parse_errors {
                let at = lines.location(source, error.pos.start);
                errors.push(format!("{}:{}: {}", at.line, at.column, error.kind));
            }
            resource
        }
    };
    let first = resource.entries().find_map(|entry| match entry {
        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
        _ => None,
    });
    let Some(id) = first else {
        errors.push("the source has no message to format".to_string());
        return Ok(Evaluated {
            text: String::new(),
            fallback: None,
            errors,
        });
    };
    let mut bundle = bundle::new(locale);
    let _ = bundle.add_resource(Arc::new(resource));
    let mut renderer = Renderer {
        chain: vec![("", &bundle)],
        vars,
        fallbacks: Vec::new(),
        errors: Vec::new(),
    };
    let message = MessageRef {
        id,
        attribute: None,
        span: 0..0,
    };
    let found = bundle.get_message(&message.id);
    let message = match found {
        Some(m) if m.value().is_none() => MessageRef {
            attribute: m.attributes().next().map(|a| a.id().to_string()),
            ..message
        },
        _ => message,
    };
    let text = renderer.format(&message, None);
    errors.extend(renderer.errors.into_iter().map(|e| e.error));
    Ok(Evaluated {
        text: bidi::for_text(&text, Direction::of(locale)),
        fallback: None,
        errors,
    })
}

/// Formats the message `id` (or `id.attribute`) of `project` for a reader of `requested`,
/// falling back as rendering does.
pub fn eval_message(
    project: &Project,
    id: &str,
    requested: &LanguageIdentifier,
    vars: &[(String, FluentValue<'static>)],
) -> Result<Evaluated> {
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute.to_string())),
        None => (id, None),
    };
    let chain = chain(project, requested, project.reference())?;
    let mut renderer = Renderer {
        chain: chain
            .iter()
            .filter_map(|l| Some((l.name.as_str(), l.bundle()?.as_ref())))
            .collect(),
        vars,
        fallbacks: Vec::new(),
        errors: Vec::new(),
    };
    let text = renderer.format(
        &MessageRef {
            id: name.to_string(),
            attribute,
            span: 0..0,
        },
        None,
    );
    let direction = chain[0].tag.as_ref().map_or(Direction::Ltr, Direction::of);
    Ok(Evaluated {
        text: bidi::for_text(&text, direction),
        fallback: renderer.fallbacks.first().map(|f| f.locale.clone()),
        errors: renderer.errors.into_iter().map(|e| e.error).collect(),
    })
}

/// `text` without the Unicode isolates [`Rendered`]'s strings carry.
pub(crate) fn plain_text(text: &str) -> String {
    bidi::strip(text)
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
    /// One block of `article`, formatted.
    fn block(
        &mut self,
        block: &Block,
        article: &Article,
        minutes: usize,
        languages: usize,
    ) -> RenderedBlock {
        match block {
            Block::Heading { level, text } => RenderedBlock::Heading {
                level: *level,
                message: text.to_string(),
                text: self.format(text, None),
            },
            Block::Paragraph { text } => RenderedBlock::Paragraph {
                message: text.to_string(),
                text: self.format(text, None),
            },
            Block::Image(image) => RenderedBlock::Image {
                message: image.alt.to_string(),
                src: image.src.clone(),
                alt: self.format(&image.alt, None),
            },
            Block::Byline {
                byline,
                reading_time,
            } => {
                let mut args = FluentArgs::new();
                if let Some(date) = article.published.and_then(Date::to_iso) {
                    args.set("date", FluentValue::Custom(Box::new(FluentDate::new(date))));
                }
                let byline = self.format(byline, Some(args));
                let mut args = FluentArgs::new();
                args.set("minutes", minutes);
                RenderedBlock::Byline {
                    byline,
                    reading_time: self.format(reading_time, Some(args)),
                    minutes,
                }
            }
            Block::Languages { label, .. } => RenderedBlock::Languages {
                label: languages_label(self, label, languages),
            },
        }
    }

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
            intl::take_errors();
            let text = bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned();
            let function_errors = intl::take_errors();
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

/// "Available in N languages", or nothing when the project has no such message.
fn languages_label(renderer: &mut Renderer<'_>, label: &MessageRef, count: usize) -> String {
    if !renderer.chain.iter().any(|(_, b)| b.has_message(&label.id)) {
        return String::new();
    }
    let mut args = FluentArgs::new();
    args.set("count", count);
    renderer.format(label, Some(args))
}

/// The start of the first paragraph, cut at a word before 160 characters, for a description.
fn summary(blocks: &[RenderedBlock]) -> String {
    const LIMIT: usize = 160;
    let Some(text) = blocks.iter().find_map(|b| match b {
        RenderedBlock::Paragraph { text, .. } => Some(bidi::strip(text)),
        _ => None,
    }) else {
        return String::new();
    };
    if text.chars().count() <= LIMIT {
        return text;
    }
    let cut: String = text.chars().take(LIMIT).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(at) if at > LIMIT / 2 => &cut[..at],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
    )
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
