//! Code actions and formatting: each finding's fix, made by `edit` on the document's text and
//! sent as the smallest edits that turn the old text into the new.
//!
//! - a misspelt variable, message or term: the name the check found it most likely meant;
//! - missing plural categories: variants for them, copies of the default variant;
//! - an obsolete entry: removed;
//! - missing entries: added from the reference, marked untranslated, as `folio sync` does.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    DocumentFormattingParams, TextEdit, Uri, WorkspaceEdit,
};

use crate::diagnostic::{CheckId, Diagnostic};
use crate::edit::fmt::format as format_text;
use crate::edit::quickfix::{add_plural_variants, remove_entry};
use crate::edit::sync::{Prune, sync_text};
use crate::locale::{parse_tag, plural_categories};
use crate::lsp::Context;
use crate::lsp::diagnostics::to_lsp;
use crate::lsp::position::Lines;
use crate::lsp::workspace::Document;

pub(crate) fn code_actions(
    context: &Context<'_>,
    params: &CodeActionParams,
) -> Option<CodeActionResponse> {
    let doc = context.document(&params.text_document.uri)?;
    let file = doc.file.as_ref()?;
    let lines = Lines::new(&doc.text, context.encoding);
    let bom = doc.bom();
    let wanted = lines.offset(params.range.start)..lines.offset(params.range.end);
    let touches = |d: &Diagnostic| {
        d.span.as_ref().is_some_and(|s| {
            let s = s.start + bom..s.end + bom;
            s.start <= wanted.end && wanted.start <= s.end
        })
    };
    let mut actions = Vec::new();
    let action = |title: String, kind: CodeActionKind, new_text: &str, fixes: &[&Diagnostic]| {
        CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(kind),
            diagnostics: Some(fixes.iter().map(|d| to_lsp(d, &lines, bom)).collect()),
            edit: Some(edit_to(&doc.uri, &lines, &doc.text, new_text)),
            is_preferred: Some(true),
            ..CodeAction::default()
        })
    };
    for finding in doc.findings.iter().filter(|d| touches(d)) {
        for (title, text) in fixes(doc, &file.locale, finding) {
            actions.push(action(title, CodeActionKind::QUICKFIX, &text, &[finding]));
        }
    }
    let missing: Vec<&Diagnostic> = doc
        .findings
        .iter()
        .filter(|d| d.check == CheckId::MissingMessage)
        .collect();
    if !missing.is_empty() {
        if let Some(text) = synced(context, doc) {
            let title = format!(
                "Add the {} missing {} from the reference, marked untranslated",
                missing.len(),
                if missing.len() == 1 {
                    "entry"
                } else {
                    "entries"
                }
            );
            actions.push(action(title, CodeActionKind::QUICKFIX, &text, &missing));
        }
    }
    let only = params.context.only.as_deref();
    actions.retain(|a| match (a, only) {
        (CodeActionOrCommand::CodeAction(a), Some(kinds)) => a.kind.as_ref().is_some_and(|k| {
            kinds
                .iter()
                .any(|want| k.as_str().starts_with(want.as_str()))
        }),
        _ => true,
    });
    Some(actions)
}

/// The fixes of `finding` in `doc`, each a title and the document's fixed text.
fn fixes(doc: &Document, locale: &str, finding: &Diagnostic) -> Vec<(String, String)> {
    let Some(span) = finding.span.clone() else {
        return Vec::new();
    };
    let bom = doc.bom();
    let mut found = Vec::new();
    // A finding is about the text it was found in; one about another text fixes nothing.
    let Some(old) = doc.parsed.source().get(span.clone()) else {
        return Vec::new();
    };
    if let Some(replacement) = &finding.replacement {
        let mut text = doc.text.clone();
        text.replace_range(span.start + bom..span.end + bom, replacement);
        let title = if finding.check == CheckId::ObsoleteMessage {
            format!("Rename `{old}` to `{replacement}`, which the reference has")
        } else {
            format!("Replace `{old}` with `{replacement}`")
        };
        found.push((title, text));
    }
    match finding.check {
        CheckId::MissingPluralCategory => {
            let categories = parse_tag(locale).ok().and_then(|t| plural_categories(&t));
            if let Some(text) =
                categories.and_then(|c| add_plural_variants(&doc.text, span.start, &c))
            {
                found.push(("Add the missing plural variants".to_string(), text));
            }
        }
        CheckId::ObsoleteMessage => {
            if let Some(id) = finding.entry.as_deref() {
                if let Some(text) = remove_entry(&doc.text, id) {
                    found.push((
                        format!("Remove `{id}`, which the reference no longer has"),
                        text,
                    ));
                }
            }
        }
        _ => {}
    }
    found
}

