//! The inline markup a message's text may carry: fluent-dom's DOM-overlay model, made safe.
//!
//! A translation may use **text-level elements** (`<em>`, `<strong>`, `<sup>`, … see
//! [`TEXT_LEVEL`]) with a few harmless attributes, and **functional elements** only by name:
//! `Read our <a data-l10n-name="aftercare">aftercare guide</a>.` The link's URL comes from the
//! content file, never from the translation, so a translator can move, reword or drop a link
//! but cannot point it anywhere, nor put one inside another (HTML has no link inside a link).
//! Everything else (`<script>`, `<img onerror>`, `href`, `style`, event handlers, unknown
//! elements) is never part of the tree: the element's tags are dropped (and, for `<script>` and
//! `<style>`, its content), and each is a [`Problem`] that `folio check` reports.
//!
//! [`parse`] reads text with html5gum, a WHATWG-compliant tokenizer, and builds the tree
//! itself: a tag closed out of order closes the ones opened after it, an unclosed one ends with
//! the text, and each is a problem. Unicode isolates (U+2068 … U+2069, which Folio's bundles put
//! around every interpolated value) become [`Node::Isolate`]s, so an isolate and an element
//! never overlap. Text without `<` and `&` is one text node, without the tokenizer.
//!
//! Here: the vocabulary, the tree and its walks; `parse.rs` reads text into it.

use std::fmt;

mod parse;

pub use parse::{parse, parse_owned};

/// The text-level elements a translation may use, with their allowed attributes beyond
/// `title`, `lang` and `dir`.
pub const TEXT_LEVEL: [(&str, &[&str]); 25] = [
    ("em", &[]),
    ("strong", &[]),
    ("small", &[]),
    ("s", &[]),
    ("cite", &[]),
    ("q", &[]),
    ("dfn", &[]),
    ("abbr", &[]),
    ("data", &["value"]),
    ("time", &["datetime"]),
    ("code", &[]),
    ("var", &[]),
    ("samp", &[]),
    ("kbd", &[]),
    ("sub", &[]),
    ("sup", &[]),
    ("i", &[]),
    ("b", &[]),
    ("u", &[]),
    ("mark", &[]),
    ("bdi", &[]),
    ("bdo", &[]),
    ("span", &[]),
    ("br", &[]),
    ("wbr", &[]),
];

/// The attributes any text-level element may have.
pub const GLOBAL_ATTRIBUTES: [&str; 3] = ["title", "lang", "dir"];

/// The attribute that names a functional element (`<a data-l10n-name="…">`).
pub const NAME_ATTRIBUTE: &str = "data-l10n-name";

/// How deeply elements and values may nest; deeper tags are left out (and reported), so that
/// every walk over a tree, recursive or not, stays shallow.
pub const MAX_DEPTH: usize = 32;

/// Elements whose content is dropped with their tags: it is code, not text.
const DROP_CONTENT: [&str; 2] = ["script", "style"];

/// HTML's void elements: they have no content and no closing tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// U+2068 FIRST STRONG ISOLATE: where an interpolated value starts.
const FSI: char = '\u{2068}';
/// U+2069 POP DIRECTIONAL ISOLATE: where it ends.
const PDI: char = '\u{2069}';

/// One node of a message's inline tree.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Node {
    /// Text, with entities decoded.
    Text {
        /// The text.
        text: String,
    },
    /// A text-level element, with its allowed attributes.
    Element {
        /// Its name (`strong`), one of [`TEXT_LEVEL`].
        name: &'static str,
        /// Its attributes, allowed and checked, in source order.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        attributes: Vec<(&'static str, String)>,
        /// Its content.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        children: Vec<Node>,
    },
    /// A functional element named by the translation, filled in from the content file: a link
    /// (`<a data-l10n-name="aftercare">`) or a footnote marker.
    Named {
        /// The name.
        name: String,
        /// Its content as the translation gives it.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        children: Vec<Node>,
    },
    /// An interpolated value, isolated from the text around it.
    Isolate {
        /// The value.
        children: Vec<Node>,
    },
}

impl Node {
    fn text(text: impl Into<String>) -> Node {
        Node::Text { text: text.into() }
    }
}

/// What is wrong with a text's markup; each part of it is left out of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An element a translation may not use (`<script>`, `<img>`, `<a>` without a name).
    Element(String),
    /// An attribute it may not use, or a value it may not have (`onclick` on `<em>`, `href`
    /// on `<a>`, `dir="up"`).
    Attribute {
        /// The element.
        element: String,
        /// The attribute.
        attribute: String,
    },
    /// An element opened and never closed.
    Unclosed(String),
    /// An element closed while one opened inside it was still open.
    Misnested {
        /// The element closed.
        closed: String,
        /// The element still open, which its closing closed too.
        open: String,
    },
    /// A closing tag with no element to close.
    StrayClose(String),
    /// An element nested more than [`MAX_DEPTH`] deep.
    TooDeep(String),
    /// A named element inside another (a link or a footnote marker inside a link): HTML has
    /// no link inside a link, so the inner one is left out and its content stays.
    NestedName {
        /// The inner element's name.
        name: String,
        /// The name of the element it is inside.
        outer: String,
    },
}

