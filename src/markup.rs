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

use std::fmt;

use html5gum::{Token, Tokenizer};

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

/// Reads `text` as inline markup.
pub fn parse(text: &str) -> Parsed {
    let mut builder = Builder::default();
    if !has_markup(text) {
        if find_isolate(text).is_none() {
            return plain(text.to_string());
        }
        builder.text(text);
        return builder.finish();
    }
    let mut dropping: Option<String> = None;
    for token in Tokenizer::new(text) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                if dropping.is_some() {
                    continue;
                }
                if DROP_CONTENT.contains(&name.as_str()) {
                    builder.problems.push(Problem::Element(name.clone()));
                    if !tag.self_closing {
                        dropping = Some(name);
                    }
                    continue;
                }
                let attributes: Vec<(String, String)> = tag
                    .attributes
                    .iter()
                    .map(|(name, value)| {
                        (
                            String::from_utf8_lossy(name).into_owned(),
                            String::from_utf8_lossy(&value.value).into_owned(),
                        )
                    })
                    .collect();
                builder.open(&name, attributes, tag.self_closing);
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                if let Some(dropped) = &dropping {
                    if *dropped == name {
                        dropping = None;
                    }
                    continue;
                }
                builder.close(&name);
            }
            Token::String(text) if dropping.is_none() => {
                builder.text(&String::from_utf8_lossy(&text.value));
            }
            // Comments, doctypes, the tokenizer's recovered errors and dropped content.
            _ => {}
        }
    }
    builder.finish()
}

/// Reads `text` as inline markup, as [`parse`] does, keeping the text without a copy when it
/// has no markup and no isolate (most messages).
pub fn parse_owned(text: String) -> Parsed {
    if has_markup(&text) || find_isolate(&text).is_some() {
        return parse(&text);
    }
    plain(text)
}

/// The tree of text without markup or isolates: itself.
fn plain(text: String) -> Parsed {
    let nodes = if text.is_empty() {
        Vec::new()
    } else {
        vec![Node::Text { text }]
    };
    Parsed {
        nodes,
        problems: Vec::new(),
    }
}

/// What an open element will become when it closes.
#[derive(Debug)]
enum Open {
    Element(&'static str, Vec<(&'static str, String)>),
    Named(String),
    /// An element left out, whose content stays (an unknown `<foo>`, an `<a>` without a name).
    Dropped(String),
    Isolate,
}

impl Open {
    fn name(&self) -> Option<&str> {
        match self {
            Open::Element(name, _) => Some(name),
            Open::Named(_) => Some("a"),
            Open::Dropped(name) => Some(name),
            Open::Isolate => None,
        }
    }
}

/// Builds the tree with a stack of open elements.
#[derive(Debug, Default)]
struct Builder {
    /// The open elements, each with the children gathered so far; the root's are `nodes`.
    stack: Vec<(Open, Vec<Node>)>,
    nodes: Vec<Node>,
    problems: Vec<Problem>,
    /// Isolates opened beyond [`MAX_DEPTH`], whose marks were left out.
    skipped_isolates: usize,
}

impl Builder {
    fn children(&mut self) -> &mut Vec<Node> {
        match self.stack.last_mut() {
            Some((_, children)) => children,
            None => &mut self.nodes,
        }
    }

    fn push(&mut self, node: Node) {
        let children = self.children();
        if let (Node::Text { text }, Some(Node::Text { text: last })) = (&node, children.last_mut())
        {
            last.push_str(text);
            return;
        }
        children.push(node);
    }

    /// Adds text, turning isolate marks into isolates.
    fn text(&mut self, text: &str) {
        let mut rest = text;
        while let Some(at) = find_isolate(rest) {
            if at > 0 {
                self.push(Node::text(&rest[..at]));
            }
            let mark = rest[at..].chars().next().unwrap_or(FSI);
            if mark == FSI && self.stack.len() < MAX_DEPTH {
                self.stack.push((Open::Isolate, Vec::new()));
            } else if mark == FSI {
                // Too deep to isolate: the value stays in the text around it.
                self.skipped_isolates += 1;
            } else if self.skipped_isolates > 0 {
                self.skipped_isolates -= 1;
            } else {
                self.close_isolate();
            }
            rest = &rest[at + mark.len_utf8()..];
        }
        if !rest.is_empty() {
            self.push(Node::text(rest));
        }
    }

