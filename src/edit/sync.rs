//! `folio new` and `folio sync`, the text: a locale file brought in line with the
//! reference's, as gettext's `msgmerge` does for PO files. Nothing here reads or writes a file
//! (`plan.rs` plans a whole project, `stage.rs` writes the plan).
//!
//! An entry the locale lacks is added at the reference's position as a copy of the
//! reference's, comment included, marked with a `# folio: untranslated` line: the page shows
//! the reference's text (as it would by falling back), `folio check` reports the entry as
//! `untranslated` (not as missing) and counts it out of the coverage until someone translates
//! it and deletes the line. Nothing already in the locale's file changes: its entries, comments
//! and blank lines keep their bytes, and entries the reference no longer has are only reported,
//! unless pruning moves them into a marked section at the end or deletes them.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use fluent_syntax::ast;
use fluent_syntax::parser::parse;

use crate::edit::layout::{Kind, Located, Style, locate, without_bom};
use crate::edit::patch::{Edit, apply};
use crate::edit::record::parts;
use crate::edit::{FileError, lf_text};
use crate::ftl::canonical::{canonical, fingerprint};
use crate::ftl::{entry_id, ignored_names, private_terms_in_use};
use crate::line_index::LineIndex;

pub use crate::ftl::{OBSOLETE, UNTRANSLATED, is_untranslated};

/// The line `folio new` and `folio sync` put above each entry they copy.
const MARK_LINE: &str = "# folio: untranslated\n";

/// The group comment above the entries pruning moved out of the way.
const OBSOLETE_SECTION: &str = "## folio: obsolete — these entries are no longer in the reference. \
`folio sync --prune` moved them here;\n## delete them when nobody needs them (`folio sync --prune=delete`).\n";

/// What to do with entries the reference no longer has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Prune {
    /// Leave them where they are (and report them).
    #[default]
    Keep,
    /// Move them into a section at the end of the file, under a `## folio: obsolete` comment.
    Move,
    /// Delete them, their comments with them.
    Delete,
}

/// An entry of a locale that the reference does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Obsolete {
    /// The message's or term's id.
    pub id: String,
    /// Its line in the file as it was.
    pub line: usize,
}

/// A locale file's new text, and what changed.
#[derive(Debug, PartialEq, Eq)]
pub struct Synced {
    /// The file's new text.
    pub text: String,
    /// The ids added.
    pub added: Vec<String>,
    /// The entries the reference does not have.
    pub obsolete: Vec<Obsolete>,
    /// How many of those were moved or deleted.
    pub pruned: usize,
    /// The ids of copies of the reference, never translated, brought up to its new text.
    pub refreshed: Vec<String>,
}

/// What a locale's record says of its copies of the reference: each value's or attribute's
/// key (`id`, `id.attribute`) whose translation was the reference's own text when recorded,
/// with that text's fingerprint (see `crate::record`).
pub(crate) type Copies = HashMap<String, String>;

/// Brings `locale` (a file's text; `None` for a file to create) in line with `reference`
/// (the reference's file).
///
/// # Example
/// ```
/// use folio::edit::sync::{Prune, sync_text};
///
/// let reference = "title = Hello\nintro = Welcome!\n";
/// let synced = sync_text(reference, Some("title = Hallo\n"), Prune::Keep)?;
/// assert_eq!(synced.text, "title = Hallo\n\n# folio: untranslated\nintro = Welcome!\n");
/// assert_eq!(synced.added, ["intro"]);
/// # Ok::<(), folio::edit::FileError>(())
/// ```
///
/// # Errors
/// When either text has a syntax error: nothing can be placed safely in a file the parser
/// cannot read.
pub fn sync_text(
    reference: &str,
    locale: Option<&str>,
    prune: Prune,
) -> std::result::Result<Synced, FileError> {
    Reference::new(reference)?.sync(locale, prune, &HashSet::new(), &Copies::new())
}

