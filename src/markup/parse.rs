//! Reading markup: text tokenized by html5gum and built into the tree of allowed elements
//! (see the module's docs), each thing left out a [`Problem`].

use html5gum::{Token, Tokenizer};

use super::{
    DROP_CONTENT, FSI, GLOBAL_ATTRIBUTES, MAX_DEPTH, NAME_ATTRIBUTE, Node, Parsed, Problem,
    TEXT_LEVEL, VOID, find_isolate, has_markup, is_name,
};

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