    fn open(&mut self, name: &str, attributes: Vec<(String, String)>, self_closing: bool) {
        let open = if self.stack.len() >= MAX_DEPTH {
            self.problems.push(Problem::TooDeep(name.to_string()));
            Open::Dropped(name.to_string())
        } else if name == "a" {
            let named = attributes
                .iter()
                .find(|(attribute, _)| attribute == NAME_ATTRIBUTE)
                .map(|(_, value)| value.trim().to_string())
                .filter(|value| is_name(value));
            for (attribute, _) in &attributes {
                if attribute != NAME_ATTRIBUTE || named.is_none() {
                    self.problems.push(Problem::Attribute {
                        element: name.to_string(),
                        attribute: attribute.clone(),
                    });
                }
            }
            let outer = self.stack.iter().find_map(|(open, _)| match open {
                Open::Named(outer) => Some(outer.clone()),
                _ => None,
            });
            match (named, outer) {
                (Some(inner), Some(outer)) => {
                    self.problems
                        .push(Problem::NestedName { name: inner, outer });
                    Open::Dropped("a".to_string())
                }
                (Some(named), None) => Open::Named(named),
                (None, _) => {
                    self.problems.push(Problem::Element(name.to_string()));
                    Open::Dropped(name.to_string())
                }
            }
        } else if let Some((element, allowed)) = TEXT_LEVEL.iter().find(|(n, _)| *n == name) {
            let mut kept = Vec::new();
            for (attribute, value) in attributes {
                match allowed_attribute(&attribute, &value, allowed) {
                    Some(attribute) => kept.push((attribute, value)),
                    None => self.problems.push(Problem::Attribute {
                        element: name.to_string(),
                        attribute,
                    }),
                }
            }
            Open::Element(element, kept)
        } else {
            self.problems.push(Problem::Element(name.to_string()));
            Open::Dropped(name.to_string())
        };
        let void = VOID.contains(&name);
        self.stack.push((open, Vec::new()));
        if self_closing || void {
            self.pop();
        }
    }

    fn close(&mut self, name: &str) {
        if VOID.contains(&name) {
            return; // a void element has nothing to close
        }
        // The innermost open element of that name, within the innermost isolate: a tag inside
        // a value never closes one outside it.
        let found = self
            .stack
            .iter()
            .rposition(|(open, _)| matches!(open, Open::Isolate) || open.name() == Some(name))
            .filter(|&at| !matches!(self.stack[at].0, Open::Isolate));
        let Some(at) = found else {
            self.problems.push(Problem::StrayClose(name.to_string()));
            return;
        };
        while self.stack.len() > at + 1 {
            let open = self.stack.last().and_then(|(o, _)| o.name()).unwrap_or("");
            self.problems.push(Problem::Misnested {
                closed: name.to_string(),
                open: open.to_string(),
            });
            self.pop();
        }
        self.pop();
    }

    fn close_isolate(&mut self) {
        let Some(at) = self
            .stack
            .iter()
            .rposition(|(open, _)| matches!(open, Open::Isolate))
        else {
            return; // an unmatched PDI carries nothing
        };
        while self.stack.len() > at + 1 {
            if let Some(name) = self.stack.last().and_then(|(o, _)| o.name()) {
                self.problems.push(Problem::Unclosed(name.to_string()));
            }
            self.pop();
        }
        self.pop();
    }

    /// Closes the innermost open element, adding it to its parent.
    fn pop(&mut self) {
        let Some((open, children)) = self.stack.pop() else {
            return;
        };
        match open {
            Open::Element(name, attributes) => self.push(Node::Element {
                name,
                attributes,
                children,
            }),
            Open::Named(name) => self.push(Node::Named { name, children }),
            Open::Isolate => self.push(Node::Isolate { children }),
            Open::Dropped(_) => {
                for child in children {
                    self.push(child);
                }
            }
        }
    }

    fn finish(mut self) -> Parsed {
        while let Some((open, _)) = self.stack.last() {
            if let Some(name) = open.name() {
                self.problems.push(Problem::Unclosed(name.to_string()));
            }
            self.pop();
        }
        Parsed {
            nodes: self.nodes,
            problems: self.problems,
        }
    }
}