/// A reference file, parsed once for every locale it is synced into.
pub(crate) struct Reference {
    /// Its text, with `\n` line endings and no byte order mark.
    text: String,
    entries: Vec<Located>,
    /// The canonical text of each value and attribute, by `id` or `id.attribute` (see
    /// `ftl::canonical`), for the record of what each translation was made from.
    parts: Vec<(String, String)>,
}

impl Reference {
    pub(crate) fn new(text: &str) -> std::result::Result<Reference, FileError> {
        let text = lf_text(text)?.into_owned();
        // Its entries are copied with a line ending after them: a bare CR that ends the file
        // would merge into it.
        if text.ends_with('\r') {
            return Err(FileError::carriage_return(&text, text.len() - 1));
        }
        let resource = parse(text.as_str()).map_err(|(_, e)| FileError::syntax(&text, &e))?;
        let entries = locate(&text, &resource);
        let parts = crate::edit::record::parts(&text, &resource, canonical);
        drop(resource);
        Ok(Reference {
            text,
            entries,
            parts,
        })
    }

    /// The canonical text of each of its values and attributes, by `id` or `id.attribute`.
    pub(crate) fn parts(&self) -> &[(String, String)] {
        &self.parts
    }

    /// The ids of its messages and terms (a term's with its `-`).
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter_map(|e| e.id.as_deref())
    }

    /// Brings `locale` (`None`: a file to create) in line with this reference. The terms in
    /// `in_use` (names without `-`), which the locale defines for itself and uses in other
    /// files, are not obsolete; those this file uses are found here. An entry still marked
    /// untranslated whose text is the copy the locale's record holds (`copies`), untouched,
    /// follows the reference's change.
    pub(crate) fn sync(
        &self,
        locale: Option<&str>,
        prune: Prune,
        in_use: &HashSet<String>,
        copies: &Copies,
    ) -> std::result::Result<Synced, FileError> {
        sync_file(self, locale, prune, in_use, copies)
    }
}

fn sync_file(
    parsed: &Reference,
    locale: Option<&str>,
    prune: Prune,
    in_use: &HashSet<String>,
    copies: &Copies,
) -> std::result::Result<Synced, FileError> {
    let (reference, ref_entries) = (parsed.text.as_str(), parsed.entries.as_slice());
    // A file to create, or one with nothing in it yet (blank lines only, as Fluent counts
    // blank: spaces and line endings, not tabs), is the reference's, marked; unless the
    // reference has nothing to give it, when the file stays as it is, byte for byte.
    let blank = |text: &str| {
        without_bom(text)
            .bytes()
            .all(|b| matches!(b, b' ' | b'\n' | b'\r'))
    };
    let Some(locale) = locale.filter(|text| !blank(text)) else {
        let created = new_file(reference, ref_entries);
        return Ok(match locale {
            Some(text) if created.added.is_empty() => Synced {
                text: text.to_string(),
                ..created
            },
            _ => created,
        });
    };

    let style = Style::of(locale);
    let body = without_bom(locale);
    let bom = &locale[..locale.len() - body.len()];
    // Work on a text that ends with a line ending; a missing one is missing again at the end.
    let mut text = body.to_string();
    if !style.final_newline {
        text.push_str(style.newline());
    }
    let resource = parse(text.as_str()).map_err(|(_, e)| FileError::syntax(&text, &e))?;
    let entries = locate(&text, &resource);
    let mut edits = Vec::new();
    let added = add_missing(reference, ref_entries, &text, &entries, &mut edits);
    let refreshed = refresh_copies(parsed, &text, &resource, &entries, copies, &mut edits);
    let mut not_obsolete: HashSet<&str> =
        ref_entries.iter().filter_map(|e| e.id.as_deref()).collect();
    // The locale's own terms that its entries use, here or in other files, are its grammar.
    let used_here = private_terms_in_use(&resource.body, |id| not_obsolete.contains(id));
    let used_here: Vec<String> = used_here.into_iter().map(|t| format!("-{t}")).collect();
    let used_elsewhere: Vec<String> = in_use.iter().map(|t| format!("-{t}")).collect();
    not_obsolete.extend(used_here.iter().chain(&used_elsewhere).map(String::as_str));
    // Moved entries are rewritten with `\n` line endings: a stray CR before one would merge
    // into it (`y =\r\r\n` would lose its value).
    if prune == Prune::Move
        && let Some(offset) = text.find("\r\r\n")
    {
        return Err(FileError::carriage_return(&text, offset));
    }
    let (obsolete, pruned) = prune_obsolete(&text, &entries, &not_obsolete, prune, &mut edits);
    if edits.is_empty() {
        // Nothing to add or prune: the file stays byte for byte as it was (a final bare CR,
        // a missing final newline and all).
        return Ok(Synced {
            text: locale.to_string(),
            added,
            obsolete,
            pruned,
            refreshed,
        });
    }

    // Deleting the last entries leaves the blank lines that came before them: one line ending
    // closes the file, as before.
    // (Blank lines after them, spaces only, count as the end: left alone, a last line of
    // spaces without a line ending would no longer parse.)
    let content_end = without_blank_end(&text).len();
    let deleted_the_end = edits
        .iter()
        .any(|e| e.with.is_empty() && e.range.end >= content_end);
    // A file ending in a bare CR: the line ending added above made it a CRLF, and the CR
    // would be lost (or merged) when it is taken off again.
    if !style.final_newline && body.ends_with('\r') {
        return Err(FileError::carriage_return(body, body.len() - 1));
    }
    let mut out = apply(&text, edits, style);
    if deleted_the_end {
        let kept = without_blank_end(&out).len();
        out.truncate(kept);
        out.push_str(style.newline());
    }
    if !style.final_newline {
        let trimmed = without_line_ends(&out).len();
        out.truncate(trimmed);
    }
    Ok(Synced {
        text: format!("{bom}{out}"),
        added,
        obsolete,
        pruned,
        refreshed,
    })
}