/// The document brought in line with its reference file (the open one's text, if open).
fn synced(context: &Context<'_>, doc: &Document) -> Option<String> {
    let file = doc.file.as_ref()?;
    let reference = context.workspace.reference();
    let prefix = file
        .path
        .strip_suffix(&format!("{}/{}", file.locale, file.rel))?;
    let ref_text = context
        .workspace
        .text_of(&format!("{prefix}{reference}/{}", file.rel))?;
    sync_text(&ref_text, Some(&doc.text), Prune::Keep)
        .ok()
        .map(|s| s.text)
}

pub(crate) fn format(
    context: &Context<'_>,
    params: &DocumentFormattingParams,
) -> Option<Vec<TextEdit>> {
    let doc = context.document(&params.text_document.uri)?;
    let formatted = format_text(&doc.text).ok()?;
    let lines = Lines::new(&doc.text, context.encoding);
    Some(text_edits(&lines, &doc.text, &formatted))
}

// lsp-types keys a workspace edit's changes by `Uri`, whose parsed form caches in a `Cell`;
// the key is never changed while in the map.
#[allow(clippy::mutable_key_type)]
fn edit_to(uri: &Uri, lines: &Lines<'_>, old: &str, new: &str) -> WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), text_edits(lines, old, new));
    WorkspaceEdit::new(changes)
}

/// The edits that turn `old` into `new`: one per run of changed lines.
fn text_edits(lines: &Lines<'_>, old: &str, new: &str) -> Vec<TextEdit> {
    let diff = similar::TextDiff::from_lines(old, new);
    let old_starts = line_starts(old);
    let new_starts = line_starts(new);
    let mut edits = Vec::new();
    for op in diff.ops() {
        if matches!(op, similar::DiffOp::Equal { .. }) {
            continue;
        }
        let old_range = byte_range(&old_starts, op.old_range());
        let new_range = byte_range(&new_starts, op.new_range());
        edits.push(TextEdit::new(
            lines.range(&old_range),
            new[new_range].to_string(),
        ));
    }
    edits
}

/// Where each line of `text` starts, and its end.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    if *starts.last().unwrap_or(&0) != text.len() {
        starts.push(text.len());
    }
    starts
}

fn byte_range(starts: &[usize], lines: Range<usize>) -> Range<usize> {
    let at = |i: usize| {
        starts
            .get(i)
            .copied()
            .unwrap_or(*starts.last().unwrap_or(&0))
    };
    at(lines.start)..at(lines.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::position::Encoding;

    fn apply(old: &str, edits: &[TextEdit]) -> String {
        let lines = Lines::new(old, Encoding::Utf16);
        let mut text = old.to_string();
        // Edits do not overlap: applied from the last, the earlier ranges stay right.
        let mut spans: Vec<(Range<usize>, &str)> = edits
            .iter()
            .map(|e| {
                (
                    lines.offset(e.range.start)..lines.offset(e.range.end),
                    e.new_text.as_str(),
                )
            })
            .collect();
        spans.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (range, new) in spans {
            text.replace_range(range, new);
        }
        text
    }

    #[test]
    fn the_edits_turn_the_old_text_into_the_new() {
        for (old, new) in [
            ("a\nb\nc\n", "a\nB\nc\nd\n"),
            ("a\nb", "a\nb\n"),
            ("x = 😂\ny\n", "y\n"),
            ("", "new\n"),
            ("gone\n", ""),
        ] {
            let lines = Lines::new(old, Encoding::Utf16);
            let edits = text_edits(&lines, old, new);
            assert_eq!(apply(old, &edits), new, "{old:?} → {new:?}");
        }
    }
}
