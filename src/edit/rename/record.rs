//! The records (`crate::record`) through a rename: each line follows its value or attribute
//! to the new name, the reference text it keeps is renamed as the reference is, and a
//! fingerprint that matched the translation matches the renamed translation. A pure rename
//! never makes a translation outdated, and never clears one that was.

use std::collections::HashMap;
use std::path::PathBuf;

use fluent_syntax::ast;
use fluent_syntax::parser::parse;

use super::{FileChange, Files, RenamePlan, Renaming, entry_edits};
use crate::edit::layout::Style;
use crate::edit::patch::apply;
use crate::edit::record::fingerprints;
use crate::error::{Error, Result};
use crate::ftl::canonical::canonical;
use crate::ftl::pattern::patterns;
use crate::record::{Record, RecordData, Recorded, key_text};

impl Files {
    /// `plan` with the records of the locales that have one, renamed; with `outdate` (the
    /// reference locale's name), every translation of a renamed name marked outdated.
    pub(super) fn plan_records(
        &self,
        renaming: &Renaming<'_>,
        mut plan: RenamePlan,
        outdate: Option<&str>,
    ) -> Result<RenamePlan> {
        if let Some(reference) = outdate {
            self.refuse_unrecorded(renaming, &plan, reference)?;
        }
        for (locale, path, text) in &self.records {
            let record = Record::parse(text);
            if let Some(problem) = record.problems.first() {
                return Err(Error::Invalid {
                    path: path.clone(),
                    line: Some(problem.line),
                    column: Some(1),
                    message: format!("the record cannot be renamed: {}", problem.message),
                    help: "fix or delete the line (`folio check` shows every one), then rename"
                        .into(),
                });
            }
            let (before, after) = self.fingerprints(locale, &plan);
            let mut data = RecordData::default();
            let mut renamed = 0;
            for line in record.lines() {
                let key = key_text(line.id, line.attribute);
                let (id, attribute) = renamed_key(renaming, line.id, line.attribute);
                let new_key = key_text(&id, attribute.as_deref());
                let old_text = line.reference();
                let reference = old_text.as_ref().map(|old| {
                    renamed_text(renaming, line.id, line.attribute, old)
                        .unwrap_or_else(|| old.clone())
                });
                // A translation as it was recorded is recorded as it is renamed.
                let fingerprint = match (before.get(&key), after.get(&new_key)) {
                    (Some(was), Some(now)) if was.eq_ignore_ascii_case(line.fingerprint) => {
                        now.clone()
                    }
                    _ => line.fingerprint.to_ascii_lowercase(),
                };
                if new_key != key || reference != old_text || fingerprint != line.fingerprint {
                    renamed += 1;
                }
                // A line that leaves the text out (the translation's own) still does: the
                // translation is renamed as the reference is.
                data.entries.insert(
                    new_key,
                    Recorded {
                        fingerprint,
                        reference,
                    },
                );
            }
            if outdate.is_some() {
                renamed += outdate_renamed(renaming, &after, &mut data);
            }
            if renamed > 0 {
                plan.files.push(FileChange {
                    path: path.clone(),
                    before: text.clone(),
                    after: data.to_text(),
                    renamed,
                });
            }
        }
        Ok(plan)
    }

    /// The fingerprint of each value and attribute of `locale`, before and after the rename.
    fn fingerprints(
        &self,
        locale: &str,
        plan: &RenamePlan,
    ) -> (HashMap<String, String>, HashMap<String, String>) {
        let (mut before, mut after) = (HashMap::new(), HashMap::new());
        for (_, path, text) in self.ftl.iter().filter(|(l, ..)| l == locale) {
            let renamed = plan
                .files
                .iter()
                .find(|f| f.path == *path)
                .map_or(text, |f| &f.after);
            for (key, fingerprint) in fingerprints(text) {
                before.entry(key).or_insert(fingerprint);
            }
            for (key, fingerprint) in fingerprints(renamed) {
                after.entry(key).or_insert(fingerprint);
            }
        }
        (before, after)
    }
}

impl Files {
    /// Refuses `--outdate` when a locale that translates a renamed name has no record to mark
    /// it in.
    fn refuse_unrecorded(
        &self,
        renaming: &Renaming<'_>,
        plan: &RenamePlan,
        reference: &str,
    ) -> Result<()> {
        for (locale, path, _) in &self.ftl {
            if locale == reference || self.records.iter().any(|(l, ..)| l == locale) {
                continue;
            }
            let (_, after) = self.fingerprints(locale, plan);
            if after.keys().any(|key| is_renamed(renaming, key)) {
                return Err(Error::Usage {
                    message: format!(
                        "`{locale}` has no record of what its translations were made from, so \
                         `--outdate` cannot mark them ({})",
                        path.display()
                    ),
                    help: "run `folio sync` first (it records every translation as current), \
                           then rename with --outdate; nothing was changed"
                        .into(),
                });
            }
        }
        Ok(())
    }
}