/// `text` without the blank lines (spaces and line endings, as Fluent counts blank) it ends
/// with; a bare CR stays.
fn without_blank_end(text: &str) -> &str {
    let mut end = text.len();
    loop {
        let kept = &text[..end];
        let line_start = kept.rfind('\n').map_or(0, |i| i + 1);
        let last_line = &kept[line_start..];
        if last_line.is_empty() && end > 0 {
            // A line ending: `\r\n` or `\n`.
            end -= if kept.ends_with("\r\n") { 2 } else { 1 };
        } else if !last_line.is_empty() && last_line.bytes().all(|b| b == b' ') {
            end = line_start;
        } else {
            return kept;
        }
    }
}

/// `text` without the line endings (`\n`, `\r\n`) it ends with; a bare CR before them stays.
fn without_line_ends(mut text: &str) -> &str {
    while let Some(rest) = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
    {
        text = rest;
    }
    text
}

/// Plans adding the reference's entries that the locale lacks: each goes after the last entry
/// before it (in the reference's order) that the locale has, or before the locale's first
/// entry when none does. Returns their ids.
fn add_missing(
    reference: &str,
    ref_entries: &[Located],
    text: &str,
    entries: &[Located],
    edits: &mut Vec<Edit>,
) -> Vec<String> {
    let present: HashMap<&str, &Located> = entries
        .iter()
        .filter_map(|e| Some((e.id.as_deref()?, e)))
        .collect();
    let first_entry = entries.iter().find(|e| e.is_entry()).map(|e| e.span.start);
    let mut added = Vec::new();
    let mut anchor: Option<usize> = None;
    let mut seen = HashSet::new();
    for entry in ref_entries.iter().filter(|e| e.is_entry()) {
        let id = entry.id.as_deref().unwrap_or_default();
        if !seen.insert(id) {
            continue;
        }
        if let Some(found) = present.get(id) {
            anchor = Some(found.span.end);
            continue;
        }
        let copy = marked(reference, entry);
        edits.push(match (anchor, first_entry) {
            (Some(at), _) => Edit::insert(at, format!("\n{copy}")),
            (None, Some(at)) => Edit::insert(at, format!("{copy}\n")),
            (None, None) => Edit::insert(text.len(), format!("\n{copy}")),
        });
        added.push(id.to_string());
    }
    added
}

