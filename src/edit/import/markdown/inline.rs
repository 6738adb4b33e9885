//! One message's text built from Markdown's inline events: its markup source and its plain
//! text, links named, inline HTML kept only where Folio's markup allows it.

use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag};

use crate::article::is_publishable_url;
use crate::error::Result;
use crate::markup::{TEXT_LEVEL, escape};

use super::{Shared, Text};

/// How deep inline elements (`*`, `**`, `~~`, links) nest before the deeper ones are left
/// out (their text kept): the markup reader stops at 32.
pub(super) const INLINE_DEPTH: usize = 16;

/// What an open inline element turns into when it closes.
pub(super) enum Open {
    /// An element of Folio's markup, written (`true`) or left out as too deep.
    Element(&'static str, bool),
    /// A link: where its text starts in the markup and the plain text, and its URL.
    Link {
        markup_at: usize,
        plain_at: usize,
        url: String,
        written: bool,
    },
    /// An image inside text: its alternative text stays, as text.
    Image,
    /// A block flattened into the text (a paragraph of a quote, a list too deep).
    Block,
}

/// One message's text, built event by event.
#[derive(Default)]
pub(super) struct InlineBuf {
    pub(super) text: Text,
    pub(super) open: Vec<Open>,
    /// How many inline elements are open (written or not).
    pub(super) elements: usize,
    /// Where a line ended with no element open: (markup offset, plain offset), after the break.
    pub(super) breaks: Vec<(usize, usize)>,
    /// Whether a block boundary is pending: the next text starts a new line.
    pub(super) pending_break: bool,
}

impl InlineBuf {
    pub(super) fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.flush_break();
        let flat = text.replace(['\n', '\r'], " ");
        self.text.markup.push_str(&escape(&flat));
        self.text.plain.push_str(&flat);
    }

    pub(super) fn flush_break(&mut self) {
        if self.pending_break {
            self.pending_break = false;
            if !self.text.markup.trim().is_empty() {
                self.line_break();
            }
        }
    }

    pub(super) fn line_break(&mut self) {
        self.text.markup.push_str("<br/>");
        self.text.plain.push('\n');
        if self.elements == 0 {
            self.breaks
                .push((self.text.markup.len(), self.text.plain.len()));
        }
    }

    pub(super) fn open(&mut self, name: &'static str) {
        self.flush_break();
        let write = self.elements < INLINE_DEPTH;
        if write {
            self.text.markup.push('<');
            self.text.markup.push_str(name);
            self.text.markup.push('>');
        }
        self.elements += 1;
        self.open.push(Open::Element(name, write));
    }

    pub(super) fn feed(
        &mut self,
        shared: &mut Shared<'_>,
        event: Event<'_>,
        at: &Range<usize>,
    ) -> Result<()> {
        match event {
            Event::Start(tag) => self.start(shared, tag, at)?,
            Event::End(_) => self.end(shared),
            Event::Text(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push_text(&text);
            }
            Event::Code(code) => {
                self.flush_break();
                self.text.markup.push_str("<code>");
                self.push_text(&code);
                self.text.markup.push_str("</code>");
            }
            Event::InlineHtml(html) | Event::Html(html) => self.html(shared, &html, at.start),
            Event::FootnoteReference(label) => {
                self.flush_break();
                let name = shared.footnote(&label);
                let _ = write!(self.text.markup, "<a data-l10n-name=\"{name}\"></a>");
            }
            Event::SoftBreak => {
                self.text.markup.push(' ');
                self.text.plain.push(' ');
                if self.elements == 0 {
                    self.breaks
                        .push((self.text.markup.len(), self.text.plain.len()));
                }
            }
            Event::HardBreak => self.line_break(),
            Event::Rule => self.pending_break = true,
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
        }
        Ok(())
    }

