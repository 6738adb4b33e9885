//! An article in one locale: every block's message resolved through the fallback chain and read
//! as inline markup, the title, the description, the hero image and the language list.

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentValue};
use unicode_segmentation::UnicodeSegmentation;

use crate::article::{Article, Block, Date, Image, MessageRef, chrome};
use crate::locale::Direction;
use crate::render::inline::Targets;
use crate::render::resolve::Resolver;
use crate::render::{
    FluentDate, Inline, Language, Rendered, RenderedBlock, RenderedFootnote, RenderedImage,
    RenderedItem, RenderedLink, bidi,
};

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
    /// Whether each message's HTML is wanted ([`Inline::html`]), or only its text and tree.
    pub html: bool,
}

/// `article` rendered for `reader`, its messages resolved by `resolver`.
pub(crate) fn render(
    article: &Article,
    reader: &Reader<'_>,
    mut resolver: Resolver<'_>,
) -> Rendered {
    let count = reader.languages.len();
    let links: BTreeMap<String, RenderedLink> = article
        .links
        .iter()
        .map(|(name, link)| {
            let link = RenderedLink {
                href: link.href.clone(),
                hreflang: link.hreflang.clone(),
            };
            (name.clone(), link)
        })
        .collect();
    let footnotes: Vec<String> = article.footnotes().map(|n| n.name.clone()).collect();
    let mut targets = Targets::new(&links, &footnotes);
    targets.html = reader.html;
    let mut blocks = Blocks {
        resolver: &mut resolver,
        targets: &targets,
    };
    let title = blocks.text(&article.title);
    let hero = article.hero.as_ref().map(|image| blocks.image(image));
    let tags = article.tags.iter().map(|tag| blocks.text(tag)).collect();
    let rendered_blocks: Vec<RenderedBlock> = article
        .blocks
        .iter()
        .map(|block| blocks.block(block, article, reader.minutes, count))
        .collect();
    // Only pages with a head (HTML) and JSON show the description.
    let description = match &article.description {
        Some(message) => blocks.text(message),
        None if reader.html => summary(&rendered_blocks),
        None => String::new(),
    };
    let languages_label = languages_label(
        &mut resolver,
        &MessageRef {
            id: chrome::AVAILABLE_LANGUAGES.to_string(),
            attribute: None,
            span: 0..0,
        },
        count,
    );
    let hero_in_blocks = article.hero.as_ref().is_some_and(|hero| {
        article
            .blocks
            .iter()
            .any(|block| matches!(block, Block::Image(image) if image.src == hero.src))
    });
    Rendered {
        slug: article.slug.clone(),
        page_slug: article.slug_in(&reader.locale).to_string(),
        requested: reader.requested.clone(),
        locale: reader.locale.clone(),
        reference: reader.reference.clone(),
        dir: reader.dir,
        title,
        description,
        published: article.published,
        updated: article.updated,
        author: article.author.clone(),
        tags,
        hero,
        hero_in_blocks,
        links,
        footnotes,
        blocks: rendered_blocks,
        languages: reader.languages.to_vec(),
        languages_label,
        fallbacks: resolver.fallbacks,
        errors: resolver.errors,
    }
}

/// Renders blocks: a resolver, and what named elements stand for.
struct Blocks<'r, 'a> {
    resolver: &'r mut Resolver<'a>,
    targets: &'r Targets<'r>,
}

impl Blocks<'_, '_> {
    fn inline(&mut self, message: &MessageRef) -> Inline {
        self.resolver.inline(message, None, self.targets)
    }

    fn optional(&mut self, message: Option<&MessageRef>) -> Option<Inline> {
        message.map(|m| self.inline(m))
    }

    /// A message as text: markup left out (titles, tags, alternative text, descriptions).
    fn text(&mut self, message: &MessageRef) -> String {
        self.inline(message).text
    }

