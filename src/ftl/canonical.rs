//! A pattern as the text a translator reads, the same however its file is laid out: what the
//! outdated-translation record (`crate::record`) keeps of the reference, and what it compares.
//!
//! Two patterns that parse to the same tree have the same canonical text: re-indenting a
//! file, moving it or `folio fmt` changes nothing here; any change a reader could see does.

use fluent_syntax::ast;
use fluent_syntax::serializer::serialize;

/// The pattern serialized by fluent-syntax, without an id in front, its continuation lines
/// without the serializer's indentation: `Hello, { $name }!`, or a select on several lines.
/// `x =\n      Hello,\n   world` and `x = Hello,\n world` both give `Hello,\nworld` (the
/// tests below show more).
pub(crate) fn canonical(pattern: &ast::Pattern<&str>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x" },
            value: Some(pattern.clone()),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let serialized = serialize(&resource);
    let body = serialized.strip_prefix("x =").unwrap_or(&serialized);
    let body = body.strip_suffix('\n').unwrap_or(body);
    match body.strip_prefix('\n') {
        // A pattern that starts on its own line: each line indented by four spaces.
        Some(lines) => lines
            .split('\n')
            .map(|line| line.strip_prefix("    ").unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n"),
        None => body.strip_prefix(' ').unwrap_or(body).to_string(),
    }
}

/// A short fingerprint of a canonical text: 16 hexadecimal digits of its XXH3 hash (a fixed,
/// published algorithm, so the record reads the same with every version of Folio).
pub(crate) fn fingerprint(canonical: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(canonical.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(source: &str) -> String {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        match &resource.body[0] {
            ast::Entry::Message(m) => canonical(m.value.as_ref().unwrap()),
            ast::Entry::Term(t) => canonical(&t.value),
            _ => unreachable!(),
        }
    }

    #[test]
    fn layout_does_not_change_the_text() {
        assert_eq!(value("a = Hello, { $name }!\n"), "Hello, { $name }!");
        assert_eq!(value("a =\n      Hello, { $name }!\n"), "Hello, { $name }!");
        assert_eq!(
            value("a = Two\n  lines\n"),
            value("a =\n    Two\n    lines\n")
        );
        assert_eq!(value("a = Two\n  lines\n"), "Two\nlines");
        assert_eq!(
            value("-t = { $n ->\n [one] x\n*[other] y\n}\n"),
            value("-t =\n    { $n ->\n        [one] x\n       *[other] y\n    }\n")
        );
    }

    #[test]
    fn what_a_reader_sees_changes_the_text() {
        assert_ne!(value("a = Hello\n"), value("a = Hello.\n"));
        assert_ne!(value("a = { $n }\n"), value("a = { $m }\n"));
        assert_ne!(value("a = A\n    B\n"), value("a = A B\n"));
        let select = value("a = { $n ->\n [one] x\n *[other] y\n}\n");
        assert!(select.starts_with("{ $n ->\n"), "{select}");
        assert_eq!(fingerprint("x").len(), 16);
        assert_ne!(fingerprint("x"), fingerprint("y"));
        // The published XXH3-64 of the empty input: the record must read the same forever.
        assert_eq!(fingerprint(""), "2d06800538d394c2");
    }
}
