//! Markdown read into the blocks Folio publishes: CommonMark with GFM tables, strikethrough
//! and footnotes, through pulldown-cmark's event stream. Inline Markdown becomes Folio's
//! inline markup (`*a*` → `<em>a</em>`, a link → `<a data-l10n-name="…">`), text is escaped
//! as markup source, and what Folio cannot publish is refused or kept as text with a warning.
//!
//! Nothing here recurses on the Markdown's nesting: containers deeper than Folio's blocks
//! (a list in a list in a list, a quote in a quote) are flattened into their text, so
//! hostile input cannot overflow the stack.
//!
//! Here: what a read document holds, and reading it; `blocks.rs` reads its blocks one after
//! another, `inline.rs` a message's text, `names.rs` link names and slugs.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::error::{Error, Result};
use crate::line_index::LineIndex;

mod blocks;
mod inline;
mod names;

use blocks::Reader;
pub(super) use names::slugify;
use names::{LinkNames, unique};

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

#[cfg(test)]
mod tests;
