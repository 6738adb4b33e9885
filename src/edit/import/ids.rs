//! Which message id each piece of imported text gets. A fresh import names each message by
//! its section and position (`<slug>-aftercare-p2`); a re-import keeps the ids the article
//! has: unchanged text keeps its id wherever it moved, edited text keeps the id of the block
//! it replaces (same kind: the most similar text, else the same place in its section; a
//! reworded heading, the heading in its place), and new text gets an id no message has.

use std::collections::{HashMap, HashSet};

use fluent_syntax::ast;

use crate::ftl::canonical::canonical;

/// One message to write: a block's text, or an image's alternative text and caption.
#[derive(Clone, Debug)]
pub(super) struct Unit {
    /// The id a fresh import gives it.
    pub proposed: String,
    /// What it fills (`p`, `heading`, `item`, …); `None` for ids that say what they are and
    /// are kept as proposed (`-title`, `-description`, `-tag-…`, `-fn-…`, `-hero`).
    pub kind: Option<&'static str>,
    pub value: Option<String>,
    pub attributes: Vec<(&'static str, String)>,
    /// Each link's name and URL, for the translators' comment.
    pub links: Vec<(String, String)>,
    /// A section starts here: its heading's text, for a `##` comment.
    pub group: Option<String>,
    /// The image it describes, for the translators' comment.
    pub image: Option<String>,
    /// The id given.
    pub id: String,
}

/// How re-importing changed the messages, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// New messages.
    pub added: Vec<String>,
    /// Messages whose text changed.
    pub changed: Vec<String>,
    /// Messages the article no longer has.
    pub removed: Vec<String>,
    /// Messages left as they were.
    pub kept: Vec<String>,
}

