//! A message's inline tree (`crate::markup`) written out: as HTML, as Markdown and as text, with
//! each named element filled in from the content file — a link's URL, a footnote's number.
//!
//! - HTML: the allowed elements with their checked attributes, `<a href>` for links,
//!   `<sup><a href="#fn-…">1</a></sup>` for footnote markers, `<bdi>` for values.
//! - Markdown: `*em*`, `**strong**`, `` `code` ``, `~~s~~`, `[text](<url>)`, `[^name]`, a
//!   backslash for `<br>`; inline HTML only where Markdown has no syntax (`<sup>`, `<sub>`,
//!   `<mark>`, …); values keep their isolates (the writer drops those it does not need).
//! - Text: the text, each link followed by its URL in angle brackets (`guide <https://…>`),
//!   each footnote marker as `[1]`.
//!
//! Trees are at most `markup::MAX_DEPTH` deep, so these walks recurse.

use std::fmt::Write as _;

use html_escape::{encode_double_quoted_attribute, encode_text};

use crate::markup::Node;
use crate::render::{RenderedLink, markdown};

/// What the named elements of an article's messages stand for.
pub(crate) struct Targets<'a> {
    pub links: &'a std::collections::BTreeMap<String, RenderedLink>,
    /// The footnotes' names, numbered from 1 in this order.
    pub footnotes: &'a [String],
    /// The footnotes whose marker has been written (the first gets the back-link's anchor).
    pub marked: std::cell::RefCell<Vec<String>>,
    /// Whether the rendering writes each message's HTML (not for text and Markdown alone).
    pub html: bool,
}

/// What a named element stands for.
enum Target<'a> {
    Link(&'a RenderedLink),
    Footnote(usize),
    /// A name the article does not define: its content stays, as text (`folio check` reports it).
    Unknown,
}

impl<'a> Targets<'a> {
    pub(crate) fn new(
        links: &'a std::collections::BTreeMap<String, RenderedLink>,
        footnotes: &'a [String],
    ) -> Self {
        Targets {
            links,
            footnotes,
            marked: std::cell::RefCell::new(Vec::new()),
            html: true,
        }
    }

    /// Whether this is the first marker of the footnote `name` written.
    fn first_marker(&self, name: &str) -> bool {
        let mut marked = self.marked.borrow_mut();
        if marked.iter().any(|m| m == name) {
            return false;
        }
        marked.push(name.to_string());
        true
    }

    fn get(&self, name: &str) -> Target<'_> {
        if let Some(link) = self.links.get(name) {
            return Target::Link(link);
        }
        match self.footnotes.iter().position(|n| n == name) {
            Some(index) => Target::Footnote(index + 1),
            None => Target::Unknown,
        }
    }
}

/// `nodes` as HTML.
pub(crate) fn html(nodes: &[Node], targets: &Targets<'_>, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text { text } => out.push_str(&encode_text(text)),
            Node::Isolate { children } => {
                out.push_str("<bdi>");
                html(children, targets, out);
                out.push_str("</bdi>");
            }
            Node::Element {
                name,
                attributes,
                children,
            } => {
                open_tag(name, attributes, out);
                if !matches!(*name, "br" | "wbr") {
                    html(children, targets, out);
                    let _ = write!(out, "</{name}>");
                }
            }
            Node::Named { name, children } => match targets.get(name) {
                Target::Link(link) => {
                    let _ = write!(
                        out,
                        "<a href=\"{}\"",
                        encode_double_quoted_attribute(&link.href)
                    );
                    if let Some(lang) = &link.hreflang {
                        let _ = write!(
                            out,
                            " hreflang=\"{}\"",
                            encode_double_quoted_attribute(lang)
                        );
                    }
                    out.push('>');
                    html(children, targets, out);
                    out.push_str("</a>");
                }
                Target::Footnote(number) => {
                    let name = encode_double_quoted_attribute(name);
                    // The first marker is where the footnote's back-link returns to.
                    let id = if targets.first_marker(&name) {
                        format!(" id=\"fnref-{name}\"")
                    } else {
                        String::new()
                    };
                    let _ = write!(
                        out,
                        "<sup class=\"footnote-ref\"><a href=\"#fn-{name}\"{id} role=\"doc-noteref\">{number}</a></sup>"
                    );
                }
                Target::Unknown => html(children, targets, out),
            },
        }
    }
}

/// An element's start tag, its attributes escaped.
fn open_tag(name: &str, attributes: &[(&str, String)], out: &mut String) {
    let _ = write!(out, "<{name}");
    for (attribute, value) in attributes {
        let _ = write!(
            out,
            " {attribute}=\"{}\"",
            encode_double_quoted_attribute(value)
        );
    }
    out.push('>');
}

/// `nodes` as Markdown (isolates kept, for the writer to keep or drop).
pub(crate) fn markdown(nodes: &[Node], targets: &Targets<'_>, out: &mut String) {
    markdown_from(nodes, targets, out, true);
}

/// Whether text written next to `out` starts a line: `out` is empty and `start` says so, or
/// it ends a line (isolate marks aside).
fn line_start(out: &str, start: bool) -> bool {
    let before = out.trim_end_matches([crate::render::bidi::FSI, crate::render::bidi::PDI]);
    if before.is_empty() {
        start
    } else {
        before.ends_with('\n')
    }
}

