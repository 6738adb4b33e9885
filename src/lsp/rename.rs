//! Renaming from the editor. `textDocument/prepareRename` says which name is under the
//! cursor; `textDocument/rename` plans it with `folio rename`'s engine — in every locale, the
//! content files and the records, reading the open documents' unsaved text — and answers the
//! change of each file as text edits, for the editor to make.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, Uri, WorkspaceEdit,
};

use crate::edit::rename::{
    FileChange, Name, Unsaved, plan_rename_unsaved, plan_variable_rename_unsaved,
};
use crate::lsp::Context;
use crate::lsp::cursor::Target;
use crate::lsp::position::Lines;

pub(crate) fn prepare(
    context: &Context<'_>,
    params: &TextDocumentPositionParams,
) -> Option<PrepareRenameResponse> {
    let (doc, _, found) = context.id_at(params)?;
    if matches!(found.target, Target::Function(_)) {
        return None;
    }
    let bom = doc.bom();
    let range = Lines::new(&doc.text, context.encoding)
        .range(&(found.span.start + bom..found.span.end + bom));
    let placeholder = doc.parsed.source()[found.span.clone()].to_string();
    Some(PrepareRenameResponse::RangeWithPlaceholder { range, placeholder })
}

/// The edits renaming the name under the cursor to `params.new_name` makes; an error (the
/// engine's refusal, shown by the editor) when it cannot be renamed.
// lsp-types keys a workspace edit's changes by `Uri` (see `actions::edit_to`).
#[allow(clippy::mutable_key_type)]
pub(crate) fn rename(
    context: &Context<'_>,
    params: &RenameParams,
) -> Result<Option<WorkspaceEdit>, String> {
    let Some((_, _, found)) = context.id_at(&params.text_document_position) else {
        return Ok(None);
    };
    let workspace = context.workspace;
    let unsaved: Unsaved = workspace
        .documents
        .values()
        .filter_map(|d| Some((workspace.root.join(&d.file.as_ref()?.path), d.text.clone())))
        .collect();
    let typed = params.new_name.trim();
    let plan = match &found.target {
        Target::Function(_) => {
            return Err("a function's name is Fluent's, not the project's".into());
        }
        Target::Variable { entry, name } => {
            let entry = Name::parse(entry).map_err(|e| e.to_string())?;
            let new = typed.trim_start_matches('$');
            plan_variable_rename_unsaved(&workspace.project, &entry, name, new, &unsaved)
        }
        Target::Message { id, attribute } | Target::Term { id, attribute } => {
            let (old, new) = match attribute {
                Some(attribute) => (
                    format!("{id}.{attribute}"),
                    format!("{id}.{}", typed.trim_start_matches('.')),
                ),
                // A term keeps its `-` whether or not the new name is typed with it.
                None if id.starts_with('-') => {
                    (id.clone(), format!("-{}", typed.trim_start_matches('-')))
                }
                None => (id.clone(), typed.to_string()),
            };
            let pair = (
                Name::parse(&old).map_err(|e| e.to_string())?,
                Name::parse(&new).map_err(|e| e.to_string())?,
            );
            plan_rename_unsaved(&workspace.project, &[pair], &unsaved)
        }
    }
    .map_err(|e| e.to_string())?;
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for file in &plan.files {
        let Some(uri) = workspace.uri_of_disk(Path::new(&file.path)) else {
            continue;
        };
        changes.insert(uri, text_edits(file, context));
    }
    Ok(Some(WorkspaceEdit::new(changes)))
}

/// The edits that make `file.before` into `file.after`: each run of characters that differs.
fn text_edits(file: &FileChange, context: &Context<'_>) -> Vec<TextEdit> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .diff_chars(&file.before, &file.after);
    let lines = Lines::new(&file.before, context.encoding);
    let old_at = byte_offsets(diff.old_slices());
    let new_at = byte_offsets(diff.new_slices());
    diff.ops()
        .iter()
        .filter(|op| !matches!(op, similar::DiffOp::Equal { .. }))
        .map(|op| {
            let (old, new) = (op.old_range(), op.new_range());
            TextEdit::new(
                lines.range(&(old_at[old.start]..old_at[old.end])),
                file.after[new_at[new.start]..new_at[new.end]].to_string(),
            )
        })
        .collect()
}

/// Where each token starts, in bytes, and where the last ends.
fn byte_offsets(tokens: &[&str]) -> Vec<usize> {
    let mut at = Vec::with_capacity(tokens.len() + 1);
    let mut offset = 0;
    at.push(0);
    for token in tokens {
        offset += token.len();
        at.push(offset);
    }
    at
}