/// The attribute's name as allowed, or `None` when it (or its value) is not.
fn allowed_attribute(
    attribute: &str,
    value: &str,
    allowed: &[&'static str],
) -> Option<&'static str> {
    let known = GLOBAL_ATTRIBUTES
        .iter()
        .chain(allowed)
        .find(|a| **a == attribute)?;
    let ok = match attribute {
        "dir" => matches!(value, "ltr" | "rtl" | "auto"),
        "lang" => {
            !value.is_empty()
                && value.len() <= 64
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }
        _ => true,
    };
    ok.then_some(*known)
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
mod tests {
    use super::*;

    fn element(name: &'static str, children: Vec<Node>) -> Node {
        Node::Element {
            name,
            attributes: Vec::new(),
            children,
        }
    }

    #[test]
    fn text_level_elements_and_named_links_make_a_tree() {
        let parsed = parse(r#"Read <strong>our</strong> <a data-l10n-name="care">guide</a>."#);
        assert_eq!(parsed.problems, []);
        assert_eq!(
            parsed.nodes,
            [
                Node::text("Read "),
                element("strong", vec![Node::text("our")]),
                Node::text(" "),
                Node::Named {
                    name: "care".into(),
                    children: vec![Node::text("guide")]
                },
                Node::text("."),
            ]
        );
        assert_eq!(parsed.names(), ["care"]);
        assert_eq!(parsed.text(), "Read our guide.");
    }

    #[test]
    fn nothing_unsafe_reaches_the_tree() {
        let parsed = parse(
            r#"<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:x">y</a><em onclick="x" style="a" title="t">z</em>"#,
        );
        assert_eq!(parsed.text(), "yz");
        assert_eq!(
            parsed.nodes[1],
            Node::Element {
                name: "em",
                attributes: vec![("title", "t".into())],
                children: vec![Node::text("z")]
            }
        );
        let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "`<script>`",
                "`<img>`",
                "`href` on `<a>`",
                "`<a>` without `data-l10n-name`",
                "`onclick` on `<em>`",
                "`style` on `<em>`",
            ]
        );
    }

    #[test]
    fn misnested_and_unclosed_tags_are_closed_and_reported() {
        let parsed = parse("<b>a<i>b</b>c</i><u>d");
        assert_eq!(parsed.text(), "abcd");
        let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "`</b>` closes `<b>` while `<i>` is still open",
                "`</i>` closes nothing",
                "`<u>` is never closed",
            ]
        );
    }

    #[test]
    fn isolates_hold_values_and_entities_are_decoded() {
        let parsed = parse("a \u{2068}&lt;b&gt; &amp; c\u{2069} <br/>d");
        assert_eq!(parsed.problems, []);
        assert_eq!(
            parsed.nodes[1],
            Node::Isolate {
                children: vec![Node::text("<b> & c")]
            }
        );
        assert_eq!(parsed.text(), "a \u{2068}<b> & c\u{2069} \nd");
        assert_eq!(escape("<b> & c"), "&lt;b> &amp; c");
        assert_eq!(parse(&escape("x <y> & z")).text(), "x <y> & z");
        // Found by the `markup` fuzz target: a carriage return after a NUL came back as `\n`.
        let value = "a <b;\0\re>c\r\r";
        assert_eq!(parse(&escape(value)).text(), value);
    }

    #[test]
    fn isolates_are_found_among_other_three_byte_characters() {
        assert_eq!(find_isolate("a—b…\u{2069}"), Some(8));
        assert_eq!(find_isolate("\u{2068}"), Some(0));
        assert_eq!(find_isolate("a—b…\u{2067}"), None);
        assert_eq!(find_isolate(""), None);
    }

    #[test]
    fn a_tree_written_back_reads_as_itself_without_problems() {
        for source in [
            "<kbd>Ctrl</kb and more",
            r#"<b>a<i>b</b>c <a data-l10n-name="x">y</a><br> <abbr title="a &quot;b&quot;">c</abbr> 1 &lt; 2 &amp; 3"#,
        ] {
            let parsed = parse(source);
            let written = to_source(&parsed.nodes);
            let again = parse(&written);
            assert_eq!(again.problems, [], "{written}");
            assert_eq!(again.nodes, parsed.nodes, "{written}");
        }
    }

    #[test]
    fn a_tag_inside_a_value_never_closes_one_outside() {
        let parsed = parse("<b>x\u{2068}</b>y\u{2069}z</b>");
        assert_eq!(parsed.text(), "x\u{2068}y\u{2069}z");
        assert_eq!(parsed.problems, [Problem::StrayClose("b".into())]);
    }

    #[test]
    fn a_named_element_inside_another_is_left_out() {
        // HTML has no link inside a link: a parser would close the outer one at the inner.
        let parsed = parse(
            r#"<a data-l10n-name="care">our <a data-l10n-name="other">guide</a><a data-l10n-name="fn-a"/></a>."#,
        );
        assert_eq!(
            parsed.nodes,
            [
                Node::Named {
                    name: "care".into(),
                    children: vec![Node::text("our guide")]
                },
                Node::text("."),
            ]
        );
        let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                r#"`<a data-l10n-name="other">` inside `<a data-l10n-name="care">`"#,
                r#"`<a data-l10n-name="fn-a">` inside `<a data-l10n-name="care">`"#,
            ]
        );
        assert!(parsed.problems.iter().all(Problem::is_forbidden));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!("{}x", "<b>".repeat(100_000));
        let parsed = parse(&deep);
        assert_eq!(parsed.elements().len(), MAX_DEPTH);
        assert_eq!(parsed.text(), "x");
        assert!(parsed.problems.contains(&Problem::TooDeep("b".into())));
    }
}