/// Plans bringing each untouched copy of the reference up to its text: an entry still
/// marked untranslated, the reference has, whose every value and attribute is the copy the
/// record holds (`copies`, by fingerprint) and differs now from the reference's. A copy a
/// translator edited (its text is not the recorded one) is left as it is. Returns their ids.
fn refresh_copies(
    reference: &Reference,
    text: &str,
    resource: &ast::Resource<&str>,
    entries: &[Located],
    copies: &Copies,
    edits: &mut Vec<Edit>,
) -> Vec<String> {
    let mut refreshed = Vec::new();
    if copies.is_empty() {
        return refreshed;
    }
    let by_id: HashMap<&str, &Located> = reference
        .entries
        .iter()
        .filter(|e| e.is_entry())
        .filter_map(|e| Some((e.id.as_deref()?, e)))
        .collect();
    // The marked entries that are not the reference's text as it is now (most copies are:
    // found by comparing bytes, nothing parsed), with the copy they would become.
    let stale: HashMap<&str, (&Located, String)> = entries
        .iter()
        .filter(|e| e.is_entry() && is_untranslated(&e.comment))
        .filter_map(|e| {
            let id = e.id.as_deref()?;
            let copy = marked(&reference.text, by_id.get(id)?);
            let same = text[e.span.clone()].trim_end_matches('\n') == copy.trim_end_matches('\n');
            (!same).then_some((id, (e, copy)))
        })
        .collect();
    if stale.is_empty() {
        return refreshed;
    }
    // Their values' and attributes' fingerprints (`id`, `id.attr`), here and in the
    // reference, by entry and sorted.
    let id_of = |key: &str| key.split_once('.').map_or(key, |(id, _)| id).to_string();
    let stale_body = ast::Resource {
        body: resource
            .body
            .iter()
            .filter(|entry| entry_id(entry, text).is_some_and(|id| stale.contains_key(id)))
            .cloned()
            .collect(),
    };
    let mut now: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for (key, canonical_text) in parts(text, &stale_body, canonical) {
        now.entry(id_of(&key))
            .or_default()
            .push((key, fingerprint(&canonical_text)));
    }
    let mut then: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for (key, canonical_text) in &reference.parts {
        let id = id_of(key);
        if stale.contains_key(id.as_str()) {
            then.entry(id)
                .or_default()
                .push((key.clone(), fingerprint(canonical_text)));
        }
    }
    for keys in now.values_mut().chain(then.values_mut()) {
        keys.sort();
    }
    for entry in entries {
        let Some((id, (_, copy))) = entry
            .id
            .as_deref()
            .and_then(|id| stale.get_key_value(id))
            .filter(|(_, (e, _))| std::ptr::eq(*e, entry))
        else {
            continue;
        };
        let Some(own) = now.get(*id) else {
            continue;
        };
        let untouched = own.iter().all(|(k, f)| copies.get(k) == Some(f));
        if untouched && Some(own) != then.get(*id) {
            edits.push(Edit::replace(entry.span.clone(), copy.clone()));
            refreshed.push((*id).to_string());
        }
    }
    refreshed
}

