//! The blocks of a Markdown document read one after another from its events: paragraphs,
//! figures, headings, quotes, lists, tables, code and raw HTML.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use crate::error::Result;

use super::inline::InlineBuf;
use super::{Document, FrontMatter, Item, MdBlock, Shared, Text};

pub(super) struct Reader<'s> {
    pub(super) events: Vec<(Event<'s>, Range<usize>)>,
    pub(super) pos: usize,
    pub(super) shared: Shared<'s>,
    pub(super) document: Document,
}

impl<'s> Reader<'s> {
    pub(super) fn next(&mut self) -> Option<(Event<'s>, Range<usize>)> {
        let event = self.events.get(self.pos).cloned();
        self.pos += 1;
        event
    }

    pub(super) fn document(&mut self) -> Result<()> {
        while let Some((event, at)) = self.next() {
            let block = match event {
                Event::Start(Tag::Paragraph) => Some(self.paragraph(&at)?),
                Event::Start(Tag::Heading { level, .. }) => Some(MdBlock::Heading {
                    level: heading_level(level),
                    text: self.text()?,
                }),
                Event::Start(Tag::BlockQuote(_)) => Some(self.quote()?),
                Event::Start(Tag::List(start)) => Some(self.list(start.is_some())?),
                Event::Start(Tag::Table(_)) => Some(self.table()?),
                Event::Start(Tag::CodeBlock(kind)) => Some(self.code(&kind)),
                Event::Start(Tag::HtmlBlock) => self.html_block(&at),
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let name = self.shared.footnote(&label);
                    let text = self.text()?;
                    self.document.footnotes.push((name, text));
                    None
                }
                Event::Start(Tag::MetadataBlock(kind)) => {
                    let text = self.text_to_end();
                    let line = self.shared.line(at.start);
                    let front = match kind {
                        pulldown_cmark::MetadataBlockKind::YamlStyle => FrontMatter::Yaml(text),
                        pulldown_cmark::MetadataBlockKind::PlusesStyle => FrontMatter::Toml(text),
                    };
                    self.document.front = Some((front, line));
                    None
                }
                Event::Rule => Some(MdBlock::Separator),
                Event::Start(_) => {
                    // Anything else at the top: its text as a paragraph.
                    let text = self.text()?;
                    (!text.markup.is_empty()).then_some(MdBlock::Paragraph(text))
                }
                _ => None,
            };
            if let Some(block) = block {
                self.document.blocks.push(block);
            }
        }
        Ok(())
    }

    /// The text of the block whose start was just read, up to its end.
    pub(super) fn text(&mut self) -> Result<Text> {
        let mut buf = InlineBuf::default();
        self.fill(&mut buf)?;
        Ok(buf.finish())
    }

    /// Feeds `buf` every event up to the end of the block whose start was just read.
    pub(super) fn fill(&mut self, buf: &mut InlineBuf) -> Result<()> {
        let mut depth = 0usize;
        while let Some((event, at)) = self.next() {
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => return Ok(()),
                Event::End(_) => depth -= 1,
                _ => {}
            }
            buf.feed(&mut self.shared, event, &at)?;
        }
        Ok(())
    }

    /// A paragraph, or a figure when an image stands alone in it (with an emphasized line
    /// under it as its caption).
    pub(super) fn paragraph(&mut self, at: &Range<usize>) -> Result<MdBlock> {
        if let Some(figure) = self.figure(at)? {
            return Ok(figure);
        }
        Ok(MdBlock::Paragraph(self.text()?))
    }

    /// The text of the element just opened (a code block, a front matter), up to its end.
    pub(super) fn text_to_end(&mut self) -> String {
        let mut text = String::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(_) => break,
                _ => {}
            }
        }
        text
    }

    /// Where the element opened at `start` ends: the position of its `end` event at the same
    /// depth (the events' end when it never does).
    pub(super) fn end_of(&self, start: usize, end: TagEnd) -> usize {
        let mut depth = 0usize;
        let mut at = start + 1;
        while let Some((event, _)) = self.events.get(at) {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(e) if *e == end && depth == 0 => break,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            at += 1;
        }
        at
    }

    pub(super) fn figure(&mut self, at: &Range<usize>) -> Result<Option<MdBlock>> {
        let start = self.pos;
        let Some((
            Event::Start(Tag::Image {
                dest_url, title, ..
            }),
            image_at,
        )) = self.events.get(start).cloned()
        else {
            return Ok(None);
        };
        // The image's end, then what follows it in the paragraph.
        let end = self.end_of(start, TagEnd::Image);
        let mut after = end + 1;
        let blank = |e: &Event<'_>| matches!(e, Event::Text(t) if t.trim().is_empty());
        while self.events.get(after).is_some_and(|(e, _)| blank(e)) {
            after += 1;
        }
        let caption_range = match self.events.get(after).map(|(e, _)| e) {
            Some(Event::End(TagEnd::Paragraph)) => None,
            Some(Event::SoftBreak | Event::HardBreak) => {
                let open = after + 1;
                if !matches!(
                    self.events.get(open),
                    Some((Event::Start(Tag::Emphasis), _))
                ) {
                    return Ok(None);
                }
                let close = self.end_of(open, TagEnd::Emphasis);
                let mut last = close + 1;
                while self.events.get(last).is_some_and(|(e, _)| blank(e)) {
                    last += 1;
                }
                if !matches!(
                    self.events.get(last),
                    Some((Event::End(TagEnd::Paragraph), _))
                ) {
                    return Ok(None);
                }
                Some((open + 1, close))
            }
            _ => return Ok(None),
        };
        // The alternative text.
        self.pos = start + 1;
        let mut alt = InlineBuf::default();
        self.fill(&mut alt)?;
        let alt = alt.finish();
        let mut caption = None;
        if let Some((from, to)) = caption_range {
            self.pos = from;
            let mut buf = InlineBuf::default();
            while self.pos < to {
                let (event, at) = self.events[self.pos].clone();
                self.pos += 1;
                buf.feed(&mut self.shared, event, &at)?;
            }
            caption = Some(buf.finish());
        } else if !title.is_empty() {
            let mut buf = InlineBuf::default();
            buf.push_text(&title);
            caption = Some(buf.finish());
        }
        // Past the paragraph's end.
        let mut depth = 0usize;
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => break,
                Event::End(_) => depth -= 1,
                _ => {}
            }
        }
        let _ = at;
        Ok(Some(MdBlock::Figure {
            src: dest_url.to_string(),
            alt,
            caption,
            line: self.shared.line(image_at.start),
        }))
    }

    /// A quotation; a last line starting with `—` or `--` is who said it.
    pub(super) fn quote(&mut self) -> Result<MdBlock> {
        let mut buf = InlineBuf::default();
        self.fill(&mut buf)?;
        let last_break = buf.breaks.last().copied();
        let text = buf.finish();
        if let Some((markup_at, plain_at)) = last_break {
            let tail = text.markup.get(markup_at..).unwrap_or("").trim();
            if let Some(rest) = tail.strip_prefix('—').or_else(|| tail.strip_prefix("--")) {
                let head = text.markup[..markup_at].trim();
                let head = head.trim_end_matches("<br/>").trim_end();
                let plain_tail = text.plain.get(plain_at..).unwrap_or("").trim();
                let attribution = Text {
                    markup: rest.trim().to_string(),
                    plain: plain_tail.trim_start_matches(['—', '-']).trim().to_string(),
                    links: text
                        .links
                        .iter()
                        .filter(|l| rest.contains(&format!("\"{l}\"")))
                        .cloned()
                        .collect(),
                };
                let quote = Text {
                    markup: head.to_string(),
                    plain: text.plain.get(..plain_at).unwrap_or("").trim().to_string(),
                    links: text
                        .links
                        .iter()
                        .filter(|l| head.contains(&format!("\"{l}\"")))
                        .cloned()
                        .collect(),
                };
                if !quote.markup.is_empty() && !attribution.markup.is_empty() {
                    return Ok(MdBlock::Quote {
                        text: quote,
                        attribution: Some(attribution),
                    });
                }
            }
        }
        Ok(MdBlock::Quote {
            text,
            attribution: None,
        })
    }

    /// A list with one level of nesting; deeper lists are flattened into their item.
    pub(super) fn list(&mut self, ordered: bool) -> Result<MdBlock> {
        let mut items = Vec::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let mut buf = InlineBuf::default();
                    let mut nested = Vec::new();
                    let mut depth = 0usize;
                    while let Some((event, at)) = self.next() {
                        match &event {
                            Event::Start(Tag::List(start)) if depth == 0 => {
                                if start.is_some() {
                                    self.shared.warn(
                                        at.start,
                                        "a numbered list inside a list is published with bullets",
                                    );
                                }
                                nested.extend(self.nested_items()?);
                                continue;
                            }
                            Event::Start(Tag::Paragraph) if depth == 0 => {
                                // A loose list's paragraphs: one line each.
                                buf.pending_break = true;
                                depth += 1;
                                continue;
                            }
                            Event::End(TagEnd::Paragraph) if depth == 1 => {
                                depth -= 1;
                                continue;
                            }
                            Event::Start(_) => depth += 1,
                            Event::End(_) if depth == 0 => break,
                            Event::End(_) => depth -= 1,
                            _ => {}
                        }
                        buf.feed(&mut self.shared, event, &at)?;
                    }
                    items.push(Item {
                        text: buf.finish(),
                        items: nested,
                    });
                }
                Event::End(_) => break,
                _ => {}
            }
        }
        Ok(MdBlock::List { ordered, items })
    }

    /// The items of a list inside an item, each as one message.
    pub(super) fn nested_items(&mut self) -> Result<Vec<Text>> {
        let mut items = Vec::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::Item) => items.push(self.text()?),
                Event::End(_) => break,
                _ => {}
            }
        }
        Ok(items)
    }

    pub(super) fn table(&mut self) -> Result<MdBlock> {
        let mut header = Vec::new();
        let mut rows = Vec::new();
        let mut row = Vec::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::TableCell) => row.push(self.text()?),
                Event::End(TagEnd::TableHead) => header = std::mem::take(&mut row),
                Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Ok(MdBlock::Table { header, rows })
    }

    pub(super) fn code(&mut self, kind: &CodeBlockKind<'_>) -> MdBlock {
        let language = match kind {
            CodeBlockKind::Fenced(info) => info
                .split_whitespace()
                .next()
                .map(str::to_string)
                .filter(|l| !l.is_empty()),
            CodeBlockKind::Indented => None,
        };
        let text = self.text_to_end();
        MdBlock::Code { language, text }
    }

    /// Raw HTML: never published as HTML. A comment is left out; anything else is kept as
    /// the text of a paragraph.
    pub(super) fn html_block(&mut self, at: &Range<usize>) -> Option<MdBlock> {
        let mut html = String::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::Html(t) | Event::Text(t) => html.push_str(&t),
                Event::End(_) => break,
                _ => {}
            }
        }
        let trimmed = html.trim();
        if trimmed.is_empty() {
            return None;
        }
        if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
            self.shared.warn(at.start, "an HTML comment is left out");
            return None;
        }
        self.shared.warn(
            at.start,
            "raw HTML is never published as HTML: kept as the text of a paragraph",
        );
        let mut buf = InlineBuf::default();
        buf.push_text(trimmed);
        Some(MdBlock::Paragraph(buf.finish()))
    }
}

pub(super) fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