/// Whether the value or attribute `key` (after the rename) is one a rename gave a new name.
fn is_renamed(renaming: &Renaming<'_>, key: &str) -> bool {
    let Renaming::Names(renames) = renaming else {
        return false;
    };
    renames.iter().any(|(_, new)| {
        let id = new.entry();
        match &new.attribute {
            Some(attribute) => key == format!("{id}.{attribute}"),
            None => {
                key == id
                    || key
                        .strip_prefix(id.as_str())
                        .is_some_and(|r| r.starts_with('.'))
            }
        }
    })
}

/// Marks every translation of a renamed name outdated in `data` (the locale's record, renamed),
/// its fingerprints taken from the locale as renamed (`after`): the recorded reference text
/// is left empty, a text the reference never has. Returns how many lines changed.
fn outdate_renamed(
    renaming: &Renaming<'_>,
    after: &HashMap<String, String>,
    data: &mut RecordData,
) -> usize {
    let mut changed = 0;
    for (key, fingerprint) in after {
        if !is_renamed(renaming, key) {
            continue;
        }
        data.entries.insert(
            key.clone(),
            Recorded {
                fingerprint: fingerprint.clone(),
                reference: Some(String::new()),
            },
        );
        changed += 1;
    }
    changed
}

/// The record files of a project's locales: (locale folder, file on disk, its text).
pub(super) fn read_records(
    project: &crate::project::Project,
) -> Result<Vec<(String, PathBuf, String)>> {
    let mut records = Vec::new();
    for locale in project.catalog().locales() {
        let Some(file) = &locale.record else { continue };
        let Some(path) = file.disk_path() else {
            continue;
        };
        let bytes = file.read().map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|_| Error::Invalid {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: "the record is not UTF-8 text".into(),
            help: "delete it and run `folio sync`, which records every translation as current"
                .into(),
        })?;
        records.push((locale.name.clone(), path.to_path_buf(), text));
    }
    Ok(records)
}

/// The id and attribute a record line about `id` (and `attribute`) has after `renaming`.
fn renamed_key(
    renaming: &Renaming<'_>,
    id: &str,
    attribute: Option<&str>,
) -> (String, Option<String>) {
    if let Renaming::Names(renames) = renaming {
        for (old, new) in *renames {
            if old.entry() != id {
                continue;
            }
            match (&old.attribute, attribute) {
                (None, _) => return (new.entry(), attribute.map(str::to_string)),
                (Some(a), Some(b)) if a == b => return (new.entry(), new.attribute.clone()),
                _ => {}
            }
        }
    }
    (id.to_string(), attribute.map(str::to_string))
}

/// The canonical reference `text` of `id`'s value or `attribute` after `renaming`: parsed
/// back into an entry of that id, renamed as a locale file is, and made canonical again.
/// `None` when the text does not read back (it then stays as it is).
fn renamed_text(
    renaming: &Renaming<'_>,
    id: &str,
    attribute: Option<&str>,
    text: &str,
) -> Option<String> {
    // `canonical` writes a pattern after `x =`, on its own lines (indented) when it has
    // several: the two ways back, each kept only if it reads as the same text.
    let indented = |depth: &str| {
        text.lines()
            .map(|line| format!("{depth}{line}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (head, inner) = match attribute {
        None => (format!("{id} ="), "    "),
        Some(attribute) => (format!("{id} = x\n    .{attribute} ="), "        "),
    };
    let candidates = [
        format!("{head} {text}\n"),
        format!("{head}\n{}\n", indented(inner)),
    ];
    for source in candidates {
        let Ok(resource) = parse(source.as_str()) else {
            continue;
        };
        let [entry] = resource.body.as_slice() else {
            continue;
        };
        if part(entry, attribute).map(canonical).as_deref() != Some(text) {
            continue;
        }
        let mut edits = Vec::new();
        entry_edits(&source, entry, renaming, &mut edits);
        let renamed = apply(&source, edits, Style::of(&source));
        let resource = parse(renamed.as_str()).ok()?;
        let entry = resource.body.first()?;
        let attribute = match (renamed_key(renaming, id, attribute), attribute) {
            ((_, Some(new)), Some(_)) => Some(new),
            _ => None,
        };
        return part(entry, attribute.as_deref()).map(canonical);
    }
    None
}

/// The value (`attribute` `None`) or an attribute of `entry`.
fn part<'a>(
    entry: &'a ast::Entry<&'a str>,
    attribute: Option<&str>,
) -> Option<&'a ast::Pattern<&'a str>> {
    patterns(entry)
        .into_iter()
        .find(|(a, _)| *a == attribute)
        .map(|(_, p)| p)
}