/// Finds the entries the reference does not have and plans pruning them as asked (those
/// below the obsolete section are moved already). Returns them and how many are pruned.
fn prune_obsolete(
    text: &str,
    entries: &[Located],
    in_reference: &HashSet<&str>,
    prune: Prune,
    edits: &mut Vec<Edit>,
) -> (Vec<Obsolete>, usize) {
    let section = entries.iter().position(is_obsolete_section);
    let lines = LineIndex::new(text);
    let mut obsolete = Vec::new();
    let mut to_prune = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let Some(id) = entry.id.as_deref() else {
            continue;
        };
        if in_reference.contains(id) {
            continue;
        }
        obsolete.push(Obsolete {
            id: id.to_string(),
            line: lines.location(text, entry.id_line).line,
        });
        let moved_already = section.is_some_and(|s| i > s);
        if prune == Prune::Delete || (prune == Prune::Move && !moved_already) {
            to_prune.push(i);
        }
    }
    if to_prune.is_empty() {
        return (obsolete, 0);
    }
    let mut moved = String::new();
    for &i in &to_prune {
        if prune == Prune::Move {
            moved.push('\n');
            // Inserted text is written with `\n`, turned into the file's line endings later.
            moved.push_str(&text[entries[i].span.clone()].replace("\r\n", "\n"));
        }
        edits.push(Edit::delete(with_blank_lines(text, entries, i)));
    }
    match (prune, section) {
        (Prune::Move, None) => {
            let separator = if text.trim().is_empty() { "" } else { "\n" };
            edits.push(Edit::insert(
                text.len(),
                format!("{separator}{OBSOLETE_SECTION}{moved}"),
            ));
        }
        (Prune::Move, Some(s)) => edits.push(Edit::insert(entries[s].span.end, moved)),
        (Prune::Delete, Some(s)) => {
            // The section goes too once nothing is left under it.
            let emptied = (s + 1..entries.len())
                .take_while(|&i| entries[i].kind != Kind::GroupComment)
                .all(|i| to_prune.contains(&i) || !entries[i].is_entry());
            if emptied {
                edits.push(Edit::delete(with_blank_lines(text, entries, s)));
            }
        }
        (Prune::Delete | Prune::Keep, None) | (Prune::Keep, Some(_)) => {}
    }
    (obsolete, to_prune.len())
}

/// A new file: the reference's text, every entry marked.
fn new_file(reference: &str, entries: &[Located]) -> Synced {
    let mut text = String::with_capacity(reference.len() + entries.len() * 24);
    let mut at = 0;
    let mut added = Vec::new();
    for entry in entries.iter().filter(|e| e.is_entry()) {
        added.push(entry.id.clone().unwrap_or_default());
        if stays_as_it_is(reference, entry) {
            continue;
        }
        text.push_str(&reference[at..entry.id_line]);
        text.push_str(MARK_LINE);
        at = entry.id_line;
    }
    text.push_str(&reference[at..]);
    Synced {
        text,
        added,
        obsolete: Vec::new(),
        pruned: 0,
        refreshed: Vec::new(),
    }
}

/// Whether the reference's `entry` is not to be translated: its comment says
/// `# folio-ignore: untranslated` (or `all`). It is copied as it is, without the untranslated
/// mark, and counts as done.
fn stays_as_it_is(reference: &str, entry: &Located) -> bool {
    ignored_names(reference, entry.id_line).any(|name| name == "untranslated" || name == "all")
}

/// The reference's `entry`, comment included, with the untranslated mark above its id unless
/// it is not to be translated.
fn marked(reference: &str, entry: &Located) -> String {
    let mut copy = String::with_capacity(entry.span.len() + 24);
    copy.push_str(&reference[entry.span.start..entry.id_line]);
    if !stays_as_it_is(reference, entry) {
        copy.push_str(MARK_LINE);
    }
    copy.push_str(&reference[entry.id_line..entry.span.end]);
    if !copy.ends_with('\n') {
        copy.push('\n');
    }
    copy
}

fn is_obsolete_section(entry: &Located) -> bool {
    entry.kind == Kind::GroupComment
        && entry
            .comment
            .first()
            .is_some_and(|l| l.starts_with(OBSOLETE))
}

/// The span of entry `i` with the blank lines that separate it from its neighbours: those
/// before it (those after it, for the first entry), so that removing it leaves no gap.
fn with_blank_lines(text: &str, entries: &[Located], i: usize) -> Range<usize> {
    if let Some(before) = i.checked_sub(1) {
        entries[before].span.end..entries[i].span.end
    } else {
        let end = entries.get(1).map_or(text.len(), |next| next.span.start);
        entries[i].span.start..end
    }
}

#[cfg(test)]
mod tests;
