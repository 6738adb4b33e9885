//! Hover: on a message, term or attribute (where it is defined or referenced), the reference
//! locale's text with its comments, the variables it uses, the plural categories this locale
//! needs, and, when the translation is outdated, how the reference changed; on a variable,
//! the variables the reference passes; on a function, its options.

use std::collections::BTreeSet;
use std::fmt::Write;

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::catalog::ParsedFile;
use crate::diagnostic::CheckId;
use crate::ftl::functions::{DATETIME_OPTIONS, NUMBER_OPTIONS};
use crate::ftl::pattern::{self, Node};
use crate::locale::plural_categories;
use crate::lsp::Context;
use crate::lsp::cursor::{self, Target};
use crate::lsp::position::Lines;

pub(crate) fn hover(context: &Context<'_>, params: &HoverParams) -> Option<Hover> {
    let (doc, file, found) = context.id_at(&params.text_document_position_params)?;
    let lines = Lines::new(&doc.text, context.encoding);
    let workspace = context.workspace;
    let reference = workspace.reference();
    let mut text = String::new();
    match &found.target {
        Target::Message { id, .. } | Target::Term { id, .. } => {
            let ref_files = workspace.locale_files(&reference);
            match ref_files
                .iter()
                .find_map(|f| cursor::definition_text(f, id).map(|d| (f, d)))
            {
                Some((ref_file, (source, _))) => {
                    let _ = writeln!(text, "**`{id}`** in {reference} (`{}`)\n", ref_file.rel);
                    let _ = writeln!(text, "```fluent\n{}\n```", source.trim_end());
                    describe(&mut text, ref_file, id, file.locale.as_str());
                }
                None => {
                    let _ = writeln!(
                        text,
                        "**`{id}`**: the reference ({reference}) does not have it"
                    );
                }
            }
            if !found.definition && file.locale != reference {
                let own = workspace.locale_files(&file.locale);
                if let Some(source) = own.iter().find_map(|f| cursor::definition_text(f, id)) {
                    let _ = writeln!(
                        text,
                        "\nIn {}:\n```fluent\n{}\n```",
                        file.locale,
                        source.0.trim_end()
                    );
                }
            }
            for finding in doc
                .findings
                .iter()
                .filter(|d| d.check == CheckId::Outdated && d.entry.as_deref() == Some(id.as_str()))
            {
                let _ = writeln!(
                    text,
                    "\n**Outdated:** {}\n\n{}",
                    finding.message, finding.help
                );
            }
        }
        Target::Variable { entry, name } if entry.starts_with('-') => {
            term_parameter(&mut text, workspace, &file.locale, entry, name);
        }
        Target::Variable { entry, name } => {
            let ref_files = workspace.locale_files(&reference);
            let passed = ref_files
                .iter()
                .find_map(|f| variables_of(f, entry))
                .unwrap_or_default();
            let _ = write!(text, "**`${name}`**: ");
            if passed.contains(name.as_str()) {
                let _ = write!(text, "a variable of `{entry}` in the reference");
            } else {
                let _ = write!(text, "not a variable of `{entry}` in the reference");
            }
            if !passed.is_empty() {
                let list: Vec<String> = passed.iter().map(|v| format!("`${v}`")).collect();
                let _ = write!(text, " (it passes {})", list.join(", "));
            }
        }
        Target::Function(name) => {
            let options: &[&str] = match name.as_str() {
                "NUMBER" => &NUMBER_OPTIONS,
                "DATETIME" => &DATETIME_OPTIONS,
                _ => &[],
            };
            let _ = write!(text, "**`{name}()`**");
            if options.is_empty() {
                let _ = write!(text, ": not a function Folio's renderer provides");
            } else {
                let list: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
                let _ = write!(text, ", options: {}", list.join(", "));
            }
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(lines.range(&(found.span.start + doc.bom()..found.span.end + doc.bom()))),
    })
}

