//! Markdown read into the blocks Folio publishes: CommonMark with GFM tables, strikethrough
//! and footnotes, through pulldown-cmark's event stream. Inline Markdown becomes Folio's
//! inline markup (`*a*` → `<em>a</em>`, a link → `<a data-l10n-name="…">`), text is escaped
//! as markup source, and what Folio cannot publish is refused or kept as text with a warning.
//!
//! Nothing here recurses on the Markdown's nesting: containers deeper than Folio's blocks
//! (a list in a list in a list, a quote in a quote) are flattened into their text, so
//! hostile input cannot overflow the stack.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::article::is_publishable_url;
use crate::error::{Error, Result};
use crate::line_index::LineIndex;
use crate::markup::{TEXT_LEVEL, escape, is_name};

/// How deep inline elements (`*`, `**`, `~~`, links) nest before the deeper ones are left
/// out (their text kept): the markup reader stops at 32.
const INLINE_DEPTH: usize = 16;

/// Something imported differently from how it was written, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The Markdown line, from 1.
    pub line: usize,
    /// What happened.
    pub message: String,
}

/// A message's text as markup source, and its plain text (for ids and link names).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Text {
    pub markup: String,
    pub plain: String,
    /// The link names it uses, in order.
    pub links: Vec<String>,
}

/// One list item, with one level of nested items.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub text: Text,
    pub items: Vec<Text>,
}

/// A block as Folio publishes it.
#[derive(Clone, Debug)]
pub(super) enum MdBlock {
    Heading {
        level: u8,
        text: Text,
    },
    Paragraph(Text),
    Figure {
        /// As written in the Markdown; resolved by the caller.
        src: String,
        alt: Text,
        caption: Option<Text>,
        line: usize,
    },
    List {
        ordered: bool,
        items: Vec<Item>,
    },
    Quote {
        text: Text,
        attribution: Option<Text>,
    },
    Table {
        header: Vec<Text>,
        rows: Vec<Vec<Text>>,
    },
    Code {
        language: Option<String>,
        text: String,
    },
    Separator,
}

/// The front matter as written.
#[derive(Clone, Debug)]
pub(super) enum FrontMatter {
    Yaml(String),
    Toml(String),
}

/// A Markdown file read.
#[derive(Clone, Debug, Default)]
pub(super) struct Document {
    pub front: Option<(FrontMatter, usize)>,
    pub blocks: Vec<MdBlock>,
    /// Each footnote's name (`fn-…`) and its text.
    pub footnotes: Vec<(String, Text)>,
    /// Each link's name and URL, in the order they first appear.
    pub links: Vec<(String, String)>,
    pub warnings: Vec<Warning>,
}

/// Reads `source` (the Markdown file at `path`, named in errors).
pub(super) fn read(source: &str, path: &Path) -> Result<Document> {
    // A byte order mark is not the article's text (before a `# Title`, it hid the heading).
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let events = hoist_footnotes(Parser::new_ext(source, options).into_offset_iter());
    let mut reader = Reader {
        events,
        pos: 0,
        shared: Shared {
            path,
            source,
            lines: LineIndex::new(source),
            links: LinkNames::default(),
            footnote_names: HashMap::new(),
            footnote_taken: std::collections::HashSet::new(),
            footnote_next: HashMap::new(),
            warnings: Vec::new(),
        },
        document: Document::default(),
    };
    reader.document()?;
    let mut document = reader.document;
    document.links = reader.shared.links.list;
    document.warnings = reader.shared.warnings;
    Ok(document)
}