/// [`markdown`], for `nodes` written after text that starts a line or not (`start`).
fn markdown_from(nodes: &[Node], targets: &Targets<'_>, out: &mut String, start: bool) {
    for node in nodes {
        let start = line_start(out, start);
        match node {
            Node::Text { text } => out.push_str(&markdown::escape_at(text, start)),
            Node::Isolate { children } => {
                out.push(crate::render::bidi::FSI);
                markdown_from(children, targets, out, start);
                out.push(crate::render::bidi::PDI);
            }
            Node::Element {
                name,
                attributes,
                children,
            } => {
                markdown_element(name, attributes, children, targets, out, start);
            }
            Node::Named { name, children } => match targets.get(name) {
                Target::Link(link) => {
                    out.push('[');
                    markdown_from(children, targets, out, false);
                    let _ = write!(out, "](<{}>)", link.href.replace(['<', '>', ' '], ""));
                }
                Target::Footnote(_) => {
                    let _ = write!(out, "[^{name}]");
                }
                Target::Unknown => markdown_from(children, targets, out, start),
            },
        }
    }
}

fn markdown_element(
    name: &str,
    attributes: &[(&str, String)],
    children: &[Node],
    targets: &Targets<'_>,
    out: &mut String,
    start: bool,
) {
    let delimiter = match name {
        "em" | "i" | "cite" | "dfn" | "var" => "*",
        "strong" | "b" => "**",
        "s" => "~~",
        "br" => {
            out.push_str("\\\n");
            return;
        }
        "code" | "samp" | "kbd" => {
            let mut text = String::new();
            crate::markup::text_of(children, &mut text);
            let text = crate::render::bidi::strip(&text).replace('\n', " ");
            // A code span's fence is longer than any run of backticks inside it.
            let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(longest + 1);
            let pad = if text.starts_with('`') || text.ends_with('`') {
                " "
            } else {
                ""
            };
            let _ = write!(out, "{fence}{pad}{text}{pad}{fence}");
            return;
        }
        "sup" | "sub" | "mark" | "u" | "q" | "small" | "abbr" | "bdi" | "bdo" => {
            // No Markdown syntax: the element's tags as inline HTML, and between them
            // Markdown, escaped as any text is (CommonMark reads what is between the tags as
            // Markdown: unescaped, `[x](url)` there would be a link no content file gave).
            open_tag(name, attributes, out);
            markdown_from(children, targets, out, false);
            let _ = write!(out, "</{name}>");
            return;
        }
        _ => "", // data, time, span, wbr: their text
    };
    let mut inner = String::new();
    markdown_from(children, targets, &mut inner, start && delimiter.is_empty());
    // Emphasis must not start or end with a space (`* a*` is not emphasis).
    let trimmed = inner.trim();
    if delimiter.is_empty() || trimmed.is_empty() {
        out.push_str(&inner);
        return;
    }
    let lead = &inner[..inner.len() - inner.trim_start().len()];
    let trail = &inner[inner.trim_end().len()..];
    let _ = write!(out, "{lead}{delimiter}{trimmed}{delimiter}{trail}");
}

/// `nodes` as text: links followed by their URL, footnote markers as `[n]`.
pub(crate) fn text(nodes: &[Node], targets: &Targets<'_>, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text { text } => out.push_str(text),
            Node::Isolate { children } => {
                out.push(crate::render::bidi::FSI);
                text(children, targets, out);
                out.push(crate::render::bidi::PDI);
            }
            Node::Element { name, children, .. } => {
                if *name == "br" {
                    out.push('\n');
                }
                text(children, targets, out);
            }
            Node::Named { name, children } => match targets.get(name) {
                Target::Link(link) => {
                    text(children, targets, out);
                    let _ = write!(out, " <{}>", link.href);
                }
                Target::Footnote(number) => {
                    let _ = write!(out, "[{number}]");
                }
                Target::Unknown => text(children, targets, out),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::markup::parse;

    fn targets() -> (BTreeMap<String, RenderedLink>, Vec<String>) {
        let mut links = BTreeMap::new();
        links.insert(
            "care".to_string(),
            RenderedLink {
                href: "https://example.com/care?a=1&b=2".into(),
                hreflang: None,
            },
        );
        (links, vec!["fn-a".to_string()])
    }

    fn all(source: &str) -> [String; 3] {
        let (links, footnotes) = targets();
        let targets = Targets::new(&links, &footnotes);
        let nodes = parse(source).nodes;
        let mut out = [String::new(), String::new(), String::new()];
        html(&nodes, &targets, &mut out[0]);
        markdown(&nodes, &targets, &mut out[1]);
        text(&nodes, &targets, &mut out[2]);
        out
    }

    #[test]
    fn links_take_their_url_from_the_content_file() {
        let [html, markdown, text] = all(
            r#"Read <strong>our </strong><a data-l10n-name="care">guide</a>.<a data-l10n-name="fn-a"/>"#,
        );
        assert_eq!(
            html,
            "Read <strong>our </strong><a href=\"https://example.com/care?a=1&amp;b=2\">guide</a>.\
             <sup class=\"footnote-ref\"><a href=\"#fn-fn-a\" id=\"fnref-fn-a\" role=\"doc-noteref\">1</a></sup>"
        );
        assert_eq!(
            markdown,
            "Read **our** [guide](<https://example.com/care?a=1&b=2>).[^fn-a]"
        );
        assert_eq!(
            text,
            "Read our guide <https://example.com/care?a=1&b=2>.[1]"
        );
    }

    #[test]
    fn markdown_has_syntax_or_inline_html_for_every_element() {
        let [_, markdown, _] =
            all("<em>a</em> <code>b`c</code> x<sup>2</sup> <s>d</s><br>e <span>*</span>");
        assert_eq!(markdown, "*a* ``b`c`` x<sup>2</sup> ~~d~~\\\ne \\*");
    }
}
