//! A pattern's inline markup as Folio's renderer will read it: one markup source per path
//! through its selects, each read with [`markup::parse`].
//!
//! The source is the pattern's text with each placeable written as U+FFFC (the object
//! replacement character): a variable, a number or a reference is a value, never markup. A
//! string literal is written as its text, as the bundle writes it into the message and the
//! renderer reads it (fluent-dom's convention): `{ "<" }b>` is a tag, `&lt;` a `<`. A select's variant is text of the message, so it is written in place; in a pattern
//! of more than one element between the isolate marks U+2068 … U+2069, as Folio's bundles
//! write it, so a tag opened in a variant and closed after the select is read as the renderer
//! reads it: unclosed, then a stray closing tag.
//!
//! Every variant is read. One path takes each select's default variant; then each other
//! variant of each select, nested ones included, has a path of its own, in which the selects
//! around it take the variant that holds it and every other select its default.

use fluent_syntax::ast;

use crate::check::context::FileCtx;
use crate::check::facts::PatternFacts;
use crate::ftl::pattern::{self, Node};
use crate::markup::{self, Parsed, Problem};

/// How many paths of one pattern are read at most: real messages have a handful, and a
/// pattern of thousands of selects must not be read thousands of times over.
const MAX_PATHS: usize = 128;

/// U+FFFC OBJECT REPLACEMENT CHARACTER: a placeable's value, never markup.
const VALUE: char = '\u{fffc}';
/// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, around an isolated select.
const ISOLATE: (char, char) = ('\u{2068}', '\u{2069}');

/// A pattern's markup, read along each path through its selects.
#[derive(Debug, Default)]
pub(crate) struct PatternMarkup {
    /// One reading per path, the path of default variants first; none when no text of the
    /// pattern has a `<`, and so no tag.
    pub paths: Vec<Parsed>,
}

impl PatternMarkup {
    /// Reads `pattern`'s markup along each of its paths.
    pub(crate) fn of(pattern: &ast::Pattern<&str>) -> Self {
        let mut selects = Vec::new();
        let mut has_tag = false;
        survey(pattern, None, &mut selects, &mut has_tag);
        if !has_tag {
            return PatternMarkup::default();
        }
        let paths = choices(&selects)
            .iter()
            .map(|chosen| {
                let mut source = String::new();
                write(pattern, chosen, &mut 0, true, &mut source);
                markup::parse(&source)
            })
            .collect();
        PatternMarkup { paths }
    }

    /// What is wrong with the markup on any path, each problem once, in the order found.
    pub(crate) fn problems(&self) -> Vec<&Problem> {
        let mut problems: Vec<&Problem> = Vec::new();
        for problem in self.paths.iter().flat_map(|p| &p.problems) {
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
        problems
    }

    /// The names of the functional elements (`<a data-l10n-name="…">`) on any path, each
    /// once, in order of first use.
    pub(crate) fn names(&self) -> Vec<&str> {
        let mut names = Vec::new();
        for name in self.paths.iter().flat_map(Parsed::names) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// The text-level elements used, sorted: one entry per use when the pattern has one path,
    /// each element once when it has several (each variant repeats the markup).
    pub(crate) fn elements(&self) -> Vec<&'static str> {
        match &self.paths[..] {
            [one] => one.elements(),
            paths => {
                let mut elements: Vec<&'static str> =
                    paths.iter().flat_map(Parsed::elements).collect();
                elements.sort_unstable();
                elements.dedup();
                elements
            }
        }
    }
}

/// Each pattern of `ctx`'s file with the markup problems `keep` selects, those with any:
/// the entry's id, the pattern's facts, the problems. Entries marked `# folio: untranslated`
/// hold the reference's text and are left out: their problems are reported in the reference.
pub(crate) fn problems_in<'c, 'a>(
    ctx: &'c FileCtx<'a>,
    keep: fn(&Problem) -> bool,
) -> impl Iterator<Item = (&'a str, &'c PatternFacts<'a>, Vec<&'c Problem>)> + 'c {
    ctx.each_pattern()
        .filter(|(id, _)| !ctx.index.marked.contains(id))
        .filter_map(move |(id, facts)| {
            let problems: Vec<&Problem> = facts
                .markup()
                .problems()
                .into_iter()
                .filter(|p| keep(p))
                .collect();
            (!problems.is_empty()).then_some((id, facts, problems))
        })
}

/// Where a finding about a whole pattern points: its first text, else the attribute's name,
/// else the entry's id (`id`, a slice of the file).
pub(crate) fn anchor<'a>(id: &'a str, facts: &PatternFacts<'a>) -> &'a str {
    match facts.pattern.elements.first() {
        Some(ast::PatternElement::TextElement { value }) => value,
        _ => facts.attribute.unwrap_or(id),
    }
}