/// The events of a Markdown document, with each footnote definition written inside a list
/// item or a quotation moved to the top level: it is the article's footnote wherever it is
/// written, not text of the item it stands in.
fn hoist_footnotes<'s>(
    events: impl Iterator<Item = (Event<'s>, Range<usize>)>,
) -> Vec<(Event<'s>, Range<usize>)> {
    let mut events = events.peekable();
    let (mut kept, mut hoisted) = (Vec::new(), Vec::new());
    let mut depth = 0usize;
    while let Some((event, at)) = events.next() {
        match &event {
            Event::Start(Tag::FootnoteDefinition(_)) if depth > 0 => {
                hoisted.push((event, at));
                let mut inner = 0usize;
                for (event, at) in events.by_ref() {
                    let closes = match &event {
                        Event::Start(_) => {
                            inner += 1;
                            false
                        }
                        Event::End(_) if inner == 0 => true,
                        Event::End(_) => {
                            inner -= 1;
                            false
                        }
                        _ => false,
                    };
                    hoisted.push((event, at));
                    if closes {
                        break;
                    }
                }
                continue;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        kept.push((event, at));
    }
    kept.extend(hoisted);
    kept
}

/// What every part of the reading shares: where it is, the link names, the warnings.
struct Shared<'s> {
    path: &'s Path,
    source: &'s str,
    lines: LineIndex,
    links: LinkNames,
    /// Each footnote label as written and its name (`fn-…`).
    footnote_names: HashMap<String, String>,
    /// The footnote names given, and where each base's numbering is (see [`unique`]).
    footnote_taken: std::collections::HashSet<String>,
    footnote_next: HashMap<String, usize>,
    warnings: Vec<Warning>,
}

impl Shared<'_> {
    fn line(&self, offset: usize) -> usize {
        self.lines
            .location(self.source, offset.min(self.source.len()))
            .line
    }

    fn warn(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.line(offset);
        let message = message.into();
        // One warning per line and reason is enough.
        if !self
            .warnings
            .iter()
            .any(|w| w.line == line && w.message == message)
        {
            self.warnings.push(Warning { line, message });
        }
    }

    fn error(&self, offset: usize, message: String, help: &str) -> Error {
        Error::Invalid {
            path: self.path.to_path_buf(),
            line: Some(self.line(offset)),
            column: None,
            message,
            help: help.to_string(),
        }
    }

    /// The name of the footnote written `[^label]`.
    fn footnote(&mut self, label: &str) -> String {
        // CommonMark matches labels ignoring case and runs of spaces: `[^One]` is `[^one]`'s.
        let label = label
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let label = label.as_str();
        if let Some(name) = self.footnote_names.get(label) {
            return name.clone();
        }
        let mut base = format!("fn-{}", slugify(label, 4, 32));
        if base == "fn-" {
            base = format!("fn-{}", self.footnote_names.len() + 1);
        }
        let name = unique(&base, &mut self.footnote_taken, &mut self.footnote_next);
        self.footnote_names.insert(label.to_string(), name.clone());
        name
    }
}

/// `base`, or `base-2`, `base-3`… the first that is not `taken`, which it then is; `next`
/// remembers where each base's count is, so that a thousand links named `link` cost a thousand
/// steps, not a million.
fn unique(
    base: &str,
    taken: &mut std::collections::HashSet<String>,
    next: &mut HashMap<String, usize>,
) -> String {
    let mut name = base.to_string();
    let n = next.entry(base.to_string()).or_insert(2);
    while taken.contains(&name) {
        name = format!("{base}-{n}");
        *n += 1;
    }
    taken.insert(name.clone());
    name
}

/// Link names, one per URL, unique, never a footnote's (`fn-…`).
#[derive(Default)]
struct LinkNames {
    by_url: HashMap<String, String>,
    list: Vec<(String, String)>,
    taken: std::collections::HashSet<String>,
    next: HashMap<String, usize>,
}

impl LinkNames {
    fn name(&mut self, url: &str, text: &str) -> String {
        if let Some(name) = self.by_url.get(url) {
            return name.clone();
        }
        let mut base = slugify(text, 3, 24);
        if !is_name(&base) {
            base = host_name(url);
        }
        if !is_name(&base) {
            base = "link".to_string();
        }
        if base.starts_with("fn-") {
            base = format!("link-{base}");
        }
        let name = unique(&base, &mut self.taken, &mut self.next);
        self.by_url.insert(url.to_string(), name.clone());
        self.list.push((name.clone(), url.to_string()));
        name
    }
}

/// The first label of a URL's host that says something (`aad` for `https://www.aad.org/…`).
fn host_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    slugify(host.split('.').next().unwrap_or(""), 3, 24)
}

/// `text` as a short identifier part: lowercase ASCII letters and digits, the first
/// `words` words joined by `-`, at most `max` bytes (`Aftercare: the first days` →
/// `aftercare-the-first`). Letters with accents lose them where they decompose simply.
pub(super) fn slugify(text: &str, words: usize, max: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // `don't` is one word.
        } else if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    let mut out = String::new();
    for part in parts.into_iter().take(words) {
        let extra = usize::from(!out.is_empty()) + part.len();
        if !out.is_empty() && out.len() + extra > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&part);
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// A Latin letter without its accent, for ids.
fn fold(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        _ => c,
    }
}

/// What an open inline element turns into when it closes.
enum Open {
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
struct InlineBuf {
    text: Text,
    open: Vec<Open>,
    /// How many inline elements are open (written or not).
    elements: usize,
    /// Where a line ended with no element open: (markup offset, plain offset), after the break.
    breaks: Vec<(usize, usize)>,
    /// Whether a block boundary is pending: the next text starts a new line.
    pending_break: bool,
}

impl InlineBuf {
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.flush_break();
        let flat = text.replace(['\n', '\r'], " ");
        self.text.markup.push_str(&escape(&flat));
        self.text.plain.push_str(&flat);
    }

    fn flush_break(&mut self) {
        if self.pending_break {
            self.pending_break = false;
            if !self.text.markup.trim().is_empty() {
                self.line_break();
            }
        }
    }

    fn line_break(&mut self) {
        self.text.markup.push_str("<br/>");
        self.text.plain.push('\n');
        if self.elements == 0 {
            self.breaks
                .push((self.text.markup.len(), self.text.plain.len()));
        }
    }

