//! Rendering an article in one locale: resolve every block's message through the locale's
//! fallback chain, then write the result as text, Markdown, HTML or JSON.
//!
//! - `publisher.rs`: the [`Publisher`], the one path to a page for `render`, `build` and
//!   `serve`, and the owner of what rendering caches (bundles, each article's facts);
//! - `article.rs` turns an article into a [`Rendered`] (`model.rs`: data, no bytes) through
//!   the fallback resolver (`resolve.rs`); `facts.rs` works out what every rendering of an
//!   article shares (its reading time, its languages);
//! - one writer per format: `text.rs`, `markdown.rs`, `html.rs` (with the page template,
//!   `article.html`), `json.rs`; `bidi.rs` decides what each isolate becomes;
//! - the site's pages around the articles (`site.rs`): each language's list of articles and
//!   Atom feed, the list of languages and the not-found page, with their templates
//!   (`index.html`, `feed.xml`, `languages.html`, `404.html`);
//! - the bundles (`bundle.rs`) with Folio's `NUMBER` and `DATETIME` (`number.rs`,
//!   `datetime.rs`, `intl.rs`), pseudo-locales (`pseudo.rs`), and `eval.rs` for one message.
//!
//! Nothing here prints.

use std::io::{self, Write};
use std::sync::Arc;

use fluent_bundle::FluentResource;

mod article;
mod bidi;
mod bundle;
mod datetime;
mod eval;
mod facts;
mod html;
mod inline;
mod intl;
mod json;
mod markdown;
mod model;
mod number;
mod pseudo;
mod publisher;
mod resolve;
mod site;
mod sitemap;
mod text;

pub use datetime::{FluentDate, Style as DateTimeStyle};
pub use eval::{Evaluated, eval, variable};
pub use html::{DEFAULT_TEMPLATE, HtmlTemplate, Links};
pub use model::{
    Fallback, Inline, Language, RenderError, Rendered, RenderedBlock, RenderedFootnote,
    RenderedImage, RenderedItem, RenderedLink,
};
pub use pseudo::Pseudo;
pub use publisher::{Page, Publisher, RenderOptions, SiteOptions};
pub use site::{Entry, FEED_ENTRIES, SiteFile, SitePage, SiteTemplates, newest_first};

pub(crate) use html::url;
pub(crate) use publisher::page_messages;
pub(crate) use site::SITE_WORDS;
pub(crate) use sitemap::{sitemaps, write_sitemaps};

/// A locale's messages, ready to format; shared between threads.
///
/// A fluent-bundle bundle (it dereferences to one) and the `-u-` keywords of its locale's tag
/// (`nu-latn` of `ar-u-nu-latn`), which fluent-bundle's formatters cannot see: numbers and
/// dates are formatted with them (see `render::intl`).
pub struct Bundle {
    fluent: fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>,
    keywords: Option<Arc<str>>,
}

impl Bundle {
    /// The extensions numbers and dates are formatted with (`u-nu-latn`), if any.
    pub(crate) fn keywords(&self) -> Option<&Arc<str>> {
        self.keywords.as_ref()
    }
}

impl std::ops::Deref for Bundle {
    type Target = fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>;

    fn deref(&self) -> &Self::Target {
        &self.fluent
    }
}

impl std::ops::DerefMut for Bundle {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.fluent
    }
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

    /// The extension of its files, without the dot: `txt`, `md`, `html`, `json`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The format whose files end with `.{extension}`.
    pub fn from_extension(extension: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension() == extension)
    }

    /// Its media type, for `Content-Type`.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Text => "text/plain; charset=utf-8",
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
            Format::Json => "application/json; charset=utf-8",
        }
    }
}

/// Calls `write` for each block of `article`, with a blank line between blocks: the layout
/// of the plain-text formats.
fn each_block(
    article: &Rendered,
    out: &mut dyn Write,
    mut write: impl FnMut(&RenderedBlock, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    // The hero, where a page shows it: an image block of its own.
    let hero = article
        .hero_at()
        .zip(article.hero.as_ref())
        .map(|(at, image)| {
            let block = RenderedBlock::Image {
                message: String::new(),
                image: image.clone(),
            };
            (at, block)
        });
    let blocks = article.blocks.iter().enumerate().flat_map(|(i, block)| {
        let before = hero.as_ref().filter(|(at, _)| *at == i).map(|(_, b)| b);
        before.into_iter().chain(std::iter::once(block))
    });
    let after = hero
        .as_ref()
        .filter(|(at, _)| *at == article.blocks.len())
        .map(|(_, b)| b);
    for (i, block) in blocks.chain(after).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write(block, out)?;
    }
    Ok(())
}

/// The marker of the `i`th item (from 0) of a list in text and Markdown: `1.` or `-`.
fn list_marker(ordered: bool, i: usize) -> String {
    if ordered {
        format!("{}.", i + 1)
    } else {
        "-".to_string()
    }
}

/// Writes `rendered` in `format`; HTML with the built-in template and relative links (a
/// [`Publisher`] writes pages with the site's own).
pub fn write_rendered(rendered: &Rendered, format: Format, out: &mut dyn Write) -> io::Result<()> {
    write_linked(rendered, format, &Links::default(), out)
}

/// Writes `rendered` in `format`, its images and pages linked as `links` says; HTML with the
/// built-in template.
pub(crate) fn write_linked(
    rendered: &Rendered,
    format: Format,
    links: &Links,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::write(rendered, out),
        Format::Markdown => markdown::write(rendered, links, out),
        Format::Html => {
            let html = HtmlTemplate::builtin()
                .render(rendered, links)
                .map_err(io::Error::other)?;
            out.write_all(html.as_bytes())
        }
        Format::Json => json::write(rendered, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_have_one_extension_and_media_type_each() {
        for format in Format::ALL {
            assert_eq!(Format::from_extension(format.extension()), Some(format));
            assert!(format.media_type().ends_with("; charset=utf-8"));
        }
        assert_eq!(Format::from_extension("htm"), None);
    }
}