/// Where `pattern`'s text names the link `name` (`data-l10n-name="name"`): the name as
/// written, for a finding to point at.
pub(crate) fn link_name_in<'a>(pattern: &'a ast::Pattern<&'a str>, name: &str) -> Option<&'a str> {
    let mut found = None;
    pattern::walk(pattern, &mut |node| {
        let (None, Node::Text(text)) = (found, node) else {
            return;
        };
        for (at, _) in text.match_indices(markup::NAME_ATTRIBUTE) {
            let rest = text[at + markup::NAME_ATTRIBUTE.len()..].trim_start();
            let Some(value) = rest.strip_prefix('=') else {
                continue;
            };
            let value =
                value.trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'');
            let ends = value[name.len().min(value.len())..]
                .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if value.starts_with(name) && !ends {
                found = Some(&value[..name.len()]);
                return;
            }
        }
    });
    found
}

/// `items` as a phrase: `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

/// A select of a pattern: how many variants it has, its default, and the select and variant
/// that hold it (`None` when it is not inside another select).
struct Select {
    variants: usize,
    default: usize,
    parent: Option<(usize, usize)>,
}

/// Finds the selects of `pattern` (depth first, each variant in order: the order [`write`]
/// meets them), and whether any of its text has a `<`.
fn survey(
    pattern: &ast::Pattern<&str>,
    parent: Option<(usize, usize)>,
    selects: &mut Vec<Select>,
    has_tag: &mut bool,
) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => *has_tag |= value.contains('<'),
            ast::PatternElement::Placeable { expression } => {
                if let Some(text) = literal_of(expression) {
                    *has_tag |= text.contains('<');
                }
                let Some(variants) = select_of(expression) else {
                    continue;
                };
                let id = selects.len();
                selects.push(Select {
                    variants: variants.len(),
                    default: variants.iter().position(|v| v.default).unwrap_or(0),
                    parent,
                });
                for (i, variant) in variants.iter().enumerate() {
                    survey(&variant.value, Some((id, i)), selects, has_tag);
                }
            }
        }
    }
}

/// The variant each select takes, for each path (see the module's docs).
fn choices(selects: &[Select]) -> Vec<Vec<usize>> {
    let defaults: Vec<usize> = selects.iter().map(|s| s.default).collect();
    let mut paths = vec![defaults.clone()];
    for (id, select) in selects.iter().enumerate() {
        for variant in (0..select.variants).filter(|v| *v != select.default) {
            if paths.len() == MAX_PATHS {
                return paths;
            }
            let mut chosen = defaults.clone();
            chosen[id] = variant;
            let mut around = select.parent;
            while let Some((outer, holding)) = around {
                chosen[outer] = holding;
                around = selects[outer].parent;
            }
            paths.push(chosen);
        }
    }
    paths
}

/// Writes the markup source of `pattern` along the path `chosen` to `out` when `emit`; the
/// variants not taken are walked without writing, so that `next` numbers the selects as
/// [`survey`] did.
fn write(
    pattern: &ast::Pattern<&str>,
    chosen: &[usize],
    next: &mut usize,
    emit: bool,
    out: &mut String,
) {
    // Folio's bundles isolate a placeable unless it is the pattern's only element.
    let isolated = emit && pattern.elements.len() > 1;
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } if emit => out.push_str(value),
            ast::PatternElement::TextElement { .. } => {}
            ast::PatternElement::Placeable { expression } => match select_of(expression) {
                Some(variants) => {
                    let id = *next;
                    *next += 1;
                    if isolated {
                        out.push(ISOLATE.0);
                    }
                    for (i, variant) in variants.iter().enumerate() {
                        write(&variant.value, chosen, next, emit && i == chosen[id], out);
                    }
                    if isolated {
                        out.push(ISOLATE.1);
                    }
                }
                None if emit => match literal_of(expression) {
                    Some(text) => {
                        out.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(text));
                    }
                    None => out.push(VALUE),
                },
                None => {}
            },
        }
    }
}

/// The raw text of a string literal placeable (`{ "<" }`), escapes and all.
fn literal_of<'a>(expression: &ast::Expression<&'a str>) -> Option<&'a str> {
    match expression {
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => Some(value),
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            literal_of(expression)
        }
        _ => None,
    }
}

