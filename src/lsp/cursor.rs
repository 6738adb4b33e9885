//! What is where in a Fluent file: every id written in it (each definition of a message, term
//! or attribute, each reference to one, each variable and function), with its bytes, found
//! through the AST's slices of the source (fluent-syntax keeps no positions). Hover,
//! definition, references and symbols all start here.

use std::ops::Range;

use fluent_syntax::ast;

use crate::catalog::ParsedFile;
use crate::ftl::pattern::{self, Node};
use crate::line_index::offset_in;

/// What an id names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// A message (`id`) or one of its attributes.
    Message {
        id: String,
        attribute: Option<String>,
    },
    /// A term (`-id`, with its `-`) or one of its attributes.
    Term {
        id: String,
        attribute: Option<String>,
    },
    /// A variable (without `$`) of the entry `entry`.
    Variable { entry: String, name: String },
    /// A function (`NUMBER`).
    Function(String),
}

impl Target {
    /// The message's or term's id, if it names one.
    pub(crate) fn entry_id(&self) -> Option<&str> {
        match self {
            Target::Message { id, .. } | Target::Term { id, .. } => Some(id),
            Target::Variable { .. } | Target::Function(_) => None,
        }
    }

    pub(crate) fn attribute(&self) -> Option<&str> {
        match self {
            Target::Message { attribute, .. } | Target::Term { attribute, .. } => {
                attribute.as_deref()
            }
            Target::Variable { .. } | Target::Function(_) => None,
        }
    }
}

/// One id written in a file.
#[derive(Clone, Debug)]
pub(crate) struct Use {
    pub target: Target,
    /// Its bytes in the file's source (a term's `-` included).
    pub span: Range<usize>,
    /// Whether this is where it is defined (`id =`, `-id =`, `.attribute =`).
    pub definition: bool,
    /// The message or term it is written in.
    pub within: String,
}

/// Every id written in `file`, in order.
pub(crate) fn uses(file: &ParsedFile) -> Vec<Use> {
    let source = file.source();
    let mut found = Vec::new();
    for entry in file.entries() {
        let (id, name, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.id.name, &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), t.id.name, &t.attributes),
            _ => continue,
        };
        let is_term = id.starts_with('-');
        let make = |id: String, attribute: Option<String>| {
            if is_term {
                Target::Term { id, attribute }
            } else {
                Target::Message { id, attribute }
            }
        };
        let mut push = |target: Target, slice: &str, dash: bool, definition: bool| {
            if let Some(at) = offset_in(source, slice) {
                let start = if dash { at.saturating_sub(1) } else { at };
                found.push(Use {
                    target,
                    span: start..at + slice.len(),
                    definition,
                    within: id.clone(),
                });
            }
        };
        push(make(id.clone(), None), name, is_term, true);
        for attribute in attributes {
            push(
                make(id.clone(), Some(attribute.id.name.to_string())),
                attribute.id.name,
                false,
                true,
            );
        }
        for (_, value) in pattern::patterns(entry) {
            pattern::walk(value, &mut |node| match node {
                Node::MessageReference(target, attribute) => {
                    let make_ref = |attribute: Option<&str>| Target::Message {
                        id: target.to_string(),
                        attribute: attribute.map(str::to_string),
                    };
                    push(make_ref(None), target, false, false);
                    if let Some(attribute) = attribute {
                        push(make_ref(Some(attribute)), attribute, false, false);
                    }
                }
                Node::TermReference(target, attribute) => {
                    let make_ref = |attribute: Option<&str>| Target::Term {
                        id: format!("-{target}"),
                        attribute: attribute.map(str::to_string),
                    };
                    push(make_ref(None), target, true, false);
                    if let Some(attribute) = attribute {
                        push(make_ref(Some(attribute)), attribute, false, false);
                    }
                }
                Node::Variable(variable) => {
                    let target = Target::Variable {
                        entry: id.clone(),
                        name: variable.to_string(),
                    };
                    push(target, variable, false, false);
                }
                Node::Function(function, _) => {
                    push(
                        Target::Function(function.to_string()),
                        function,
                        false,
                        false,
                    );
                }
                _ => {}
            });
        }
    }
    found
}

