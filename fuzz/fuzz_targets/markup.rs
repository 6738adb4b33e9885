//! A message's text (any string) read as inline markup: reading ends; the tree holds only
//! allowed elements and attributes (`markup::TEXT_LEVEL`, named links by a valid name) and is
//! never deeper than `markup::MAX_DEPTH`; and any text, escaped, reads back as itself with no
//! problem (a value interpolated into a message is text, never markup).
#![no_main]

use folio::markup::{self, GLOBAL_ATTRIBUTES, MAX_DEPTH, Node, TEXT_LEVEL};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = markup::parse(text);
    allowed(&parsed.nodes, 0);
    let _ = parsed.names();
    let _ = parsed.elements();

    // Isolate marks are the bundles' own; a value never carries them unpaired.
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect();
    let escaped = markup::parse(&markup::escape(&plain));
    assert!(escaped.problems.is_empty(), "{:?}", escaped.problems);
    assert_eq!(escaped.text(), plain);
});

fn allowed(nodes: &[Node], depth: usize) {
    assert!(depth <= MAX_DEPTH + 1, "nested {depth} deep");
    for node in nodes {
        match node {
            Node::Text { .. } => {}
            Node::Element {
                name,
                attributes,
                children,
            } => {
                let (_, extra) = TEXT_LEVEL
                    .iter()
                    .find(|(n, _)| n == name)
                    .expect("a text-level element");
                for (attribute, _) in attributes {
                    assert!(
                        GLOBAL_ATTRIBUTES.contains(attribute) || extra.contains(attribute),
                        "{attribute} on {name}"
                    );
                }
                allowed(children, depth + 1);
            }
            Node::Named { name, children } => {
                assert!(markup::is_name(name), "{name}");
                allowed(children, depth + 1);
            }
            Node::Isolate { children } => allowed(children, depth + 1),
        }
    }
}