    fn open(&mut self, name: &'static str) {
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

    fn feed(&mut self, shared: &mut Shared<'_>, event: Event<'_>, at: &Range<usize>) -> Result<()> {
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

    fn start(&mut self, shared: &mut Shared<'_>, tag: Tag<'_>, at: &Range<usize>) -> Result<()> {
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

    fn end(&mut self, shared: &mut Shared<'_>) {
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
    fn html(&mut self, shared: &mut Shared<'_>, html: &str, at: usize) {
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

    fn finish(mut self) -> Text {
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
fn link_url(shared: &Shared<'_>, link_type: LinkType, dest: &str, at: usize) -> Result<String> {
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
fn allowed_tag(html: &str) -> bool {
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

struct Reader<'s> {
    events: Vec<(Event<'s>, Range<usize>)>,
    pos: usize,
    shared: Shared<'s>,
    document: Document,
}

impl<'s> Reader<'s> {
    fn next(&mut self) -> Option<(Event<'s>, Range<usize>)> {
        let event = self.events.get(self.pos).cloned();
        self.pos += 1;
        event
    }

    fn document(&mut self) -> Result<()> {
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
    fn text(&mut self) -> Result<Text> {
        let mut buf = InlineBuf::default();
        self.fill(&mut buf)?;
        Ok(buf.finish())
    }

    /// Feeds `buf` every event up to the end of the block whose start was just read.
    fn fill(&mut self, buf: &mut InlineBuf) -> Result<()> {
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
    fn paragraph(&mut self, at: &Range<usize>) -> Result<MdBlock> {
        if let Some(figure) = self.figure(at)? {
            return Ok(figure);
        }
        Ok(MdBlock::Paragraph(self.text()?))
    }

    /// The text of the element just opened (a code block, a front matter), up to its end.
    fn text_to_end(&mut self) -> String {
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
    fn end_of(&self, start: usize, end: TagEnd) -> usize {
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

    fn figure(&mut self, at: &Range<usize>) -> Result<Option<MdBlock>> {
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
    fn quote(&mut self) -> Result<MdBlock> {
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
    fn list(&mut self, ordered: bool) -> Result<MdBlock> {
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
    fn nested_items(&mut self) -> Result<Vec<Text>> {
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

    fn table(&mut self) -> Result<MdBlock> {
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

    fn code(&mut self, kind: &CodeBlockKind<'_>) -> MdBlock {
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
    fn html_block(&mut self, at: &Range<usize>) -> Option<MdBlock> {
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

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(md: &str) -> Document {
        read(md, Path::new("a.md")).unwrap()
    }

    fn markup(md: &str) -> String {
        match &doc(md).blocks[0] {
            MdBlock::Paragraph(text) => text.markup.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inline_markdown_becomes_markup() {
        assert_eq!(
            markup("*a* **b** `c<d` ~~e~~ f  \ng <sup>2</sup> & <script>x</script>"),
            "<em>a</em> <strong>b</strong> <code>c&lt;d</code> <s>e</s> f<br/>g <sup>2</sup> &amp; &lt;script>x&lt;/script>"
        );
    }

    #[test]
    fn links_are_named_once_per_url() {
        let d = doc(
            "[The AAD](https://www.aad.org/x) and [again](https://www.aad.org/x) and [](https://b.example)",
        );
        assert_eq!(
            d.links,
            [
                ("the-aad".to_string(), "https://www.aad.org/x".to_string()),
                ("b".to_string(), "https://b.example".to_string())
            ]
        );
    }

    #[test]
    fn script_urls_are_refused_with_their_line() {
        let err = read("a\n\n[x](javascript:alert(1))", Path::new("a.md"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("a.md:3:"), "{err}");
    }

    #[test]
    fn a_quote_s_last_line_is_its_attribution() {
        let d = doc("> To be.\n> — Hamlet");
        let MdBlock::Quote { text, attribution } = &d.blocks[0] else {
            panic!()
        };
        assert_eq!(text.markup, "To be.");
        assert_eq!(attribution.as_ref().unwrap().markup, "Hamlet");
    }

    #[test]
    fn slugs_are_short_identifiers() {
        assert_eq!(
            slugify("Aftercare: the first days", 3, 24),
            "aftercare-the-first"
        );
        assert_eq!(slugify("Don’t panic!", 3, 24), "dont-panic");
        assert_eq!(slugify("日本語", 3, 24), "");
    }

    #[test]
    fn allowed_tags() {
        assert!(allowed_tag("<abbr title=\"x\">"));
        assert!(allowed_tag("</kbd>"));
        assert!(allowed_tag("<br/>"));
        assert!(!allowed_tag("<img src=x onerror=y>"));
        assert!(!allowed_tag("<span onclick=\"x\">"));
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let md: String = (0..10_000).map(|_| "> ").collect::<String>() + "deep";
        let d = doc(&md);
        assert_eq!(d.blocks.len(), 1);
        let md = "- ".repeat(10_000) + "x";
        let d = doc(&md);
        assert!(!d.warnings.is_empty());
    }
}