/// The messages the article had: each id the content file named, with what it filled, and
/// the text of every message of the reference file.
#[derive(Default)]
pub(super) struct Previous {
    /// In the content file's order.
    pub filled: Vec<(String, Option<&'static str>)>,
    /// Each message's comparable text.
    pub texts: HashMap<String, String>,
}

/// A message's value and attributes as one comparable text.
pub(super) fn message_key(message: &ast::Message<&str>) -> String {
    let mut key = message.value.as_ref().map(canonical).unwrap_or_default();
    for attribute in &message.attributes {
        key.push_str("\n.");
        key.push_str(attribute.id.name);
        key.push('=');
        key.push_str(&canonical(&attribute.value));
    }
    key
}

/// Gives every unit its id, keeping `previous` ones; `keys` are the units' comparable texts.
pub(super) fn assign(units: &mut [Unit], keys: &[String], previous: &Previous) -> Changes {
    let mut taken: HashSet<String> = previous.texts.keys().cloned().collect();
    let mut given: Vec<Option<String>> = vec![None; units.len()];
    let mut used: HashSet<String> = HashSet::new();
    let old_kind: HashMap<&str, Option<&'static str>> = previous
        .filled
        .iter()
        .map(|(id, kind)| (id.as_str(), *kind))
        .collect();
    let free = |id: &str, kind: Option<&'static str>, used: &HashSet<String>| {
        !used.contains(id) && old_kind.get(id).is_some_and(|k| *k == kind)
    };
    // The previous ids of each text and kind, in the content file's order: a moved block is
    // found by its text at once, however long the article.
    let mut by_text: HashMap<(&str, Option<&'static str>), Vec<&str>> = HashMap::new();
    for (id, kind) in &previous.filled {
        if let Some(text) = previous.texts.get(id) {
            by_text.entry((text.as_str(), *kind)).or_default().push(id);
        }
    }
    // Fixed ids first: they say what they are.
    for (i, unit) in units.iter().enumerate() {
        if unit.kind.is_none() {
            given[i] = Some(unit.proposed.clone());
            used.insert(unit.proposed.clone());
        }
    }
    // Unchanged text keeps its id, wherever it moved; the proposed id first when it fits.
    for (i, unit) in units.iter().enumerate() {
        if given[i].is_some() {
            continue;
        }
        let same = |id: &str| previous.texts.get(id) == Some(&keys[i]);
        let found = if free(&unit.proposed, unit.kind, &used) && same(&unit.proposed) {
            Some(unit.proposed.clone())
        } else {
            by_text
                .get(&(keys[i].as_str(), unit.kind))
                .and_then(|ids| ids.iter().find(|id| !used.contains(**id)))
                .map(|id| (*id).to_string())
        };
        if let Some(id) = found {
            used.insert(id.clone());
            given[i] = Some(id);
        }
    }
    // Edited text keeps the id of the most similar block of its kind left, the closest pairs
    // first: a paragraph edited after one was deleted or inserted before it is still found.
    match_similar(units, keys, previous, &mut given, &mut used);
    // Or, rewritten, the id of the block in its place.
    for (i, unit) in units.iter().enumerate() {
        if given[i].is_none() && free(&unit.proposed, unit.kind, &used) {
            used.insert(unit.proposed.clone());
            given[i] = Some(unit.proposed.clone());
        }
    }
    // A heading's id comes from its words: one reworded keeps the id of the heading left in
    // its place among the headings.
    let old_headings: Vec<&String> = previous
        .filled
        .iter()
        .filter(|(id, kind)| *kind == Some("heading") && !used.contains(id))
        .map(|(id, _)| id)
        .collect();
    let new_headings: Vec<usize> = (0..units.len())
        .filter(|&i| given[i].is_none() && units[i].kind == Some("heading"))
        .collect();
    for (i, id) in new_headings.into_iter().zip(old_headings) {
        used.insert(id.clone());
        given[i] = Some(id.clone());
    }
    // New text gets an id nobody has.
    taken.extend(used.iter().cloned());
    for (i, unit) in units.iter().enumerate() {
        if given[i].is_some() {
            continue;
        }
        let mut id = unit.proposed.clone();
        let mut n = 2;
        // Every fixed id is taken already (it is used).
        while taken.contains(&id) {
            id = format!("{}-{n}", unit.proposed);
            n += 1;
        }
        taken.insert(id.clone());
        given[i] = Some(id);
    }
    let mut changes = Changes::default();
    for (i, unit) in units.iter_mut().enumerate() {
        unit.id = given[i].take().expect("every unit has an id");
        match previous.texts.get(&unit.id) {
            None => changes.added.push(unit.id.clone()),
            Some(old) if *old == keys[i] => changes.kept.push(unit.id.clone()),
            Some(_) => changes.changed.push(unit.id.clone()),
        }
    }
    let now: HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    for (id, _) in &previous.filled {
        if !now.contains(id.as_str()) && !changes.removed.contains(id) {
            changes.removed.push(id.clone());
        }
    }
    changes
}

/// Gives each unit without an id the id of the most similar previous block of its kind not
/// used yet (at least half alike), the closest pairs first.
fn match_similar(
    units: &[Unit],
    keys: &[String],
    previous: &Previous,
    given: &mut [Option<String>],
    used: &mut HashSet<String>,
) {
    let mut pairs: Vec<(f64, usize, &str)> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        if given[i].is_some() {
            continue;
        }
        for (id, _) in previous
            .filled
            .iter()
            .filter(|(id, kind)| *kind == unit.kind && !used.contains(id))
        {
            if let Some(old) = previous.texts.get(id) {
                let score = strsim::normalized_levenshtein(old, &keys[i]);
                if score >= 0.5 {
                    pairs.push((score, i, id));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i, id) in pairs {
        if given[i].is_none() && !used.contains(id) {
            used.insert(id.to_string());
            given[i] = Some(id.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(proposed: &str, kind: &'static str) -> Unit {
        Unit {
            proposed: proposed.into(),
            kind: Some(kind),
            value: None,
            attributes: Vec::new(),
            links: Vec::new(),
            group: None,
            image: None,
            id: String::new(),
        }
    }

    #[test]
    fn moved_text_keeps_its_id_and_edited_text_its_place() {
        let previous = Previous {
            filled: vec![
                ("a-p1".into(), Some("p")),
                ("a-p2".into(), Some("p")),
                ("a-p3".into(), Some("p")),
            ],
            texts: [
                ("a-p1", "One sentence here."),
                ("a-p2", "Two sentences there."),
                ("a-p3", "Three."),
            ]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        };
        // p2 moved first, p1 edited, p3 deleted, one new.
        let mut units = vec![unit("a-p1", "p"), unit("a-p2", "p"), unit("a-p3", "p")];
        let keys = vec![
            "Two sentences there.".to_string(),
            "One sentence here, edited.".to_string(),
            "Entirely new words".to_string(),
        ];
        let changes = assign(&mut units, &keys, &previous);
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["a-p2", "a-p1", "a-p3"]);
        assert_eq!(changes.kept, ["a-p2"]);
        assert_eq!(changes.changed, ["a-p1", "a-p3"]);
    }

    fn previous(filled: &[(&str, &'static str, &str)]) -> Previous {
        Previous {
            filled: filled
                .iter()
                .map(|(id, kind, _)| ((*id).to_string(), Some(*kind)))
                .collect(),
            texts: filled
                .iter()
                .map(|(id, _, text)| ((*id).to_string(), (*text).to_string()))
                .collect(),
        }
    }

    fn ids(units: &[Unit]) -> Vec<&str> {
        units.iter().map(|u| u.id.as_str()).collect()
    }

    #[test]
    fn an_edit_next_to_a_deletion_or_an_insertion_keeps_its_own_id() {
        let before = previous(&[
            ("a-p1", "p", "The first paragraph, as it was."),
            ("a-p2", "p", "A second paragraph that goes away."),
            ("a-p3", "p", "The third paragraph, about to be edited."),
        ]);
        // p2 deleted, p3 edited: p3 is now where p2 was.
        let mut units = vec![unit("a-p1", "p"), unit("a-p2", "p")];
        let keys = vec![
            "The first paragraph, as it was.".to_string(),
            "The third paragraph, edited now.".to_string(),
        ];
        let changes = assign(&mut units, &keys, &before);
        assert_eq!(ids(&units), ["a-p1", "a-p3"]);
        assert_eq!(changes.removed, ["a-p2"]);

        // A paragraph inserted at the top, and the one it pushed down edited.
        let before = previous(&[("a-p1", "p", "The only paragraph there was.")]);
        let mut units = vec![unit("a-p1", "p"), unit("a-p2", "p")];
        let keys = vec![
            "Something new, first.".to_string(),
            "The only paragraph there was, edited.".to_string(),
        ];
        let changes = assign(&mut units, &keys, &before);
        assert_eq!(ids(&units), ["a-p1-2", "a-p1"]);
        assert_eq!(changes.added, ["a-p1-2"]);
        assert_eq!(changes.changed, ["a-p1"]);
    }

    #[test]
    fn a_reworded_heading_keeps_its_id() {
        let before = previous(&[
            ("a-week-one-heading", "heading", "Week one"),
            ("a-week-two-heading", "heading", "Week two"),
        ]);
        let mut units = vec![
            unit("a-week-one-heading", "heading"),
            unit("a-after-the-first-heading", "heading"),
        ];
        let keys = vec!["Week one".to_string(), "After the first week".to_string()];
        let changes = assign(&mut units, &keys, &before);
        assert_eq!(ids(&units), ["a-week-one-heading", "a-week-two-heading"]);
        assert_eq!(changes.changed, ["a-week-two-heading"]);
        assert!(changes.added.is_empty() && changes.removed.is_empty());
    }
}