impl Problem {
    /// Whether the problem is about what is allowed (rather than how tags pair).
    pub fn is_forbidden(&self) -> bool {
        matches!(
            self,
            Problem::Element(_) | Problem::Attribute { .. } | Problem::NestedName { .. }
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Element(name) if name == "a" => {
                write!(f, "`<a>` without `{NAME_ATTRIBUTE}`")
            }
            Problem::Element(name) => write!(f, "`<{name}>`"),
            Problem::Attribute { element, attribute } => {
                write!(f, "`{attribute}` on `<{element}>`")
            }
            Problem::Unclosed(name) => write!(f, "`<{name}>` is never closed"),
            Problem::Misnested { closed, open } => {
                write!(
                    f,
                    "`</{closed}>` closes `<{closed}>` while `<{open}>` is still open"
                )
            }
            Problem::StrayClose(name) => write!(f, "`</{name}>` closes nothing"),
            Problem::TooDeep(name) => write!(
                f,
                "`<{name}>` is nested more than {MAX_DEPTH} elements deep"
            ),
            Problem::NestedName { name, outer } => write!(
                f,
                "`<a {NAME_ATTRIBUTE}=\"{name}\">` inside `<a {NAME_ATTRIBUTE}=\"{outer}\">`"
            ),
        }
    }
}

/// A text's inline tree and what was wrong with its markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The tree.
    pub nodes: Vec<Node>,
    /// What was left out, and why.
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// The names of the functional elements, in order of first use.
    pub fn names(&self) -> Vec<&str> {
        let mut names = Vec::new();
        walk(&self.nodes, &mut |node| {
            if let Node::Named { name, .. } = node
                && !names.contains(&name.as_str())
            {
                names.push(name.as_str());
            }
        });
        names
    }

    /// The text-level elements used, by name, sorted (one entry per use).
    pub fn elements(&self) -> Vec<&'static str> {
        let mut elements = Vec::new();
        walk(&self.nodes, &mut |node| {
            if let Node::Element { name, .. } = node {
                elements.push(*name);
            }
        });
        elements.sort_unstable();
        elements
    }

    /// The text without markup (isolates kept as U+2068 … U+2069).
    pub fn text(&self) -> String {
        if let [Node::Text { text }] = &self.nodes[..] {
            return text.clone();
        }
        let mut out = String::new();
        text_of(&self.nodes, &mut out);
        out
    }
}

/// Calls `visit` for every node of `nodes`, depth first.
pub fn walk<'a>(nodes: &'a [Node], visit: &mut impl FnMut(&'a Node)) {
    // An explicit stack: a tree as deep as its text is long must not overflow ours.
    let mut stack: Vec<std::slice::Iter<'a, Node>> = vec![nodes.iter()];
    while let Some(top) = stack.last_mut() {
        let Some(node) = top.next() else {
            stack.pop();
            continue;
        };
        visit(node);
        match node {
            Node::Element { children, .. }
            | Node::Named { children, .. }
            | Node::Isolate { children } => stack.push(children.iter()),
            Node::Text { .. } => {}
        }
    }
}

/// The text of `nodes`, appended to `out` (isolates kept as U+2068 … U+2069).
pub fn text_of(nodes: &[Node], out: &mut String) {
    enum Step<'a> {
        Node(&'a Node),
        Close,
    }
    let mut stack: Vec<Step<'_>> = nodes.iter().rev().map(Step::Node).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Close => out.push(PDI),
            Step::Node(Node::Text { text }) => out.push_str(text),
            Step::Node(Node::Isolate { children }) => {
                out.push(FSI);
                stack.push(Step::Close);
                stack.extend(children.iter().rev().map(Step::Node));
            }
            Step::Node(Node::Element { name, children, .. }) => {
                if *name == "br" {
                    out.push('\n');
                }
                stack.extend(children.iter().rev().map(Step::Node));
            }
            Step::Node(Node::Named { children, .. }) => {
                stack.extend(children.iter().rev().map(Step::Node));
            }
        }
    }
}

/// `nodes` written back as markup source: what [`parse`] reads as the same tree, with every
/// element closed where it ends (a repaired text's markup, for a file a tool writes).
pub fn to_source(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_source(nodes, &mut out);
    out
}

fn write_source(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text { text } => out.push_str(&escape(text)),
            Node::Isolate { children } => {
                out.push(FSI);
                write_source(children, out);
                out.push(PDI);
            }
            Node::Element {
                name,
                attributes,
                children,
            } => {
                out.push('<');
                out.push_str(name);
                for (attribute, value) in attributes {
                    out.push(' ');
                    out.push_str(attribute);
                    out.push_str("=\"");
                    out.push_str(&escape(value).replace('"', "&quot;"));
                    out.push('"');
                }
                if VOID.contains(name) {
                    out.push_str("/>");
                    continue;
                }
                out.push('>');
                write_source(children, out);
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
            Node::Named { name, children } => {
                out.push_str("<a ");
                out.push_str(NAME_ATTRIBUTE);
                out.push_str("=\"");
                out.push_str(name);
                out.push_str("\">");
                write_source(children, out);
                out.push_str("</a>");
            }
        }
    }
}

/// Whether `text` may hold markup: a tag or an entity. Text that does not is its own tree.
pub fn has_markup(text: &str) -> bool {
    memchr::memchr2(b'<', b'&', text.as_bytes()).is_some()
}

/// Where the first isolate mark (U+2068 or U+2069) of `text` is: a byte search, as every
/// message's text is searched.
pub fn find_isolate(text: &str) -> Option<usize> {
    // Both are E2 81 A8 / E2 81 A9 in UTF-8.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr(0xE2, &bytes[from..]) {
        let at = from + at;
        if bytes.get(at + 1) == Some(&0x81) && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9)) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether [`escape`] changes `text`.
fn needs_escape(text: &str) -> bool {
    memchr::memchr3(b'<', b'&', b'\r', text.as_bytes()).is_some()
}

/// Whether `name` can name a functional element: letters, digits, `-` and `_`, starting with a
/// letter (a Fluent identifier).
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `text` as markup source for itself: `<` and `&` escaped, so that a value interpolated into
/// a message reads as text, never as markup.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !needs_escape(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            // Kept as it is: a tokenizer may read a bare one as a line break.
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests;
