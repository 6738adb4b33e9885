//! What the checks compare in a pattern: its variables, references, functions and selects,
//! found in one walk when its file is indexed; its stray whitespace and its markup, found the
//! first time a check asks.
//!
//! A locale's patterns are walked once for every check, and the reference's once for every
//! locale compared with it: its facts are shared, and what is found on demand is kept.

use std::sync::OnceLock;

use fluent_syntax::ast;

use crate::check::pattern_markup::PatternMarkup;
use crate::ftl::pattern::{self, Node, visible_text};

/// The facts of each pattern of an entry: its value's (attribute `None`), then each
/// attribute's.
#[derive(Debug, Default)]
pub(crate) struct EntryFacts<'a> {
    pub patterns: Vec<PatternFacts<'a>>,
}

impl<'a> EntryFacts<'a> {
    pub(crate) fn of(entry: &'a ast::Entry<&'a str>) -> Self {
        let (value, attributes) = match entry {
            ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes[..]),
            ast::Entry::Term(t) => (Some(&t.value), &t.attributes[..]),
            _ => (None, &[][..]),
        };
        let mut patterns = Vec::with_capacity(usize::from(value.is_some()) + attributes.len());
        patterns.extend(value.map(|value| PatternFacts::of(None, value)));
        patterns.extend(
            attributes
                .iter()
                .map(|a| PatternFacts::of(Some(a.id.name), &a.value)),
        );
        EntryFacts { patterns }
    }

    /// The facts of the value (`None`) or of the attribute named.
    pub(crate) fn pattern(&self, attribute: Option<&str>) -> Option<&PatternFacts<'a>> {
        self.patterns.iter().find(|p| p.attribute == attribute)
    }
}

/// A reference to a message or a term, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reference<'a> {
    /// `{ message }` or `{ message.attribute }`.
    Message(&'a str, Option<&'a str>),
    /// `{ -term }`, `{ -term(…) }`, or `-term.attribute` in a selector (name without `-`).
    Term(&'a str, Option<&'a str>),
}

/// What the checks compare in one pattern.
#[derive(Debug)]
pub(crate) struct PatternFacts<'a> {
    /// The attribute, or `None` for the value.
    pub attribute: Option<&'a str>,
    pub pattern: &'a ast::Pattern<&'a str>,
    /// Each variable, at its first use, in source order (`$` left out).
    pub variables: Vec<&'a str>,
    /// Every message and term reference, in source order.
    pub references: Vec<Reference<'a>>,
    /// Every function called, with its arguments, in source order.
    pub functions: Vec<(&'a str, &'a ast::CallArguments<&'a str>)>,
    /// Every select expression: its selector and variants.
    pub selects: Vec<(
        &'a ast::InlineExpression<&'a str>,
        &'a [ast::Variant<&'a str>],
    )>,
    whitespace: OnceLock<[bool; 4]>,
    markup: OnceLock<PatternMarkup>,
}

impl<'a> PatternFacts<'a> {
    pub(crate) fn of(attribute: Option<&'a str>, pattern: &'a ast::Pattern<&'a str>) -> Self {
        let mut facts = PatternFacts {
            attribute,
            pattern,
            variables: Vec::new(),
            references: Vec::new(),
            functions: Vec::new(),
            selects: Vec::new(),
            whitespace: OnceLock::new(),
            markup: OnceLock::new(),
        };
        pattern::walk(pattern, &mut |node| match node {
            Node::Text(_) | Node::StringLiteral(_) => {}
            Node::Variable(name) => {
                if !facts.variables.contains(&name) {
                    facts.variables.push(name);
                }
            }
            Node::MessageReference(id, attribute) => {
                facts.references.push(Reference::Message(id, attribute));
            }
            Node::TermReference(id, attribute) => {
                facts.references.push(Reference::Term(id, attribute));
            }
            Node::Function(name, arguments) => facts.functions.push((name, arguments)),
            Node::Select(selector, variants) => facts.selects.push((selector, variants)),
        });
        facts
    }

    /// Which kinds of stray whitespace its text has (see `whitespace.rs`): a leading space, a
    /// trailing space, a space before a line break, doubled spaces.
    pub(crate) fn whitespace(&self) -> [bool; 4] {
        *self.whitespace.get_or_init(|| whitespace(self.pattern))
    }

    /// Its inline markup, read as the renderer will, along each path through its selects (see
    /// `pattern_markup.rs`).
    pub(crate) fn markup(&self) -> &PatternMarkup {
        self.markup.get_or_init(|| PatternMarkup::of(self.pattern))
    }

    /// The terms it places (not those it only selects on by an attribute), without `-`.
    pub(crate) fn placed_terms(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.references.iter().filter_map(|r| match r {
            Reference::Term(name, None) => Some(*name),
            _ => None,
        })
    }

    /// The messages it references, as `(id, attribute)`.
    pub(crate) fn messages(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>)> + '_ {
        self.references.iter().filter_map(|r| match r {
            Reference::Message(id, attribute) => Some((*id, *attribute)),
            Reference::Term(..) => None,
        })
    }
}