    fn image(&mut self, image: &Image) -> RenderedImage {
        let alt = self.inline(&image.alt);
        RenderedImage {
            src: image.src.clone(),
            alt: alt.text,
            alt_locale: alt.locale,
            caption: self.optional(image.caption.as_ref()),
        }
    }

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
                content: self.inline(text),
            },
            Block::Paragraph { text } => RenderedBlock::Paragraph {
                content: self.inline(text),
            },
            Block::Image(image) => RenderedBlock::Image {
                message: image.alt.to_string(),
                image: self.image(image),
            },
            Block::List { ordered, items } => RenderedBlock::List {
                ordered: *ordered,
                items: items
                    .iter()
                    .map(|item| RenderedItem {
                        content: self.inline(&item.text),
                        items: item.items.iter().map(|m| self.inline(m)).collect(),
                    })
                    .collect(),
            },
            Block::Quote {
                text,
                attribution,
                cite,
            } => RenderedBlock::Quote {
                content: self.inline(text),
                attribution: self.optional(attribution.as_ref()),
                cite: cite.clone(),
            },
            Block::Table {
                caption,
                header,
                rows,
            } => RenderedBlock::Table {
                caption: self.optional(caption.as_ref()),
                header: header.iter().map(|m| self.inline(m)).collect(),
                rows: rows
                    .iter()
                    .map(|row| row.iter().map(|m| self.inline(m)).collect())
                    .collect(),
            },
            Block::Note { title, text } => RenderedBlock::Note {
                title: self.optional(title.as_ref()),
                content: self.inline(text),
            },
            Block::Footnotes { notes } => {
                let first = self
                    .targets
                    .footnotes
                    .iter()
                    .position(|n| notes.first().is_some_and(|f| f.name == *n))
                    .unwrap_or(0);
                RenderedBlock::Footnotes {
                    notes: notes
                        .iter()
                        .enumerate()
                        .map(|(i, note)| RenderedFootnote {
                            name: note.name.clone(),
                            number: first + i + 1,
                            content: self.inline(&note.text),
                        })
                        .collect(),
                }
            }
            Block::Code { language, text } => RenderedBlock::Code {
                language: language.clone(),
                text: text.clone(),
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
                let byline = self.resolver.inline(byline, Some(args), self.targets);
                let mut args = FluentArgs::new();
                args.set(chrome::MINUTES, minutes);
                RenderedBlock::Byline {
                    byline,
                    reading_time: self.resolver.inline(reading_time, Some(args), self.targets),
                    minutes,
                }
            }
            Block::Languages { label, .. } => RenderedBlock::Languages {
                label: languages_label(self.resolver, label, languages),
            },
            Block::Separator => RenderedBlock::Separator,
        }
    }
}

/// "Available in N languages", or nothing when the project has no such message.
fn languages_label(resolver: &mut Resolver<'_>, label: &MessageRef, count: usize) -> String {
    if !resolver.has(&label.id) {
        return String::new();
    }
    let mut args = FluentArgs::new();
    args.set(chrome::COUNT, count);
    let source = resolver.format(label, Some(args));
    crate::markup::parse(&source).text()
}

/// How long a description may be, in characters: what search engines show.
const SUMMARY_LIMIT: usize = 160;

/// The start of the first paragraph, for a description: whole sentences up to
/// [`SUMMARY_LIMIT`] characters, or else the first sentence cut at a word boundary, with an
/// ellipsis.
fn summary(blocks: &[RenderedBlock]) -> String {
    let Some(text) = blocks.iter().find_map(|b| match b {
        RenderedBlock::Paragraph { content } => Some(bidi::strip(&content.text)),
        _ => None,
    }) else {
        return String::new();
    };
    cut(text.trim(), SUMMARY_LIMIT)
}

/// `text`, or as many of its first sentences as fit in `limit` characters, or its first words
/// that fit followed by `…` (U+2026, the ellipsis of every CLDR locale).
fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    // Only the start can be kept: the boundaries within it are all that is looked for (one
    // character more, so that a sentence ending at the limit is seen to end).
    let end = text
        .char_indices()
        .nth(limit + 1)
        .map_or(text.len(), |(at, _)| at);
    let text = &text[..end];
    let mut end = 0;
    let mut chars = 0;
    for sentence in text.split_sentence_bounds() {
        chars += sentence.chars().count();
        if chars > limit {
            break;
        }
        end += sentence.len();
    }
    if end > 0 {
        return text[..end].trim_end().to_string();
    }
    let mut end = 0;
    let mut chars = 0;
    for (at, word) in text.split_word_bound_indices() {
        chars += word.chars().count();
        if chars > limit - 1 {
            break;
        }
        end = at + word.len();
    }
    let cut = text[..end].trim_end_matches(|c: char| {
        c.is_whitespace() || (c.is_ascii_punctuation() || matches!(c, '،' | '、' | '，' | '؛'))
    });
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn descriptions_end_at_a_sentence_or_a_word() {
        let long = "First sentence here. Second sentence is a good deal longer than the first one.";
        assert_eq!(cut(long, 30), "First sentence here.");
        assert_eq!(cut(long, 200), long);
        assert_eq!(
            cut("Les pigments s'estompent avec le temps, mais lentement", 30),
            "Les pigments s'estompent avec…"
        );
        // No spaces to cut at: word boundaries still hold.
        let ja = "頭皮アートメイクは消せますか。多くの場合は可能です。";
        assert_eq!(cut(ja, 16), "頭皮アートメイクは消せますか。");
    }
}
