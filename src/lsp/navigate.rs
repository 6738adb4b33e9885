//! Going to a definition, listing references, and the document's symbols.
//!
//! From a reference (`{ other }`, `{ -brand }`) the definition is the locale's own entry; from
//! a translation's own id it is the reference locale's entry (a translator's way to the text
//! they translate), and from a variable the reference entry's use of it.

use std::sync::Arc;

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, Location, ReferenceParams, SymbolKind,
};

use crate::catalog::ParsedFile;
use crate::lsp::Context;
use crate::lsp::cursor::{self, Target, Use};
use crate::lsp::position::Lines;

pub(crate) fn definition(
    context: &Context<'_>,
    params: &GotoDefinitionParams,
) -> Option<GotoDefinitionResponse> {
    let (_, file, found) = context.id_at(&params.text_document_position_params)?;
    let workspace = context.workspace;
    let reference = workspace.reference();
    let own = workspace.locale_files(&file.locale);
    let ref_files = workspace.locale_files(&reference);
    let is_target = |u: &Use| match (&found.target, &u.target) {
        (Target::Variable { entry, name }, Target::Variable { entry: e, name: n }) => {
            e == entry && n == name
        }
        (Target::Variable { .. }, _) => false,
        (wanted, target) => u.definition && wanted == target,
    };
    let search: Vec<&Arc<ParsedFile>> = match &found.target {
        // A variable is defined by the code that passes it: the reference shows it.
        Target::Variable { .. } => ref_files.iter().collect(),
        Target::Function(_) => return None,
        // From its own definition, to the reference's; from a use, to this locale's, or the
        // reference's when this locale lacks it.
        _ if found.definition => ref_files.iter().collect(),
        _ => own.iter().chain(ref_files.iter()).collect(),
    };
    search.into_iter().find_map(|f| {
        let u = cursor::uses(f).into_iter().find(|u| is_target(u))?;
        let location = context.location(&f.path, &u.span)?;
        Some(GotoDefinitionResponse::Scalar(location))
    })
}

pub(crate) fn references(context: &Context<'_>, params: &ReferenceParams) -> Option<Vec<Location>> {
    let (_, file, found) = context.id_at(&params.text_document_position)?;
    let id = found.target.entry_id()?.to_string();
    let attribute = found.target.attribute().map(str::to_string);
    let mut locations = Vec::new();
    for f in context.workspace.locale_files(&file.locale) {
        for u in cursor::uses(&f) {
            let same = u.target.entry_id() == Some(id.as_str())
                && (attribute.is_none() || u.target.attribute() == attribute.as_deref());
            // An attribute's definition line holds the entry's id too: one location each.
            let own_attribute =
                u.definition && attribute.is_none() && u.target.attribute().is_some();
            if same && !own_attribute && (params.context.include_declaration || !u.definition) {
                locations.extend(context.location(&f.path, &u.span));
            }
        }
    }
    Some(locations)
}

pub(crate) fn symbols(
    context: &Context<'_>,
    params: &DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    let doc = context.document(&params.text_document.uri)?;
    let lines = Lines::new(&doc.text, context.encoding);
    let bom = doc.bom();
    let range = |span: &std::ops::Range<usize>| lines.range(&(span.start + bom..span.end + bom));
    let attributes: Vec<Use> = cursor::uses(&doc.parsed)
        .into_iter()
        .filter(|u| u.definition && u.target.attribute().is_some())
        .collect();
    #[allow(deprecated)] // `deprecated` is a field LSP keeps for old clients
    let symbols = cursor::entries(&doc.parsed)
        .into_iter()
        .map(|(id, id_span, whole)| {
            let children: Vec<DocumentSymbol> = attributes
                .iter()
                .filter(|a| a.within == id)
                .map(|a| DocumentSymbol {
                    name: format!(".{}", a.target.attribute().unwrap_or_default()),
                    detail: None,
                    kind: SymbolKind::FIELD,
                    tags: None,
                    deprecated: None,
                    range: range(&a.span),
                    selection_range: range(&a.span),
                    children: None,
                })
                .collect();
            DocumentSymbol {
                kind: if id.starts_with('-') {
                    SymbolKind::CONSTANT
                } else {
                    SymbolKind::STRING
                },
                name: id,
                detail: None,
                tags: None,
                deprecated: None,
                range: range(&whole),
                selection_range: range(&id_span),
                children: (!children.is_empty()).then_some(children),
            }
        })
        .collect();
    Some(DocumentSymbolResponse::Nested(symbols))
}

impl Context<'_> {
    /// Where bytes `span` of the file at `path` (from the project's root; counted without
    /// its byte order mark) are, for the client.
    pub(crate) fn location(&self, path: &str, span: &std::ops::Range<usize>) -> Option<Location> {
        let text = self.workspace.text_of(path)?;
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let lines = Lines::new(&text, self.encoding);
        Some(Location::new(
            self.workspace.uri_of(path)?,
            lines.range(&(span.start + bom..span.end + bom)),
        ))
    }
}