/// Which kinds of stray whitespace `pattern` has, in its own text or in any variant's.
fn whitespace(pattern: &ast::Pattern<&str>) -> [bool; 4] {
    let blank = |c: char| c == ' ' || c == '\t';
    let mut found = [false; 4];
    found[0] = pattern
        .elements
        .first()
        .and_then(visible_text)
        .is_some_and(|text| text.starts_with(blank));
    found[1] = pattern
        .elements
        .last()
        .and_then(visible_text)
        .is_some_and(|text| text.ends_with(blank));
    let last = pattern.elements.len().saturating_sub(1);
    for (i, element) in pattern.elements.iter().enumerate() {
        if let ast::PatternElement::Placeable {
            expression: ast::Expression::Select { variants, .. },
        } = element
        {
            for variant in variants {
                for (all, one) in found.iter_mut().zip(whitespace(&variant.value)) {
                    *all |= one;
                }
            }
        }
        let Some(text) = visible_text(element) else {
            continue;
        };
        if has_blank_run(text) {
            found[2] |= text.contains(" \n") || text.contains("\t\n") || text.contains(" \r\n");
            found[3] |= has_doubled_space(text, i == 0, i == last);
        }
    }
    found
}

/// Whether a blank in `text` is followed by another blank or a line break (rare: then the
/// text is looked at closer). The standard library searches for a two-byte needle by
/// comparing both bytes at once across a vector of text, so four searches cost less than one
/// pass that stops at every space.
fn has_blank_run(text: &str) -> bool {
    text.contains("  ") || text.contains(" \n") || text.contains(" \r") || text.contains('\t')
}

/// Whether `text` has two spaces in a row between other text. Runs at the start of the
/// pattern or of a line, and at the end of the pattern or of a line, are the other kinds;
/// a run next to a placeable (`a  { $x }`) is between text and counts.
fn has_doubled_space(text: &str, is_first: bool, is_last: bool) -> bool {
    let mut from = 0;
    while let Some(at) = text[from..].find("  ").map(|i| from + i) {
        let before = &text[..at];
        let after = text[at..].trim_start_matches(' ');
        let at_start = (before.is_empty() && is_first) || before.ends_with('\n');
        let at_end = (after.is_empty() && is_last) || after.starts_with(['\n', '\r']);
        if !at_start && !at_end {
            return true;
        }
        from = text.len() - after.len();
        if from >= text.len() {
            break;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts_of(source: &str, test: impl FnOnce(&PatternFacts<'_>)) {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!()
        };
        test(&PatternFacts::of(None, m.value.as_ref().unwrap()));
    }

    fn whitespace_of(source: &str) -> [bool; 4] {
        let mut kinds = [false; 4];
        facts_of(source, |facts| kinds = facts.whitespace());
        kinds
    }

    #[test]
    fn one_walk_finds_variables_references_functions_and_selects() {
        facts_of(
            "m = { NUMBER($count) ->\n    [one] { $user } { title } one\n   *[other] { -brand(case: \"a\") } { $count } { -brand.gender -> \n *[x] y\n}\n}\n",
            |facts| {
                assert_eq!(facts.variables, ["count", "user"]);
                assert_eq!(
                    facts.functions.iter().map(|f| f.0).collect::<Vec<_>>(),
                    ["NUMBER"]
                );
                assert_eq!(facts.selects.len(), 2);
                assert_eq!(facts.messages().collect::<Vec<_>>(), [("title", None)]);
                assert_eq!(facts.placed_terms().collect::<Vec<_>>(), ["brand"]);
                assert!(
                    facts
                        .references
                        .contains(&Reference::Term("brand", Some("gender")))
                );
            },
        );
    }

    #[test]
    fn finds_each_kind_of_stray_whitespace() {
        assert_eq!(whitespace_of("m = plain text\n"), [false; 4]);
        assert_eq!(
            whitespace_of("m = { \" \" }lead\n"),
            [true, false, false, false]
        );
        assert_eq!(
            whitespace_of("m = trail{ \" \" }\n"),
            [false, true, false, false]
        );
        assert_eq!(
            whitespace_of("m =\n    one \n    two\n"),
            [false, false, true, false]
        );
        assert_eq!(
            whitespace_of("m = two  spaces\n"),
            [false, false, false, true]
        );
        assert_eq!(
            whitespace_of("m = before  { $x } after\n"),
            [false, false, false, true]
        );
        assert_eq!(
            whitespace_of("m = { $x }  after\n"),
            [false, false, false, true]
        );
        assert_eq!(
            whitespace_of("m = { $n ->\n   *[other] a  b\n}\n"),
            [false, false, false, true]
        );
        // French typography uses no-break spaces, which are not reported.
        assert_eq!(whitespace_of("m = Quoi\u{202f}?\n"), [false; 4]);
    }
}