    pub(super) fn start(
        &mut self,
        shared: &mut Shared<'_>,
        tag: Tag<'_>,
        at: &Range<usize>,
    ) -> Result<()> {
        match tag {
            Tag::Emphasis => self.open("em"),
            Tag::Strong => self.open("strong"),
            Tag::Strikethrough => self.open("s"),
            Tag::Superscript => self.open("sup"),
            Tag::Subscript => self.open("sub"),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                self.flush_break();
                let url = link_url(shared, link_type, &dest_url, at.start)?;
                if !title.is_empty() {
                    shared.warn(
                        at.start,
                        format!("the link's title \"{title}\" is left out: a link is its words and its URL"),
                    );
                }
                let written = self.elements < INLINE_DEPTH;
                self.elements += 1;
                self.open.push(Open::Link {
                    markup_at: self.text.markup.len(),
                    plain_at: self.text.plain.len(),
                    url,
                    written,
                });
            }
            Tag::Image { .. } => {
                shared.warn(
                    at.start,
                    "an image inside text is kept as its alternative text; put it in a paragraph of its own to make a figure",
                );
                self.open.push(Open::Image);
            }
            _ => {
                // A block inside the message's block: its text goes on a line of its own.
                if matches!(
                    tag,
                    Tag::List(_)
                        | Tag::BlockQuote(_)
                        | Tag::CodeBlock(_)
                        | Tag::Table(_)
                        | Tag::Heading { .. }
                ) {
                    shared.warn(
                        at.start,
                        "nested deeper than Folio's blocks go: kept as text in the block around it",
                    );
                }
                self.pending_break = true;
                self.open.push(Open::Block);
            }
        }
        Ok(())
    }

    pub(super) fn end(&mut self, shared: &mut Shared<'_>) {
        match self.open.pop() {
            Some(Open::Element(name, written)) => {
                self.elements -= 1;
                if written {
                    self.text.markup.push_str("</");
                    self.text.markup.push_str(name);
                    self.text.markup.push('>');
                }
            }
            Some(Open::Link {
                markup_at,
                plain_at,
                url,
                written,
            }) => {
                self.elements -= 1;
                let name = shared.links.name(&url, &self.text.plain[plain_at..]);
                if written {
                    self.text
                        .markup
                        .insert_str(markup_at, &format!("<a data-l10n-name=\"{name}\">"));
                    self.text.markup.push_str("</a>");
                }
                if !self.text.links.contains(&name) {
                    self.text.links.push(name);
                }
            }
            Some(Open::Block) => self.pending_break = true,
            Some(Open::Image) | None => {}
        }
    }

    /// Inline HTML: an allowed text-level tag is kept, anything else becomes text.
    pub(super) fn html(&mut self, shared: &mut Shared<'_>, html: &str, at: usize) {
        if allowed_tag(html) {
            self.flush_break();
            self.text
                .markup
                .push_str(html.trim_end_matches(['\n', '\r']));
        } else if html.trim_start().starts_with("<!--") {
            shared.warn(at, "an HTML comment is left out");
        } else {
            shared.warn(
                at,
                format!(
                    "`{}` is not markup Folio publishes: kept as text",
                    html.trim().chars().take(40).collect::<String>()
                ),
            );
            self.push_text(html);
        }
    }

    pub(super) fn finish(mut self) -> Text {
        let trimmed = self.text.markup.trim();
        let trimmed = trimmed.trim_end_matches("<br/>").trim();
        self.text.markup = trimmed.to_string();
        // Inline HTML the Markdown opened and never closed (`<kbd>Ctrl</kb`): the message gets
        // the markup as Folio reads it, every element closed, rather than tags `check` rejects.
        let parsed = crate::markup::parse(&self.text.markup);
        if !parsed.problems.is_empty() {
            self.text.markup = crate::markup::to_source(&parsed.nodes);
        }
        self.text.plain = self.text.plain.trim().to_string();
        self.text
    }
}

/// A link's URL, refused when Folio would not publish it.
pub(super) fn link_url(
    shared: &Shared<'_>,
    link_type: LinkType,
    dest: &str,
    at: usize,
) -> Result<String> {
    let url = match link_type {
        LinkType::Email => format!("mailto:{dest}"),
        _ => dest.trim().to_string(),
    };
    if !is_publishable_url(&url) {
        return Err(shared.error(
            at,
            format!("the link to `{url}` is not a URL Folio publishes"),
            "link to an http(s), mailto or tel URL, or a path within the site",
        ));
    }
    Ok(url)
}

/// Whether `html` is one tag of an element Folio's markup allows, with allowed attributes
/// only (`<sup>`, `</kbd>`, `<abbr title="…">`, `<br>`).
pub(super) fn allowed_tag(html: &str) -> bool {
    let html = html.trim_end_matches(['\n', '\r']);
    let Some(inner) = html.strip_prefix('<').and_then(|h| h.strip_suffix('>')) else {
        return false;
    };
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let name_end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    let Some((_, extra)) = TEXT_LEVEL.iter().find(|(n, _)| *n == name) else {
        return false;
    };
    let mut rest = inner[name_end..].trim_start();
    if closing {
        return rest.is_empty();
    }
    // Attributes: name="value" or name='value', each allowed.
    while !rest.is_empty() {
        let end = rest.find(['=', ' ']).unwrap_or(rest.len());
        let attribute = rest[..end].to_ascii_lowercase();
        let allowed = crate::markup::GLOBAL_ATTRIBUTES.contains(&attribute.as_str())
            || extra.contains(&attribute.as_str());
        if !allowed || !rest[end..].starts_with('=') {
            return false;
        }
        let value = &rest[end + 1..];
        let Some(quote) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            return false;
        };
        let Some(close) = value[1..].find(quote) else {
            return false;
        };
        if value[1..=close].contains('<') {
            return false;
        }
        rest = value[close + 2..].trim_start();
    }
    true
}
