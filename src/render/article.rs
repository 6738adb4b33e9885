//! An article in one locale: every block's message resolved through the fallback chain, the
//! title, the description, the hero image and the language list.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::article::{Article, Block, Date, MessageRef, chrome};
use crate::locale::Direction;
use crate::render::resolve::Resolver;
use crate::render::{FluentDate, Language, Rendered, RenderedBlock, RenderedImage, bidi};

/// Who the article is rendered for, and in what.
pub(crate) struct Reader<'a> {
    /// The locale that was asked for.
    pub requested: String,
    /// The locale it is rendered in (or the pseudo-locale's tag), and its direction.
    pub locale: String,
    pub dir: Direction,
    /// The article's reference locale.
    pub reference: String,
    /// The article's reading time, in minutes.
    pub minutes: usize,
    /// The languages the article is published in.
    pub languages: &'a [Language],
}

/// `article` rendered for `reader`, its messages resolved by `resolver`.
pub(crate) fn render(
    article: &Article,
    reader: &Reader<'_>,
    mut resolver: Resolver<'_>,
) -> Rendered {
    let count = reader.languages.len();
    let title = resolver.format(&article.title, None);
    let hero = article.hero.as_ref().map(|image| RenderedImage {
        src: image.src.clone(),
        alt: resolver.format(&image.alt, None),
    });
    let blocks: Vec<RenderedBlock> = article
        .blocks
        .iter()
        .map(|block| self::block(&mut resolver, block, article, reader.minutes, count))
        .collect();
    let languages_label = languages_label(
        &mut resolver,
        &MessageRef {
            id: chrome::AVAILABLE_LANGUAGES.to_string(),
            attribute: None,
            span: 0..0,
        },
        count,
    );
    let description = match &article.description {
        Some(message) => resolver.format(message, None),
        None => summary(&blocks),
    };
    Rendered {
        slug: article.slug.clone(),
        requested: reader.requested.clone(),
        locale: reader.locale.clone(),
        reference: reader.reference.clone(),
        dir: reader.dir,
        title,
        description,
        published: article.published,
        hero,
        blocks,
        languages: reader.languages.to_vec(),
        languages_label,
        fallbacks: resolver.fallbacks,
        errors: resolver.errors,
    }
}

/// One block of `article`, formatted.
fn block(
    resolver: &mut Resolver<'_>,
    block: &Block,
    article: &Article,
    minutes: usize,
    languages: usize,
) -> RenderedBlock {
    match block {
        Block::Heading { level, text } => RenderedBlock::Heading {
            level: *level,
            message: text.to_string(),
            text: resolver.format(text, None),
        },
        Block::Paragraph { text } => RenderedBlock::Paragraph {
            message: text.to_string(),
            text: resolver.format(text, None),
        },
        Block::Image(image) => RenderedBlock::Image {
            message: image.alt.to_string(),
            src: image.src.clone(),
            alt: resolver.format(&image.alt, None),
        },
        Block::Byline {
            byline,
            reading_time,
        } => {
            let mut args = FluentArgs::new();
            if let Some(date) = article.published.and_then(Date::to_iso) {
                let date = FluentValue::Custom(Box::new(FluentDate::new(date)));
                args.set(chrome::DATE, date);
            }
            let byline = resolver.format(byline, Some(args));
            let mut args = FluentArgs::new();
            args.set(chrome::MINUTES, minutes);
            RenderedBlock::Byline {
                byline,
                reading_time: resolver.format(reading_time, Some(args)),
                minutes,
            }
        }
        Block::Languages { label, .. } => RenderedBlock::Languages {
            label: languages_label(resolver, label, languages),
        },
    }
}

/// "Available in N languages", or nothing when the project has no such message.
fn languages_label(resolver: &mut Resolver<'_>, label: &MessageRef, count: usize) -> String {
    if !resolver.has(&label.id) {
        return String::new();
    }
    let mut args = FluentArgs::new();
    args.set(chrome::COUNT, count);
    resolver.format(label, Some(args))
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