/// The variants of the select expression a placeable holds (`{ $n -> … }`, or one inside
/// braces of its own, `{ { $n -> … } }`); `None` for any other placeable.
fn select_of<'p, 'a>(
    expression: &'p ast::Expression<&'a str>,
) -> Option<&'p [ast::Variant<&'a str>]> {
    match expression {
        ast::Expression::Select { variants, .. } => Some(variants),
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            select_of(expression)
        }
        ast::Expression::Inline(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The markup of the value of the message in `source`.
    fn markup_of(source: &str) -> PatternMarkup {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!("{source} holds no message")
        };
        PatternMarkup::of(m.value.as_ref().unwrap())
    }

    /// The markup sources of the value of the message in `source`, one per path.
    fn sources_of(source: &str) -> Vec<String> {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!("{source} holds no message")
        };
        let pattern = m.value.as_ref().unwrap();
        let mut selects = Vec::new();
        survey(pattern, None, &mut selects, &mut false);
        choices(&selects)
            .iter()
            .map(|chosen| {
                let mut out = String::new();
                write(pattern, chosen, &mut 0, true, &mut out);
                out
            })
            .collect()
    }

    fn problems_of(source: &str) -> Vec<String> {
        markup_of(source)
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn each_variant_has_a_path_with_the_others_at_their_default() {
        let source = "m = { $a ->\n    [x] A{ $b ->\n        [y] Y\n       *[z] Z\n    }\n   *[w] W\n} { $c ->\n   *[p] P\n    [q] Q\n}\n";
        assert_eq!(
            sources_of(source),
            [
                "\u{2068}W\u{2069} \u{2068}P\u{2069}",
                "\u{2068}A\u{2068}Z\u{2069}\u{2069} \u{2068}P\u{2069}",
                "\u{2068}A\u{2068}Y\u{2069}\u{2069} \u{2068}P\u{2069}",
                "\u{2068}W\u{2069} \u{2068}Q\u{2069}",
            ]
        );
    }

    #[test]
    fn placeables_are_values_never_markup_but_string_literals_are_text() {
        assert_eq!(
            sources_of(
                "m = a { \"<\" }b> { $x } { -t } { m2 } { NUMBER($n) } { \"\\u0026lt;\" }\n"
            ),
            ["a <b> \u{fffc} \u{fffc} \u{fffc} \u{fffc} &lt;"]
        );
        assert!(markup_of("m = a { $x } b\n").paths.is_empty());
        assert_eq!(
            problems_of("m = <b>{ \"</b>\" }</b> { \"<script>\" }\n"),
            ["`</b>` closes nothing", "`<script>`"]
        );
    }

    #[test]
    fn a_select_whose_variants_each_balance_is_balanced() {
        let source = "m = { $n ->\n    [one] <b>one</b> item\n   *[other] <b>{ $n }</b> items\n}\n";
        assert_eq!(markup_of(source).paths.len(), 2);
        assert_eq!(problems_of(source), Vec::<String>::new());
        assert_eq!(markup_of(source).elements(), ["b"]);
    }

    #[test]
    fn a_tag_left_open_in_one_variant_is_unclosed() {
        let source = "m = { $n ->\n    [one] <b>one item\n   *[other] <b>{ $n }</b> items\n}\n";
        assert_eq!(problems_of(source), ["`<b>` is never closed"]);
        // A nested select's variant is read too.
        let nested =
            "m = { $a ->\n   *[x] { $b ->\n       *[y] fine\n        [z] <em>open\n    }\n}\n";
        assert_eq!(problems_of(nested), ["`<em>` is never closed"]);
    }

    #[test]
    fn a_tag_closed_after_an_isolated_select_is_not_closed_by_it() {
        // The select is isolated: its `<b>` closes at the isolate's end, as rendered.
        let source = "m = { $n ->\n   *[other] <b>{ $n }\n} items</b>\n";
        assert_eq!(
            problems_of(source),
            ["`<b>` is never closed", "`</b>` closes nothing"]
        );
        // Around a select, the element holds the isolate.
        assert_eq!(
            problems_of("m = <b>{ $n ->\n   *[other] many\n}</b>\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn text_with_a_lone_less_than_sign_has_no_markup_problem() {
        assert_eq!(problems_of("m = a < b, x<3 & y\n"), Vec::<String>::new());
        let markup = markup_of("m = a < b, x<3 & y\n");
        assert!(markup.elements().is_empty() && markup.names().is_empty());
        assert_eq!(markup_of("m = a <b>x</b>< 3\n").elements(), ["b"]);
    }

    #[test]
    fn paths_are_capped() {
        let selects = "{ $n ->\n    [a] <b>a</b>\n   *[b] b\n} ".repeat(MAX_PATHS * 2);
        let source = format!("m = {selects}\n");
        assert_eq!(markup_of(&source).paths.len(), MAX_PATHS);
    }

    #[test]
    fn a_link_name_is_found_where_it_is_written() {
        let source = "m = { $n ->\n   *[x] <a data-l10n-name = 'faq2'>a</a> <a data-l10n-name=\"faq\">b</a>\n}\n";
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let ast::Entry::Message(m) = &resource.body[0] else {
            panic!()
        };
        let pattern = m.value.as_ref().unwrap();
        let at = |name| {
            link_name_in(pattern, name)
                .map(|found| found.as_ptr() as usize - source.as_ptr() as usize)
        };
        assert_eq!(at("faq2"), source.find("faq2"));
        assert_eq!(at("faq"), source.find("faq\""));
        assert_eq!(at("fa"), None);
    }
}