/// The variables of `id`'s patterns, and the plural categories of `locale` when it selects
/// by a number.
fn describe(text: &mut String, file: &ParsedFile, id: &str, locale: &str) {
    if let Some(variables) = variables_of(file, id) {
        if !variables.is_empty() {
            let list: Vec<String> = variables.iter().map(|v| format!("`${v}`")).collect();
            let _ = writeln!(text, "\nVariables: {}", list.join(", "));
        }
    }
    if selects(file, id) {
        let categories = crate::locale::parse_tag(locale)
            .ok()
            .and_then(|tag| plural_categories(&tag));
        if let Some(categories) = categories {
            let _ = writeln!(
                text,
                "\nPlural categories of {locale}: {}",
                categories
                    .iter()
                    .map(|c| format!("`[{c}]`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
}

/// The variables `id`'s value and attributes use, if `file` defines it.
fn variables_of(file: &ParsedFile, id: &str) -> Option<BTreeSet<String>> {
    let entry = find(file, id)?;
    let mut found = BTreeSet::new();
    for (_, value) in pattern::patterns(entry) {
        pattern::walk(value, &mut |node| {
            if let Node::Variable(name) = node {
                found.insert(name.to_string());
            }
        });
    }
    Some(found)
}

fn selects(file: &ParsedFile, id: &str) -> bool {
    let Some(entry) = find(file, id) else {
        return false;
    };
    let mut any = false;
    for (_, value) in pattern::patterns(entry) {
        pattern::walk(value, &mut |node| any |= matches!(node, Node::Select(..)));
    }
    any
}

fn find<'f>(file: &'f ParsedFile, id: &str) -> Option<&'f fluent_syntax::ast::Entry<&'f str>> {
    file.entries().find(|e| match e {
        fluent_syntax::ast::Entry::Message(m) => m.id.name == id,
        fluent_syntax::ast::Entry::Term(t) => id.strip_prefix('-') == Some(t.id.name),
        _ => false,
    })
}

/// What hover says of a term's variable: a parameter its callers pass, with the values they
/// pass in `locale`.
fn term_parameter(
    text: &mut String,
    workspace: &crate::lsp::workspace::Workspace,
    locale: &str,
    term: &str,
    name: &str,
) {
    let _ = write!(
        text,
        "**`${name}`**: a parameter of the term `{term}`, passed by its callers as `{term}({name}: \"…\")`"
    );
    let mut values = std::collections::BTreeSet::new();
    for f in workspace.locale_files(locale) {
        values.extend(
            passed_values(f.source(), term, name)
                .into_iter()
                .map(str::to_string),
        );
    }
    if !values.is_empty() {
        let list: Vec<String> = values.iter().map(|v| format!("`\"{v}\"`")).collect();
        let _ = write!(text, "; in {locale} they pass {}", list.join(", "));
    }
}

/// The string values `source`'s calls of the term `term` (`-brand`) give its parameter `name`:
/// `{ -brand(case: "genitive") }` gives `genitive`.
fn passed_values<'s>(source: &'s str, term: &str, name: &str) -> Vec<&'s str> {
    let call = format!("{term}(");
    let mut values = Vec::new();
    for (at, _) in source.match_indices(&call) {
        let arguments = &source[at + call.len()..];
        let Some(end) = arguments.find(')') else {
            continue;
        };
        for argument in arguments[..end].split(',') {
            let Some((key, value)) = argument.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if key.trim() == name
                && value.len() >= 2
                && value.starts_with('"')
                && value.ends_with('"')
            {
                values.push(&value[1..value.len() - 1]);
            }
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::passed_values;

    #[test]
    fn a_terms_callers_pass_its_parameter_values() {
        let source = "a = { -city(case: \"locative\") }\nb = { -city(other: \"x\", case: \"genitive\") } { -city }\nc = { -citys(case: \"no\") }\n";
        assert_eq!(
            passed_values(source, "-city", "case"),
            ["locative", "genitive"]
        );
    }
}