/// The id at byte `offset` of `file` (an offset just after an id counts, as editors place
/// the cursor there).
pub(crate) fn at(file: &ParsedFile, offset: usize) -> Option<Use> {
    let all = uses(file);
    let inside = all.iter().find(|u| u.span.contains(&offset));
    inside
        .or_else(|| all.iter().find(|u| u.span.end == offset))
        .cloned()
}

/// Each message and term of `file`: its id, its id's bytes, and the bytes of the whole entry
/// (from its id to the end of its last line). An entry's lines after the first are indented
/// (or a select's closing `}`): it ends before the next line that starts with anything else.
pub(crate) fn entries(file: &ParsedFile) -> Vec<(String, Range<usize>, Range<usize>)> {
    let source = file.source();
    let mut found = Vec::new();
    for entry in file.entries() {
        let (id, slice) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.id.name),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), t.id.name),
            _ => continue,
        };
        let Some(at) = offset_in(source, slice) else {
            continue;
        };
        let at = at - (id.len() - slice.len());
        let mut end = source[at..].find('\n').map_or(source.len(), |i| at + i + 1);
        let mut last = end;
        while end < source.len() {
            let line_end = source[end..]
                .find('\n')
                .map_or(source.len(), |i| end + i + 1);
            let line = &source[end..line_end];
            if line.trim().is_empty() {
                end = line_end;
                continue;
            }
            if !(line.starts_with([' ', '}'])) {
                break;
            }
            end = line_end;
            last = end;
        }
        let whole_end = at + source[at..last].trim_end().len();
        found.push((id.clone(), at..at + id.len(), at..whole_end));
    }
    found
}

/// The source of the message or term `id` in `file`, its comment included, and its id's
/// bytes.
pub(crate) fn definition_text(file: &ParsedFile, id: &str) -> Option<(String, Range<usize>)> {
    let source = file.source();
    let (_, id_span, whole) = entries(file).into_iter().find(|(i, ..)| i == id)?;
    // The comment attached to it: the single-`#` lines right above it.
    let mut start = whole.start;
    while start > 0 {
        let line_start = source[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = &source[line_start..start];
        if !line.starts_with('#') || line.starts_with("##") {
            break;
        }
        start = line_start;
    }
    Some((source[start..whole.end].to_string(), id_span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> ParsedFile {
        ParsedFile::from_text("a.ftl", "locales/de/a.ftl", text.to_string())
    }

    #[test]
    fn ids_references_and_variables_are_found_with_their_bytes() {
        let text = "-brand = Folio\nhi = { -brand } und { other.title } { $name }\n    .title = { NUMBER($n) }\n";
        let f = file(text);
        let found = uses(&f);
        let show: Vec<(String, bool)> = found
            .iter()
            .map(|u| (text[u.span.clone()].to_string(), u.definition))
            .collect();
        assert_eq!(
            show,
            [
                ("-brand", true),
                ("hi", true),
                ("title", true),
                ("-brand", false),
                ("other", false),
                ("title", false),
                ("$name"[1..].to_string().as_str(), false),
                ("NUMBER", false),
                ("n", false),
            ]
            .map(|(s, d)| (s.to_string(), d))
        );
        let brand = at(&f, text.find("brand }").unwrap()).unwrap();
        assert_eq!(
            brand.target,
            Target::Term {
                id: "-brand".into(),
                attribute: None
            }
        );
        assert_eq!(brand.within, "hi");
        assert!(at(&f, text.find("und").unwrap()).is_none());
    }

    #[test]
    fn an_entry_runs_from_its_id_to_its_last_line() {
        let text = "# about a\na = A\n    .t = T\n\n\n-b = B\n";
        let found = entries(&file(text));
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].2.clone()], "a = A\n    .t = T");
        assert_eq!(&text[found[1].1.clone()], "-b");
    }
}
